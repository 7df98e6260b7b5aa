"""The one scorer: every evaluation (CLI, benchmark, docs table, CI gate) goes through here.

:func:`evaluate` reads a gold dataset, runs each available system on it and scores them
all in the same run:

- ``classifier``  the statistical event-type model alone (:mod:`clamor.extract.classifier`)
- ``pipeline``    clamor's full coder (``clamor.extract.classify_document`` for typing,
                  :class:`clamor.pipeline.Pipeline` for detection, dates, counts, actors)
- ``majority``    the majority class of the gold set being scored (a reference)
- ``keyword``     keyword rules from the codebooks (a reference)
- ``lead``        whole articles only: one event per article, the classifier on the first
                  paragraph at the most-named place (a reference; :mod:`.articles`)
- ``population``  LGL / GeoVirus only: each toponym's most populous namesake (a reference)

A system that is not installed yet (no model shipped, no extraction stage) is skipped and
named in ``notes``. Results are plain dicts, ready for JSON: ``figures`` maps a figure
name to ``{system: value}``, ``reports`` holds per-class reports, ``confusion`` matrices.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from clamor.evaluate import baselines, gold, metrics
from clamor.evaluate.taxonomy import event_type_of
from clamor.options import Options

#: Each dataset's file inside the development data folder (``CLAMOR_DATA``).
DATASETS: dict[str, str] = {
    "acled": "acled/acled_dev.csv",
    "case2021": "case2021_task2/dev.tsv",
    "glocon-documents": "glocon_sample/document_Sabinet_R.json",
    "glocon-sentences": "glocon_sample/sentence_Sabinet.json",
    "ipe-documents": "india_police_events/docs.csv",
    "ipe-sentences": "india_police_events/sents.csv",
    "lgl": "geoparsing/lgl.xml",
    "geovirus": "geoparsing/GeoVirus.xml",
    "articles": "articles_gold/articles_dev.json",
}

SYSTEMS = ("classifier", "pipeline", "majority", "keyword", "lead")

#: "Within precision" for dates: how far a predicted date may lie from ACLED's for each
#: ``time_precision`` code. 1 exact day: 0 days; 2 a day within a known week (ACLED codes
#: mid-week): 3 days either side; 3 only the month: same calendar month (handled apart).
DATE_TOLERANCE_DAYS = {1: 0, 2: 3}

#: IndiaPoliceEvents labels clamor can predict (FAIL, police failing to act, it cannot).
IPE_SCORED = ("kill", "arrest", "force", "any_action")

_FORCE_WORDS = ("beat", "tear", "gas", "shoot", "shot", "fire", "kill", "dispers", "baton",
                "lathi", "water cannon", "rubber")
_STATE_WORDS = ("police", "military", "security", "army", "paramilitary", "state forces")


def default_data_dir() -> Path:
    """``$CLAMOR_DATA``, else ``../shared/data`` beside the repository."""
    env = os.environ.get("CLAMOR_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def corpus_sha256(path: str | Path) -> str:
    """SHA-256 of a gold file, so a changed corpus is noticed beside its scores."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------- systems


def _article(text: str, published: dt.date | None = None, idx: int = 0):
    from clamor.models import Article

    aid = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return Article(article_id=aid, text=text, published=published, source_record=idx + 1)


def load_classifier(options: Options):
    """The event-type model the options name (or the shipped one); None when absent."""
    from clamor.extract.classifier import load_event_model

    return load_event_model(options.event_model, options.dense_typer)


def pipeline_typer(options: Options) -> Callable | None:
    """``texts -> [(event_type, sub_event_type) | None]`` with the full coder, or None."""
    try:
        from clamor.extract import classify_document
    except ImportError:
        return None
    from clamor.nlp import load_spacy

    def run(texts: Sequence[str], published: Sequence[dt.date | None] | None = None):
        nlp = load_spacy(options.spacy_model)
        dates = published or [None] * len(texts)
        arts = [_article(t, d, i) for i, (t, d) in enumerate(zip(texts, dates))]
        out = []
        for doc, art in nlp.pipe(((a.text, a) for a in arts), as_tuples=True, batch_size=32):
            result = classify_document(art, doc, options)
            out.append(tuple(result) if result else None)
        return out

    return run


def pipeline_extractor(options: Options) -> Callable | None:
    """``texts -> [Extraction]`` through :class:`clamor.pipeline.Pipeline`, or None."""
    try:
        import clamor.extract as extract

        if not hasattr(extract, "extract_events"):
            return None
    except ImportError:
        return None
    from clamor.pipeline import Pipeline

    def run(texts: Sequence[str], published: Sequence[dt.date | None] | None = None):
        pipe = Pipeline(options)
        dates = published or [None] * len(texts)
        arts = [_article(t, d, i) for i, (t, d) in enumerate(zip(texts, dates))]
        return list(pipe.pipe(arts))

    return run


def _skip(notes: list[str], system: str, why: str) -> None:
    notes.append(f"{system}: skipped ({why})")


# --------------------------------------------------------------------------- typing


def score_typing(
    gold_types: Sequence[str | None],
    gold_subs: Sequence[str | None],
    predictions: dict[str, Sequence[tuple[str, str] | None]],
    prefix: str = "",
) -> dict:
    """Event-type macro-F1 and sub-type weighted F1 (+ reports, confusion) per system."""
    figures: dict[str, dict[str, float]] = {}
    reports: dict[str, dict] = {}
    confusion: dict[str, dict] = {}
    for system, preds in predictions.items():
        p_types = [p[0] if p else None for p in preds]
        p_subs = [p[1] if p else None for p in preds]
        rt = metrics.classification_report(gold_types, p_types)
        rs = metrics.classification_report(gold_subs, p_subs)
        figures.setdefault(f"{prefix}event_type_macro_f1", {})[system] = rt["macro_f1"]
        figures.setdefault(f"{prefix}event_type_accuracy", {})[system] = rt["accuracy"]
        figures.setdefault(f"{prefix}sub_event_type_weighted_f1", {})[system] = rs["weighted_f1"]
        figures.setdefault(f"{prefix}sub_event_type_macro_f1", {})[system] = rs["macro_f1"]
        reports.setdefault(f"{prefix}event_type", {})[system] = rt
        reports.setdefault(f"{prefix}sub_event_type", {})[system] = rs
        confusion.setdefault(f"{prefix}event_type", {})[system] = metrics.confusion_matrix(
            gold_types, p_types
        )
    return {"figures": figures, "reports": reports, "confusion": confusion}


def _typing_predictions(
    texts: Sequence[str],
    gold_subs: Sequence[str | None],
    options: Options,
    systems: Sequence[str],
    notes: list[str],
    published: Sequence[dt.date | None] | None = None,
) -> dict[str, list[tuple[str, str] | None]]:
    preds: dict[str, list] = {}
    if "classifier" in systems:
        model = load_classifier(options)
        if model is None:
            _skip(notes, "classifier", "no event-type model shipped or given")
        else:
            preds["classifier"] = [(p.event_type, p.sub_event_type) for p in model.predict(texts)]
    if "pipeline" in systems:
        typer = pipeline_typer(options)
        if typer is None:
            _skip(notes, "pipeline", "clamor.extract.classify_document not available")
        else:
            preds["pipeline"] = typer(texts, published)
    if "majority" in systems:
        sub = baselines.majority(list(gold_subs))
        label = (event_type_of(sub), sub) if sub else None
        preds["majority"] = [label] * len(texts)
    if "keyword" in systems:
        fallback = baselines.majority([s for s in gold_subs if s]) if gold_subs else None
        out = []
        for text in texts:
            sub = baselines.keyword_sub_type(text, fallback)
            out.append((event_type_of(sub), sub) if sub else None)
        preds["keyword"] = out
    return preds


# --------------------------------------------------------------------------- ACLED fields


def normalise_actor(name: str | None, drop_years: bool = False) -> str | None:
    """ACLED actor name compared case- and space-insensitively (optionally without years)."""
    if not name:
        return None
    if drop_years:
        name = re.sub(r"\(\d{4}-(\d{4})?\)", "", name)
    return " ".join(name.casefold().split()) or None


def date_within_precision(pred: dt.date | None, gold_date: dt.date | None, precision: int | None):
    """Whether ``pred`` lies inside the window ACLED's ``time_precision`` leaves open."""
    if pred is None or gold_date is None:
        return False
    if precision == 3:
        return (pred.year, pred.month) == (gold_date.year, gold_date.month)
    tolerance = DATE_TOLERANCE_DAYS.get(precision or 1, 0)
    return abs((pred - gold_date).days) <= tolerance


def main_event(extraction):
    """The event an extraction is scored on: the most confident (the first on ties)."""
    events = list(getattr(extraction, "events", None) or [])
    if not events:
        return None
    return max(events, key=lambda e: e.confidence)


def score_fields(rows: Sequence[gold.AcledGold], events: dict[str, Sequence]) -> dict:
    """Date exact / within precision, fatalities exact, actor1 match, per system.

    ``events[system]`` holds one predicted event-like object per row (or None): anything
    with ``event_date``, ``fatalities`` and ``actor1`` attributes (missing ones count wrong).
    A predicted event with no fatality count is read as 0, as ACLED codes "none reported".
    """
    figures: dict[str, dict[str, float]] = {}
    for system, preds in events.items():
        date_exact, date_within, fat, act, act_name = [], [], [], [], []
        for row, ev in zip(rows, preds):
            p_date = getattr(ev, "event_date", None)
            date_exact.append(p_date is not None and p_date == row.event_date)
            date_within.append(date_within_precision(p_date, row.event_date, row.time_precision))
            if ev is None:
                p_fat = None
            else:
                p_fat = getattr(ev, "fatalities", None)
                p_fat = 0 if p_fat is None else p_fat
            fat.append(p_fat is not None and p_fat == (row.fatalities or 0))
            p_act = getattr(ev, "actor1", None)
            act.append(normalise_actor(p_act) is not None
                       and normalise_actor(p_act) == normalise_actor(row.actor1))
            act_name.append(normalise_actor(p_act, True) is not None
                            and normalise_actor(p_act, True) == normalise_actor(row.actor1, True))
        figures.setdefault("date_exact", {})[system] = metrics.share(date_exact)
        figures.setdefault("date_within_precision", {})[system] = metrics.share(date_within)
        figures.setdefault("fatalities_exact", {})[system] = metrics.share(fat)
        figures.setdefault("actor1_exact", {})[system] = metrics.share(act)
        figures.setdefault("actor1_match_without_years", {})[system] = metrics.share(act_name)
    return figures


class _Guess:
    """A baseline's event: just the fields it guesses."""

    def __init__(self, event_date=None, fatalities=None, actor1=None):
        self.event_date = event_date
        self.fatalities = fatalities
        self.actor1 = actor1


# --------------------------------------------------------------------------- datasets


def _merge(result: dict, part: dict) -> None:
    for key in ("figures", "reports", "confusion"):
        result.setdefault(key, {}).update(part.get(key, {}))


def _result(dataset: str, path: Path, n: int, notes: list[str], **extra) -> dict:
    return {
        "dataset": dataset,
        "path": str(path),
        "corpus_sha256": corpus_sha256(path),
        "n": n,
        "figures": {},
        "reports": {},
        "confusion": {},
        "notes": notes,
        **extra,
    }


def evaluate_acled(
    path: str | Path,
    limit: int | None = None,
    options: Options | None = None,
    systems: Sequence[str] = SYSTEMS,
    split: str = "heldout",
    taxonomy: str = "2019+",
) -> dict:
    """ACLED notes: typing, and (with the pipeline) date, fatalities and actor figures.

    ``split``: ``heldout`` (the fixed split the shipped model never saw), ``train`` or
    ``all``. Pre-2019 rows are scored on the six 2019+ types where the old type maps.
    """
    options = options or Options()
    path = Path(path)
    rows = [
        r for r in gold.read_acled(path, taxonomy=taxonomy)
        if split == "all" or gold.is_heldout(r.event_id) == (split == "heldout")
    ]
    if taxonomy != "2019+":
        rows = [r for r in rows if r.event_type_2019]
    rows = rows[:limit] if limit else rows
    notes: list[str] = []
    result = _result("acled", path, len(rows), notes, split=split, taxonomy=taxonomy)
    texts = [r.text for r in rows]
    g_types = [r.event_type_2019 for r in rows]
    g_subs = [r.sub_event_type for r in rows]
    preds = _typing_predictions(texts, g_subs, options, systems, notes)
    if taxonomy != "2019+":  # no sub-types in the old taxonomy: type figures only
        preds = {s: [(p[0], None) if p else None for p in v] for s, v in preds.items()}
        if "majority" in preds:
            preds["majority"] = [(baselines.majority(g_types), None)] * len(rows)
    _merge(result, score_typing(g_types, g_subs, preds))
    if taxonomy != "2019+":
        for key in [k for k in result["figures"] if k.startswith("sub_event")]:
            del result["figures"][key]
    # Field figures: the pipeline's events against reference guesses.
    events: dict[str, list] = {}
    if "pipeline" in systems:
        runner = pipeline_extractor(options)
        if runner is None:
            _skip(notes, "pipeline fields", "clamor.extract.extract_events not available")
        else:
            events["pipeline"] = [main_event(x) for x in runner(texts)]
    if "majority" in systems:
        fat = baselines.majority([r.fatalities or 0 for r in rows])
        actor = baselines.majority([r.actor1 for r in rows])
        events["majority"] = [_Guess(None, fat, actor)] * len(rows)
    if "keyword" in systems:
        fat = baselines.majority([r.fatalities or 0 for r in rows])
        events["keyword"] = [_Guess(baselines.first_date(t), fat) for t in texts]
    figures = score_fields(rows, events)
    # The majority guess has no date and the keyword guess no actor: not figures, omit.
    for name in ("date_exact", "date_within_precision"):
        figures.get(name, {}).pop("majority", None)
    for name in ("actor1_exact", "actor1_match_without_years"):
        figures.get(name, {}).pop("keyword", None)
    result["figures"].update(figures)
    return result


def evaluate_case(
    path: str | Path,
    limit: int | None = None,
    options: Options | None = None,
    systems: Sequence[str] = SYSTEMS,
) -> dict:
    """CASE 2021 task 2 snippets: sub-type weighted F1 on the 25 ACLED types (as subtask 1)
    and on every snippet, out-of-taxonomy ones counting as "No event" (as subtask 3)."""
    options = options or Options()
    path = Path(path)
    rows = list(gold.read_case(path, limit=limit))
    notes: list[str] = []
    seen = [i for i, r in enumerate(rows) if r.sub_event_type]
    result = _result("case2021", path, len(rows), notes, n_in_taxonomy=len(seen))
    preds = _typing_predictions(
        [r.text for r in rows], [r.sub_event_type for r in rows], options, systems, notes
    )
    seen_preds = {s: [v[i] for i in seen] for s, v in preds.items()}
    if "majority" in seen_preds:  # on the in-taxonomy rows, their own majority class
        sub = baselines.majority([rows[i].sub_event_type for i in seen])
        seen_preds["majority"] = [(event_type_of(sub), sub)] * len(seen)
    _merge(result, score_typing(
        [rows[i].event_type for i in seen], [rows[i].sub_event_type for i in seen], seen_preds
    ))
    all_part = score_typing(
        [r.event_type for r in rows], [r.sub_event_type for r in rows], preds, prefix="all_"
    )
    _merge(result, all_part)
    return result


def _detect_predictions(
    texts: Sequence[str],
    golds: Sequence[dict[str, bool]],
    labels: Sequence[str],
    options: Options,
    systems: Sequence[str],
    notes: list[str],
    published: Sequence[dt.date | None] | None = None,
) -> dict[str, list[dict[str, bool]]]:
    preds: dict[str, list[dict[str, bool]]] = {}
    if "pipeline" in systems:
        runner = pipeline_extractor(options)
        if runner is None:
            _skip(notes, "pipeline", "clamor.extract.extract_events not available")
        else:
            preds["pipeline"] = [detect_labels(x) for x in runner(texts, published)]
    if "majority" in systems:
        guess = {k: baselines.majority([g[k] for g in golds]) for k in labels}
        preds["majority"] = [guess] * len(texts)
    if "keyword" in systems:
        preds["keyword"] = [
            {k: k in hits for k in labels}
            for hits in (baselines.keyword_detect(t) for t in texts)
        ]
    if "classifier" in systems:
        _skip(notes, "classifier", "types a text it is told reports an event; no detection")
    return preds


def detect_labels(extraction) -> dict[str, bool]:
    """What an extraction says about a text: a protest? a state killing, arrest, force?"""
    out = {"protest": False, "kill": False, "arrest": False, "force": False,
           "any_action": False}
    for ev in getattr(extraction, "events", None) or []:
        actors = " ".join(filter(None, [ev.actor1, ev.actor2])).casefold()
        state = any(w in actors for w in _STATE_WORDS)
        response = " ".join(ev.state_response).casefold()
        # a protest merged into an attack at its place and day is still the article's protest
        merged = set(getattr(ev, "merged_types", None) or ())
        if ev.event_type in ("Protests", "Riots") or merged & {"Protests", "Riots"}:
            out["protest"] = True
        killed = bool(ev.fatalities) or "killing" in response
        if killed and (state or "killing" in response or "shooting" in response):
            out["kill"] = True
        if ev.sub_event_type == "Arrests" or bool(ev.arrests) or "arrest" in response:
            out["arrest"] = True
        if ev.sub_event_type in ("Protest with intervention", "Excessive force against protesters") \
                or any(w in response for w in _FORCE_WORDS):
            out["force"] = True
        if state or response:
            out["any_action"] = True
    out["any_action"] = out["any_action"] or out["kill"] or out["arrest"] or out["force"]
    return out


def score_detection(
    golds: Sequence[dict[str, bool]], preds: dict[str, Sequence[dict[str, bool]]],
    labels: Sequence[str], prefix: str,
) -> dict:
    """Binary F1 (precision, recall) per label and system."""
    figures: dict[str, dict[str, float]] = {}
    reports: dict[str, dict] = {}
    for system, pred in preds.items():
        for label in labels:
            s = metrics.binary_scores([g[label] for g in golds], [p[label] for p in pred])
            figures.setdefault(f"{prefix}{label}_f1", {})[system] = s["f1"]
            reports.setdefault(f"{prefix}{label}", {})[system] = s
    return {"figures": figures, "reports": reports}


def evaluate_glocon(
    path: str | Path, level: str = "document", limit: int | None = None,
    options: Options | None = None, systems: Sequence[str] = SYSTEMS,
) -> dict:
    """GLOCON: protest document (or sentence) detection F1; label 2 (planned) is negative."""
    options = options or Options()
    path = Path(path)
    reader = gold.read_glocon_documents if level == "document" else gold.read_glocon_sentences
    rows = list(reader(path, limit=limit))
    notes: list[str] = []
    result = _result(f"glocon-{level}s", path, len(rows), notes,
                     n_positive=sum(r.labels["protest"] for r in rows))
    golds = [r.labels for r in rows]
    preds = _detect_predictions([r.text for r in rows], golds, ["protest"], options, systems, notes)
    _merge(result, score_detection(golds, preds, ["protest"], f"{level}_"))
    return result


def evaluate_ipe(
    path: str | Path, level: str = "document", limit: int | None = None,
    options: Options | None = None, systems: Sequence[str] = SYSTEMS,
) -> dict:
    """IndiaPoliceEvents: police killing, arrest, force and any action, per doc or sentence."""
    options = options or Options()
    path = Path(path)
    rows = list(gold.read_india_police_events(path, level=level, limit=limit))
    notes: list[str] = []
    result = _result(f"ipe-{level}s", path, len(rows), notes)
    golds = [r.labels for r in rows]
    preds = _detect_predictions([r.text for r in rows], golds, IPE_SCORED, options, systems,
                                notes, [r.published for r in rows])
    _merge(result, score_detection(golds, preds, IPE_SCORED, f"{level}_"))
    return result


def evaluate_geoparsing(dataset: str, path: str | Path, limit: int | None = None,
                        casing: str = "as-is") -> dict:
    """LGL / GeoVirus: delegated to :mod:`clamor.evaluate.geoparsing` (the geo engineer's);
    ``casing`` re-cases the article text (``as-is``, ``lower``, ``upper``)."""
    path = Path(path)
    notes: list[str] = []
    result = _result(dataset, path, 0, notes)
    try:
        from clamor.evaluate import geoparsing
    except ImportError:
        _skip(notes, "geoparser", "clamor.evaluate.geoparsing not available")
        return result
    # geoparsing.evaluate takes the data folder (<data>/geoparsing/<file>.xml).
    data_dir = path.parent.parent if path.is_file() else path
    scores = geoparsing.evaluate(data_dir, dataset, limit, casing=casing)
    result["n"] = int(scores.get("n_articles", 0))
    for key, value in scores.items():
        if not isinstance(value, float) or key.startswith("n_"):
            continue
        system = "population" if key.startswith(geoparsing.BASELINE_PREFIX) else "pipeline"
        name = key.removeprefix(geoparsing.BASELINE_PREFIX)
        result["figures"].setdefault(name, {})[system] = value
    result["counts"] = {k: v for k, v in scores.items() if not isinstance(v, float)}
    return result


def evaluate_whole_articles(
    path: str | Path, limit: int | None = None, options: Options | None = None,
    systems: Sequence[str] = SYSTEMS, data_dir: str | Path | None = None,
) -> dict:
    """Hand-coded whole articles: delegated to :func:`clamor.evaluate.articles.evaluate_articles`
    (``pipeline`` and the ``lead`` baseline; the dataset texts are read from ``data_dir``,
    by default the data folder above the gold file's folder)."""
    from clamor.evaluate.articles import ARTICLE_SYSTEMS, evaluate_articles

    chosen = [s for s in ARTICLE_SYSTEMS if s in systems]
    return evaluate_articles(path, options, limit=limit, data_dir=data_dir, systems=chosen)


def evaluate(
    dataset: str,
    path: str | Path | None = None,
    limit: int | None = None,
    options: Options | None = None,
    systems: Sequence[str] = SYSTEMS,
    **kwargs,
) -> dict:
    """Score every available system on one gold dataset (``path``: default dev file)."""
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}; one of {', '.join(DATASETS)}")
    if path is None:
        path = default_data_dir() / DATASETS[dataset]
    if dataset == "acled":
        return evaluate_acled(path, limit, options, systems, **kwargs)
    if dataset == "case2021":
        return evaluate_case(path, limit, options, systems)
    if dataset.startswith("glocon-"):
        return evaluate_glocon(path, dataset.split("-")[1].rstrip("s"), limit, options, systems)
    if dataset.startswith("ipe-"):
        return evaluate_ipe(path, dataset.split("-")[1].rstrip("s"), limit, options, systems)
    if dataset == "articles":
        return evaluate_whole_articles(path, limit, options, systems, **kwargs)
    return evaluate_geoparsing(dataset, path, limit, **kwargs)


# --------------------------------------------------------------------------- cross-country


def cross_country(
    path: str | Path, countries: Sequence[str] | None = None, limit: int | None = None
) -> dict:
    """Train on all but one country's 2019+ rows, test on that country; each in turn.

    Training follows the shipped model's recipe (ACLED rows + the team's seed examples).
    Needs scikit-learn (fitting). ``limit`` caps the rows of each test country.
    """
    from clamor.evaluate.training import SEED_EXAMPLES, read_seed_examples
    from clamor.extract.classifier import fit_event_model

    rows = list(gold.read_acled(path, taxonomy="2019+"))
    # The shipped model's recipe: the team's seed examples join every training set.
    seeds = read_seed_examples(SEED_EXAMPLES) if SEED_EXAMPLES.is_file() else []
    countries = list(countries or sorted({r.country for r in rows if r.country}))
    out: dict[str, dict] = {"figures": {}, "n": {}, "corpus_sha256": corpus_sha256(path)}
    for held in countries:
        train = [r for r in rows if r.country != held and r.country in countries]
        test = [r for r in rows if r.country == held][:limit] if limit else \
            [r for r in rows if r.country == held]
        model = fit_event_model([r.text for r in train] + [r.text for r in seeds],
                                [r.sub_event_type for r in train] + [r.sub_event_type for r in seeds])
        preds = {"classifier": [(p.event_type, p.sub_event_type)
                                for p in model.predict([r.text for r in test])]}
        g_subs = [r.sub_event_type for r in test]
        sub = baselines.majority([r.sub_event_type for r in train])
        preds["majority"] = [(event_type_of(sub), sub)] * len(test)
        preds["keyword"] = [
            (event_type_of(s), s) for s in
            (baselines.keyword_sub_type(r.text, sub) for r in test)
        ]
        part = score_typing([r.event_type for r in test], g_subs, preds,
                            prefix=f"{held.lower()}_")
        out["figures"].update(part["figures"])
        out["n"][held] = {"train": len(train), "test": len(test)}
    return out
