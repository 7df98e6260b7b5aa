"""Article-level relevance: does a whole article report at least one codable ACLED event?

A logistic regression over hashed word unigrams and bigrams of the raw text, with its
score calibrated (Platt scaling on out-of-fold scores) into a probability. It needs no
parse, so it can run before spaCy (issue 15's fast path) as well as before events are
emitted (issue 12: articles about accidents, ordinary crime, disasters or policy get no
events). Inference is numpy only; fitting (:func:`fit_relevance_model`) needs
scikit-learn, a dev extra. The artifact is an ``.npz`` of plain arrays (never a pickle)
beside a ``.card.json`` model card; the model loads lazily, once per path.

Short texts (ACLED notes, CASE snippets, a sentence) are never gated: they are written
about one event, and the model was trained on whole articles (see
:data:`MIN_GATE_WORDS`).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from clamor.errors import ModelNotFoundError
from clamor.extract.classifier import card_path  # one naming rule for every model card
from clamor.models import Relevance

#: Where the default model ships inside the package.
SHIPPED_RELEVANCE_MODEL = (
    Path(__file__).resolve().parent.parent / "data" / "models" / "relevance.npz"
)

#: Hashed feature space: 2**18 buckets keep collisions rare for a vocabulary of a few
#: tens of thousands of words and bigrams while the float16 weights stay under 1 MB.
N_BUCKETS = 1 << 18
#: Texts shorter than this many words are not gated. The model learned from whole news
#: articles (median about 250-320 words); single-event texts (ACLED notes: median about 40
#: words; CASE snippets: one or two sentences) are written about one event and their
#: events are kept. 100 words is about a short wire story; see the model card.
MIN_GATE_WORDS = 100
#: Default inverse regularisation strength (chosen by cross-dataset transfer, see card).
DEFAULT_C = 4.0
#: How many words or bigrams the recorded reason names.
N_REASON_CUES = 3

_WORD = re.compile(r"[a-z][a-z']+|\d+")
#: Digits are folded to 0: dates and counts say nothing about relevance.
_DIGIT = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased, digit-folded words (IPE texts are lower-cased; so is everything here)."""
    return _WORD.findall(_DIGIT.sub("0", text.lower()))


def features(text: str) -> list[str]:
    """Word unigrams and bigrams: the model's only view of a text."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def bucket(feature: str) -> int:
    """A stable hash bucket (CRC-32, identical across processes and Python versions)."""
    return zlib.crc32(feature.encode("utf-8")) % N_BUCKETS


def vector(text: str, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sparse TF-IDF vector (indices, values): sublinear tf, L2-normalised."""
    return bucket_vector([bucket(f) for f in features(text)], idf)


def bucket_vector(buckets: list[int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`vector` from the features' buckets, in text order (hashed once by the caller)."""
    counts = Counter(buckets)
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    val = (1.0 + np.log(tf)) * idf[idx]
    norm = float(np.sqrt((val * val).sum()))
    return idx, (val / norm if norm > 0 else val)


def _sigmoid(x: float) -> float:
    return float(1.0 / (1.0 + np.exp(-x)))


class RelevanceModel:
    """Hashed-feature weights, idf, Platt calibration and the decision threshold."""

    def __init__(self, coef, intercept: float, idf, platt: tuple[float, float],
                 threshold: float, card: dict | None = None):
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.platt_a, self.platt_b = (float(v) for v in platt)
        self.threshold = float(threshold)
        self.card = card or {}

    def logit(self, text: str) -> float:
        """The uncalibrated linear score."""
        idx, val = vector(text or "", self.idf)
        return self.intercept + float(val @ self.coef[idx]) if len(idx) else self.intercept

    def calibrate(self, logit: float) -> float:
        """Platt scaling: the logit as a probability."""
        return _sigmoid(self.platt_a * logit + self.platt_b)

    def score(self, text: str) -> float:
        """Calibrated probability that the text reports at least one codable event."""
        return self.calibrate(self.logit(text))

    def decide(self, text: str, min_words: int = MIN_GATE_WORDS) -> Relevance:
        """The gate's decision on one text, with a one-line reason a user can read."""
        text = text or ""
        feats = features(text)
        buckets = [bucket(f) for f in feats]  # hashed once: for the vector and the cue names
        idx, val = bucket_vector(buckets, self.idf)
        contrib = val * self.coef[idx]
        p = self.calibrate(self.intercept + float(contrib.sum()))
        n_words = len(tokens(text))
        if n_words < min_words:
            return Relevance(score=p, relevant=True, threshold=self.threshold,
                             reason=f"short text ({n_words} < {min_words} words): not gated")
        relevant = p >= self.threshold
        names: dict[int, str] = {}
        for b, feat in zip(buckets, feats):
            names.setdefault(b, feat)
        sign = 1.0 if relevant else -1.0
        order = np.argsort(-sign * contrib)[:N_REASON_CUES]
        cues = [names[int(idx[i])] for i in order if sign * contrib[i] > 0]
        verdict = "reports a codable event" if relevant else "no codable event"
        op = ">=" if relevant else "<"
        reason = f"relevance {p:.3f} {op} {self.threshold:g}: {verdict}"
        if cues:
            reason += " (cues: " + ", ".join(repr(c) for c in cues) + ")"
        return Relevance(score=p, relevant=relevant, threshold=self.threshold, reason=reason)

    # ------------------------------------------------------------------ persistence

    def save(self, path: str | Path, card: dict | None = None) -> Path:
        """Write ``path`` (.npz, plain arrays) and its card ``<stem>.card.json``."""
        path = Path(path).with_suffix(".npz")
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            coef=self.coef.astype(np.float16),
            idf=self.idf.astype(np.float16),
            scalars=np.array([self.intercept, self.platt_a, self.platt_b, self.threshold]),
            n_buckets=np.array([N_BUCKETS]),
        )
        card = dict(card if card is not None else self.card)
        card.setdefault("format", "clamor relevance model 1: npz arrays + this card")
        card["artifact"] = path.name
        card["artifact_bytes"] = path.stat().st_size
        card_path(path).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
        self.card = card
        return path


def read_relevance_model(path: str | Path) -> RelevanceModel:
    """Load an artifact (no caching; see :func:`load_relevance_model`)."""
    path = Path(path)
    if not path.is_file():
        raise ModelNotFoundError(f"{path}: no such relevance model")
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["n_buckets"][0]) != N_BUCKETS:
                raise ValueError("hash size differs from this clamor version")
            intercept, a, b, threshold = (float(v) for v in data["scalars"])
            model = RelevanceModel(data["coef"], intercept, data["idf"], (a, b), threshold)
    except (KeyError, ValueError, OSError) as exc:
        raise ModelNotFoundError(f"{path}: not a clamor relevance model ({exc})") from None
    cpath = card_path(path)
    if cpath.is_file():
        model.card = json.loads(cpath.read_text(encoding="utf-8"))
    return model


@functools.lru_cache(maxsize=4)
def load_relevance_model(path: str | None = None) -> RelevanceModel | None:
    """The model at ``path``, or the shipped one (None when none ships). Loaded once."""
    if path is None:
        return read_relevance_model(SHIPPED_RELEVANCE_MODEL) if (
            SHIPPED_RELEVANCE_MODEL.is_file()) else None
    return read_relevance_model(path)


def assess_relevance(text: str, path: str | None = None) -> Relevance | None:
    """The shipped (or ``path``) model's decision on a text; None when no model ships."""
    model = load_relevance_model(path)
    return model.decide(text) if model is not None else None


# --------------------------------------------------------------------------- fitting


def hashed_matrix(texts: Sequence[str], idf: np.ndarray):
    """The TF-IDF feature matrix as scipy CSR (fitting only; needs scipy)."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        idx, val = vector(text, idf)
        rows.append(np.full(len(idx), i))
        cols.append(idx)
        vals.append(val)
    return csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(len(texts), N_BUCKETS))


def fit_idf(texts: Sequence[str]) -> np.ndarray:
    """Smoothed idf per bucket, as scikit-learn's default: ln((1 + n) / (1 + df)) + 1."""
    df = np.zeros(N_BUCKETS)
    for text in texts:
        df[list({bucket(f) for f in features(text)})] += 1
    return np.log((1 + len(texts)) / (1 + df)) + 1.0


def fit_linear(texts: Sequence[str], labels: Sequence[int], c: float = DEFAULT_C,
               weights: Sequence[float] | None = None) -> RelevanceModel:
    """Fit the uncalibrated model (Platt a=1, b=0; threshold 0.5)."""
    from clamor.extract.classifier import TrainingDependencyError

    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise TrainingDependencyError(TrainingDependencyError.__doc__) from None
    if len(set(labels)) < 2:
        raise ValueError("need positive and negative texts to fit a relevance model")
    idf = fit_idf(texts)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit(hashed_matrix(texts, idf), list(labels), sample_weight=weights)
    return RelevanceModel(clf.coef_[0], clf.intercept_[0], idf, (1.0, 0.0), 0.5)


def fit_platt(logits: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """Platt scaling: a one-feature logistic regression from logit to label."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e6, max_iter=1000)
    clf.fit(np.asarray(logits).reshape(-1, 1), list(labels))
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def out_of_fold_logits(texts: Sequence[str], labels: Sequence[int], c: float = DEFAULT_C,
                       folds: int = 5, seed: int = 0,
                       weights: Sequence[float] | None = None) -> np.ndarray:
    """Each text's logit from a model fitted without its fold (stratified, seeded)."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels = list(texts), np.asarray(labels)
    w = np.ones(len(texts)) if weights is None else np.asarray(weights, dtype=float)
    out = np.zeros(len(texts))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(
            texts, labels):
        model = fit_linear([texts[i] for i in train], labels[train], c, w[train])
        out[test] = [model.logit(texts[i]) for i in test]
    return out


def fit_relevance_model(texts: Sequence[str], labels: Sequence[int], c: float = DEFAULT_C,
                        threshold: float = 0.5, seed: int = 0,
                        weights: Sequence[float] | None = None,
                        card: dict | None = None) -> RelevanceModel:
    """Fit on all texts, calibrated by Platt scaling on 5-fold out-of-fold logits."""
    folds = min(5, int(min(Counter(labels).values())))
    if folds < 2:
        raise ValueError("need at least two texts of each label to calibrate")
    oof = out_of_fold_logits(texts, labels, c, folds, seed, weights)
    model = fit_linear(texts, labels, c, weights)
    model.platt_a, model.platt_b = fit_platt(oof, labels)
    model.threshold = threshold
    model.card = {
        **(card or {}),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "hyperparameters": {
            "features": "word unigrams + bigrams, lower-cased, digits folded to 0, "
                        f"CRC-32 hashed into {N_BUCKETS} buckets, sublinear tf-idf, L2",
            "C": c, "class_weight": "balanced", "seed": seed,
            "calibration": f"Platt scaling on {folds}-fold out-of-fold logits",
            "estimator": "binary logistic regression (scikit-learn lbfgs)",
        },
        "calibration": {"a": model.platt_a, "b": model.platt_b},
        "threshold": threshold,
        "min_gate_words": MIN_GATE_WORDS,
    }
    return model
