"""The precision/recall curve of the assembly's confidence on the whole-article gold.

Runs the pipeline once on ``articles_gold/articles_dev.json`` (no threshold: every incident
is reported with its calibrated confidence) and scores the events at or above each
confidence, per dataset and overall, with the one scorer of ``clamor evaluate articles``.
This is the table of docs/coding-rules.md "Assembly confidence" (``free``: event-free
articles given at least one event).

    CLAMOR_DATA=../shared/data .venv/bin/python scripts/assembly_threshold_curve.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from clamor.evaluate.articles import (
    gold_articles_as_input, read_articles_gold, run_pipeline, score_articles,
)
from clamor.options import Options
from clamor.pipeline import Pipeline

#: Confidence cut-offs shown (the calibrated confidences the events carry).
CUTOFFS = (0.0, 0.27, 0.30, 0.33, 0.36, 0.45, 0.57, 0.60, 0.64)


def main() -> int:
    data = Path(os.environ.get("CLAMOR_DATA", "../shared/data"))
    gold = read_articles_gold(data / "articles_gold" / "articles_dev.json")
    options = Options()
    predictions = run_pipeline(gold, gold_articles_as_input(gold, data, options), Pipeline(options))
    print("| confidence >= | dataset | P | R | F1 | event-free with events |")
    print("|---|---|---|---|---|---|")
    for cut in CUTOFFS:
        kept = {k: [e for e in v if (e.confidence or 0) >= cut] for k, v in predictions.items()}
        figures = score_articles(gold, kept)["figures"]
        for ds in ("glocon", "ipe", "all"):
            cells = [figures.get(f"{ds}_{f}") for f in
                     ("typed_precision", "typed_recall", "typed_f1", "event_free_with_events")]
            shown = " | ".join("" if c is None else f"{c:.2f}" for c in cells)
            print(f"| {cut:.2f} | {ds} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
