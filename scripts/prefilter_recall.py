"""Recall of the pre-parse relevance filter (issue 15) on the labelled dev documents.

For each threshold: the share of event documents it keeps (recall) and the share of the
other documents it still sends to spaCy (the work left). Documents the shipped relevance
model was trained on (GLOCON, IndiaPoliceEvents minus the whole-article gold) are scored
out of fold: 5 stratified folds with the training script's seed and C, each fold's logits
from a model fitted without it, calibrated with the shipped model's Platt scaling (itself
fitted on those same out-of-fold logits). The whole-article gold was held out of training,
so the shipped model scores it directly. Texts shorter than the gate's minimum always pass;
texts with no word of the trigger lexicon are dropped whatever their score (as the filter does).
"recall@trigger word" is the fast path's own gate (``Options.fast_path``, no relevance
model): the share of event documents holding a word of the trigger lexicon.

Positives: GLOCON label 1; IndiaPoliceEvents KILL or FORCE, and separately ANY_ACTION; gold
articles with at least one coded event.

    CLAMOR_DATA=../shared/data .venv/bin/python scripts/prefilter_recall.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_relevance import GLOCON, IPE, gold_articles  # noqa: E402

from clamor.evaluate.gold import read_glocon_documents, read_india_police_events  # noqa: E402
from clamor.extract import relevance as rel  # noqa: E402
from clamor.options import DEFAULT_PREFILTER_THRESHOLD  # noqa: E402
from clamor.pipeline import _has_trigger_word  # noqa: E402

THRESHOLDS = (0.0005, 0.001, DEFAULT_PREFILTER_THRESHOLD, 0.005, 0.01, 0.015, 0.02, 0.05)


def main() -> int:
    data = Path(os.environ.get("CLAMOR_DATA", "../shared/data"))
    model = rel.load_relevance_model()
    gold = gold_articles(data)
    glocon = list(read_glocon_documents(data / GLOCON))
    ipe = list(read_india_police_events(data / IPE))
    docs = [("glocon", d.id, d.text, {"protest": d.raw_label == 1}) for d in glocon]
    docs += [("ipe", d.id, d.text, {"kill_force": bool(d.labels["kill"] or d.labels["force"]),
                                     "any_action": bool(d.labels["any_action"])}) for d in ipe]
    train = [d for d in docs if (d[0], d[1]) not in gold]
    labels = [int(next(iter(d[3].values()))) for d in train]  # protest / kill_force
    oof = rel.out_of_fold_logits([d[2] for d in train], labels, rel.DEFAULT_C, 5, 0)
    scores: dict[str, list[tuple[float, bool]]] = {}
    triggered: dict[str, list[tuple[bool, bool]]] = {}  # (has a trigger word, positive)
    for (ds, _id, text, labs), logit in zip(train, oof):
        p = model.calibrate(float(logit)) if _has_trigger_word(text) else 0.0
        short = len(rel.tokens(text)) < rel.MIN_GATE_WORDS
        for name, positive in labs.items():
            scores.setdefault(f"{ds} {name} (out of fold)", []).append((1.0 if short else p, positive))
            triggered.setdefault(f"{ds} {name} (out of fold)", []).append(
                (_has_trigger_word(text), positive))
    by_key = {(d[0], d[1]): d[2] for d in docs}
    for (ds, aid), has_events in sorted(gold.items()):
        text = by_key.get((ds, aid))
        if text is not None:
            short = len(rel.tokens(text)) < rel.MIN_GATE_WORDS
            p = 1.0 if short else model.score(text) if _has_trigger_word(text) else 0.0
            scores.setdefault(f"gold {ds} event articles", []).append((p, has_events))
            scores.setdefault("gold all event articles", []).append((p, has_events))
            for key in (f"gold {ds} event articles", "gold all event articles"):
                triggered.setdefault(key, []).append((_has_trigger_word(text), has_events))
    report = []
    for name, pairs in scores.items():
        pos = np.array([p for p, y in pairs if y])
        neg = np.array([p for p, y in pairs if not y])
        row = {"set": name, "positives": len(pos), "negatives": len(neg)}
        hits = triggered[name]
        row["recall@trigger word"] = round(float(np.mean([t for t, y in hits if y])), 3)
        row["negatives parsed@trigger word"] = round(float(np.mean([t for t, y in hits if not y])), 3)
        for t in THRESHOLDS:
            row[f"recall@{t:g}"] = round(float((pos >= t).mean()), 3)
            row[f"negatives parsed@{t:g}"] = round(float((neg >= t).mean()), 3)
        report.append(row)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
