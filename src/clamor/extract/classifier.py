"""The statistical event-type classifier: a linear model over word and character n-grams.

Inference is numpy only; fitting (:func:`fit_event_model`) uses scikit-learn, a dev extra.
The model predicts ACLED's sub-event type; the event type is the type whose sub-types hold
the most probability, and the sub-type the likeliest one inside it, so the pair is always
consistent with the taxonomy. Artifacts are plain data: an ``.npz`` of arrays (never a
pickle; loaded with ``allow_pickle=False``) beside a ``.card.json`` model card.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clamor.errors import ClamorError, ModelNotFoundError

#: Where the default model ships inside the package.
SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "event_type.npz"

#: Word n-grams 1..2 and character n-grams 3..5 inside word boundaries (as scikit-learn's
#: ``char_wb``): words carry the meaning, character n-grams survive inflection, typos and
#: unseen place names.
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
#: A feature must occur in at least this many training texts: rarer n-grams are mostly
#: names and numbers that do not generalise, and dropping them keeps the artifact small.
MIN_DF = 2
#: Keep at most this many word and character features (the most frequent by document
#: frequency); with 25 classes in float16 this keeps the artifact at a few MB.
MAX_WORD_FEATURES = 40_000
MAX_CHAR_FEATURES = 60_000
#: Inverse regularisation strength of the logistic regression. Chosen on the training
#: rows by comparing 1, 5, 10, 20 on the held-out split once (see the model card).
DEFAULT_C = 10.0

#: ``mask`` value of a model (or FeatureCounts) that masks demonyms only (True/1: all names).
MASK_DEMONYMS = 2
#: The training recipe's switches (docs/classifier.md, "Names masked"): mask names before
#: featurising (:func:`mask_names`; 0 none, 1 all names, MASK_DEMONYMS demonyms only), and
#: weight event types rather than sub-types equally (:func:`type_balanced_weights`). Chosen
#: by leave-one-country-out. Demonyms masked raise the mean over 11 countries 0.764 ->
#: 0.780 in the full run (Palestine 0.577 -> 0.692, United States 0.672 -> 0.723) but cost
#: Ghana 0.016, Haiti 0.008 and the Philippines' sub-type macro-F1 0.010, below their floors
#: (floors only go up), so the recipe stays unmasked until a variant keeps those countries
#: (docs/classifier.md, "Names masked"); every name masked cost the Philippines 0.10
#: (capitalised content words: "Army", "Kill"); type balance cost Palestine 0.04.
MASK_NAMES = 0
TYPE_BALANCED = False

_WORD = re.compile(r"\w\w+")
#: Name masking (:func:`mask_names`): a demonym or country adjective anywhere becomes
#: NORP_TOKEN, any other capitalised word not opening a sentence (a place, a person, a
#: party, a month) NAME_TOKEN, a run of them one token. Left-out-country figures showed
#: the model attaching the type to where ("Gaza", "Israeli", "Minneapolis") rather than to
#: what happened; masked, the weights go to the verbs and nouns that travel. All-capital
#: words (IED, RPG, NPA) are kept: many are weapon or event words. The placeholders are
#: not English words, so their character n-grams do not collide with real ones.
NORP_TOKEN = "zznorpzz"
NAME_TOKEN = "zznamezz"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'’”)\]]*\s+)[\"'‘“(\[]*")
#: Digits are folded to 0: dates and counts ("On 3 June 2020") say nothing about the type,
#: and ACLED notes are full of them while news prose is not.
_DIGIT = re.compile(r"\d")


class TrainingDependencyError(ClamorError):
    """Fitting a model needs scikit-learn: pip install 'clamor[dev]'."""


@dataclass(frozen=True)
class TypePrediction:
    """One text's predicted type: ``score`` is the probability of the event type."""

    event_type: str
    sub_event_type: str
    score: float
    sub_score: float


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Demonyms and country adjectives as written ("Israeli", "Filipinos"), from the
    gazetteer's and the extractor's tables, each also with a plural -s."""
    from clamor.extract.lexicon import load_lexicon
    from clamor.geo.gazetteer import demonym_names

    forms = set(demonym_names()) | set(load_lexicon().demonyms)
    return frozenset(forms | {form + "s" for form in forms})


def mask_names(text: str, demonyms_only: bool = False) -> str:
    """``text`` with demonyms as NORP_TOKEN and (unless ``demonyms_only``) other
    mid-sentence capitalised words as NAME_TOKEN (a run of one placeholder becomes one)."""
    starts = {m.end() for m in _SENTENCE_START.finditer(text)}
    demonyms = _demonyms()
    pieces: list[str] = []
    pos, last = 0, None
    for m in _NAME_WORD.finditer(text):
        word = m.group()
        if word in demonyms:
            tag = NORP_TOKEN
        elif (not demonyms_only and word[0].isupper() and not word.isupper()
              and m.start() not in starts):
            tag = NAME_TOKEN
        else:
            last = None
            continue
        if tag == last and not text[pos:m.start()].strip(" -"):
            pos = m.end()  # "Camarines Sur", "New People's Army": one placeholder
            continue
        pieces += [text[pos:m.start()], f" {tag} "]
        pos, last = m.end(), tag
    pieces.append(text[pos:])
    return "".join(pieces)


def _features(text: str, mask: int = 0) -> tuple[list[str], list[str]]:
    """Word and character n-grams of a lower-cased, digit-folded text (the model's only
    view), names masked first with ``mask`` (:func:`mask_names`; MASK_DEMONYMS: only
    demonyms)."""
    if mask:
        text = mask_names(text, demonyms_only=mask == MASK_DEMONYMS)
    text = _DIGIT.sub("0", text.lower())
    words = _WORD.findall(text)
    word_feats = list(words)
    lo, hi = WORD_NGRAMS
    for n in range(max(lo, 2), hi + 1):
        word_feats.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    char_feats = []
    clo, chi = CHAR_NGRAMS
    for word in text.split():
        padded = f" {word} "
        for n in range(clo, chi + 1):
            if len(padded) < n:
                break
            char_feats.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return word_feats, char_feats


class EventTypeModel:
    """A fitted classifier: vocabularies, idf weights, coefficients and class labels."""

    def __init__(
        self,
        word_vocab: Sequence[str],
        char_vocab: Sequence[str],
        word_idf: np.ndarray,
        char_idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
        class_types: Sequence[str],
        card: dict | None = None,
        temperature: float = 1.0,
        mask: int = 0,
    ):
        self.word_index = {f: i for i, f in enumerate(word_vocab)}
        self.char_index = {f: i for i, f in enumerate(char_vocab)}
        self.word_idf = np.asarray(word_idf, dtype=np.float32)
        self.char_idf = np.asarray(char_idf, dtype=np.float32)
        self.coef = np.asarray(coef, dtype=np.float32)  # (n_features, n_classes)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.classes = list(classes)
        self.class_types = list(class_types)
        self.types = list(dict.fromkeys(self.class_types))
        self._type_of = np.array([self.types.index(t) for t in self.class_types])
        self.card = card or {}
        #: Logits are divided by this before the softmax: fitted on a calibration fold so
        #: that ``score`` is a real probability (1.0: uncalibrated).
        self.temperature = float(temperature)
        #: How texts are name-masked before featurising, as fitted (0 none, 1 all names,
        #: MASK_DEMONYMS demonyms only; :func:`mask_names`).
        self.mask = int(mask)
        #: The dense half of the typer (:class:`clamor.extract.dense.DenseTyper`), attached
        #: by :func:`load_event_model` when the artifact has a head and the extra is there.
        self.dense = None

    @property
    def n_features(self) -> int:
        return len(self.word_index) + len(self.char_index)

    # ------------------------------------------------------------------ features

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF vector (indices, values): sublinear tf, each block L2-normalised."""
        word_feats, char_feats = _features(text, self.mask)
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for feats, index, idf, offset in (
            (word_feats, self.word_index, self.word_idf, 0),
            (char_feats, self.char_index, self.char_idf, len(self.word_index)),
        ):
            counts = Counter(index[f] for f in feats if f in index)
            if not counts:
                continue
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            val = (1.0 + np.log(tf)) * idf[idx]
            norm = float(np.sqrt((val * val).sum()))
            if norm > 0:
                val /= norm
            indices.append(idx + offset)
            values.append(val)
        if not indices:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        return np.concatenate(indices), np.concatenate(values)

    def transform(self, texts: Sequence[str]):
        """The feature matrix as scipy CSR (used when fitting; needs scipy)."""
        from scipy.sparse import csr_matrix

        rows, cols, vals = [], [], []
        for i, text in enumerate(texts):
            idx, val = self._vector(text)
            rows.append(np.full(len(idx), i, dtype=np.int64))
            cols.append(idx)
            vals.append(val)
        return csr_matrix(
            (np.concatenate(vals) if vals else [], (np.concatenate(rows) if rows else [],
             np.concatenate(cols) if cols else [])),
            shape=(len(texts), self.n_features),
            dtype=np.float32,
        )

    # ------------------------------------------------------------------ inference

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Sub-type probabilities, one row per text, columns in ``self.classes`` order."""
        out = np.empty((len(texts), len(self.classes)), dtype=np.float64)
        for i, text in enumerate(texts):
            idx, val = self._vector(text or "")
            logits = self.intercept.astype(np.float64)
            if len(idx):
                logits = logits + val.astype(np.float64) @ self.coef[idx].astype(np.float64)
            logits = logits / self.temperature
            logits -= logits.max()
            exp = np.exp(logits)
            out[i] = exp / exp.sum()
        if self.dense is not None:
            out = self.dense(texts, out, self.classes)
        return out

    def predict(self, texts: Sequence[str]) -> list[TypePrediction]:
        """The event type and sub-event type of each text, with their probabilities."""
        return self.predictions(self.predict_proba(list(texts)))

    def predictions(self, probs: np.ndarray) -> list[TypePrediction]:
        """Type predictions from sub-type probabilities (rows as :meth:`predict_proba`)."""
        preds = []
        for row in probs:
            type_probs = np.bincount(self._type_of, weights=row, minlength=len(self.types))
            t = int(type_probs.argmax())
            inside = np.where(self._type_of == t, row, -1.0)
            s = int(inside.argmax())
            preds.append(
                TypePrediction(
                    event_type=self.types[t],
                    sub_event_type=self.classes[s],
                    score=float(type_probs[t]),
                    sub_score=float(row[s]),
                )
            )
        return preds

    # ------------------------------------------------------------------ persistence

    def save(self, path: str | Path, card: dict | None = None) -> Path:
        """Write ``path`` (.npz, plain arrays) and its model card ``<stem>.card.json``."""
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_suffix(".npz")
        path.parent.mkdir(parents=True, exist_ok=True)

        def blob(items) -> np.ndarray:
            return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)

        np.savez_compressed(
            path,
            word_vocab=blob(self.word_index),
            char_vocab=blob(self.char_index),
            word_idf=self.word_idf.astype(np.float16),
            char_idf=self.char_idf.astype(np.float16),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            classes=blob(self.classes),
            class_types=blob(self.class_types),
            temperature=np.array([self.temperature], dtype=np.float32),
            mask=np.array([int(self.mask)], dtype=np.uint8),
        )
        card = dict(card if card is not None else self.card)
        card.setdefault("format", "clamor event-type model 1: npz arrays + this card")
        card["artifact"] = path.name
        card["sizes"] = {
            **card.get("sizes", {}),
            "word_features": len(self.word_index),
            "char_features": len(self.char_index),
            "classes": len(self.classes),
            "artifact_bytes": path.stat().st_size,
        }
        card_path(path).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
        self.card = card
        return path


def card_path(path: str | Path) -> Path:
    """The model card that goes with an ``.npz`` artifact."""
    path = Path(path)
    return path.with_name(path.stem + ".card.json")


def read_model(path: str | Path) -> EventTypeModel:
    """Load an artifact (no caching; see :func:`load_event_model`)."""
    path = Path(path)
    if not path.is_file():
        raise ModelNotFoundError(f"{path}: no such event-type model")
    try:
        with np.load(path, allow_pickle=False) as data:

            def text(key: str) -> list[str]:
                raw = data[key].tobytes().decode("utf-8")
                return raw.split("\n") if raw else []

            model = EventTypeModel(
                word_vocab=text("word_vocab"),
                char_vocab=text("char_vocab"),
                word_idf=data["word_idf"],
                char_idf=data["char_idf"],
                coef=data["coef"],
                intercept=data["intercept"],
                classes=text("classes"),
                class_types=text("class_types"),
                # Artifacts from before calibration have no temperature: 1.0.
                temperature=float(data["temperature"][0]) if "temperature" in data else 1.0,
                # ... and before name masking none is masked.
                mask=int(data["mask"][0]) if "mask" in data else 0,
            )
    except (KeyError, ValueError, OSError) as exc:
        raise ModelNotFoundError(f"{path}: not a clamor event-type model ({exc})") from None
    cpath = card_path(path)
    if cpath.is_file():
        model.card = json.loads(cpath.read_text(encoding="utf-8"))
    return model


@functools.lru_cache(maxsize=4)
def load_event_model(path: str | None = None, dense: bool = False) -> EventTypeModel | None:
    """The model at ``path``, or the shipped one (None when none is shipped). Cached.

    With ``dense`` the model averages in its dense head (``<stem>_dense.npz`` beside it)
    when there is one and the ``dense`` extra is installed; otherwise it types alone.
    """
    from clamor.extract.dense import load_dense

    if path is None and not SHIPPED_MODEL.is_file():
        return None
    model = read_model(SHIPPED_MODEL if path is None else path)
    if dense:
        model.dense = load_dense(str(SHIPPED_MODEL if path is None else path))
    return model


# --------------------------------------------------------------------------- fitting


class FeatureCounts:
    """Raw n-gram counts of a corpus, computed once and sliced for any training subset.

    Leave-one-country-out fits a dozen models on overlapping rows: counting once and
    selecting each fit's vocabulary with sparse column sums makes a fit cost the solver
    only. The result is the same as featurising each subset afresh (same vocabulary,
    same idf, same vectors as :meth:`EventTypeModel._vector`).
    """

    def __init__(self, texts: Sequence[str], mask: int | None = None):
        from scipy.sparse import csr_matrix

        self.mask = int(MASK_NAMES if mask is None else mask)
        mask = self.mask
        blocks: list[tuple[dict[str, int], list[int], list[int]]] = [({}, [], [0]),
                                                                      ({}, [], [0])]
        for text in texts:
            for feats, (ids, indices, indptr) in zip(_features(text or "", mask), blocks):
                indices.extend(ids.setdefault(f, len(ids)) for f in feats)
                indptr.append(len(indices))
        self.names: list[list[str]] = []
        self.counts = []
        self.ranks = []
        for ids, indices, indptr in blocks:
            counts = csr_matrix(
                (np.ones(len(indices), dtype=np.float32), np.asarray(indices, dtype=np.int64),
                 np.asarray(indptr, dtype=np.int64)), shape=(len(texts), len(ids)))
            counts.sum_duplicates()
            names = list(ids)
            # Only features in MIN_DF texts of the whole corpus can reach MIN_DF in a subset.
            keep = np.flatnonzero(np.diff(counts.tocsc().indptr) >= MIN_DF)
            self.counts.append(counts[:, keep].tocsr())
            kept = [names[i] for i in keep]
            self.names.append(kept)
            rank = np.empty(len(kept), dtype=np.int64)  # alphabetical rank: the tie-break
            rank[sorted(range(len(kept)), key=kept.__getitem__)] = np.arange(len(kept))
            self.ranks.append(rank)
        self.n = len(texts)

    def vocab(self, rows: np.ndarray, block: int, max_features: int):
        """(columns, idf) of the vocabulary fitted on ``rows``: df >= MIN_DF, most frequent."""
        sub = self.counts[block][rows]
        df = np.diff(sub.tocsc().indptr)
        cand = np.flatnonzero(df >= MIN_DF)
        order = np.lexsort((self.ranks[block][cand], -df[cand]))[:max_features]
        cols = cand[order]
        # Smoothed idf, as scikit-learn's default: ln((1 + n) / (1 + df)) + 1.
        idf = np.log((1.0 + len(rows)) / (1.0 + df[cols])) + 1.0
        return cols, idf.astype(np.float32)

    def matrix(self, rows: np.ndarray, columns: list[tuple[np.ndarray, np.ndarray]]):
        """TF-IDF rows (sublinear tf, each block L2-normalised) for fitted ``columns``."""
        from scipy.sparse import diags, hstack

        parts = []
        for counts, (cols, idf) in zip(self.counts, columns):
            x = counts[rows][:, cols].tocsr().astype(np.float32)
            x.data = 1.0 + np.log(x.data)
            x = x @ diags(idf)
            norm = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
            norm[norm == 0] = 1.0
            parts.append(diags(1.0 / norm) @ x)
        return hstack(parts, format="csr", dtype=np.float32)


def fit_event_model(
    texts: Sequence[str],
    labels: Sequence[str],
    class_types: dict[str, str] | None = None,
    c: float = DEFAULT_C,
    class_weight: str | None = "balanced",
    max_iter: int = 2000,
    card: dict | None = None,
    mask: int | None = None,
    type_balanced: bool | None = None,
) -> EventTypeModel:
    """Fit on texts and their ACLED sub-event types (``class_types`` maps sub-type to type).

    ``mask`` and ``type_balanced`` default to the recipe's MASK_NAMES and TYPE_BALANCED
    (type balance replaces ``class_weight``). Raises :class:`TrainingDependencyError` when
    scikit-learn is not installed.
    """
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    weights = recipe_weights(labels, type_balanced, class_types)
    if "sample_weight" not in weights:
        weights["class_weight"] = class_weight
    return fit_from_counts(FeatureCounts(texts, mask), np.arange(len(texts)), labels,
                           class_types, c=c, max_iter=max_iter, card=card, **weights)


def fit_from_counts(
    counts: FeatureCounts,
    rows: np.ndarray,
    labels: Sequence[str],
    class_types: dict[str, str] | None = None,
    c: float = DEFAULT_C,
    class_weight: str | None = "balanced",
    max_iter: int = 2000,
    card: dict | None = None,
    sample_weight: np.ndarray | None = None,
) -> EventTypeModel:
    """Fit on the texts ``rows`` of ``counts`` (labels in the same order as ``rows``);
    ``sample_weight`` multiplies ``class_weight`` (see :func:`type_balanced_weights`)."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise TrainingDependencyError(TrainingDependencyError.__doc__) from None
    if class_types is None:
        from clamor.evaluate.taxonomy import SUB_TO_TYPE as class_types
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) != len(labels):
        raise ValueError(f"{len(rows)} texts but {len(labels)} labels")
    unknown = sorted({label for label in labels if label not in class_types})
    if unknown:
        raise ValueError(f"labels outside the taxonomy: {', '.join(unknown[:5])}")
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise ValueError("need at least two classes to fit a classifier")
    columns = [counts.vocab(rows, 0, MAX_WORD_FEATURES), counts.vocab(rows, 1, MAX_CHAR_FEATURES)]
    x = counts.matrix(rows, columns)
    clf = LogisticRegression(C=c, max_iter=max_iter, class_weight=class_weight)
    clf.fit(x, list(labels), sample_weight=sample_weight)
    coef, intercept = clf.coef_, clf.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: logit of the second
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    order = [list(clf.classes_).index(c_) for c_ in classes]
    (wcols, widf), (ccols, cidf) = columns
    model = EventTypeModel(
        [counts.names[0][i] for i in wcols], [counts.names[1][i] for i in ccols], widf, cidf,
        coef[order].T, intercept[order], classes, [class_types[c_] for c_ in classes],
        mask=getattr(counts, "mask", 0),
    )
    model.columns = columns  # the fit's view of ``counts``: counts.matrix(rows, model.columns)
    model.card = {
        **(card or {}),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "hyperparameters": {
            "word_ngrams": list(WORD_NGRAMS),
            "char_ngrams": list(CHAR_NGRAMS),
            "min_df": MIN_DF,
            "max_word_features": MAX_WORD_FEATURES,
            "max_char_features": MAX_CHAR_FEATURES,
            "C": c,
            "class_weight": class_weight if sample_weight is None else
                            f"{class_weight} x type_balanced_weights",
            "mask_names": int(getattr(counts, "mask", 0)),
            "estimator": "multinomial logistic regression (scikit-learn lbfgs)",
            "max_iter": max_iter,
            "iterations": int(np.max(clf.n_iter_)),
        },
        "sizes": {"train_texts": len(rows), "train_label_counts": dict(Counter(labels))},
    }
    return model


def type_balanced_weights(labels: Sequence[str], class_types: dict[str, str]) -> np.ndarray:
    """Per-text weights giving each event type the same total weight and, inside a type,
    each sub-type the same share (mean weight 1).

    scikit-learn's ``balanced`` weights sub-types equally, so a type counts as much as it
    has sub-types (Strategic developments 7, Riots 2); the figure users read, event-type
    macro-F1, weighs the six types equally.
    """
    n_sub = Counter(labels)
    subs_of_type = Counter(class_types[s] for s in n_sub)
    n_types = len(subs_of_type)
    w = np.array([1.0 / (n_types * subs_of_type[class_types[s]] * n_sub[s]) for s in labels])
    return w * (len(labels) / w.sum())


def recipe_weights(labels: Sequence[str], type_balanced: bool | None = None,
                   class_types: dict[str, str] | None = None) -> dict:
    """``fit_from_counts`` weighting arguments of the recipe: sub-types balanced
    (scikit-learn's ``balanced``), or with ``type_balanced`` (default TYPE_BALANCED) types."""
    if not (TYPE_BALANCED if type_balanced is None else type_balanced):
        return {"class_weight": "balanced"}
    if class_types is None:
        from clamor.evaluate.taxonomy import SUB_TO_TYPE as class_types
    return {"class_weight": None, "sample_weight": type_balanced_weights(labels, class_types)}
