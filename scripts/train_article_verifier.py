#!/usr/bin/env python
"""Train the article verifier shipped in the package (clamor.extract.verifier).

Input: what clamor's pipeline (every gate off) extracted from the labelled GLOCON and
IndiaPoliceEvents documents, one JSON line per document, as
``scripts/dump_document_extractions.py`` writes it (running the pipeline is the slow part,
so it is a separate, cached step). Every article the whole-article gold
(articles_gold/articles_dev.json) references is left out of training: it is the test.

Training set: the documents of at least MIN_GATE_WORDS words in which clamor found at least
one event (the only articles the verifier decides). Labels, as the text relevance model's
(scripts/train_relevance.py): GLOCON 1 (a protest that happened) positive, 0 and 2
(planned or threatened) negative; IndiaPoliceEvents KILL, FORCE or ARREST positive
(``--ipe-label`` compares other mappings). Arrests count here, unlike for the text model:
the verifier judges events clamor already extracted, and clamor codes arrests (Strategic
developments / Arrests), so an article whose police arrests clamor found is not a negative. The text relevance feature of a training document is its
out-of-fold score (a relevance model fitted without it), as it would be for a new article.

Chosen on the training documents only (5-fold cross-validation, seeded): the
regularisation C (mean of the two datasets' ROC AUC), and the threshold by
:func:`choose_threshold`. Reported: transfer (train on one dataset, score the other), and
the decisions on the gold articles (per dataset: event articles kept, event-free articles
passed) for the card; the effect on events is `clamor evaluate articles`.

Usage:
  python scripts/dump_document_extractions.py glocon /tmp/glocon.jsonl
  python scripts/dump_document_extractions.py ipe /tmp/ipe.jsonl
  python scripts/train_article_verifier.py /tmp/glocon.jsonl /tmp/ipe.jsonl [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clamor.evaluate.scorer import corpus_sha256, default_data_dir
from clamor.extract import relevance as rel
from clamor.extract import verifier as ver
from clamor.models import Event

GOLD = Path("articles_gold/articles_dev.json")
SOURCES = {"glocon": "glocon_sample/document_Sabinet_R.json",
           "ipe": "india_police_events/docs.csv"}
SEED = 0
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
#: The verifier may withhold the events of at most this share of the training documents
#: that report an event (per dataset, out-of-fold): it decides after extraction, so an
#: event article it drops loses events clamor found; the highest threshold within this
#: budget in both datasets is chosen.
MAX_POSITIVES_LOST = 0.10
CURVE = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)

IPE_LABELS = {
    "kill_force": lambda lab: lab["kill"] or lab["force"],
    "kill_force_arrest": lambda lab: lab["kill"] or lab["force"] or lab["arrest"],
    "any": lambda lab: lab["any_action"],
}


@dataclass
class Doc:
    dataset: str
    id: str
    text: str
    label: int
    events: list
    published: dt.date | None
    labels: dict
    x: np.ndarray | None = None


def read_dump(paths: Sequence[Path], ipe_label: str) -> list[Doc]:
    docs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            x = row["extraction"]
            if row["dataset"] == "glocon":
                label = int(row["raw_label"] == 1)
            else:
                label = int(bool(IPE_LABELS[ipe_label](row["labels"])))
            pub = dt.date.fromisoformat(row["published"]) if row["published"] else None
            docs.append(Doc(row["dataset"], str(row["id"]), x["article"]["text"], label,
                            [Event.model_validate(e) for e in x["events"]], pub, row["labels"]))
    return docs


def gold_articles(data: Path) -> dict[tuple[str, str], bool]:
    articles = json.loads((data / GOLD).read_text(encoding="utf-8"))["articles"]
    return {(a["dataset"], str(a["article_id"])): bool(a["events"]) for a in articles}


def decided(d: Doc) -> bool:
    """Whether the verifier decides this article (a whole article with events)."""
    return bool(d.events) and len(rel.tokens(d.text)) >= rel.MIN_GATE_WORDS


def text_relevance(train: list[Doc], gold: list[Doc]) -> None:
    """Each training document's out-of-fold text relevance probability (its relevance label
    mapping: the shipped model's), and the shipped model's score for the gold articles;
    stored as the first feature."""
    labels = [d.label for d in train]
    oof = rel.out_of_fold_logits([d.text for d in train], labels, rel.DEFAULT_C, 5, SEED)
    a, b = rel.fit_platt(oof, labels)
    for d, z in zip(train, oof):
        d.x = ver.features(d.text, d.events, d.published, float(1 / (1 + np.exp(-(a * z + b)))),
                           NAMES)
    model = rel.load_relevance_model()
    for d in gold:
        d.x = ver.features(d.text, d.events, d.published, model.score(d.text), NAMES)


#: The feature names trained on (``--features``; set by :func:`train`).
NAMES: tuple[str, ...] = ver.FEATURES


def fit(xs: np.ndarray, ys: np.ndarray, c: float) -> ver.VerifierModel:
    from sklearn.linear_model import LogisticRegression

    mean, scale = xs.mean(axis=0), xs.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    clf.fit((xs - mean) / scale, ys)
    return ver.VerifierModel(mean, scale, clf.coef_[0], clf.intercept_[0], (1.0, 0.0), 0.5,
                             NAMES)


def oof_logits(docs: list[Doc], c: float, folds: int = 5) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    xs = np.array([d.x for d in docs])
    ys = np.array([d.label for d in docs])
    strata = [f"{d.dataset}{d.label}" for d in docs]
    out = np.zeros(len(docs))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(xs, strata):
        m = fit(xs[tr], ys[tr], c)
        out[te] = [m.logit(x) for x in xs[te]]
    return out


def auc(scores, labels) -> dict:
    from sklearn.metrics import average_precision_score, roc_auc_score

    if len(set(labels)) < 2:
        return {"n": len(labels), "positives": int(sum(labels))}
    return {"roc_auc": round(float(roc_auc_score(labels, scores)), 3),
            "average_precision": round(float(average_precision_score(labels, scores)), 3),
            "n": len(labels), "positives": int(sum(labels))}


def per_dataset_auc(docs: list[Doc], scores: np.ndarray) -> dict:
    return {ds: auc([s for d, s in zip(docs, scores) if d.dataset == ds],
                    [d.label for d in docs if d.dataset == ds]) for ds in SOURCES}


def transfer(docs: list[Doc], c: float) -> dict:
    out = {}
    for src, tgt in (("glocon", "ipe"), ("ipe", "glocon")):
        a = [d for d in docs if d.dataset == src]
        b = [d for d in docs if d.dataset == tgt]
        m = fit(np.array([d.x for d in a]), np.array([d.label for d in a]), c)
        out[f"{src}->{tgt}"] = auc([m.logit(d.x) for d in b], [d.label for d in b])
    return out


def curve(docs: list[Doc], probs: Sequence[float], positive=lambda d: d.label) -> list[dict]:
    """Per threshold and dataset: share of positive articles kept, of negatives passed."""
    rows = []
    for t in CURVE:
        row = {"threshold": t}
        for ds in SOURCES:
            pos = [p for d, p in zip(docs, probs) if d.dataset == ds and positive(d)]
            neg = [p for d, p in zip(docs, probs) if d.dataset == ds and not positive(d)]
            row[f"{ds}_kept"] = round(sum(p >= t for p in pos) / len(pos), 3) if pos else None
            row[f"{ds}_negatives_passed"] = round(sum(p >= t for p in neg) / len(neg), 3) if neg else None
            row[f"{ds}_n"] = [len(pos), len(neg)]
        rows.append(row)
    return rows


def choose_threshold(rows: list[dict]) -> float:
    """The highest threshold keeping >= 1 - MAX_POSITIVES_LOST of positives in each dataset."""
    ok = [r["threshold"] for r in rows
          if all(r[f"{ds}_kept"] is not None and r[f"{ds}_kept"] >= 1 - MAX_POSITIVES_LOST
                 for ds in SOURCES)]
    return max(ok) if ok else min(CURVE)


DETECTED = {"glocon": ("protest",), "ipe": ("kill", "arrest", "force", "any_action")}


def document_detection(docs: list[Doc], withheld: set[tuple[str, str]]) -> dict:
    """The document-detection F1 (`clamor evaluate glocon-documents` / `ipe-documents`:
    labels read off the events) with and without the verifier's withholding, per dataset."""
    from types import SimpleNamespace

    from clamor.evaluate import metrics
    from clamor.evaluate.scorer import detect_labels

    out = {}
    for ds, names in DETECTED.items():
        rows = [d for d in docs if d.dataset == ds]
        off = [detect_labels(SimpleNamespace(events=d.events)) for d in rows]
        on = [detect_labels(SimpleNamespace(events=[] if (d.dataset, d.id) in withheld
                                            else d.events)) for d in rows]
        for name in names:
            gold = [d.labels[name] for d in rows]
            out[f"{ds}_{name}_f1"] = {
                "off": round(metrics.binary_scores(gold, [p[name] for p in off])["f1"], 3),
                "on": round(metrics.binary_scores(gold, [p[name] for p in on])["f1"], 3)}
    return out


def train(dumps: Sequence[Path], data: Path, out: Path | None, ipe_label: str,
          feature_set: str = ver.DEFAULT_FEATURE_SET) -> dict:
    from clamor.extract.relevance import fit_platt

    global NAMES
    NAMES = ver.FEATURE_SETS[feature_set]
    gold = gold_articles(data)
    docs = read_dump(dumps, ipe_label)
    train_all = [d for d in docs if (d.dataset, d.id) not in gold]
    gold_docs = [d for d in docs if (d.dataset, d.id) in gold and decided(d)]
    text_relevance(train_all, gold_docs)
    train_docs = [d for d in train_all if decided(d)]
    ys = np.array([d.label for d in train_docs])
    cv = {}
    for c in C_GRID:
        oof = oof_logits(train_docs, c)
        cv[c] = {"oof": oof, "auc": per_dataset_auc(train_docs, oof)}
    best_c = max(C_GRID, key=lambda c: np.mean([cv[c]["auc"][ds]["roc_auc"] for ds in SOURCES]))
    oof = cv[best_c]["oof"]
    a, b = fit_platt(oof, ys)
    probs = 1 / (1 + np.exp(-(a * oof + b)))
    rows = curve(train_docs, probs)
    threshold = choose_threshold(rows)
    model = fit(np.array([d.x for d in train_docs]), ys, best_c)
    model.platt_a, model.platt_b, model.threshold = a, b, threshold
    text_only = per_dataset_auc(train_docs, np.array([d.x[0] for d in train_docs]))
    gold_probs = [model.score(d.x) for d in gold_docs]
    withheld = {(d.dataset, d.id) for d, p in zip(train_docs, probs) if p < threshold}
    figures = {
        "cv_roc_auc_by_C": {str(c): cv[c]["auc"] for c in C_GRID},
        "chosen_C": best_c,
        "oof_roc_auc": cv[best_c]["auc"],
        "text_relevance_only_roc_auc": text_only,
        "transfer": transfer(train_docs, best_c),
        "oof_curve": rows,
        "document_detection_out_of_fold": document_detection(train_all, withheld),
        "gold_curve": curve(gold_docs, gold_probs, positive=lambda d: gold[d.dataset, d.id]),
        "gold_roc_auc": {ds: auc([p for d, p in zip(gold_docs, gold_probs) if d.dataset == ds],
                                 [int(gold[d.dataset, d.id]) for d in gold_docs if d.dataset == ds])
                         for ds in SOURCES},
    }
    card = {
        "name": "clamor article verifier",
        "task": "given the events clamor extracted from a whole article, does it report a "
                "codable ACLED event?",
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "training_command": "scripts/dump_document_extractions.py + "
                            "scripts/train_article_verifier.py",
        "feature_set": feature_set,
        "features": list(NAMES),
        "estimator": "binary logistic regression (scikit-learn lbfgs), standardised "
                     f"features, class_weight balanced, C {best_c} by 5-fold CV (seed {SEED})",
        "calibration": {"a": a, "b": b, "how": "Platt scaling on 5-fold out-of-fold logits"},
        "threshold": threshold,
        "threshold_rule": f"highest threshold keeping >= {1 - MAX_POSITIVES_LOST:.2f} of the "
                          "training event documents in each dataset (out-of-fold)",
        "label_mapping": {"glocon": "label 1 -> 1; 0 and 2 -> 0",
                          "ipe": f"{ipe_label} -> 1; else 0"},
        "training_data": [
            {"file": SOURCES[ds], "sha256": corpus_sha256(data / SOURCES[ds]),
             "docs_decided": sum(d.dataset == ds for d in train_docs),
             "positives": sum(d.label for d in train_docs if d.dataset == ds)}
            for ds in SOURCES],
        "excluded": f"the {len(gold)} articles of {GOLD} "
                    f"(sha256 {corpus_sha256(data / GOLD)}): the evaluation set",
        "extractions": {
            "made_by": "scripts/dump_document_extractions.py (every gate off)",
            "sha256": {p.name: corpus_sha256(p) for p in dumps}},
        "use": "clamor.pipeline runs it only with Options.article_verifier (off by default: "
               "see docs/coding-rules.md, 'Article relevance', for its effect on the "
               "whole-article gold and the document figures)",
        "weights": {n: round(float(w), 3) for n, w in zip(NAMES, model.coef)},
        "figures": figures,
    }
    if out is not None:
        model.save(out, card)
    return card


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dumps", type=Path, nargs="+")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None,
                    help="artifact path (default: print the card only)")
    ap.add_argument("--ipe-label", choices=sorted(IPE_LABELS), default="kill_force_arrest")
    ap.add_argument("--features", choices=sorted(ver.FEATURE_SETS),
                    default=ver.DEFAULT_FEATURE_SET, help="feature set (verifier.FEATURE_SETS)")
    args = ap.parse_args(argv)
    card = train(args.dumps, args.data or default_data_dir(), args.out, args.ipe_label,
                 args.features)
    json.dump({k: card[k] for k in ("threshold", "weights", "figures")}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
