"""Training the fatality count selector (:mod:`clamor.extract.fatalities`) on ACLED notes.

Each note is split into sentences; every candidate number of a sentence is an example,
positive when its value is the note's coded fatalities (notes coded 0 give only negatives).
The same sentence-wise decision as the pipeline scores a note: the first sentence whose best
candidate passes the threshold gives the count, else 0. Features are computed once per
note (:class:`Examples`), so that leave-one-country-out can fit one model per fold cheaply.
Needs scikit-learn (fitting only; inference is numpy).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from clamor.extract.fatalities import (
    N_FEATURES, FatalityModel, candidate_features, candidates, hash_features,
)
from clamor.extract.quantities import find_counts

#: L2 strength of the logistic regression (sklearn's C). 0.3 rather than 1.0: the hashed
#: sentence bag is wide and a left-out country's vocabulary differs from the training
#: countries'; a stronger prior travels better (docs/coding-rules.md, "Fatalities").
C = 0.3
#: Share of the training rows held aside to choose the threshold (by note-level exact
#: accuracy), from a model fitted on the rest.
THRESHOLD_SHARE = 0.2
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.91, 0.05))
SEED = 13

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: a light splitter standing in for spaCy's on notes."""
    out, pos = [], 0
    for part in _SENTENCE.split(text):
        start = text.find(part, pos)
        out.append((start, part))
        pos = start + len(part)
    return out


@dataclass
class Examples:
    """Hashed candidate features of every note, computed once."""

    gold: list[int]
    stated: list[int | None] = field(default_factory=list)
    #: the rules' count of each note (first sentence with an exact fatality count), a reference
    rules: list[int] = field(default_factory=list)
    #: per note: list of sentences, each a list of (columns, value) per candidate
    notes: list[list[list[tuple[np.ndarray, int]]]] = field(default_factory=list)

    @classmethod
    def build(cls, texts: Sequence[str], gold: Sequence[int]) -> Examples:
        ex = cls(gold=list(gold))
        for text in texts:
            sentences, stated, rule = [], None, None
            for _, s in split_sentences(text):
                counts = find_counts(s)
                fat = [c.value for c in counts if c.field == "fatalities" and c.value is not None]
                if fat and rule is None:
                    rule = fat[0]
                st = [c for c in counts if c.field == "fatalities" and c.stated]
                if st and stated is None:
                    stated = st[0].value
                cands = candidates(s)
                feats = candidate_features(s, cands, counts) if cands else []
                sentences.append([(hash_features(f), c.value) for f, c in zip(feats, cands)])
            ex.notes.append(sentences)
            ex.stated.append(stated)
            ex.rules.append(stated if stated is not None else rule or 0)
        return ex

    def matrix(self, idx: Sequence[int]):
        """Sparse design matrix and labels of the candidates of notes ``idx``."""
        from scipy.sparse import csr_matrix

        cols, ptr, y = [], [0], []
        for i in idx:
            for sentence in self.notes[i]:
                for columns, value in sentence:
                    cols.append(columns)
                    ptr.append(ptr[-1] + len(columns))
                    y.append(int(self.gold[i] > 0 and value == self.gold[i]))
        indices = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        x = csr_matrix((np.ones(len(indices)), indices, np.array(ptr)), shape=(len(y), N_FEATURES))
        return x, np.array(y)

    def predict(self, model: FatalityModel, idx: Sequence[int], threshold: float | None = None) -> list[int]:
        """The note-level count the pipeline's rule gives for each note of ``idx``."""
        t = model.threshold if threshold is None else threshold
        out = []
        for i in idx:
            if self.stated[i] is not None:
                out.append(self.stated[i])
                continue
            value = 0
            for sentence in self.notes[i]:
                if not sentence:
                    continue
                scores = np.array([model.coef[c].sum() for c, _ in sentence]) + model.intercept
                p = 1 / (1 + np.exp(-scores))
                best = int(np.argmax(p))
                if p[best] >= t:
                    value = sentence[best][1]
                    break
            out.append(value)
        return out


def _fit_weights(ex: Examples, idx: Sequence[int], c: float) -> FatalityModel:
    from sklearn.linear_model import LogisticRegression

    x, y = ex.matrix(idx)
    lr = LogisticRegression(C=c, solver="liblinear", max_iter=200)
    lr.fit(x, y)
    return FatalityModel(lr.coef_[0].astype(np.float64), float(lr.intercept_[0]), 0.5)


def exact(ex: Examples, idx: Sequence[int], preds: Sequence[int]) -> float:
    return float(np.mean([p == ex.gold[i] for i, p in zip(idx, preds)])) if idx else 0.0


def fit(ex: Examples, idx: Sequence[int], c: float = C, seed: int = SEED) -> tuple[FatalityModel, dict]:
    """A model on notes ``idx``; its threshold chosen on a held-aside share of them."""
    idx = list(idx)
    rng = random.Random(seed)
    aside = set(rng.sample(idx, int(len(idx) * THRESHOLD_SHARE)))
    first = _fit_weights(ex, [i for i in idx if i not in aside], c)
    held = sorted(aside)
    curve = {t: exact(ex, held, ex.predict(first, held, t)) for t in THRESHOLDS}
    threshold = max(curve, key=lambda t: (curve[t], -abs(t - 0.5)))
    model = _fit_weights(ex, idx, c)
    model.threshold = threshold
    return model, {"threshold_curve": {str(k): round(v, 4) for k, v in curve.items()},
                   "threshold": threshold, "n_notes": len(idx)}
