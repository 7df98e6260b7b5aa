#!/usr/bin/env python
"""Leave-one-country-out table of the event-type classifier (clamor.evaluate.loco).

Prints one row per left-out country: event type macro-F1 and sub-type weighted F1 of the
model that never saw it, beside the in-distribution twin, majority and keyword, and the
pipeline's fatalities exact beside always 0. ``--json`` writes the full result.
``--fatalities-only`` runs just the fatality part (a few minutes): per left-out country the
pipeline's fatalities exact beside always 0, on all sampled notes and on the notes where the
pipeline found an event (a missed event counts wrong), and the share with no event; and
from the same pass actor1 exact with and without regime years beside the other countries'
most common actor1 pattern (clamor.evaluate.actors).
``--selector`` scores the pipeline with a fatality selector (clamor.extract.fatalities)
trained without the left-out country instead of the shipped casualty rules, and the
selector alone on the notes' text beside the rules alone. ``--errors`` (with
``--fatalities-only``) adds per country the category of every fatality miss: no event (and
the check that stopped it), count too high or too low (and what it was read from);
clamor.evaluate.fatality_errors.

Usage: .venv/bin/python scripts/leave_one_country_out.py [--data DIR] [--countries A,B]
       [--country-cap N | --no-cap] [--max-iter N] [--fatality-sample N] [--json OUT]
       [--fatalities-only] [--selector] [--errors]
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


FATALITY_COLUMNS = (("fatalities_exact", ("pipeline", "always_0", "pipeline_where_event",
                                         "always_0_where_event", "no_event_share")),
                    ("fatalities_selector_exact", ("selector", "rules", "always_0")),
                    ("actor1_exact", ("pipeline", "pattern_majority")),
                    ("actor1_match_without_years", ("pipeline", "pattern_majority")))


def table(result: dict, columns=COLUMNS, counts=("test", "train")) -> str:
    """A Markdown table of ``result`` (one row per country)."""
    head = ["country", *counts] + [f"{f} {s}" for f, systems in columns for s in systems]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for country in result["countries"]:
        key = country.lower().replace(" ", "_")
        n = result["n"][country]
        cells = [country, *(str(n.get(c, "")) for c in counts)]
        for figure, systems in columns:
            values = result["figures"].get(f"{key}_{figure}", {})
            cells += [f"{values[s]:.3f}" if s in values else "" for s in systems]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def error_tallies(result: dict) -> str:
    """One line per country and tally: categories, no-event checks, wrong-count sources."""
    lines = []
    for country in result["countries"]:
        found = result["actors"].get(country, {}).get("fatality_errors")
        if not found:
            continue
        for name in ("categories", "no_event", "wrong_count"):
            cells = ", ".join(f"{k} {v}" for k, v in sorted(found[name].items(), key=lambda kv: -kv[1]))
            lines.append(f"{country} {name.replace('_', ' ')}: {cells}")
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
    parser.add_argument("--fatalities-only", action="store_true",
                        help="only the fatality part (no event-type folds)")
    parser.add_argument("--selector", action="store_true",
                        help="a fatality selector trained per fold instead of the casualty rules")
    parser.add_argument("--errors", action="store_true",
                        help="with --fatalities-only: each country's fatality misses by category")
    args = parser.parse_args(argv)
    paths = loco.acled_paths(args.data)
    if not paths:
        print(f"no ACLED notes under {args.data} (set CLAMOR_DATA)", file=sys.stderr)
        return 2
    countries = args.countries.split(",") if args.countries else None
    if args.fatalities_only:
        result = loco.leave_one_country_out_fatalities(
            paths, countries=countries, fatality_sample=args.fatality_sample,
            fatality_selector=args.selector, errors=args.errors)
        print(table(result, FATALITY_COLUMNS, ("fatalities", "fatality_selector_train")))
        if args.errors:
            print(error_tallies(result))
    else:
        result = loco.leave_one_country_out(
            paths, countries=countries,
            country_cap=None if args.no_cap else args.country_cap, max_iter=args.max_iter,
            fatality_sample=args.fatality_sample, fatality_selector=args.selector)
        print(table(result))
        print(table(result, FATALITY_COLUMNS, ("fatalities", "fatality_selector_train")))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
