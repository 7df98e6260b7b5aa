"""The pipeline's last stage: every event's note agrees with the event's own fields.

Checked on the demo (``examples/``) and on a sample of development data the notes were
not written from (IndiaPoliceEvents and GLOCON articles).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clamor.models import Event

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: Documents taken from each development corpus: enough to meet every sub-event type the
#: pipeline commonly codes, few enough to run in about a minute.
DEV_SAMPLE = 40


def note_problems(e: Event) -> list[str]:
    """How ``e.notes`` contradicts ``e``'s fields (an empty list when it does not)."""
    note, low = e.notes, e.notes.lower()
    problems = []
    if e.location:
        if f"in {e.location}".lower() not in low or "unspecified location" in low:
            problems.append(f"location {e.location!r} set but not named")
    elif "unspecified location" not in low:
        problems.append("no location but the note names one")
    for region in (e.admin1, e.country):
        if region and region.lower() not in low:
            problems.append(f"region {region!r} not named")
    for actor in (e.actor1, e.actor2):
        name = (actor or "").split(";")[0].split(" (")[0].strip()
        if name and name.lower() not in low:
            problems.append(f"actor {actor!r} not named")
    if e.event_date is None:
        if "unknown date" not in low:
            problems.append("no date but the note gives one")
    else:
        d = e.event_date
        phrase = f"{d:%B %Y}" if e.time_precision == 3 else f"{d.day} {d:%B %Y}"
        if phrase not in note:
            problems.append(f"date {d} not in the note")
    if e.fatalities is not None:
        if not re.search(rf"\b{e.fatalities} fatalit", note):
            problems.append(f"{e.fatalities} fatalities not in the note")
    elif e.fatalities_estimate is not None:
        if f"fatalities: {e.fatalities_estimate.text}" not in note:
            problems.append("fatality estimate not in the note")
    elif "fatalit" in low:
        problems.append("no fatalities but the note reports some")
    if "event coded" in low:
        problems.append("no sentence for the sub-event type")
    return problems


def _check(extractions) -> int:
    events = [e for x in extractions for e in x.events]
    bad = {e.event_id: (e.notes, note_problems(e)) for e in events if note_problems(e)}
    assert not bad, bad
    return len(events)


def test_note_problems_catches_a_note_written_before_geocoding():
    e = Event(event_id="a:e1", article_id="a", event_type="Protests", sub_event_type="Peaceful protest",
              location="Herat", country="Afghanistan", actor1="Protesters (Afghanistan)",
              notes="On an unknown date, protesters held a demonstration in an unspecified location.")
    assert len(note_problems(e)) == 2


def test_every_demo_note_agrees_with_its_event():
    from clamor import read
    from clamor.pipeline import Pipeline

    articles = [a for a in read([str(EXAMPLES)]) if hasattr(a, "text")]
    assert _check(Pipeline().pipe(articles)) >= 5


@pytest.mark.devdata
@pytest.mark.slow
def test_every_dev_data_note_agrees_with_its_event(shared_data):
    from clamor.evaluate.gold import read_glocon_documents, read_india_police_events
    from clamor.ingest import read_text
    from clamor.pipeline import Pipeline

    docs = [*read_india_police_events(shared_data / "india_police_events", limit=DEV_SAMPLE),
            *read_glocon_documents(shared_data / "glocon_sample" / "document_Sabinet_R.json",
                                   limit=DEV_SAMPLE)]
    articles = [read_text(d.text, url=d.url, published=d.published) for d in docs]
    assert _check(Pipeline().pipe(articles)) > 0


# ------------------------------------------------------------------ the pre-parse filter
# (issue 15): an article below Options.prefilter_threshold is never parsed, keeps its place
# in the output and says why; short texts always pass.

LONG_TEXT = " ".join(["The committee met on Tuesday to discuss a protest about the budget "
                      "for the new library."] * 12)
QUIET_TEXT = " ".join(["The committee met on Tuesday to discuss the budget for the new library."] * 12)


def _articles():
    from clamor.ingest import read_text

    return [read_text(LONG_TEXT + " First."), read_text("Police fired tear gas at protesters in "
                                                        "Nairobi on Monday, witnesses said."),
            read_text("Kurz."), read_text(LONG_TEXT + " Second.")]


def test_prefilter_skips_unparsed_in_input_order_with_a_reason():
    from clamor.models import ArticleStatus
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    articles = _articles()

    class NoParse:  # everything above the threshold would be parsed: nothing may be
        def pipe(self, items, **kwargs):
            for text, article in items:
                raise AssertionError(f"parsed {text[:30]!r}")
            yield from ()

    out = list(Pipeline(Options(prefilter=True, prefilter_threshold=1.0), nlp=NoParse()).pipe(
        [articles[0], articles[2], articles[3]]))
    assert [e.article.article_id for e in out] == [articles[i].article_id for i in (0, 2, 3)]
    assert [e.article.status for e in out] == [ArticleStatus.NOT_RELEVANT, ArticleStatus.TOO_SHORT,
                                               ArticleStatus.NOT_RELEVANT]
    assert out[0].relevance.reason.startswith("prefilter: relevance")
    assert not out[0].events


def test_prefilter_passes_short_texts_and_keeps_order_around_parsed_ones():
    from clamor.models import ArticleStatus
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    articles = _articles()
    out = list(Pipeline(Options(prefilter=True, prefilter_threshold=1.0)).pipe(articles))
    assert [e.article.article_id for e in out] == [a.article_id for a in articles]
    assert [e.article.status for e in out] == [
        ArticleStatus.NOT_RELEVANT, ArticleStatus.OK, ArticleStatus.TOO_SHORT,
        ArticleStatus.NOT_RELEVANT]
    off = list(Pipeline(Options(prefilter=False)).pipe(articles))
    assert [e.article.status for e in off].count(ArticleStatus.NOT_RELEVANT) == 0
    assert off[1].model_dump() == out[1].model_dump()


def test_prefilter_drops_an_article_without_a_trigger_word_and_it_had_no_events():
    from clamor.ingest import read_text
    from clamor.models import ArticleStatus
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    article = read_text(QUIET_TEXT)
    (skipped,) = Pipeline(Options(prefilter=True, prefilter_threshold=0.0)).pipe([article])
    assert skipped.article.status is ArticleStatus.NOT_RELEVANT
    assert "trigger lexicon" in skipped.relevance.reason
    (parsed,) = Pipeline(Options(fast_path=False)).pipe([article])
    assert parsed.article.status is ArticleStatus.OK and not parsed.events


# ------------------------------------------------------------------ the fast path
# (issue 15): only sentences that can hold an event are parsed; the same events come out.


def _events(extraction) -> list[dict]:
    return [e.model_dump() for e in extraction.events]


def test_fast_path_gives_the_same_events_on_the_examples():
    from pathlib import Path

    from clamor.ingest import read
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    examples = Path(__file__).resolve().parent.parent / "examples"
    articles = list(read([str(p) for p in sorted(examples.glob("*.txt"))] + [
        str(examples / "mombasa_riot.html")]))
    full = list(Pipeline(Options()).pipe(articles))
    fast = list(Pipeline(Options(fast_path=True)).pipe(articles))
    assert any(e.events for e in full)
    assert [_events(e) for e in fast] == [_events(e) for e in full]


def test_fast_path_gives_the_same_events_on_the_seed(seed_path):
    from clamor.ingest import read
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    (article,) = read([str(seed_path)])
    (full,) = Pipeline(Options()).pipe([article])
    (fast,) = Pipeline(Options(fast_path=True)).pipe([article])
    assert full.events and _events(fast) == _events(full)


def test_fast_path_skips_an_article_without_a_trigger_word_unparsed_with_a_reason():
    from clamor.ingest import read_text
    from clamor.models import ArticleStatus
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    class NoParse:
        def pipe(self, items, **kwargs):
            for text, article in items:
                raise AssertionError(f"parsed {article.article_id}")
            yield from ()

    articles = [read_text(QUIET_TEXT), read_text("Kurz.")]
    out = list(Pipeline(Options(fast_path=True), nlp=NoParse()).pipe(articles))
    assert [e.article.status for e in out] == [ArticleStatus.NOT_RELEVANT, ArticleStatus.TOO_SHORT]
    assert "trigger lexicon" in out[0].relevance.reason and not out[0].events


def test_fast_path_parses_short_texts_whole_for_the_short_text_fallback():
    """A note with no trigger word may still be coded by the short-text fallback (it needs
    the parse), so the fast path does not skip or blank a text under its length bound;
    nor anything with the sentence detector on."""
    from clamor.ingest import read_text
    from clamor.options import Options
    from clamor.pipeline import _scope_applies

    note = read_text("On 10 June 2019, a new militia leader was named in Kisumu (Kisumu).")
    long_quiet = read_text(QUIET_TEXT)
    assert not _scope_applies(note, Options(fast_path=True))
    assert _scope_applies(long_quiet, Options(fast_path=True))
    assert not _scope_applies(long_quiet, Options(fast_path=True, sentence_detector=True))
    assert not _scope_applies(long_quiet, Options(fast_path=False))
