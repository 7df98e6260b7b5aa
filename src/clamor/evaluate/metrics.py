"""Plain metric functions (no scikit-learn at run time), shared by the one scorer.

Conventions, fixed here so every figure means the same thing everywhere:

- A missing prediction (``None``: the system found no event) is the label
  :data:`clamor.evaluate.taxonomy.NO_EVENT`, so it counts against recall.
- Macro-F1 averages the per-class F1 over the classes present in the *gold* labels; a
  prediction of a class absent from the gold still costs the precision of nothing and the
  recall of the gold class it replaced.
- Weighted F1 weights each gold class's F1 by its support (as scikit-learn's ``weighted``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from clamor.evaluate.taxonomy import NO_EVENT


def _label(value: str | None) -> str:
    return NO_EVENT if value is None else value


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def classification_report(
    gold: Sequence[str | None], pred: Sequence[str | None]
) -> dict:
    """Per-class precision, recall, F1 and support; accuracy, macro-F1 and weighted F1."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    gold_l = [_label(g) for g in gold]
    pred_l = [_label(p) for p in pred]
    support = Counter(gold_l)
    predicted = Counter(pred_l)
    correct = Counter(g for g, p in zip(gold_l, pred_l) if g == p)
    per_class = {}
    for label in sorted(support):
        tp = correct[label]
        precision = tp / predicted[label] if predicted[label] else 0.0
        recall = tp / support[label]
        per_class[label] = {
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "support": support[label],
            "predicted": predicted[label],
        }
    n = len(gold_l)
    macro = sum(c["f1"] for c in per_class.values()) / len(per_class) if per_class else 0.0
    weighted = sum(c["f1"] * c["support"] for c in per_class.values()) / n if n else 0.0
    return {
        "n": n,
        "accuracy": sum(correct.values()) / n if n else 0.0,
        "macro_f1": macro,
        "weighted_f1": weighted,
        "per_class": per_class,
    }


def confusion_matrix(gold: Sequence[str | None], pred: Sequence[str | None]) -> dict:
    """``{"labels": [...], "matrix": [[count]]}``: rows gold, columns predicted."""
    gold_l = [_label(g) for g in gold]
    pred_l = [_label(p) for p in pred]
    labels = sorted(set(gold_l) | set(pred_l))
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold_l, pred_l):
        matrix[index[g]][index[p]] += 1
    return {"labels": labels, "matrix": matrix}


def binary_scores(gold: Sequence[bool], pred: Sequence[bool]) -> dict:
    """Precision, recall and F1 of the positive class, with the counts."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(gold),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
    }


def share(flags: Sequence[bool]) -> float:
    """The share of true values (0.0 for an empty sequence)."""
    return sum(1 for f in flags if f) / len(flags) if flags else 0.0
