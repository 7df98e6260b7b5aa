"""Training the event-type classifier from gold files, with a held-out split and a report.

Gold files recognised by their columns: ACLED CSV exports (``event_id_cnty``, ``notes``,
``sub_event_type``; 2019+ rows), CASE 2021 task 2 TSV (``EventSnippet``, ``SubType``;
out-of-taxonomy snippets are left out: the model only types events), and a user's own
coded data as CSV, TSV or JSONL with ``text`` and ``sub_event_type`` (optional ``id``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clamor.errors import FormatError, InputError
from clamor.evaluate import baselines, gold
from clamor.evaluate.scorer import corpus_sha256, score_typing
from clamor.evaluate.taxonomy import SUB_TO_TYPE, event_type_of

#: Terms attached to each kind of training data, copied into the model card.
TERMS = {
    "acled": "ACLED Terms of Use: attribute ACLED (Armed Conflict Location & Event Data "
             "Project, acleddata.com); non-commercial research use only; no public "
             "re-posting of raw rows. The artifact holds n-gram statistics and weights, "
             "not rows.",
    "case2021": "CASE 2021 shared task 2 data, published by the task organisers "
                "(emerging-welfare/case-2021-shared-task); research use.",
    "own": "the user's own coded data: the terms of that data apply.",
    "seed": "clamor's team-written seed examples (src/clamor/data/models/seed_examples.tsv), "
            "Apache-2.0.",
}

#: Share of the training rows (by a hash of the id, apart from the held-out hash) kept out
#: of the fit to fit the temperature on: ~5,000 rows of the pooled notes, plenty for one
#: parameter, and the fit loses a tenth of its rows only.
CALIBRATION_PERCENT = 10
#: Equal-width confidence bins of the expected calibration error (the usual 10).
ECE_BINS = 10

#: Team-written examples for sub-types the development notes barely cover.
SEED_EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "models" / "seed_examples.tsv"


def read_seed_examples(path: str | Path = SEED_EXAMPLES) -> list[TrainingRow]:
    """``sub-event type<TAB>text`` lines (``#`` comments); always in the training split."""
    rows = []
    path = Path(path)
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        sub, _, text = raw.partition("\t")
        if sub not in SUB_TO_TYPE or not text.strip():
            raise FormatError(str(path), f"bad seed example {raw[:40]!r}", line=line)
        rows.append(TrainingRow(f"seed:{line}", text.strip(), sub, "seed"))
    return rows


@dataclass(frozen=True)
class TrainingRow:
    """One training text with its gold sub-event type."""

    id: str
    text: str
    sub_event_type: str
    source: str


def read_training_file(path: str | Path) -> tuple[str, list[TrainingRow]]:
    """(kind, rows) of one gold file: kind is ``acled``, ``case2021`` or ``own``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    if path.suffix.lower() in (".jsonl", ".json"):
        rows = []
        with path.open(encoding="utf-8") as handle:
            for line, raw in enumerate(handle, start=1):
                if raw.strip():
                    try:
                        obj = json.loads(raw)
                    except json.JSONDecodeError as exc:
                        raise FormatError(str(path), exc.msg, line=line) from None
                    rows.append(_own(obj, path, line))
        return "own", rows
    with path.open(encoding="utf-8", newline="") as handle:
        header = handle.readline()
    if "EventSnippet" in header:
        rows = [TrainingRow(f"case:{r.id}", r.text, r.sub_event_type, "case2021")
                for r in gold.read_case(path) if r.sub_event_type]
        return "case2021", rows
    if "event_id_cnty" in header and "notes" in header:
        rows = [TrainingRow(r.event_id, r.text, r.sub_event_type, "acled")
                for r in gold.read_acled(path, taxonomy="2019+") if r.sub_event_type]
        return "acled", rows
    delimiter = "\t" if "\t" in header else ","
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        return "own", [_own(row, path, line) for line, row in enumerate(reader, start=2)]


def _own(obj: dict, path: Path, line: int) -> TrainingRow:
    text, sub = obj.get("text"), obj.get("sub_event_type")
    if not text or not sub:
        raise FormatError(str(path), "needs 'text' and 'sub_event_type'", line=line)
    if sub not in SUB_TO_TYPE:
        raise FormatError(str(path), f"{sub!r} is not an ACLED sub-event type", line=line)
    return TrainingRow(str(obj.get("id") or f"{path.name}:{line}"), text, sub, "own")


def is_calibration(row_id: str, percent: int = CALIBRATION_PERCENT) -> bool:
    """Whether a training row belongs to the calibration fold (stable, unlike the split)."""
    return gold.is_heldout(f"calibration:{row_id}", percent)


def fit_temperature(probs: np.ndarray, gold_index: np.ndarray) -> float:
    """The temperature minimising the log-loss of the gold classes (grid over 0.2..5)."""
    logp = np.log(np.clip(probs, 1e-12, 1.0))
    best, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.2), np.log(5.0), 161)):
        z = logp / t
        z -= z.max(axis=1, keepdims=True)
        loss = float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(z)), gold_index]))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def expected_calibration_error(scores, correct, bins: int = ECE_BINS) -> float:
    """Support-weighted mean |accuracy - confidence| over equal-width confidence bins."""
    scores, correct = np.asarray(scores, dtype=float), np.asarray(correct, dtype=float)
    if not len(scores):
        return 0.0
    which = np.minimum((scores * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            total += inside.sum() * abs(correct[inside].mean() - scores[inside].mean())
    return total / len(scores)


def _calibrate(model, rows: list[TrainingRow]) -> dict:
    """Fit ``model.temperature`` on ``rows`` (never trained on); what it changed."""
    known = [r for r in rows if r.sub_event_type in model.classes]
    probs = model.predict_proba([r.text for r in known])
    gold_index = np.array([model.classes.index(r.sub_event_type) for r in known])
    before = _ece(model, probs, known)
    model.temperature = fit_temperature(probs, gold_index)
    after = _ece(model, model.predict_proba([r.text for r in known]), known)
    return {"temperature": round(model.temperature, 4), "calibration_rows": len(known),
            "fold": f"training rows whose sha1('calibration:' + id) mod 100 < "
                    f"{CALIBRATION_PERCENT}, never fitted on",
            "event_type_ece_on_fold": {"before": round(before, 4), "after": round(after, 4)}}


def _ece(model, probs: np.ndarray, rows: list[TrainingRow]) -> float:
    preds = model.predictions(probs)
    return expected_calibration_error(
        [p.score for p in preds],
        [p.event_type == event_type_of(r.sub_event_type) for p, r in zip(preds, rows)])


def train_event_type(
    paths: list[str | Path],
    out: str | Path | None = None,
    heldout_percent: int = gold.HELDOUT_PERCENT,
    refit_all: bool = False,
    c: float | None = None,
    seed_examples: str | Path | None = None,
    calibrate: bool = True,
):
    """Fit on the training split of ``paths``, score on the held-out split, save + card.

    ``seed_examples``: a file of team-written examples (see :func:`read_seed_examples`)
    added to the training split only.

    Returns ``(model, report)``. With ``refit_all`` the saved model is refit on every row
    after measuring (the card then says the held-out figures come from the split run).
    """
    from clamor.extract.classifier import DEFAULT_C, fit_event_model

    c = DEFAULT_C if c is None else c
    data, rows = [], []
    for path in paths:
        kind, part = read_training_file(path)
        rows.extend(part)
        data.append({"file": Path(path).name, "kind": kind, "rows": len(part),
                     "sha256": corpus_sha256(path), "terms": TERMS[kind]})
    if not rows:
        raise InputError(", ".join(map(str, paths)), "no labelled rows to train on")
    train = [r for r in rows if not gold.is_heldout(r.id, heldout_percent)]
    test = [r for r in rows if gold.is_heldout(r.id, heldout_percent)]
    if seed_examples is not None:  # always trained on, never scored on
        seeds = read_seed_examples(seed_examples)
        train += seeds
        rows = rows + seeds
        data.append({"file": Path(seed_examples).name, "kind": "seed", "rows": len(seeds),
                     "sha256": corpus_sha256(seed_examples), "terms": TERMS["seed"]})
    fold = [r for r in train if calibrate and r.source != "seed" and is_calibration(r.id)]
    fold_ids = {r.id for r in fold}
    fit = [r for r in train if r.id not in fold_ids]
    model = fit_event_model([r.text for r in fit], [r.sub_event_type for r in fit], c=c)
    calibration = _calibrate(model, fold) if fold else None
    g_subs = [r.sub_event_type for r in test]
    g_types = [event_type_of(s) for s in g_subs]
    major = baselines.majority([r.sub_event_type for r in train])
    preds = {
        "classifier": [(p.event_type, p.sub_event_type)
                       for p in model.predict([r.text for r in test])],
        "majority": [(event_type_of(major), major)] * len(test),
        "keyword": [(event_type_of(s), s) for s in
                    (baselines.keyword_sub_type(r.text, major) for r in test)],
    }
    scored = score_typing(g_types, g_subs, preds)
    if calibration is not None and test:  # reliability on the held-out rows, before/after
        temperature, model.temperature = model.temperature, 1.0
        before = _ece(model, model.predict_proba([r.text for r in test]), test)
        model.temperature = temperature
        after = _ece(model, model.predict_proba([r.text for r in test]), test)
        calibration["event_type_ece_heldout"] = {"before": round(before, 4),
                                                 "after": round(after, 4)}
    report = {
        "n_train": len(fit),
        "n_calibration": len(fold),
        "calibration": calibration,
        "n_heldout": len(test),
        "heldout_percent": heldout_percent,
        "figures": scored["figures"],
        "per_class": scored["reports"]["event_type"]["classifier"]["per_class"],
    }
    if refit_all:
        temperature = model.temperature
        model = fit_event_model([r.text for r in rows], [r.sub_event_type for r in rows], c=c)
        model.temperature = temperature
    card = {
        **model.card,
        "name": "clamor event-type classifier",
        "task": "ACLED 2019+ sub-event type (and event type) of a short event description",
        "trained": dt.date.today().isoformat(),
        "training_data": data,
        "split": (f"held-out: rows whose sha1(id) mod 100 < {heldout_percent} "
                  "(clamor.evaluate.gold.is_heldout); "
                  + ("the saved model was refit on all rows after measuring, so the held-out "
                     "scores below come from the split run" if refit_all else
                     "the saved model never saw the held-out rows")),
        "heldout_scores": {k: {s: round(v, 4) for s, v in d.items()}
                           for k, d in scored["figures"].items()},
        "licence": "; ".join(sorted({d["terms"] for d in data})),
        "intended_use": "typing a text already known to report one event; it never answers "
                        "'no event' (detection is the extraction pipeline's job).",
        "limitations": "trained on ACLED coders' notes: news prose scores lower (see "
                       "docs/quality.md, CASE), and so do countries it never saw (the "
                       "leave-one-country-out rows); rare sub-types have few examples.",
        "calibration": calibration,
    }
    card["sizes"] = {**card.get("sizes", {}), "n_train": len(fit), "n_heldout": len(test)}
    model.card = card
    if out is not None:
        model.save(out, card)
    return model, report
