"""Build ``src/clamor/data/store/acled_regions.tsv``: ISO 3166-1 alpha-2 code -> ACLED region.

Input: a table of UN M49 sub-regions per country. We read the one the ``country_converter``
package ships (``country_data.tsv``, columns ``ISO2`` and ``UNregion``); the package is
only needed to run this script, not by clamor. Usage:

    pip install country_converter   # in any scratch environment
    python scripts/build_acled_regions.py path/to/country_converter/country_data.tsv

ACLED groups countries into regions that mostly follow the M49 sub-regions; the
exceptions below are the places where ACLED's regional coverage differs from M49.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/clamor/data/store/acled_regions.tsv"

#: M49 sub-region -> ACLED region.
BY_M49 = {
    "Northern Africa": "Northern Africa", "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa", "Southern Asia": "South Asia",
    "South-eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia",
    "Central Asia": "Caucasus and Central Asia", "Western Asia": "Middle East",
    "Northern Europe": "Europe", "Western Europe": "Europe", "Southern Europe": "Europe",
    "Eastern Europe": "Europe", "Northern America": "North America",
    "Central America": "Central America", "South America": "South America",
    "Caribbean": "Caribbean", "Australia and New Zealand": "Oceania", "Melanesia": "Oceania",
    "Micronesia": "Oceania", "Polynesia": "Oceania", "Antarctica": "Antarctica",
}

#: Countries ACLED places outside their M49 sub-region's group.
EXCEPTIONS = {
    "IR": "Middle East",                                      # M49: Southern Asia
    "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",                        # M49: Western Asia
    "CY": "Europe",                                           # M49: Western Asia
    "AO": "Southern Africa",                                  # M49: Middle Africa
    "MG": "Southern Africa", "MW": "Southern Africa", "MZ": "Southern Africa",
    "ZM": "Southern Africa", "ZW": "Southern Africa",         # M49: Eastern Africa
}


def build(country_data: Path) -> list[tuple[str, str]]:
    rows = []
    with country_data.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            code, m49 = record["ISO2"].strip(), record["UNregion"].strip()
            region = EXCEPTIONS.get(code) or BY_M49.get(m49)
            if len(code) == 2 and region:
                rows.append((code, region))
    return sorted(set(rows))


def main(argv: list[str]) -> int:
    rows = build(Path(argv[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# ISO 3166-1 alpha-2 -> ACLED region. Built by scripts/build_acled_regions.py "
                     "from UN M49 sub-regions; see PROVENANCE.md.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("country_code", "region"))
        writer.writerows(rows)
    print(f"{len(rows)} countries -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
