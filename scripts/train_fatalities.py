#!/usr/bin/env python
"""Train the fatality count selector shipped in the package (clamor.extract.fatalities).

Data ($CLAMOR_DATA): ACLED notes, ``acled/acled_dev.csv`` + ``acled/acled_extra.csv``
(2019+ rows), leaving out the fixed held-out split (clamor.evaluate.gold.is_heldout) that
``clamor evaluate acled`` scores. At most ``--cap`` notes per country (first in SHA-1 order
of the event id): every country's way of writing counts, none dominates, and the features
fit in a few minutes. Each candidate number of a note's sentences is an example, positive
when its value is the note's coded fatalities (clamor.evaluate.fatality_training).

The card reports the selector alone on the held-out notes of acled_dev (Kenya, Bangladesh,
Afghanistan) and of acled_extra, beside the casualty rules and always 0. The
out-of-country figures (one model per left-out country) come from
``scripts/leave_one_country_out.py --fatalities-only``.

Usage: .venv/bin/python scripts/train_fatalities.py [--data DIR] [--out PATH] [--cap N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from clamor.evaluate import gold, loco
from clamor.evaluate.fatality_training import C, SEED, Examples, exact, fit
from clamor.evaluate.scorer import corpus_sha256, default_data_dir
from clamor.extract.fatalities import MODEL_PATH, N_FEATURES

#: Notes per country trained on (and scored on, among held-out rows).
CAP = 1000


def capped(rows, cap):
    by_country = defaultdict(list)
    for r in rows:
        by_country[r.country].append(r)
    return [r for rs in by_country.values() for r in sorted(rs, key=loco._hash_order)[:cap]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cap", type=int, default=CAP)
    args = parser.parse_args(argv)
    paths = loco.acled_paths(args.data)
    if not paths:
        print(f"no ACLED notes under {args.data} (set CLAMOR_DATA)", file=sys.stderr)
        return 2
    rows = loco.read_rows(paths)
    train = capped([r for r in rows if not gold.is_heldout(r.event_id)], args.cap)
    held = capped([r for r in rows if gold.is_heldout(r.event_id)], args.cap)
    ex = Examples.build([r.text for r in train + held], [r.fatalities or 0 for r in train + held])
    model, info = fit(ex, range(len(train)))
    model.save(args.out)
    figures = {}
    dev_ids = {r.event_id for r in gold.read_acled(Path(args.data) / loco.ACLED_FILES[0], taxonomy="2019+")}
    for name, members in (("heldout_acled_dev", [i for i, r in enumerate(held, len(train)) if r.event_id in dev_ids]),
                          ("heldout_acled_extra", [i for i, r in enumerate(held, len(train)) if r.event_id not in dev_ids])):
        figures[name] = {"n": len(members),
                         "selector": round(exact(ex, members, ex.predict(model, members)), 4),
                         "rules": round(exact(ex, members, [ex.rules[i] for i in members]), 4),
                         "always_0": round(exact(ex, members, [0] * len(members)), 4)}
    card = {
        "model": "fatality count selector: logistic regression over hashed candidate-context features",
        "module": "clamor.extract.fatalities", "trained_by": "scripts/train_fatalities.py",
        "data": {p.name: corpus_sha256(p) for p in paths},
        "rows": "2019+ ACLED notes, not held out (clamor.evaluate.gold.is_heldout)",
        "cap_per_country": args.cap, "n_train_notes": len(train), "seed": SEED, "c": C,
        "n_features": N_FEATURES, "threshold": model.threshold, "training": info,
        "figures": figures,
        "figures_note": "fatalities exact of the selector alone on the notes' text (a note "
                        "is right when its count equals the coded one; no event detection)",
        "terms": "ACLED Terms of Use: attribution, non-commercial research use; the weights hold "
                 "hashed feature weights, no rows",
    }
    args.out.with_suffix(".card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
