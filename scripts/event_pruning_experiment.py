#!/usr/bin/env python
"""Would pruning single events by a weakly labelled event model help? (issue 12, measured
and not kept: docs/coding-rules.md, "Article verifier", "Event-level pruning").

Reads the extractions of ``scripts/dump_document_extractions.py`` (the gold articles left
out), makes one row per event of a decided training article labelled by its document's
label (as in ``train_article_verifier.py``), features: the event alone under the
``events+evidence`` set, the article's out-of-fold text relevance and its event count.
Logistic regression, 5-fold grouped by article (seeded folds are deterministic); prints the
out-of-fold event ROC AUC per dataset beside the assembly confidence's, and the document
F1 (`clamor evaluate glocon-documents` / `ipe-documents` labels) when the events below a
percentile of the out-of-fold score are dropped.

    python scripts/event_pruning_experiment.py /tmp/glocon.jsonl /tmp/ipe.jsonl
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_article_verifier as T  # noqa: E402

from clamor.evaluate import metrics  # noqa: E402
from clamor.evaluate.scorer import default_data_dir, detect_labels  # noqa: E402
from clamor.extract import verifier as ver  # noqa: E402

C = 0.1
PERCENTILES = (5, 10, 20, 30)


def event_rows(docs):
    rows, xs, ys, groups = [], [], [], []
    for di, d in enumerate(docs):
        if not T.decided(d):
            continue
        for e in d.events:
            x = ver.features(d.text, [e], d.published, 0.5, ver.FEATURE_SETS["events+evidence"])
            x[0] = d.x[0]  # the article's out-of-fold text relevance logit
            xs.append(np.append(x, math.log1p(len(d.events))))
            ys.append(d.label)
            groups.append(di)
            rows.append(e)
    return rows, np.array(xs), np.array(ys), np.array(groups)


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dumps", type=Path, nargs="+")
    args = ap.parse_args(argv)
    gold = T.gold_articles(default_data_dir())
    docs = [d for d in T.read_dump(args.dumps, "kill_force_arrest")
            if (d.dataset, d.id) not in gold]
    T.NAMES = ver.FEATURE_SETS["events"]
    T.text_relevance(docs, [])
    events, xs, ys, groups = event_rows(docs)
    oof = np.zeros(len(ys))
    for tr, te in GroupKFold(5).split(xs, ys, groups):
        mean, scale = xs[tr].mean(0), xs[tr].std(0)
        scale[scale == 0] = 1
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        clf.fit((xs[tr] - mean) / scale, ys[tr])
        oof[te] = clf.decision_function((xs[te] - mean) / scale)
    ds = np.array([docs[g].dataset for g in groups])
    conf = np.array([e.confidence for e in events])
    for name in T.SOURCES:
        on = ds == name
        print(f"{name}: {on.sum()} events, out-of-fold ROC AUC "
              f"{roc_auc_score(ys[on], oof[on]):.3f}, confidence {roc_auc_score(ys[on], conf[on]):.3f}")
    score = {id(e): s for e, s in zip(events, oof)}
    for q in (None,) + PERCENTILES:
        cut = -np.inf if q is None else np.percentile(oof, q)
        out = {}
        for name, labels in T.DETECTED.items():
            rows = [d for d in docs if d.dataset == name]
            pred = [detect_labels(SimpleNamespace(
                events=[e for e in d.events if score.get(id(e), np.inf) >= cut])) for d in rows]
            for lab in labels:
                out[f"{name}_{lab}"] = round(metrics.binary_scores(
                    [d.labels[lab] for d in rows], [p[lab] for p in pred])["f1"], 3)
        print(f"drop below percentile {q or 0}: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
