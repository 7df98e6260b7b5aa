"""Article verifier: given what clamor extracted from a whole article, does the article
report a codable event at all?

The text relevance model (:mod:`clamor.extract.relevance`) reads words only; the articles
clamor wrongly codes are the ones whose words look eventful. The verifier is a second
stage over what the pipeline found: the events' calibrated confidences, types, places,
dates against publication, casualty and arrest counts, and how the article's trigger words
are framed (the trigger lexicon's kinds: crime, disaster, attribution, ...; and statuses:
future, hypothetical, negated, reference, background), beside the text relevance score.
A logistic regression over those features (:data:`FEATURES`), standardised, its weights
learned by ``scripts/train_article_verifier.py`` from the labelled GLOCON and
IndiaPoliceEvents documents; no cue list is written here, the lexicon's kinds are inputs
whose weights come from data.

It decides only whole articles (at least :data:`~clamor.extract.relevance.MIN_GATE_WORDS`
words) with at least one event: ACLED notes and CASE snippets are written about one event.
Inference is numpy only; the artifact is an ``.npz`` of plain arrays (never a pickle)
beside a ``.card.json`` model card, loaded lazily once per path.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from clamor.errors import ModelNotFoundError
from clamor.extract.classifier import card_path
from clamor.extract.relevance import MIN_GATE_WORDS, tokens
from clamor.models import Event, Relevance

#: Where the default model ships inside the package.
SHIPPED_VERIFIER_MODEL = (
    Path(__file__).resolve().parent.parent / "data" / "models" / "verifier.npz"
)

EVENT_TYPES = ("Protests", "Riots", "Battles", "Violence against civilians",
               "Explosions/Remote violence", "Strategic developments")
#: The trigger lexicon's kinds read as features (``data/extract/triggers.json``).
TRIGGER_KINDS = (
    "protest", "strike", "riot_action", "mob", "firearm_force", "lethal_beating",
    "crowd_control", "arrest", "kill", "attack", "abduction", "sexual", "air", "shelling",
    "ied", "suicide", "grenade", "chemical", "clash", "armed_group", "state_force",
    "territory_gain", "territory_loss", "agreement", "change_group", "disrupted_weapons", "hq",
    "nonviolent_transfer", "looting", "crime", "disaster", "diplomacy", "attribution",
    "clash_weak", "withdrawal",
)
STATUSES = ("negated", "future", "hypothetical", "reference", "background")
#: An event dated within this many days of publication is news (ACLED codes a week's
#: reporting; the trigger filter's background horizon is a month).
RECENT_DAYS = 7
#: The text relevance score enters as a logit clipped to this magnitude (the calibrated
#: probability is often below 0.01, where the logit is steep and noisy).
MAX_LOGIT = 8.0

#: The event sentences are the lead when they sit among the article's first this many
#: sentences (news puts the event it reports first; a retold event or a comparison later).
LEAD_SENTENCES = 3
#: Trigger kinds read again inside the events' own sentences: a statement reported
#: ("attribution"), crime and disaster words beside the event's trigger.
EVIDENCE_KINDS = ("attribution", "crime", "disaster", "diplomacy")
#: Quotation marks: an event sentence inside a quote is someone's words, not the report.
_QUOTE = re.compile(r"[\"“”]")

#: Features of the events' own sentences (the sentences holding their event-type evidence):
#: how far from the lead the first one is, how many sentences tell the events and what
#: share of the article that is, and how those sentences are framed (not-new statuses of
#: other triggers in them, attribution, crime, disaster, diplomacy words, quotation).
EVIDENCE_FEATURES: tuple[str, ...] = (
    ("first_event_position", "lead_event", "support_sentences", "support_share",
     "evidence_quoted")
    + tuple(f"evidence_status:{s}" for s in STATUSES)
    + tuple(f"evidence_kind:{k}" for k in EVIDENCE_KINDS)
)

#: What the pipeline extracted: the events' number, confidences, places, dates, counts,
#: interactions and types.
EVENT_FEATURES: tuple[str, ...] = (
    ("n_events", "max_confidence", "mean_confidence", "located_share",
     "dated_share", "recent_event", "old_event", "fatalities", "injuries", "arrests",
     "state_interaction", "civilian_targeting", "merged", "evidence_spans", "words")
    + tuple(f"type:{t}" for t in EVENT_TYPES)
)
#: The trigger lexicon's kinds and not-new statuses counted over the whole article.
LEXICON_FEATURES: tuple[str, ...] = (
    tuple(f"trigger:{k}" for k in TRIGGER_KINDS) + tuple(f"status:{s}" for s in STATUSES)
)
#: Every feature :func:`features` can compute.
ALL_FEATURES: tuple[str, ...] = (
    ("text_relevance",) + EVENT_FEATURES + LEXICON_FEATURES + EVIDENCE_FEATURES
)
#: Named feature sets ``scripts/train_article_verifier.py --features`` trains on; the
#: model's artifact keeps the names it was trained on, so any of them loads.
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "events": ("text_relevance",) + EVENT_FEATURES,
    "events+evidence": ("text_relevance",) + EVENT_FEATURES + EVIDENCE_FEATURES,
    "events+lexicon": ("text_relevance",) + EVENT_FEATURES + LEXICON_FEATURES,
    "all": ALL_FEATURES,
}
#: The shipped model's set. Out of fold on the training documents (C by 5-fold CV), ROC
#: AUC GLOCON / IPE: events+lexicon (the earlier model) 0.730 / 0.881, all 0.755 / 0.869,
#: events+evidence 0.786 / 0.884, events 0.801 / 0.881; events also transfers best
#: (GLOCON -> IPE 0.744). The 40 article-wide lexicon counts overfit about 400 training
#: articles; the evidence features add nothing that travels (docs/coding-rules.md,
#: "Article verifier").
DEFAULT_FEATURE_SET = "events"
FEATURES: tuple[str, ...] = FEATURE_SETS[DEFAULT_FEATURE_SET]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-MAX_LOGIT, min(MAX_LOGIT, math.log(p / (1 - p))))


def _sentence_profiles(text: str) -> list[tuple[int, int, Counter, Counter]]:
    """Per sentence: (start, end, new triggers by kind, not-new triggers by status).

    Statuses come from the cue words only (no date expressions are resolved here)."""
    from clamor.extract.sentences import split_sentences
    from clamor.extract.triggers import find_triggers, trigger_status

    out = []
    for sentence in split_sentences(text):
        kinds: Counter = Counter()
        statuses: Counter = Counter()
        for trig in find_triggers(sentence):
            status = trigger_status(trig, [], None)
            if status is None:
                kinds[trig.kind] += 1
            else:
                statuses[status] += 1
        out.append((sentence.start, sentence.end, kinds, statuses))
    return out


def trigger_profile(text: str) -> tuple[Counter, Counter, int]:
    """(new triggers by kind, not-new triggers by status, all triggers) in ``text``."""
    return _profile_totals(_sentence_profiles(text))


def _profile_totals(profiles) -> tuple[Counter, Counter, int]:
    kinds: Counter = Counter()
    statuses: Counter = Counter()
    for _, _, k, s in profiles:
        kinds.update(k)
        statuses.update(s)
    return kinds, statuses, sum(kinds.values()) + sum(statuses.values())


def _evidence_features(text: str, events: Sequence[Event], profiles) -> dict[str, float]:
    """:data:`EVIDENCE_FEATURES` of the sentences holding the events' event-type evidence."""
    f = dict.fromkeys(EVIDENCE_FEATURES, 0.0)
    starts = [ev.start for e in events for ev in e.evidence if ev.field == "event_type"]
    hit = sorted({i for i, (a, b, _, _) in enumerate(profiles)
                  for s in starts if a <= s < b})
    if not hit or not profiles:
        return f
    f["first_event_position"] = hit[0] / len(profiles)
    f["lead_event"] = float(hit[0] < LEAD_SENTENCES)
    f["support_sentences"] = math.log1p(len(hit))
    f["support_share"] = len(hit) / len(profiles)
    for i in hit:
        a, b, kinds, statuses = profiles[i]
        f["evidence_quoted"] += bool(_QUOTE.search(text[a:b])) / len(hit)
        for s in STATUSES:
            f[f"evidence_status:{s}"] += bool(statuses.get(s)) / len(hit)
        for k in EVIDENCE_KINDS:
            f[f"evidence_kind:{k}"] += bool(kinds.get(k)) / len(hit)
    return f


def features(text: str, events: Sequence[Event], published: dt.date | None,
             text_relevance: float, names: Sequence[str] = FEATURES) -> np.ndarray:
    """The feature vector (``names``, by default :data:`FEATURES`, in that order) of one
    article and its events."""
    f: dict[str, float] = dict.fromkeys(ALL_FEATURES, 0.0)
    f["text_relevance"] = _logit(text_relevance)
    f["words"] = math.log1p(len(tokens(text)))
    if events:
        n = len(events)
        conf = [e.confidence for e in events]
        f["n_events"] = math.log1p(n)
        f["max_confidence"], f["mean_confidence"] = max(conf), sum(conf) / n
        f["located_share"] = sum(e.latitude is not None for e in events) / n
        f["dated_share"] = sum(e.event_date is not None for e in events) / n
        if published is not None:
            gaps = [(published - e.event_date).days for e in events if e.event_date]
            f["recent_event"] = float(any(-1 <= g <= RECENT_DAYS for g in gaps))
            f["old_event"] = float(any(g > RECENT_DAYS for g in gaps))
        f["fatalities"] = math.log1p(max(e.fatalities or 0 for e in events))
        f["injuries"] = math.log1p(max(e.injuries or 0 for e in events))
        f["arrests"] = math.log1p(max(e.arrests or 0 for e in events))
        f["state_interaction"] = float(any(1 in (e.inter1, e.inter2) for e in events))
        f["civilian_targeting"] = float(any(e.civilian_targeting for e in events))
        f["merged"] = float(any(e.merged_types for e in events))
        spans = [sum(ev.field == "event_type" for ev in e.evidence) for e in events]
        f["evidence_spans"] = math.log1p(max(spans))
        for e in events:
            if e.event_type in EVENT_TYPES:
                f[f"type:{e.event_type}"] = 1.0
    profiles = _sentence_profiles(text)
    kinds, statuses, n_trig = _profile_totals(profiles)
    f.update(_evidence_features(text, events, profiles))
    for k in TRIGGER_KINDS:
        f[f"trigger:{k}"] = math.log1p(kinds.get(k, 0))
    for s in STATUSES:
        f[f"status:{s}"] = statuses.get(s, 0) / n_trig if n_trig else 0.0
    return np.array([f[name] for name in names], dtype=np.float64)


class VerifierModel:
    """Standardisation, logistic weights, Platt calibration and the decision threshold."""

    def __init__(self, mean, scale, coef, intercept: float, platt: tuple[float, float],
                 threshold: float, names: Sequence[str] = FEATURES, card: dict | None = None):
        self.mean = np.asarray(mean, dtype=np.float64)
        self.scale = np.asarray(scale, dtype=np.float64)
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.platt_a, self.platt_b = (float(v) for v in platt)
        self.threshold = float(threshold)
        self.names = tuple(names)
        self.card = card or {}

    def logit(self, x: np.ndarray) -> float:
        """The uncalibrated linear score of a feature vector."""
        return self.intercept + float(((x - self.mean) / self.scale) @ self.coef)

    def score(self, x: np.ndarray) -> float:
        """Calibrated probability that the article reports a codable event."""
        z = self.platt_a * self.logit(x) + self.platt_b
        return float(1.0 / (1.0 + np.exp(-z)))

    def decide(self, x: np.ndarray) -> Relevance:
        """The decision on one article's features, with the features that weighed most."""
        p = self.score(x)
        relevant = p >= self.threshold
        contrib = ((x - self.mean) / self.scale) * self.coef
        sign = 1.0 if relevant else -1.0
        order = np.argsort(-sign * contrib)[:3]
        cues = [self.names[i] for i in order if sign * contrib[i] > 0]
        verdict = "reports a codable event" if relevant else "no codable event"
        reason = f"verifier {p:.3f} {'>=' if relevant else '<'} {self.threshold:g}: {verdict}"
        if cues:
            reason += " (" + ", ".join(cues) + ")"
        return Relevance(score=p, relevant=relevant, threshold=self.threshold, reason=reason)

    def save(self, path: str | Path, card: dict | None = None) -> Path:
        """Write ``path`` (.npz, plain arrays) and its card ``<stem>.card.json``."""
        path = Path(path).with_suffix(".npz")
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, mean=self.mean, scale=self.scale, coef=self.coef,
            scalars=np.array([self.intercept, self.platt_a, self.platt_b, self.threshold]),
            names=np.array(self.names, dtype=str),
        )
        card = dict(card if card is not None else self.card)
        card.setdefault("format", "clamor article verifier 1: npz arrays + this card")
        card["artifact"] = path.name
        card_path(path).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
        self.card = card
        return path


def read_verifier_model(path: str | Path) -> VerifierModel:
    """Load an artifact (no caching; see :func:`load_verifier_model`)."""
    path = Path(path)
    if not path.is_file():
        raise ModelNotFoundError(f"{path}: no such verifier model")
    try:
        with np.load(path, allow_pickle=False) as data:
            names = tuple(str(n) for n in data["names"])
            unknown = set(names) - set(ALL_FEATURES)
            if unknown:
                raise ValueError(f"features unknown to this clamor version: {sorted(unknown)[:3]}")
            intercept, a, b, threshold = (float(v) for v in data["scalars"])
            model = VerifierModel(data["mean"], data["scale"], data["coef"], intercept,
                                  (a, b), threshold, names)
    except (KeyError, ValueError, OSError) as exc:
        raise ModelNotFoundError(f"{path}: not a clamor verifier model ({exc})") from None
    cpath = card_path(path)
    if cpath.is_file():
        model.card = json.loads(cpath.read_text(encoding="utf-8"))
    return model


@functools.lru_cache(maxsize=4)
def load_verifier_model(path: str | None = None) -> VerifierModel | None:
    """The model at ``path``, or the shipped one (None when none ships). Loaded once."""
    if path is None:
        return read_verifier_model(SHIPPED_VERIFIER_MODEL) if (
            SHIPPED_VERIFIER_MODEL.is_file()) else None
    return read_verifier_model(path)


def verify_article(text: str, events: Sequence[Event], published: dt.date | None,
                   text_relevance: float, path: str | None = None) -> Relevance | None:
    """The verifier's decision on a whole article with events; None when it does not
    apply (no events, a text under the gate's minimum length, or no model ships)."""
    if not events or len(tokens(text)) < MIN_GATE_WORDS:
        return None
    model = load_verifier_model(path)
    if model is None:
        return None
    return model.decide(features(text, events, published, text_relevance, model.names))
