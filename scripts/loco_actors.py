#!/usr/bin/env python
"""Actor1 per left-out country (clamor.evaluate.actors): the full coder on the sample of each
country's ACLED notes that the leave-one-country-out fatality part runs (one pass, as in
the quality report), actor1 exact with and without regime years, beside the other
countries' most common actor1 pattern named with the left-out country; then the errors
by category per country (``--errors``) and the (predicted, ACLED) pairs (``--json``).

Usage: .venv/bin/python scripts/loco_actors.py [--data DIR] [--countries A,B]
       [--sample N] [--errors] [--json OUT]
       .venv/bin/python scripts/loco_actors.py --articles OUT.json   (a file written by
       `clamor evaluate articles --out OUT.json`: actor1 of the whole-article typed matches)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clamor.evaluate import actors, loco
from clamor.evaluate.scorer import default_data_dir

CATEGORIES = ("ok", "years", "country", "state_kind", "generic_for_named", "civilians", "role",
              "missing", "other", "no_gold")


def table(result: dict) -> str:
    """Markdown: one row per country, then the mean over countries."""
    head = ["country", "n", "exact", "without years", "pattern majority exact",
            "pattern majority without years", "baseline name"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    sums = [0.0] * 4
    for country, n in result["n"].items():
        key = country.lower().replace(" ", "_")
        ex, wy = result["figures"][f"{key}_actor1_exact"], result["figures"][f"{key}_actor1_match_without_years"]
        vals = [ex["pipeline"], wy["pipeline"], ex["pattern_majority"], wy["pattern_majority"]]
        sums = [s + v for s, v in zip(sums, vals)]
        lines.append("| " + " | ".join([country, str(n)] + [f"{v:.3f}" for v in vals]
                                       + [result["baseline"][country] or ""]) + " |")
    k = max(len(result["n"]), 1)
    lines.append("| **mean** | | " + " | ".join(f"**{s / k:.3f}**" for s in sums) + " | |")
    return "\n".join(lines)


def error_table(result: dict) -> str:
    """Markdown: share of each error category per country."""
    lines = ["| country | " + " | ".join(CATEGORIES) + " |", "|" + "---|" * (len(CATEGORIES) + 1)]
    total = {c: 0 for c in CATEGORIES}
    for country, errors in result["errors"].items():
        n = sum(errors.values()) or 1
        lines.append("| " + country + " | " + " | ".join(f"{errors.get(c, 0) / n:.2f}" for c in CATEGORIES) + " |")
        for c in CATEGORIES:
            total[c] += errors.get(c, 0)
    n = sum(total.values()) or 1
    lines.append("| **all** | " + " | ".join(f"**{total[c] / n:.2f}**" for c in CATEGORIES) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--countries", help="comma-separated (default: every eligible one)")
    parser.add_argument("--sample", type=int, default=loco.FATALITY_SAMPLE)
    parser.add_argument("--errors", action="store_true", help="also the error categories")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--articles", type=Path, help="score actor1 in this articles --out file instead")
    args = parser.parse_args(argv)
    if args.articles:
        result = json.loads(args.articles.read_text())
        for system, diagnostics in result.get("diagnostics", {}).items():
            for dataset, figures in actors.matched_actor_figures({"articles": diagnostics}).items():
                print(system, dataset, json.dumps(figures))
        return 0
    paths = loco.acled_paths(args.data)
    if not paths:
        print(f"no ACLED notes under {args.data} (set CLAMOR_DATA)", file=sys.stderr)
        return 2
    countries = args.countries.split(",") if args.countries else None
    result = actors.leave_one_country_out_actors(paths, countries, args.sample)
    print(table(result))
    if args.errors:
        print()
        print(error_table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
