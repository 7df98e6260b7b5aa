"""The bar of the short-text fallback (``clamor.extract.core.FALLBACK_MIN_PROB``).

Runs the pipeline on the calibration fold of the ACLED training split (the notes of
``acled/acled_dev.csv`` that are neither held out nor fit on by the event-type classifier:
``clamor.evaluate.training.is_calibration``), once without the fallback and once with it at
0, and prints, for each bar on the grid, how many rule-missed notes the fallback codes and how
often their event type is right, beside the rules' own event-type accuracy on the same notes.
"chosen" is the lowest bar at which the fallback is right at least as often as the
rules (the shipped bar and why: ``clamor.extract.core.FALLBACK_MIN_PROB``). No CASE, no
held-out row is read.

    CLAMOR_DATA=../shared/data .venv/bin/python scripts/fallback_threshold.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import clamor.extract.core as core
from clamor.evaluate import gold
from clamor.evaluate.scorer import main_event, pipeline_extractor
from clamor.evaluate.training import is_calibration
from clamor.options import Options

#: Bars tried (the classifier's calibrated probability of its event type).
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N calibration notes")
    args = parser.parse_args()
    data = Path(os.environ.get("CLAMOR_DATA", "../shared/data"))
    rows = [r for r in gold.read_acled(data / "acled" / "acled_dev.csv")
            if not gold.is_heldout(r.event_id) and is_calibration(r.event_id)]
    rows = rows[:args.limit] if args.limit else rows
    texts = [r.text for r in rows]
    run = pipeline_extractor(Options())
    saved = core.FALLBACK_MIN_PROB
    try:
        core.FALLBACK_MIN_PROB = 1.01  # the rules alone
        rules = [main_event(x) for x in run(texts)]
        core.FALLBACK_MIN_PROB = 0.0  # the fallback on every note it may code
        every = [main_event(x) for x in run(texts)]
    finally:
        core.FALLBACK_MIN_PROB = saved
    found = [(r, e) for r, e in zip(rows, rules) if e is not None]
    rules_acc = sum(e.event_type == r.event_type for r, e in found) / max(len(found), 1)
    missed = [(r, e) for r, e, x in zip(rows, every, rules) if x is None and e is not None]
    print(f"calibration notes {len(rows)}; rules find an event in {len(found)}, "
          f"event type right {rules_acc:.3f}; rule-missed notes the fallback may code {len(missed)}")
    print("bar  coded  type_right")
    chosen = None
    for bar in GRID:
        coded = [(r, e) for r, e in missed if e.confidence >= bar]
        acc = sum(e.event_type == r.event_type for r, e in coded) / len(coded) if coded else 0.0
        print(f"{bar:.1f}  {len(coded):5d}  {acc:.3f}")
        if chosen is None and coded and acc >= rules_acc:
            chosen = bar
    print(f"chosen bar: {chosen}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
