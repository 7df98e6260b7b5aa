#!/usr/bin/env python
"""Event typing out of country: training recipes side by side, and where they fail.

For each recipe (``--recipes``), each left-out country (``--countries``) is typed by a
model fitted on every other country (``clamor.evaluate.loco``'s folds: ``--cap`` notes per
training country, ``--max-iter`` lbfgs iterations, the seed examples) and scored by
event-type macro-F1. With ``--twin`` each recipe is also fitted on the training split of
every country and scored on the ACLED held-out split (in distribution) and on CASE 2021
dev (classifier alone, in-taxonomy snippets; a test set: measured, never used to choose).
``--confusion`` prints, per country, the event-type F1 and support of each type and where
its notes went (rows gold, columns predicted), for the first recipe.

Recipes: ``base`` (sub-types balanced, as shipped before), ``mask`` (names masked before
featurising: clamor.extract.classifier.mask_names), ``type`` (event types balanced:
type_balanced_weights), ``mask+type``, ``norp`` (demonyms masked only).

Usage: .venv/bin/python scripts/loco_typing.py [--countries A,B | --all] [--cap N]
       [--max-iter N] [--recipes base,mask] [--twin] [--confusion] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from clamor.evaluate import gold, loco, metrics
from clamor.evaluate.scorer import default_data_dir, score_typing
from clamor.evaluate.training import SEED_EXAMPLES, read_seed_examples

FAILING = ("Palestine", "Ukraine", "United States", "Ghana")
RECIPES = {"base": (0, False), "mask": (1, False), "type": (0, True),
           "mask+type": (1, True), "norp": (2, False)}


def confusion_text(country: str, gold_types: list[str], pred_types: list[str]) -> str:
    """Per-type F1 (support) and the confusion matrix of one country, as text."""
    report = metrics.classification_report(gold_types, pred_types)
    conf = metrics.confusion_matrix(gold_types, pred_types)
    short = {t: t.split()[0][:10] for t in conf["labels"]}
    lines = [f"## {country}: macro-F1 {report['macro_f1']:.3f}"]
    for t, c in report["per_class"].items():
        lines.append(f"  {t}: F1 {c['f1']:.3f} P {c['precision']:.3f} R {c['recall']:.3f} "
                     f"(n {c['support']})")
    lines.append("  gold \\ pred | " + " | ".join(short[t] for t in conf["labels"]))
    for t, row in zip(conf["labels"], conf["matrix"]):
        lines.append(f"  {short[t]} | " + " | ".join(str(v) for v in row))
    return "\n".join(lines)


_COUNTS: dict[int, object] = {}  # the notes' n-gram counts, once per masking


def run_recipe(name: str, rows, seeds, countries, cap, max_iter, twin, case_rows,
               confusion: bool) -> dict:
    mask, type_balanced = RECIPES[name]
    folds = loco._Folds(rows, seeds, cap, max_iter, mask=mask, type_balanced=type_balanced,
                        counts=_COUNTS.get(mask))
    _COUNTS[mask] = folds.counts
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_country[r.country].append(i)
    out: dict = {"loco": {}}
    for country in countries:
        test = by_country[country]
        model, _ = folds.fit([i for i, r in enumerate(rows) if r.country != country])
        preds = folds.predict(model, test)
        gold_types = [rows[i].event_type for i in test]
        scored = score_typing(gold_types, [rows[i].sub_event_type for i in test],
                              {"classifier": preds})["figures"]
        out["loco"][country] = {k: round(v["classifier"], 4) for k, v in scored.items()}
        print(f"{name}\t{country}\t{out['loco'][country]['event_type_macro_f1']:.3f}",
              flush=True)
        if confusion:
            print(confusion_text(country, gold_types, [p[0] for p in preds]), flush=True)
    if twin:
        model, _ = folds.fit([i for i, r in enumerate(rows) if not gold.is_heldout(r.event_id)])
        held = [i for i, r in enumerate(rows) if gold.is_heldout(r.event_id)]
        scored = score_typing([rows[i].event_type for i in held],
                              [rows[i].sub_event_type for i in held],
                              {"classifier": folds.predict(model, held)})["figures"]
        out["acled_heldout"] = {k: round(v["classifier"], 4) for k, v in scored.items()}
        if case_rows:
            preds = [(p.event_type, p.sub_event_type)
                     for p in model.predict([r.text for r in case_rows])]
            scored = score_typing([r.event_type for r in case_rows],
                                  [r.sub_event_type for r in case_rows],
                                  {"classifier": preds})["figures"]
            out["case_dev"] = {k: round(v["classifier"], 4) for k, v in scored.items()}
        print(f"{name}\ttwin\t{json.dumps({k: v for k, v in out.items() if k != 'loco'})}",
              flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--countries", default=",".join(FAILING))
    parser.add_argument("--all", action="store_true", help="every eligible country")
    parser.add_argument("--cap", type=int, default=loco.COUNTRY_CAP)
    parser.add_argument("--max-iter", type=int, default=loco.MAX_ITER)
    parser.add_argument("--recipes", default="base,mask,type,mask+type")
    parser.add_argument("--twin", action="store_true")
    parser.add_argument("--confusion", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    paths = loco.acled_paths(args.data)
    recipes = args.recipes.split(",")
    if not paths or any(r not in RECIPES for r in recipes):
        print(f"no ACLED notes under {args.data} or unknown recipe in {recipes}",
              file=sys.stderr)
        return 2
    rows = loco.read_rows(paths)
    seeds = read_seed_examples(SEED_EXAMPLES) if SEED_EXAMPLES.is_file() else []
    countries = loco.eligible_countries(rows) if args.all else args.countries.split(",")
    case_path = args.data / "case2021_task2" / "dev.tsv"
    case_rows = ([r for r in gold.read_case(case_path) if r.sub_event_type]
                 if args.twin and case_path.is_file() else [])
    result = {"settings": {"cap": args.cap, "max_iter": args.max_iter, "seed": loco.SEED},
              "recipes": {}}
    for i, name in enumerate(recipes):
        result["recipes"][name] = run_recipe(name, rows, seeds, countries, args.cap,
                                             args.max_iter, args.twin, case_rows,
                                             args.confusion and i == 0)
    for name, res in result["recipes"].items():
        f1 = [v["event_type_macro_f1"] for v in res["loco"].values()]
        print(f"{name}: mean LOCO type macro-F1 {sum(f1) / len(f1):.4f} over {len(f1)}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
