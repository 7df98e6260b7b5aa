#!/usr/bin/env python
"""Train the sentence-level event detector shipped in the package (clamor.extract.detector).

It proposes event mentions in sentences the trigger lexicon does not see (issue 12: words
the lexicon lacks, attacks with no actor named). Same model family as the article
relevance gate (clamor.extract.relevance): logistic regression over hashed word uni- and
bigrams, Platt-calibrated, numpy inference, an ``.npz`` plus a model card.

Data ($CLAMOR_DATA), sentence level only:
- GLOCON sentences (glocon_sample/sentence_Sabinet.json): label 1 (a protest that
  happened) is positive; 0 and 2 (only planned or threatened) are negative.
- IndiaPoliceEvents sentences (india_police_events/sents.csv): KILL or FORCE (police
  killed or used force: violence a coder codes) is positive, every other sentence negative
  (``--ipe-label any`` uses ANY_ACTION instead, arrests included).
Left out: every sentence of an article the whole-article gold (articles_gold) references,
and a fixed held-out split of documents (sha1 of the document key, see
:func:`clamor.evaluate.gold.is_heldout`) on which the figures in the card are measured.
``clamor evaluate glocon-sentences`` / ``ipe-sentences`` score every row (they have no
split), so the card's held-out figures are the detector's own; the shipped model is
fitted on the training split only, so the held-out rows stay unseen.

The threshold is chosen on the training split's out-of-fold probabilities (never on the
whole-article gold): the lowest threshold whose out-of-fold precision reaches
:data:`TARGET_PRECISION` in every dataset (a proposed mention that is wrong becomes a
spurious event, so precision is protected first).

Usage: .venv/bin/python scripts/train_sentence_detector.py [--data DIR] [--out PATH] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clamor.evaluate.gold import (DATASET_TERMS, is_heldout, read_glocon_documents, read_glocon_sentences,
                                  read_india_police_events)
from clamor.evaluate.scorer import corpus_sha256, default_data_dir
from clamor.extract import relevance as rel
from clamor.extract.detector import SHIPPED_DETECTOR_MODEL

GLOCON = Path("glocon_sample/sentence_Sabinet.json")
GLOCON_DOCS = Path("glocon_sample/document_Sabinet_R.json")
IPE = Path("india_police_events/sents.csv")
GOLD = Path("articles_gold/articles_dev.json")

#: Out-of-fold precision a threshold must reach in each dataset. A detector mention that is
#: wrong becomes an event where a coder codes none (the articles scorer's false positives
#: and event-free articles with events), so it must be right far more often than not.
TARGET_PRECISION = 0.80
#: Inverse regularisation strength: sentences are short, so a little more regularisation
#: than the article model (compared in the card's transfer figures at 1, 4).
DEFAULT_C = 2.0
CURVE = tuple(round(t, 2) for t in np.arange(0.30, 0.99, 0.05))

TERMS = DATASET_TERMS


@dataclass(frozen=True)
class Sent:
    dataset: str
    doc: str
    text: str
    label: int

    @property
    def heldout(self) -> bool:
        return is_heldout(f"sentence-detector:{self.dataset}:{self.doc}")


def gold_docs(data: Path) -> set[tuple[str, str]]:
    """(dataset, document key) of every article the whole-article gold references; GLOCON
    documents are keyed by id and by url (the sentence file names its article by url)."""
    path = data / GOLD
    if not path.is_file():
        return set()
    keys = {(a["dataset"], str(a["article_id"]))
            for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    urls = {("glocon", d.url) for d in read_glocon_documents(data / GLOCON_DOCS)
            if ("glocon", d.id) in keys and d.url}
    return keys | urls


def read_sentences(data: Path, ipe_label: str = "kill_force") -> tuple[list[Sent], int]:
    """Labelled sentences of both datasets, without the gold's articles (and how many left)."""
    excluded = gold_docs(data)
    out, dropped = [], 0
    for r in read_glocon_sentences(data / GLOCON):
        doc = r.id.rsplit("_", 1)[0]
        if ("glocon", doc) in excluded or ("glocon", r.url) in excluded:
            dropped += 1
            continue
        out.append(Sent("glocon", r.url or doc, r.text, int(r.raw_label == 1)))
    for r in read_india_police_events(data / IPE, level="sentence"):
        if ("ipe", r.doc_id) in excluded:
            dropped += 1
            continue
        lab = r.labels["kill"] or r.labels["force"] if ipe_label == "kill_force" \
            else r.labels["any_action"]
        out.append(Sent("ipe", r.doc_id, r.text, int(lab)))
    return out, dropped


def prf(probs, labels, t: float) -> dict[str, float]:
    pred = np.asarray(probs) >= t
    gold = np.asarray(labels).astype(bool)
    tp = int((pred & gold).sum())
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3)}


def ranking(scores, labels) -> dict:
    from sklearn.metrics import average_precision_score, roc_auc_score

    return {"roc_auc": round(float(roc_auc_score(labels, scores)), 3),
            "average_precision": round(float(average_precision_score(labels, scores)), 3),
            "n": len(labels), "positives": int(sum(labels))}


def transfer(train: list[Sent], c: float, seed: int) -> dict:
    """Fit (calibrated) on one dataset's training split, score the other's held-out split."""
    out = {}
    for source, target in (("glocon", "ipe"), ("ipe", "glocon")):
        src = [s for s in train if s.dataset == source and not s.heldout]
        tgt = [s for s in train if s.dataset == target and s.heldout]
        model = rel.fit_relevance_model([s.text for s in src], [s.label for s in src], c=c,
                                        seed=seed)
        probs = [model.score(s.text) for s in tgt]
        labels = [s.label for s in tgt]
        out[f"{source}->{target}"] = {**ranking(probs, labels), "at_0.5": prf(probs, labels, 0.5)}
    return out


def choose_threshold(curve: list[dict], datasets) -> float:
    ok = [r["threshold"] for r in curve
          if all(r[ds]["precision"] >= TARGET_PRECISION for ds in datasets)]
    return min(ok) if ok else max(r["threshold"] for r in curve)


def train(data: Path, out: Path, seed: int = 0, c: float = DEFAULT_C,
          ipe_label: str = "kill_force") -> dict:
    sents, dropped = read_sentences(data, ipe_label)
    fit = [s for s in sents if not s.heldout]
    held = [s for s in sents if s.heldout]
    texts, labels = [s.text for s in fit], [s.label for s in fit]
    report: dict = {"transfer": transfer(sents, c, seed)}
    # out-of-fold probabilities on the training split choose the threshold
    oof = rel.out_of_fold_logits(texts, labels, c, 5, seed)
    a, b = rel.fit_platt(oof, labels)
    oof_p = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    datasets = ("glocon", "ipe")
    curve = []
    for t in CURVE:
        row: dict = {"threshold": t}
        for ds in datasets:
            idx = [i for i, s in enumerate(fit) if s.dataset == ds]
            row[ds] = prf(oof_p[idx], [labels[i] for i in idx], t)
        curve.append(row)
    threshold = choose_threshold(curve, datasets)
    model = rel.fit_relevance_model(texts, labels, c=c, seed=seed, threshold=threshold)
    report["out_of_fold_curve"] = curve
    report["threshold"] = threshold
    report["heldout"] = {}
    for ds in datasets:
        rows = [s for s in held if s.dataset == ds]
        probs = [model.score(s.text) for s in rows]
        report["heldout"][ds] = {**ranking(probs, [s.label for s in rows]),
                                 "at_threshold": prf(probs, [s.label for s in rows], threshold)}
    card = {
        "name": "clamor sentence event detector",
        "task": "does one sentence report a codable event (a protest that happened, police "
                "killing or force)? Proposes mentions the trigger lexicon misses.",
        "training_command": "scripts/train_sentence_detector.py"
                            + (f" --seed {seed}" if seed else "")
                            + (f" --ipe-label {ipe_label}" if ipe_label != "kill_force" else ""),
        "label_mapping": {
            "glocon": "label 1 (protest happened) -> 1; 0 and 2 (planned/threatened) -> 0",
            "ipe": {"kill_force": "KILL or FORCE -> 1; else 0",
                    "any": "ANY_ACTION -> 1; else 0"}[ipe_label],
        },
        "training_data": [
            {"file": str(p), "sha256": corpus_sha256(data / p), "terms": TERMS[ds],
             "sentences": sum(s.dataset == ds for s in fit),
             "positives": sum(s.label for s in fit if s.dataset == ds)}
            for ds, p in (("glocon", GLOCON), ("ipe", IPE))],
        "excluded": f"{dropped} sentences of the articles referenced by {GOLD} (sha256 "
                    f"{corpus_sha256(data / GOLD) if (data / GOLD).is_file() else '-'}); "
                    f"{len(held)} sentences of the held-out documents "
                    "(is_heldout('sentence-detector:<dataset>:<doc>'))",
        "threshold_rule": f"lowest threshold whose out-of-fold precision (training split, "
                          f"5 folds) is >= {TARGET_PRECISION} in both datasets",
        "use": "clamor.extract.detector: a sentence with no trigger whose probability is "
               ">= threshold is typed by the event-type classifier and becomes a mention "
               "(Options.sentence_detector; see docs/coding-rules.md, 'Sentence detector').",
        "figures": report,
        "terms": "The artifact holds hashed n-gram weights, not texts.",
    }
    model.save(out, {**model.card, **card, "threshold": threshold})
    return report


def write_unseen(data: Path, out: Path) -> dict[str, int]:
    """Copy the sentences the shipped detector never saw (held-out split and the gold's
    articles) into ``out`` in their own formats, for ``clamor evaluate glocon-sentences
    OUT/sentence_Sabinet.json`` and ``ipe-sentences OUT/sents.csv`` with and without
    ``--sentence-detector``. The copies are evaluation inputs outside the repository."""
    import csv

    excluded = gold_docs(data)
    out.mkdir(parents=True, exist_ok=True)
    counts = {"glocon": 0, "ipe": 0}
    with (data / GLOCON).open(encoding="utf-8") as src, \
            (out / GLOCON.name).open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            obj = json.loads(line)
            doc = str(obj.get("id", "")).rsplit("_", 1)[0]
            key = obj.get("url") or doc
            if (("glocon", doc) in excluded or ("glocon", obj.get("url")) in excluded
                    or Sent("glocon", key, "", 0).heldout):
                dst.write(line)
                counts["glocon"] += 1
    with (data / IPE).open(encoding="utf-8", newline="") as src, \
            (out / IPE.name).open("w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, reader.fieldnames or [])
        writer.writeheader()
        for row in reader:
            doc = row["doc_id"].strip()
            if ("ipe", doc) in excluded or Sent("ipe", doc, "", 0).heldout:
                writer.writerow(row)
                counts["ipe"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=SHIPPED_DETECTOR_MODEL)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--c", type=float, default=DEFAULT_C)
    parser.add_argument("--ipe-label", choices=("kill_force", "any"), default="kill_force")
    parser.add_argument("--unseen", type=Path, metavar="DIR",
                        help="write the sentences the shipped model never saw to DIR, no fit")
    args = parser.parse_args(argv)
    for part in (GLOCON, IPE):
        if not (args.data / part).is_file():
            print(f"development data not found: {args.data / part} (set CLAMOR_DATA)",
                  file=sys.stderr)
            return 2
    if args.unseen is not None:
        print(json.dumps(write_unseen(args.data, args.unseen)))
        return 0
    report = train(args.data, args.out, args.seed, args.c, args.ipe_label)
    print(json.dumps({k: v for k, v in report.items() if k != "out_of_fold_curve"}, indent=2))
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) and its card")
    return 0


if __name__ == "__main__":
    sys.exit(main())
