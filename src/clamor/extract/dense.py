"""The dense half of the event typer: a logistic head on MiniLM sentence vectors.

The shipped typer averages the sparse model's sub-type probabilities with this head's,
the head weighted :data:`DENSE_WEIGHT`, then sharpens or flattens the average with a
temperature fitted on a calibration fold (so ``TypePrediction.score`` stays a real
probability for the rules-versus-model thresholds of the coder). Out of distribution the
average beats the sparse model alone (docs/classifier.md, issue 13): the n-grams of the
notes carry the sub-types, the sentence vector carries meaning that survives another
country's vocabulary. The head is plain arrays (``event_type_dense.npz``, no pickle) with
a model card, trained by ``scripts/train_dense_head.py``.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from clamor.errors import ModelNotFoundError

log = logging.getLogger(__name__)

#: The head that goes with the shipped sparse model.
SHIPPED_HEAD = Path(__file__).resolve().parent.parent / "data" / "models" / "event_type_dense.npz"
#: Weight of the dense probabilities in the average. Fixed before the leave-one-country-out
#: comparison (0.3 and 0.5 were the two candidates set in advance; 0.3 won on 8 of 11
#: left-out countries and cost none much, 0.5 cost the United States and Somalia).
DENSE_WEIGHT = 0.3


def mix(sparse: np.ndarray, dense: np.ndarray, weight: float = DENSE_WEIGHT,
        temperature: float = 1.0) -> np.ndarray:
    """``(1 - weight) * sparse + weight * dense``, each row renormalised after dividing its
    log by ``temperature`` (rows: texts, columns: the same sub-types in both)."""
    avg = (1.0 - weight) * sparse + weight * dense
    logp = np.log(np.clip(avg, 1e-12, 1.0)) / temperature
    logp -= logp.max(axis=1, keepdims=True)
    out = np.exp(logp)
    return out / out.sum(axis=1, keepdims=True)


class DenseHead:
    """Multinomial logistic weights over the 384 MiniLM dimensions, one column per sub-type."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: Sequence[str],
                 weight: float = DENSE_WEIGHT, temperature: float = 1.0,
                 card: dict | None = None):
        self.coef = np.asarray(coef, dtype=np.float32)  # (384, n_classes)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.classes = list(classes)
        self.weight = float(weight)
        #: Fitted for the average with the sparse model it was trained beside.
        self.temperature = float(temperature)
        self.card = card or {}

    def proba(self, vectors: np.ndarray) -> np.ndarray:
        """Sub-type probabilities of encoded texts, columns in ``self.classes`` order."""
        logits = vectors.astype(np.float64) @ self.coef + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)

    def aligned(self, vectors: np.ndarray, classes: Sequence[str]) -> np.ndarray:
        """:meth:`proba` with columns in ``classes`` order (0 for a sub-type it lacks)."""
        probs = self.proba(vectors)
        out = np.zeros((len(vectors), len(classes)))
        mine = {c: i for i, c in enumerate(self.classes)}
        for j, c in enumerate(classes):
            if c in mine:
                out[:, j] = probs[:, mine[c]]
        total = out.sum(axis=1, keepdims=True)
        return out / np.where(total > 0, total, 1.0)

    def save(self, path: str | Path, card: dict | None = None) -> Path:
        """Write ``path`` (.npz, plain arrays) and ``<stem>.card.json``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, coef=self.coef.astype(np.float32), intercept=self.intercept,
            classes=np.frombuffer("\n".join(self.classes).encode("utf-8"), dtype=np.uint8),
            weight=np.array([self.weight], dtype=np.float64),
            temperature=np.array([self.temperature], dtype=np.float64))
        card = dict(card if card is not None else self.card)
        card["artifact"] = path.name
        card.setdefault("sizes", {})["artifact_bytes"] = path.stat().st_size
        path.with_name(path.stem + ".card.json").write_text(
            json.dumps(card, indent=2, ensure_ascii=False) + "\n")
        self.card = card
        return path


def read_head(path: str | Path) -> DenseHead:
    """Load a head written by :meth:`DenseHead.save`."""
    path = Path(path)
    if not path.is_file():
        raise ModelNotFoundError(f"{path}: no such dense head")
    try:
        with np.load(path, allow_pickle=False) as z:
            head = DenseHead(z["coef"], z["intercept"],
                             z["classes"].tobytes().decode("utf-8").split("\n"),
                             float(z["weight"][0]), float(z["temperature"][0]))
    except (KeyError, ValueError, OSError) as exc:
        raise ModelNotFoundError(f"{path}: not a clamor dense head ({exc})") from None
    card = path.with_name(path.stem + ".card.json")
    if card.is_file():
        head.card = json.loads(card.read_text(encoding="utf-8"))
    return head


class DenseTyper:
    """The encoder and the head: turns the sparse model's probabilities into the average."""

    def __init__(self, head: DenseHead, encoder):
        self.head, self.encoder = head, encoder

    def __call__(self, texts: Sequence[str], sparse: np.ndarray,
                 classes: Sequence[str]) -> np.ndarray:
        if not len(texts):
            return sparse
        dense = self.head.aligned(self.encoder(list(texts)), classes)
        return mix(sparse, dense, self.head.weight, self.head.temperature)


def head_path(model_path: str | Path) -> Path:
    """Where the head of a sparse artifact lives: ``<stem>_dense.npz`` beside it."""
    model_path = Path(model_path)
    return model_path.with_name(model_path.stem + "_dense.npz")


@functools.lru_cache(maxsize=4)
def load_dense(model_path: str) -> DenseTyper | None:
    """The dense typer beside the sparse artifact ``model_path``, or None when it has no
    head or the encoder's extra is missing (the sparse model then types alone)."""
    from clamor.extract.encoder import load_encoder

    path = head_path(model_path)
    if not path.is_file():
        return None
    encoder = load_encoder()
    return None if encoder is None else DenseTyper(read_head(path), encoder)
