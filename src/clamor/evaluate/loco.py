"""Leave-one-country-out: the event-type classifier scored on countries it never saw.

Over the ACLED notes (``acled_dev.csv`` + ``acled_extra.csv``, 2019+ rows), each country
with enough notes and enough event types is left out in turn: a model is fitted on every
other country (the shipped recipe: ACLED notes + the team's seed examples) and scored on
the left-out country. Beside it, for the same country:

- ``in_distribution``: one model fitted on the training split of every country
  (:func:`clamor.evaluate.gold.is_heldout`), scored on that country's held-out rows: what
  the classifier does on a country it has seen;
- ``majority`` (the training set's most common sub-type) and ``keyword`` (codebook keyword
  rules): the references every figure is reported beside;
- fatalities exact of the full pipeline (its fatality extraction) against always 0, on a
  bounded sample of the country's notes, and from the same pass actor1 exact with and
  without ACLED's regime years against the other countries' most common actor1 pattern
  named with the left-out country (:mod:`clamor.evaluate.actors`).

Needs scikit-learn (fitting). Figures are plain dicts ready for JSON, named
``<country>_<figure>`` with one value per system. ``reliability`` says how well the
probabilities hold on unseen countries (expected calibration error of the event-type
score, and the temperature that would calibrate them there, beside the same for the
in-distribution twin: their ratio says how much softer the recipe's probabilities must
be on a country it never saw than on one it did).
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from clamor.evaluate import baselines, gold
from clamor.evaluate.scorer import (
    corpus_sha256,
    main_event,
    pipeline_extractor,
    score_fields,
    score_typing,
)
from clamor.evaluate.taxonomy import event_type_of
from clamor.options import Options

#: The ACLED note files pooled for the evaluation, inside the data folder.
ACLED_FILES = ("acled/acled_dev.csv", "acled/acled_extra.csv")
#: A country is left out in turn when it has at least this many notes and event types:
#: fewer notes make a noisy macro-F1, fewer types a macro-F1 over a near-single class.
MIN_COUNTRY_NOTES = 1000
MIN_COUNTRY_TYPES = 4
#: ... and an event type counts towards MIN_COUNTRY_TYPES only with at least this many of
#: the country's notes. Myanmar's notes come from an explosions-only extract (data README):
#: 2,743 explosions and 13 notes of three other types from the 2023 sample, so its
#: "four types" macro-F1 was 0.250 whatever the model did (three types with F1 0 on 13
#: notes). A type with fewer notes is still scored, it just does not make a country
#: eligible; at 30 notes one note moves a type's F1 by about 0.03.
MIN_TYPE_NOTES = 30
#: Each fold trains on at most this many notes per training country (stratified by
#: sub-type), so that a dozen folds fit in the CI quality gate: ~25,000 notes per fold
#: instead of ~60,000. Capping per country keeps every country's way of writing; a flat
#: sample of 20,000 lost 4 points of macro-F1 on the Kenya fold, this cap under one
#: (docs/classifier.md).
COUNTRY_CAP = 1500
#: A sub-type keeps at least this many of a country's notes in a capped sample (all it has
#: when fewer), so that rare sub-types (Agreement, Chemical weapon) are not sampled away.
MIN_PER_CLASS = 150
#: Solver iterations per fold. The shipped model runs lbfgs to convergence (~100
#: iterations); 50 cost the Kenya fold 0.008 macro-F1 against a converged fit on every
#: row, at a fifth of the time (docs/classifier.md). The figures are a slight underestimate.
MAX_ITER = 50
#: Notes per country run through the whole pipeline for fatalities and actor1 (spaCy +
#: rules cost a few hundredths of a second per note: 11 countries x 600 notes is about
#: five minutes on a quiet machine). It was 150 until 2026-12-01: at 150 one note moves a
#: figure by 0.007, as much as the United States' margin over always-0 (0.993), so the
#: comparison could not be resolved; at 600 one note is 0.0017.
FATALITY_SAMPLE = 600
#: The earlier rounds' sample: the first this-many notes of the same hash order. Their
#: figures keep the names and floors they had (``<country>_fatalities_exact``, ...); the
#: whole sample's figures carry :data:`WIDE_SUFFIX`, so a floor set on 150 notes is never
#: compared with a figure on 600.
FLOORED_PREFIX = 150
WIDE_SUFFIX = "_600"
#: Notes per country (hash order) the fatality selector of each fold is trained from: the
#: features of ~12,000 notes cost about a minute once, each fold's fit a few seconds.
FATALITY_TRAIN_CAP = 500
#: Sampling seed (capped training samples, nothing else is random).
SEED = 13


def acled_paths(data_dir: str | Path) -> list[Path]:
    """The ACLED note files present in ``data_dir``."""
    return [Path(data_dir) / f for f in ACLED_FILES if (Path(data_dir) / f).is_file()]


def read_rows(paths: Sequence[str | Path]) -> list[gold.AcledGold]:
    """2019+ rows with a sub-event type and a country, from every file."""
    return [r for p in paths for r in gold.read_acled(p, taxonomy="2019+")
            if r.sub_event_type and r.country]


def eligible_countries(rows: Sequence[gold.AcledGold], min_notes: int = MIN_COUNTRY_NOTES,
                       min_types: int = MIN_COUNTRY_TYPES,
                       min_type_notes: int = MIN_TYPE_NOTES) -> list[str]:
    """Countries with enough notes and well-attested event types, most notes first."""
    notes = Counter(r.country for r in rows)
    per_type = Counter((r.country, r.event_type) for r in rows)
    types = Counter(c for (c, _), n in per_type.items() if n >= min_type_notes)
    return [c for c, n in notes.most_common() if n >= min_notes and types[c] >= min_types]


def capped_sample(indices: Sequence[int], labels: Sequence[str], cap: int | None,
                  seed: int = SEED) -> list[int]:
    """At most about ``cap`` of ``indices``, each label in proportion (>= MIN_PER_CLASS)."""
    indices = list(indices)
    if not cap or len(indices) <= cap:
        return indices
    by_label: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        by_label[labels[i]].append(i)
    rng = random.Random(seed)
    share = cap / len(indices)
    out = []
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        out.extend(members[: max(round(len(members) * share), MIN_PER_CLASS)])
    return sorted(out)


def _hash_order(row: gold.AcledGold) -> bytes:
    return hashlib.sha1(row.event_id.encode("utf-8")).digest()


class _Folds:
    """Counts of every note (and seed example) once; one model per training subset."""

    def __init__(self, rows: Sequence[gold.AcledGold], seeds: Sequence,
                 country_cap: int | None, max_iter: int, c: float | None = None,
                 mask: int | None = None, type_balanced: bool | None = None,
                 counts=None):
        from clamor.extract import classifier

        self.rows = rows
        self.labels = [r.sub_event_type for r in rows] + [s.sub_event_type for s in seeds]
        self.n_seeds = len(seeds)
        # the shipped recipe unless told otherwise (scripts/loco_typing.py compares them)
        self.mask = classifier.MASK_NAMES if mask is None else mask
        self.type_balanced = (classifier.TYPE_BALANCED if type_balanced is None
                              else type_balanced)
        # ``counts``: the same notes already counted with the same masking (reused)
        self.counts = counts or classifier.FeatureCounts(
            [r.text for r in rows] + [s.text for s in seeds], mask=self.mask)
        self.country_cap, self.max_iter, self.c = country_cap, max_iter, c

    def fit(self, train: Sequence[int]):
        """A model on ``train`` (capped) plus every seed example; (model, n_train)."""
        from clamor.extract.classifier import fit_from_counts, recipe_weights

        by_country: dict[str, list[int]] = defaultdict(list)
        for i in train:
            by_country[self.rows[i].country].append(i)
        idx = sorted(i for members in by_country.values()
                     for i in capped_sample(members, self.labels, self.country_cap))
        idx += list(range(len(self.rows), len(self.rows) + self.n_seeds))
        labels = [self.labels[i] for i in idx]
        model = fit_from_counts(self.counts, np.array(idx), labels, max_iter=self.max_iter,
                                **recipe_weights(labels, self.type_balanced),
                                **({"c": self.c} if self.c else {}))
        return model, len(idx)

    def proba(self, model, test: Sequence[int]) -> np.ndarray:
        x = self.counts.matrix(np.asarray(test, dtype=np.int64), model.columns)
        logits = (x @ model.coef + model.intercept) / model.temperature
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)

    def predict(self, model, test: Sequence[int]) -> list[tuple[str, str]]:
        return [(p.event_type, p.sub_event_type)
                for p in model.predictions(self.proba(model, test))]


class _Reliability:
    """Out-of-country probabilities pooled over the folds: how sure the recipe is, and
    how often right, on countries it never saw (the pipeline's situation on new text)."""

    def __init__(self):
        from clamor.evaluate.taxonomy import SUB_TO_TYPE

        self.classes = sorted(SUB_TO_TYPE)
        self.probs: list[np.ndarray] = []
        self.gold: list[int] = []
        self.types: list[str] = []

    def add(self, model, probs: np.ndarray, rows: Sequence[gold.AcledGold]) -> None:
        full = np.zeros((len(rows), len(self.classes)))
        full[:, [self.classes.index(c) for c in model.classes]] = probs
        self.probs.append(full)
        self.gold += [self.classes.index(r.sub_event_type) for r in rows]

    def figures(self) -> dict:
        """ECE of the event-type score as fitted, and the temperature fitted on the pool."""
        from clamor.evaluate.training import expected_calibration_error, fit_temperature
        from clamor.evaluate.taxonomy import SUB_TO_TYPE

        probs, gold_index = np.vstack(self.probs), np.array(self.gold)
        types = sorted(set(SUB_TO_TYPE.values()))
        of_type = np.array([types.index(SUB_TO_TYPE[c]) for c in self.classes])
        gold_type = of_type[gold_index]

        def ece(p: np.ndarray) -> float:
            by_type = np.stack([p[:, of_type == t].sum(axis=1) for t in range(len(types))], 1)
            return expected_calibration_error(by_type.max(axis=1),
                                              by_type.argmax(axis=1) == gold_type)

        t = fit_temperature(probs, gold_index)
        soft = np.exp(np.log(np.clip(probs, 1e-12, 1.0)) / t)
        soft /= soft.sum(axis=1, keepdims=True)
        return {"n": len(gold_index), "event_type_ece": round(ece(probs), 4),
                "temperature": round(t, 4), "event_type_ece_at_temperature": round(ece(soft), 4)}


def _references(rows, train, test) -> dict[str, list[tuple[str, str]]]:
    sub = baselines.majority([rows[i].sub_event_type for i in train])
    return {
        "majority": [(event_type_of(sub), sub)] * len(test),
        "keyword": [(event_type_of(s), s) for s in
                    (baselines.keyword_sub_type(rows[i].text, sub) for i in test)],
    }


def _typing(rows, test, preds: dict, prefix: str, supported: set[str]) -> dict:
    """Typing figures, plus the macro-F1 over the ``supported`` types only.

    ``event_type_macro_f1_supported`` averages the F1 of the country's event types with at
    least MIN_TYPE_NOTES notes: the United States' macro-F1 weighs 7 battles and 2
    explosions as much as 3,370 protests, so one of those notes moves it by ~0.03 and the
    two types are a third of the figure. Every note still counts (a protest typed as a
    battle lowers the protests' recall).
    """
    scored = score_typing([rows[i].event_type for i in test],
                          [rows[i].sub_event_type for i in test], preds, prefix=prefix)
    figures = scored["figures"]
    for system, report in scored["reports"][f"{prefix}event_type"].items():
        f1 = [c["f1"] for t, c in report["per_class"].items() if t in supported]
        figures.setdefault(f"{prefix}event_type_macro_f1_supported", {})[system] = (
            sum(f1) / len(f1) if f1 else 0.0)
    return figures


def pipeline_events(rows: Sequence[gold.AcledGold], options: Options | None = None) -> list | None:
    """The full coder's main event per note (None per note it finds none; None without it)."""
    runner = pipeline_extractor(options or Options())
    return None if runner is None else [main_event(x) for x in runner([r.text for r in rows])]


def fatality_figures(rows: Sequence[gold.AcledGold], options: Options | None = None) -> dict:
    """Fatalities exact of the pipeline's main event against always 0 (see :func:`fatality_scores`)."""
    return fatality_scores(rows, pipeline_events(rows, options))


def fatality_scores(rows: Sequence[gold.AcledGold], pipeline: Sequence | None) -> dict:
    """Fatalities exact of the ``pipeline`` main events (None: no pipeline) against always 0.

    A note the pipeline finds no event in counts wrong; ``*_where_event`` score only the
    notes it found one in (the pipeline and always 0 on the same notes), so that a missed
    event and a wrong count can be told apart.
    """
    events: dict[str, list] = {"always_0": [_Zero()] * len(rows)}
    if pipeline is not None:
        events["pipeline"] = list(pipeline)
    figures = score_fields(rows, events)["fatalities_exact"]
    found = [i for i, e in enumerate(events.get("pipeline", [])) if e is not None]
    if found:
        sub = score_fields([rows[i] for i in found],
                           {s: [v[i] for i in found] for s, v in events.items()})["fatalities_exact"]
        figures.update({f"{s}_where_event": v for s, v in sub.items()})
    if "pipeline" in events:
        figures["no_event_share"] = round(1 - len(found) / len(rows), 4) if rows else 0.0
    return figures


class _FatalityFolds:
    """The fatality selector of each fold (clamor.extract.fatalities), trained without the
    left-out country: candidate features of a capped sample of every country's notes are
    computed once, each fold fits on the other countries' (a few seconds)."""

    def __init__(self, rows: Sequence[gold.AcledGold], cap: int = FATALITY_TRAIN_CAP):
        from clamor.evaluate.fatality_training import Examples

        by_country: dict[str, list[gold.AcledGold]] = defaultdict(list)
        for r in rows:
            by_country[r.country].append(r)
        self.rows = [r for rs in by_country.values() for r in sorted(rs, key=_hash_order)[:cap]]
        self.examples = Examples.build([r.text for r in self.rows], [r.fatalities or 0 for r in self.rows])
        self.index = {r.event_id: i for i, r in enumerate(self.rows)}

    def fit(self, country: str, folder: Path) -> tuple[Path, dict]:
        """The fold's model saved under ``folder``; (path, training info)."""
        from clamor.evaluate.fatality_training import fit

        train = [i for i, r in enumerate(self.rows) if r.country != country]
        model, info = fit(self.examples, train)
        path = folder / f"fatalities_{country.lower().replace(' ', '_')}.npz"
        model.save(path)
        return path, info

    def component(self, model_path: Path, sample: Sequence[gold.AcledGold]) -> dict:
        """The selector alone on the notes' text (no event detection), against always 0."""
        from clamor.evaluate.fatality_training import exact
        from clamor.extract.fatalities import FatalityModel

        idx = [self.index[r.event_id] for r in sample if r.event_id in self.index]
        preds = self.examples.predict(FatalityModel.load(model_path), idx)
        return {"selector": round(exact(self.examples, idx, preds), 4),
                "rules": round(exact(self.examples, idx, [self.examples.rules[i] for i in idx]), 4),
                "always_0": round(exact(self.examples, idx, [0] * len(idx)), 4)}


class _Zero:
    fatalities = 0


def leave_one_country_out(
    paths: Sequence[str | Path],
    countries: Sequence[str] | None = None,
    limit: int | None = None,
    country_cap: int | None = COUNTRY_CAP,
    fatality_sample: int = FATALITY_SAMPLE,
    options: Options | None = None,
    max_iter: int = MAX_ITER,
    fatality_selector: bool = False,
    dense_cache: str | Path | None = None,
) -> dict:
    """Score each eligible country (or ``countries``) with a model that never saw it.

    ``limit`` caps the test rows of each country (a quick run; the first rows in file
    order). ``fatality_sample`` 0 skips the pipeline (fatalities and actors);
    ``fatality_selector`` also scores a fatality selector trained per fold
    (:func:`leave_one_country_out_fatalities`). Returns ``{"figures", "n", "countries",
    "actors", "corpus_sha256", "settings", "reliability"}``; ``actors`` holds per country
    the actor baseline name, error categories and (predicted, ACLED) actor1 pairs.
    ``dense_cache``: the MiniLM embedding cache (default
    :data:`clamor.evaluate.dense_loco.DEFAULT_CACHE`); the fold's sparse model alone and
    averaged with its dense head are scored on the cached sample of each country
    (``{country}_dense_sample_*`` figures; ``out["dense_sample"]`` says why when skipped).
    """
    from clamor.evaluate.dense_loco import DEFAULT_CACHE, DenseFolds, country_sample
    from clamor.evaluate.training import SEED_EXAMPLES, read_seed_examples

    rows = read_rows(paths)
    seeds = read_seed_examples(SEED_EXAMPLES) if SEED_EXAMPLES.is_file() else []
    countries = list(countries or eligible_countries(rows))
    folds = _Folds(rows, seeds, country_cap, max_iter)
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_country[r.country].append(i)
    out: dict = {"figures": {}, "n": {}, "countries": countries, "actors": {},
                 "corpus_sha256": {Path(p).name: corpus_sha256(p) for p in paths},
                 "settings": {"country_cap": country_cap, "min_per_class": MIN_PER_CLASS,
                              "max_iter": max_iter, "fatality_sample": fatality_sample,
                              "seed": SEED}}
    # the selector is not shipped (docs/coding-rules.md): its folds only with fatality_selector
    fatality_folds = _FatalityFolds(rows) if fatality_sample and fatality_selector else None
    dense_folds, skipped = DenseFolds.load(rows, seeds, by_country, countries,
                                           dense_cache or DEFAULT_CACHE)
    out["dense_sample"] = {"skipped": skipped} if skipped else {"n": {}}
    seen = [i for i, r in enumerate(rows) if not gold.is_heldout(r.event_id)]
    twin, _ = folds.fit(seen)
    reliability, twin_reliability = _Reliability(), _Reliability()
    for country in countries:
        key = country.lower().replace(" ", "_")
        test = by_country[country][:limit] if limit else by_country[country]
        train = [i for i, r in enumerate(rows) if r.country != country]
        model, n_train = folds.fit(train)
        probs = folds.proba(model, test)
        reliability.add(model, probs, [rows[i] for i in test])
        preds = {"classifier": [(p.event_type, p.sub_event_type)
                                for p in model.predictions(probs)],
                 **_references(rows, train, test)}
        counts = Counter(rows[i].event_type for i in by_country[country])
        supported = {t for t, n in counts.items() if n >= MIN_TYPE_NOTES}
        figures = _typing(rows, test, preds, f"{key}_", supported)
        if dense_folds is not None:  # the shipped averaged typer beside the sparse one
            sample = country_sample(by_country[country], rows)
            sparse = folds.proba(model, sample)
            averaged = dense_folds.averaged(country, sample, sparse, model.classes)
            figures.update(_typing(rows, sample, {
                name: [(p.event_type, p.sub_event_type) for p in model.predictions(p_)]
                for name, p_ in (("sparse", sparse), ("averaged", averaged))},
                f"{key}_dense_sample_", supported))
            out["dense_sample"]["n"][country] = len(sample)
        held = [i for i in test if gold.is_heldout(rows[i].event_id)]
        if held:
            twin_probs = folds.proba(twin, held)
            twin_reliability.add(twin, twin_probs, [rows[i] for i in held])
            twin_preds = [(p.event_type, p.sub_event_type) for p in twin.predictions(twin_probs)]
            twin_figures = _typing(rows, held, {"in_distribution": twin_preds},
                                   f"{key}_", supported)
            for name, values in twin_figures.items():
                figures[name].update(values)
        out["n"][country] = {"train": n_train, "test": len(test), "in_distribution": len(held)}
        if fatality_sample:
            figures.update(_fatality_fold(fatality_folds, country, [rows[i] for i in test],
                                          fatality_sample, options, out["n"][country],
                                          _actor_baseline(rows, country),
                                          out["actors"].setdefault(country, {})))
        out["figures"].update(figures)
    out["reliability"] = reliability.figures()
    if twin_reliability.gold:  # the same recipe on countries it saw: the ratio travels
        twin_rel = twin_reliability.figures()
        out["reliability"]["in_distribution"] = twin_rel
        out["reliability"]["temperature_ratio"] = round(
            out["reliability"]["temperature"] / twin_rel["temperature"], 4)
    return out


def _fatality_fold(folds: _FatalityFolds | None, country: str, test: Sequence[gold.AcledGold],
                   sample_size: int, options: Options | None, n: dict,
                   actor_baseline: str | None = None, details: dict | None = None,
                   errors: bool = False) -> dict:
    """Fatality and actor1 figures of one left-out country from one pipeline pass over a
    sample of its notes (with the fold's selector when there are ``folds``):
    ``<country>_fatalities_exact``, ``<country>_actor1_exact`` and
    ``<country>_actor1_match_without_years`` (beside ``actor_baseline``), and the selector
    alone on the notes as ``<country>_fatalities_selector_exact``; ``n`` gets the sample
    size, ``details`` the actor baseline, error categories and (predicted, ACLED) pairs,
    and with ``errors`` the fatality error tallies (:mod:`clamor.evaluate.fatality_errors`)."""
    from clamor.extract.named_actors import excluding

    # the named-actor table forgets the left-out country's notes: actor names stay unseen
    with excluding(country):
        return _fatality_fold_pass(folds, country, test, sample_size, options, n,
                                   actor_baseline, details, errors)


def _fatality_fold_pass(folds, country, test, sample_size, options, n, actor_baseline,
                        details, errors: bool = False) -> dict:
    """:func:`_fatality_fold` once the named-actor table has dropped ``country``."""
    import dataclasses
    import tempfile

    key = country.lower().replace(" ", "_")
    sample = sorted(test, key=_hash_order)[:sample_size]
    n["fatalities"] = len(sample)
    if folds is None:
        return _sample_figures(key, sample, options, actor_baseline, details, errors)
    with tempfile.TemporaryDirectory() as folder:
        path, info = folds.fit(country, Path(folder))
        n["fatality_selector_train"] = info["n_notes"]
        fold_options = dataclasses.replace(options or Options(), fatality_model=str(path))
        figures = _sample_figures(key, sample, fold_options, actor_baseline, details, errors)
        figures[f"{key}_fatalities_selector_exact"] = folds.component(path, sample)
        return figures


def _sample_figures(key: str, sample: Sequence[gold.AcledGold], options: Options | None,
                    actor_baseline: str | None, details: dict | None, errors: bool = False) -> dict:
    """Fatalities and actor1 of the full coder's one pass over ``sample``."""
    from clamor.evaluate import actors, fatality_errors

    events = pipeline_events(sample, options)
    names = None if events is None else [getattr(e, "actor1", None) for e in events]
    scored = actors.actor_scores(sample, names, actor_baseline)
    if details is not None:
        details.update(baseline=actor_baseline, errors=scored["errors"], pairs=scored["pairs"])
        if errors and events is not None:
            details["fatality_errors"] = fatality_errors.tally(
                [r.text for r in sample], [r.fatalities for r in sample], events, options)
    figures = _named_figures(key, "", sample, events, scored)
    if len(sample) > FLOORED_PREFIX:
        # the whole sample under the wide names, its first FLOORED_PREFIX notes (the same
        # notes as before the sample grew) under the names the floors were set on
        head = FLOORED_PREFIX
        figures = _named_figures(key, WIDE_SUFFIX, sample, events, scored)
        head_names = None if names is None else names[:head]
        figures.update(_named_figures(
            key, "", sample[:head], None if events is None else events[:head],
            actors.actor_scores(sample[:head], head_names, actor_baseline)))
    return figures


def _named_figures(key: str, suffix: str, sample: Sequence[gold.AcledGold],
                   events: Sequence | None, scored: dict) -> dict:
    """``<key>_fatalities_exact<suffix>`` and the actor1 figures of one scored sample."""
    return {f"{key}_fatalities_exact{suffix}": fatality_scores(sample, events),
            **{f"{key}_{name}{suffix}": values for name, values in scored["figures"].items()}}


def leave_one_country_out_fatalities(
    paths: Sequence[str | Path],
    countries: Sequence[str] | None = None,
    limit: int | None = None,
    fatality_sample: int = FATALITY_SAMPLE,
    options: Options | None = None,
    fatality_selector: bool = False,
    errors: bool = False,
) -> dict:
    """The fatality part of :func:`leave_one_country_out` alone (no event-type folds);
    ``fatality_selector``: the pipeline with a selector trained per fold, and the selector
    alone beside the casualty rules alone; ``errors``: each country's fatality error tallies
    in ``actors[country]["fatality_errors"]``."""
    rows = read_rows(paths)
    countries = list(countries or eligible_countries(rows))
    folds = _FatalityFolds(rows) if fatality_selector else None
    out: dict = {"figures": {}, "n": {}, "countries": countries, "actors": {},
                 "corpus_sha256": {Path(p).name: corpus_sha256(p) for p in paths},
                 "settings": {"fatality_sample": fatality_sample,
                              "fatality_train_cap": FATALITY_TRAIN_CAP, "seed": SEED}}
    for country in countries:
        test = [r for r in rows if r.country == country]
        test = test[:limit] if limit else test
        out["n"][country] = {"test": len(test)}
        out["figures"].update(_fatality_fold(folds, country, test, fatality_sample, options,
                                             out["n"][country], _actor_baseline(rows, country),
                                             out["actors"].setdefault(country, {}), errors))
    return out


def _actor_baseline(rows: Sequence[gold.AcledGold], country: str) -> str | None:
    """The other countries' most common actor1 pattern named with ``country``."""
    from clamor.evaluate.actors import country_baseline

    return country_baseline(rows, country)
