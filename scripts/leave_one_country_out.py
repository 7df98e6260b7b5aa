#!/usr/bin/env python
"""Leave-one-country-out table of the event-type classifier (clamor.evaluate.loco).

Prints one row per left-out country: event type macro-F1 and sub-type weighted F1 of the
model that never saw it, beside the in-distribution twin, majority and keyword, and the
pipeline's fatalities exact beside always 0. ``--json`` writes the full result.

Usage: .venv/bin/python scripts/leave_one_country_out.py [--data DIR] [--countries A,B]
       [--country-cap N | --no-cap] [--max-iter N] [--fatality-sample N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clamor.evaluate import loco
from clamor.evaluate.scorer import default_data_dir

COLUMNS = (("event_type_macro_f1", ("classifier", "in_distribution", "majority", "keyword")),
           ("event_type_macro_f1_supported", ("classifier", "in_distribution")),
           ("sub_event_type_weighted_f1", ("classifier", "in_distribution", "keyword")),
           ("fatalities_exact", ("pipeline", "always_0")))


def table(result: dict) -> str:
    """A Markdown table of ``result`` (one row per country)."""
    head = ["country", "test", "train"] + [f"{f} {s}" for f, systems in COLUMNS for s in systems]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for country in result["countries"]:
        key = country.lower().replace(" ", "_")
        n = result["n"][country]
        cells = [country, str(n["test"]), str(n["train"])]
        for figure, systems in COLUMNS:
            values = result["figures"].get(f"{key}_{figure}", {})
            cells += [f"{values[s]:.3f}" if s in values else "" for s in systems]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--countries", help="comma-separated (default: every eligible one)")
    parser.add_argument("--country-cap", type=int, default=loco.COUNTRY_CAP)
    parser.add_argument("--max-iter", type=int, default=loco.MAX_ITER)
    parser.add_argument("--no-cap", action="store_true", help="train each fold on every row")
    parser.add_argument("--fatality-sample", type=int, default=loco.FATALITY_SAMPLE)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    paths = loco.acled_paths(args.data)
    if not paths:
        print(f"no ACLED notes under {args.data} (set CLAMOR_DATA)", file=sys.stderr)
        return 2
    result = loco.leave_one_country_out(
        paths, countries=args.countries.split(",") if args.countries else None,
        country_cap=None if args.no_cap else args.country_cap, max_iter=args.max_iter,
        fatality_sample=args.fatality_sample)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
