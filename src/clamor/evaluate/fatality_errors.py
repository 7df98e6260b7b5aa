"""Why a note's fatalities are wrong: one category per note, and the stage or phrase behind it.

An ACLED note tells one event, so a note the coder finds no event in is asked why: which
check stopped it (:func:`why_no_event`, the same checks as
:func:`clamor.extract.core.extract_events` and its short-text fallback, in their order). A
wrong count is "too high" or "too low", with the phrase the count was read from (the
fatalities evidence), or for a count of none the first fatality count the casualty rules
read anywhere in the note ("not given to the event") or none ("no count read").
``scripts/leave_one_country_out.py --fatalities-only --errors`` prints the tallies per
left-out country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from clamor.options import Options

#: characters of a phrase kept in a tally (the rest of a long evidence span is elided)
PHRASE_CHARS = 60


def category(gold: int | None, event: Any) -> str:
    """"right", "no event", "too high" or "too low" (a missing count reads as 0, as scored)."""
    if event is None:
        return "no event"
    predicted, expected = getattr(event, "fatalities", None) or 0, gold or 0
    if predicted == expected:
        return "right"
    return "too high" if predicted > expected else "too low"


def count_phrase(text: str, event: Any) -> str:
    """The text the event's fatalities were read from; for none, the casualty rules' first
    fatality count in the note ("unread: ...") or "no count read"."""
    for e in getattr(event, "evidence", None) or []:
        if e.field == "fatalities":
            return e.text[:PHRASE_CHARS]
    from clamor.extract.quantities import find_counts

    for c in find_counts(text):
        if c.field == "fatalities" and (c.value or c.quantity):
            return "not given to the event: " + text[c.start:c.end][:PHRASE_CHARS]
    return "no count read"


def why_no_event(text: str, options: Options | None = None, nlp: Any = None) -> str:
    """The first check of the coder that leaves ``text`` (a short note) with no event."""
    from clamor.evaluate.scorer import _article
    from clamor.extract.assemble import THRESHOLD_MIN_WORDS
    from clamor.extract.core import _type_sentences, extract_events, fallback_bar, fallback_veto
    from clamor.extract.document import _load_model
    from clamor.models import ArticleStatus
    from clamor.nlp import load_spacy

    options = options or Options()
    article = _article(text)
    if article.status != ArticleStatus.OK:
        return f"article status {article.status}"
    doc = (nlp or load_spacy(options.spacy_model))(article.text)
    events, _ = extract_events(article, doc, options)
    if events:
        return "dropped after extraction (relevance gate or verifier)"
    sentences, triggers = _triggers(article, doc)
    if not any(triggers.values()):
        return "no trigger word"
    model = _load_model(options)
    protest = any(t.is_new and t.kind == "protest" for ts in triggers.values() for t in ts)
    if _type_sentences(sentences, sentences, triggers, protest, model):
        return "typed, not assembled into an event"
    veto = fallback_veto(sentences, triggers)
    if veto is not None:
        return veto
    if len(article.text.split()) >= THRESHOLD_MIN_WORDS:
        return "long text, no rule typed it"
    if model is None:
        return "no classifier"
    pred = model.predict([article.text])[0]
    if pred.score < fallback_bar(model):  # the bar of an undated text (a dated one's is lower)
        return f"classifier under the fallback bar ({pred.event_type})"
    return "other"


def _triggers(article, doc):
    """Sentences and their triggers with the status extract_events gives them."""
    from clamor.extract.core import (_cause_references, _dateline_dates, _grievance_references,
                                     _paragraph_before, _victim_references)
    from clamor.extract.sentences import split_sentences
    from clamor.extract.temporal import find_dates
    from clamor.extract.triggers import find_triggers, trigger_status

    ref = article.dateline_date or article.published
    sentences = split_sentences(article.text, doc)
    dates = {s.index: find_dates(s.text, s.start, ref) for s in sentences}
    dateline = _dateline_dates(article.text, sentences, dates)
    triggers = {s.index: find_triggers(s) for s in sentences}
    for s in sentences:
        here = [d for d in dates[s.index] if d.start not in dateline]
        for t in triggers[s.index]:
            t.status = trigger_status(t, here, ref)
        _grievance_references(s, triggers[s.index])
        _cause_references(s, triggers[s.index])
        _victim_references(s, triggers[s.index], _paragraph_before(s, sentences, triggers))
    return sentences, triggers


def tally(texts: Sequence[str], golds: Sequence[int | None], events: Sequence[Any],
          options: Options | None = None) -> dict:
    """Counts per category, and per no-event reason and per wrong-count phrase kind."""
    categories: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    phrases: list[dict] = []
    for i, (text, g, e) in enumerate(zip(texts, golds, events)):
        cat = category(g, e)
        categories[cat] += 1
        if cat == "no event":
            reasons[why_no_event(text, options)] += 1
        elif cat != "right":
            phrases.append({"note": i, "category": cat, "gold": g or 0,
                            "predicted": getattr(e, "fatalities", None) or 0,
                            "phrase": count_phrase(text, e)})
    kinds = Counter(f"{p['category']}: {_kind(p['phrase'])}" for p in phrases)
    return {"categories": dict(categories), "no_event": dict(reasons),
            "wrong_count": dict(kinds), "phrases": phrases}


def _kind(phrase: str) -> str:
    if phrase == "no count read":
        return phrase
    return "not given to the event" if phrase.startswith("not given") else "read from a phrase"
