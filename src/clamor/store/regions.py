"""ACLED's ``region`` for a country, from the table in ``clamor/data/store`` (see its PROVENANCE.md)."""

from __future__ import annotations

import csv
import functools
from importlib import resources


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    text = (resources.files("clamor") / "data" / "store" / "acled_regions.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")),
                          delimiter="\t")
    return {row["country_code"]: row["region"] for row in rows}


def acled_region(country_code: str | None) -> str | None:
    """The ACLED region of an ISO 3166-1 alpha-2 code (``None`` when unknown)."""
    return _regions().get((country_code or "").upper())
