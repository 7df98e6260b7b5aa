"""Leave-one-country-out of the shipped averaged typer (sparse + MiniLM head), on the
cached sample.

Encoding all ~67,000 ACLED notes does not fit the quality gate on a small machine, so the
dense side reads the embedding cache of ``scripts/compare_dense_typer.py`` (``encode``
stage): each fold fits the head on the other countries' pool (at most :data:`POOL_CAP`
notes per country, stratified by sub-type, >= :data:`POOL_MIN` each) plus the seed
examples, and both typers, the fold's sparse model (as ``loco`` trains it) alone and
averaged with the head (:data:`clamor.extract.dense.DENSE_WEIGHT`), are scored on the
first :data:`TEST_PER_COUNTRY` notes of the left-out country in hash order of the event
id. Without the cache (or scikit-learn) the figures are skipped with the reason.
"""

from __future__ import annotations

import hashlib
import os
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

#: Where ``compare_dense_typer.py encode`` writes its vectors (outside the repository).
DEFAULT_CACHE = Path(os.environ.get("CLAMOR_DENSE_CACHE", "/tmp/clamor_dense"))
#: The comparison's sample (docs/classifier.md): notes per country in the head's pool, the
#: least per sub-type, and test notes per left-out country. Fixed with the cache.
POOL_CAP = 300
POOL_MIN = 15
TEST_PER_COUNTRY = 400
#: Inverse regularisation of the head, balanced classes: as the shipped head.
DENSE_C = 10.0
SEED = 13


def text_key(text: str) -> str:
    """The cache's key of a text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_cache(cache: str | Path) -> dict[str, np.ndarray]:
    """{text key: vector} from ``cache/minilm_embeddings.npz`` ({} when absent)."""
    f = Path(cache) / "minilm_embeddings.npz"
    if not f.is_file():
        return {}
    with np.load(f, allow_pickle=False) as z:
        return dict(zip(z["keys"].tolist(), z["vectors"]))


def pool_sample(members: list[int], labels: Sequence[str], cap: int = POOL_CAP,
                minimum: int = POOL_MIN) -> list[int]:
    """At most about ``cap`` of one country's ``members``, each sub-type in proportion."""
    if len(members) <= cap:
        return members
    by_label: dict[str, list[int]] = defaultdict(list)
    for i in members:
        by_label[labels[i]].append(i)
    rng, share, out = random.Random(SEED), cap / len(members), []
    for label in sorted(by_label):
        group = by_label[label]
        rng.shuffle(group)
        out.extend(group[: max(round(len(group) * share), minimum)])
    return sorted(out)


def country_sample(members: Sequence[int], rows) -> list[int]:
    """The first TEST_PER_COUNTRY of a country's notes in hash order of the event id."""
    def order(i: int) -> bytes:
        return hashlib.sha1(rows[i].event_id.encode("utf-8")).digest()
    return sorted(members, key=order)[:TEST_PER_COUNTRY]


class DenseFolds:
    """The head of each fold, fitted on the cached pool of the other countries."""

    def __init__(self, rows, seeds, by_country: dict[str, list[int]], store: dict):
        labels = [r.sub_event_type for r in rows]
        self.rows, self.store = rows, store
        self.pool = sorted(i for members in by_country.values()
                           for i in pool_sample(list(members), labels))
        self.seeds = seeds

    @classmethod
    def load(cls, rows, seeds, by_country, countries, cache: str | Path | None = DEFAULT_CACHE):
        """(folds, None) or (None, the reason the dense columns are skipped)."""
        try:
            import sklearn  # noqa: F401
        except ImportError:
            return None, "scikit-learn is not installed"
        store = read_cache(cache) if cache else {}
        if not store:
            return None, f"no MiniLM embedding cache in {cache} (compare_dense_typer.py encode)"
        folds = cls(rows, seeds, by_country, store)
        texts = [rows[i].text for i in folds.pool] + [s.text for s in seeds]
        texts += [rows[i].text for c in countries for i in country_sample(by_country[c], rows)]
        missing = sum(text_key(t) not in store for t in set(texts))
        if missing:
            return None, f"{missing} sample texts are not in the cache {cache}"
        return folds, None

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.store[text_key(t)] for t in texts])

    def train_rows(self, country: str) -> list[int]:
        """The pool's notes from every other country."""
        return [i for i in self.pool if self.rows[i].country != country]

    def fit(self, country: str):
        """The head trained without ``country``: a DenseHead."""
        from sklearn.linear_model import LogisticRegression

        from clamor.extract.dense import DenseHead

        train = self.train_rows(country)
        texts = [self.rows[i].text for i in train] + [s.text for s in self.seeds]
        labels = [self.rows[i].sub_event_type for i in train] + [s.sub_event_type
                                                                 for s in self.seeds]
        clf = LogisticRegression(C=DENSE_C, max_iter=1000, class_weight="balanced")
        clf.fit(self.vectors(texts), labels)
        return DenseHead(clf.coef_.T, clf.intercept_, list(clf.classes_))

    def averaged(self, country: str, test: Sequence[int], sparse: np.ndarray,
                 classes: Sequence[str]) -> np.ndarray:
        """The fold's average of ``sparse`` (columns ``classes``) and its head."""
        from clamor.extract.dense import DENSE_WEIGHT, mix

        head = self.fit(country)
        dense = head.aligned(self.vectors([self.rows[i].text for i in test]), classes)
        return mix(sparse, dense, DENSE_WEIGHT)
