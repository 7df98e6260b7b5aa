#!/usr/bin/env python
"""Train the event-type model shipped in the package from the development data.

Data: ACLED notes, 2019+ rows only ($CLAMOR_DATA/acled/acled_dev.csv and acled_extra.csv,
some 90 countries), plus the team-written seed examples
(src/clamor/data/models/seed_examples.tsv) for sub-types the notes barely cover. CASE 2021
is a test set and is never trained on or tuned on. The shipped model is fitted on the
training split only (rows outside :func:`clamor.evaluate.gold.is_heldout`, in both files),
less a calibration fold on which its temperature is fitted, so the held-out scores in its
card, and ``clamor evaluate acled`` on the held-out split, measure unseen rows. Nothing is
random: splits are hashes of the ids and the solver (lbfgs) is deterministic. The recipe
(name masking and type balance: clamor.extract.classifier.MASK_NAMES / TYPE_BALANCED) is
the one clamor.evaluate.loco fits per left-out country; ``--loco JSON`` copies the
leave-one-country-out figures of that recipe (scripts/loco_typing.py --json) into the card.

Usage: .venv/bin/python scripts/train_event_model.py [--data DIR] [--out PATH]
       [--loco JSON [--card-only]]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clamor.evaluate.scorer import default_data_dir
from clamor.evaluate.training import SEED_EXAMPLES, train_event_type
from clamor.extract.classifier import SHIPPED_MODEL, read_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=SHIPPED_MODEL)
    parser.add_argument("--loco", type=Path, help="scripts/loco_typing.py --json output")
    parser.add_argument("--card-only", action="store_true",
                        help="with --loco: add the figures to the card of --out, no training")
    args = parser.parse_args(argv)
    files = [args.data / "acled" / name for name in ("acled_dev.csv", "acled_extra.csv")]
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"development data not found: {missing[0]} (set CLAMOR_DATA)", file=sys.stderr)
        return 2
    if args.card_only:
        model, report = read_model(args.out), {}
    else:
        model, report = train_event_type(files, out=args.out, seed_examples=SEED_EXAMPLES)
    if args.loco:  # the recipe's out-of-country figures, beside the held-out ones
        loco = json.loads(args.loco.read_text())
        recipe = loco_recipe(model)
        model.card["leave_one_country_out"] = {
            "recipe": recipe, "settings": loco["settings"],
            "figures": loco["recipes"].get(recipe),
            "how": "scripts/loco_typing.py: each country typed by this recipe fitted on "
                   "every other country (capped per country); event-type macro-F1 etc."}
        model.save(args.out)
    print(json.dumps({k: v for k, v in report.items() if k != "per_class"}, indent=2))
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) and its card")
    return 0


def loco_recipe(model) -> str:
    """The scripts/loco_typing.py name of the model's recipe."""
    balanced = "type_balanced_weights" in str(model.card["hyperparameters"]["class_weight"])
    mask = {1: "mask", 2: "norp"}.get(model.mask, "")
    return "+".join(n for n in (mask, "type" if balanced else "") if n) or "base"


if __name__ == "__main__":
    sys.exit(main())
