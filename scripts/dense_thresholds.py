"""The coder's rules-versus-model bars for the averaged (sparse + MiniLM) event typer.

The coder compares the typer's calibrated event-type probability with three bars, set for
the sparse model's confidence: ``MODEL_OVER_RULES`` (the model's label replaces the rules'),
``MODEL_ALONE`` (a short text with no rule evidence keeps the model's label) and
``FALLBACK_MIN_PROB`` (a short undated text no rule typed is coded by the model). The
averaged typer is sharper (its temperature was fitted out of country), so the same bar lets
more through. This script re-chooses each bar for it on the calibration fold of the ACLED
training split (``acled_dev.csv`` rows neither held out, ``gold.is_heldout``, nor fitted on by
the sparse model, ``training.is_calibration``) and the first :data:`EXTRA_NOTES` of the same
fold of ``acled_extra.csv`` (countries the sparse model never saw), minus the notes the dense
head was trained on (those in the embedding cache): both typers see every note as new. No
CASE row and no held-out row is read.

Per bar, the population and what "right" means:

- over-rules: notes the rules type (and no ``RULES_DECIDE`` pair); the model's label is
  taken when its score is at least the bar, so precision = its sub-type right;
- alone: notes with no rule verdict; precision = the model's event type right;
- fallback: notes the whole pipeline codes only through the short-text fallback (no rule
  mention, not vetoed, not a dated report); precision = the fallback's event type right.

The rule, fixed before the curves were read: for each bar, the averaged typer's bar is the
lowest bar on :data:`GRID` from which on (at it and every higher grid bar with any note
through) its precision on the fold is at least the sparse model's precision at its shipped
bar. It also prints the expected calibration error of each typer's event-type probability
on the fold (before/after the temperature).

    CLAMOR_DATA=../shared/data .venv/bin/python scripts/dense_thresholds.py [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

import numpy as np

import clamor.extract.core as core
from clamor.evaluate import gold, loco
from clamor.evaluate.dense_loco import DEFAULT_CACHE, read_cache, text_key
from clamor.evaluate.scorer import main_event, pipeline_extractor
from clamor.evaluate.taxonomy import event_type_of
from clamor.evaluate.training import expected_calibration_error, fit_temperature, is_calibration
from clamor.extract import document
from clamor.extract.classifier import SHIPPED_MODEL, read_model
from clamor.extract.dense import load_dense, mix
from clamor.options import Options

#: Bars tried (the typer's calibrated probability of its event type).
GRID = tuple(round(0.30 + 0.05 * i, 2) for i in range(14))  # 0.30 .. 0.95
#: Notes of acled_extra.csv's calibration fold added to acled_dev's. On acled_dev's fold
#: alone (711 notes, the countries the sparse model was trained on) the sparse model is right
#: on every note over its bars (precision 1.000), a target no typer can be compared against;
#: the extra notes are the countries it never saw, as a user's (and the head saw other notes
#: of them: neither model fitted on these). Bounded for time (encoding ~10 notes/s).
EXTRA_NOTES = 1500


def _fold(rows, cache: dict) -> tuple[list, int]:
    """Calibration-fold training rows, one per text, minus those the head was trained on."""
    out, seen = [], set()
    for r in rows:
        if gold.is_heldout(r.event_id) or not is_calibration(r.event_id) or r.text in seen:
            continue
        seen.add(r.text)
        out.append(r)
    kept = [r for r in out if text_key(r.text) not in cache]
    return kept, len(out) - len(kept)


def calibration_rows(data: Path, cache: dict, limit: int | None, extra: int):
    """The fold's notes of acled_dev.csv, then the first ``extra`` of acled_extra.csv's fold
    in hash order of the event id (notes the sparse model never saw a country of)."""
    dev, dropped = _fold(gold.read_acled(data / "acled" / "acled_dev.csv"), cache)
    print(f"acled_dev calibration fold: {len(dev)} notes scored ({dropped} in the head's "
          f"training cache left out)", flush=True)
    dev = dev[:limit] if limit else dev
    path = data / "acled" / "acled_extra.csv"
    if not extra or not path.is_file():
        return dev
    rows = sorted(loco.read_rows([path]),
                  key=lambda r: hashlib.sha1(r.event_id.encode("utf-8")).digest())
    more, dropped = _fold(rows, cache)
    print(f"acled_extra calibration fold: first {min(extra, len(more))} of {len(more)} "
          f"({dropped} in the head's training cache left out)", flush=True)
    return dev + more[:extra]


def fallback_candidates(texts: list[str]) -> list[int]:
    """Indices of the notes only the short-text fallback codes (undated ones)."""
    run = pipeline_extractor(Options(dense_typer=False))
    saved = core.FALLBACK_MIN_PROB, core.DATED_FALLBACK_MIN_PROB
    try:
        core.FALLBACK_MIN_PROB = core.DATED_FALLBACK_MIN_PROB = 1.01  # the rules alone
        rules = [main_event(x) for x in run(texts)]
        core.FALLBACK_MIN_PROB = 0.0  # the fallback on every undated note it may code
        every = [main_event(x) for x in run(texts)]
    finally:
        core.FALLBACK_MIN_PROB, core.DATED_FALLBACK_MIN_PROB = saved
    return [i for i, (x, e) in enumerate(zip(rules, every)) if x is None and e is not None]


def curve(scores, right, grid=GRID) -> list[tuple[float, int, float | None]]:
    """(bar, notes through, precision or None) per bar."""
    scores, right = np.asarray(scores, dtype=float), np.asarray(right, dtype=bool)
    out = []
    for bar in grid:
        through = scores >= bar
        n = int(through.sum())
        out.append((bar, n, float(right[through].mean()) if n else None))
    return out


def choose(points, target: float) -> float | None:
    """The lowest bar from which on every bar with notes through has precision >= target."""
    chosen = None
    for bar, n, precision in reversed(points):
        if n and precision is not None and precision < target - 1e-12:
            break
        chosen = bar
    return chosen


def populations(rows, preds, verdicts, fallback_idx):
    """{bar name: (indices, right(i) for the label that bar lets through)}."""
    over = [i for i, (v, ruled) in enumerate(verdicts) if v == "typed" and not any(
        preds[i].sub_event_type in pair and ruled[1] in pair for pair in document.RULES_DECIDE)]
    alone = [i for i, (v, _) in enumerate(verdicts) if v == "unsure"]
    return {
        "MODEL_OVER_RULES": (over, lambda i: preds[i].sub_event_type == rows[i].sub_event_type),
        "MODEL_ALONE": (alone, lambda i: preds[i].event_type == rows[i].event_type),
        "FALLBACK_MIN_PROB": (fallback_idx, lambda i: preds[i].event_type == rows[i].event_type),
    }


def ece(model, probs, rows) -> float:
    preds = model.predictions(probs)
    return expected_calibration_error([p.score for p in preds],
                                      [p.event_type == r.event_type for p, r in zip(preds, rows)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N calibration notes")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--extra", type=int, default=EXTRA_NOTES,
                        help="notes of acled_extra.csv's calibration fold (0: acled_dev only)")
    parser.add_argument("--json", type=Path, default=None, help="write the curves here")
    args = parser.parse_args()
    data = Path(os.environ.get("CLAMOR_DATA", "../shared/data"))
    rows = calibration_rows(data, read_cache(args.cache), args.limit, args.extra)
    texts = [r.text for r in rows]
    model = read_model(SHIPPED_MODEL)
    dense = load_dense(str(SHIPPED_MODEL))
    if dense is None:
        print("no dense typer (head or the 'dense' extra missing)")
        return 2
    sparse_p = model.predict_proba(texts)
    dense_p = dense.head.aligned(dense.encoder(texts), model.classes)
    avg_p = mix(sparse_p, dense_p, dense.head.weight, dense.head.temperature)
    raw_p = mix(sparse_p, dense_p, dense.head.weight, 1.0)
    gold_index = np.array([model.classes.index(r.sub_event_type) if r.sub_event_type in
                           model.classes else 0 for r in rows])
    t_fold = fit_temperature(raw_p, gold_index)
    report = {"notes": len(rows), "ece": {
        "sparse": ece(model, sparse_p, rows),
        "average_T1": ece(model, raw_p, rows),
        f"average_T{dense.head.temperature:.2f}_shipped": ece(model, avg_p, rows),
        f"average_T{t_fold:.2f}_fitted_on_fold": ece(model, mix(sparse_p, dense_p,
                                                                dense.head.weight, t_fold), rows)}}
    print("event-type ECE on the fold:", {k: round(float(v), 3) for k, v in report["ece"].items()})
    verdicts = [document._rule_verdict(t) for t in texts]
    fallback_idx = fallback_candidates(texts)
    shipped = {"MODEL_OVER_RULES": document.MODEL_OVER_RULES, "MODEL_ALONE": document.MODEL_ALONE,
               "FALLBACK_MIN_PROB": core.FALLBACK_MIN_PROB}
    for typer, probs in (("sparse", sparse_p), ("average", avg_p)):
        preds = model.predictions(probs)
        for name, (idx, right) in populations(rows, preds, verdicts, fallback_idx).items():
            pts = curve([preds[i].score for i in idx], [right(i) for i in idx])
            report.setdefault("curves", {}).setdefault(name, {})[typer] = pts
            report.setdefault("population", {})[name] = len(idx)
    print(f"{'bar':8} {'name':18} population " + " ".join(f"{b:>11.2f}" for b in GRID))
    for name, bar in shipped.items():
        sp = dict((b, (n, p)) for b, n, p in report["curves"][name]["sparse"])
        target = sp[bar][1]  # the shipped bars are on the grid
        for typer in ("sparse", "average"):
            cells = " ".join(f"{n:4d} {p:.3f}" if p is not None else f"{n:4d}   -  "
                             for b, n, p in report["curves"][name][typer])
            print(f"{typer:8} {name:18} {report['population'][name]:10d} {cells}")
        pick = choose(report["curves"][name]["average"], target) if target is not None else None
        report.setdefault("chosen", {})[name] = {"sparse_bar": bar, "target_precision": target,
                                                 "average_bar": pick}
        print(f"  {name}: sparse bar {bar} precision {target}; averaged typer's bar -> {pick}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
