"""The Store on SQLite and PostgreSQL: merging on ingest, idempotence, atomicity, queries."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clamor.errors import StoreError
from clamor.models import ArticleStatus, Extraction, Reaction
from clamor.store import EventFilters
from clamor.store import schema as t


def _by_location(store):
    return {e.event.location: e for e in store.query_events()}


def test_three_outlets_give_one_event_and_a_fourth_town_a_second(store, extractions):
    summary = store.ingest(extractions)
    assert (summary.stored, summary.new_events, summary.merged_events) == (4, 2, 2)
    events = _by_location(store)
    assert set(events) == {"Nakuru", "Eldoret"}
    nakuru = events["Nakuru"]
    assert nakuru.corroboration == 3
    assert len(nakuru.sources) == 3
    assert {s.publisher for s in nakuru.sources} == {
        "Kenya Wire", "The Daily Lakeside", "Rift Valley Tribune"}
    assert events["Eldoret"].corroboration == 1


def test_disagreements_stay_visible_and_counts_are_not_averaged(store, extractions):
    store.ingest(extractions)
    nakuru = _by_location(store)["Nakuru"]
    assert nakuru.event.fatalities == 2
    assert nakuru.choices["fatalities"].rule == "lowest_reported"
    deaths = next(d for d in nakuru.disagreements if d.field == "fatalities")
    assert sorted(v.value for v in deaths.values) == [2, 5]
    # each source keeps its own values
    assert sorted(e.fatalities for e in nakuru.source_events) == [2, 2, 5]
    # the majority type wins over the one outlet that called it a riot
    assert nakuru.event.sub_event_type == "Excessive force against protesters"
    assert nakuru.choices["event_type"].rule.startswith("majority 2 of 3")


def test_same_article_twice_is_stored_once(store, extractions):
    first = extractions[0]
    again = Extraction.model_validate(first.model_dump())
    again.article.source_path = "/elsewhere/copy.html"
    again.article.url = "https://mirror.example/copy"
    assert store.add(first).stored
    assert not store.add(again).stored
    counts = store.counts()
    assert counts["articles"] == 1
    assert counts["event_sources"] == 1
    summary = store.ingest([again])
    assert summary.skipped == {"already stored": 1}
    assert store.counts()["events"] == 1


def test_a_failing_article_leaves_no_rows(store, extractions):
    bad = extractions[0].model_copy(deep=True)
    duplicate = Reaction(reaction_id="r-dup", article_id=bad.article.article_id,
                         actor="Minister", stance="supports_crackdown")
    bad.reactions = [duplicate, duplicate]  # the second insert violates the primary key
    with pytest.raises(StoreError):
        store.add(bad)
    counts = store.counts()
    assert counts["articles"] == counts["events"] == counts["event_sources"] == 0
    assert counts["evidence"] == counts["source_assessments"] == 0


def test_not_english_articles_are_stored_and_counted_as_skipped(store, extractions):
    article = extractions[0].article.model_copy(
        update={"article_id": "fr0001", "status": ArticleStatus.NOT_ENGLISH})
    summary = store.ingest([Extraction(article=article)])
    assert summary.skipped == {"not english": 1}
    assert store.has_article("fr0001")


def test_reactions_point_at_the_merged_event(store, extractions):
    store.ingest(extractions)
    nakuru = _by_location(store)["Nakuru"]
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.reactions.c.event_id, t.reactions.c.stance)).all()
    assert rows == [(nakuru.event_id, "calls_for_restraint")]


def test_evidence_is_stored_per_source_event(store, extractions):
    store.ingest(extractions)
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.evidence.c.article_id, t.evidence.c.start,
                                   t.evidence.c.end, t.evidence.c.text)).all()
    texts = {e.article.article_id: e.article.text for e in extractions}
    assert len(rows) >= 4
    for article_id, start, end, quote in rows:
        assert texts[article_id][start:end] == quote


@pytest.mark.parametrize("filters,expected", [
    (dict(country="Kenya"), {"Nakuru", "Eldoret"}),
    (dict(country="ke"), {"Nakuru", "Eldoret"}),
    (dict(country="Uganda"), set()),
    (dict(admin1="uasin gishu"), {"Eldoret"}),
    (dict(event_type="protests"), {"Nakuru", "Eldoret"}),
    (dict(sub_event_type="Peaceful protest"), {"Eldoret"}),
    (dict(since=dt.date(2024, 6, 25), until=dt.date(2024, 6, 25)), {"Nakuru", "Eldoret"}),
    (dict(since=dt.date(2024, 6, 26)), set()),
    (dict(until=dt.date(2024, 6, 24)), set()),
    (dict(near=(-0.28, 36.07, 10.0)), {"Nakuru"}),
    (dict(near=(0.52, 35.27, 5.0)), {"Eldoret"}),
    (dict(near=(-1.29, 36.82, 50.0)), set()),
    (dict(actor="police forces"), {"Nakuru"}),
    (dict(actor="students"), {"Nakuru"}),
    (dict(actor="rioters"), set()),
    (dict(text="tear gas"), {"Nakuru"}),
    (dict(text="petition"), {"Eldoret"}),
    (dict(text="nonexistentword"), set()),
    (dict(min_sources=2), {"Nakuru"}),
])
def test_query_filters(store, extractions, filters, expected):
    store.ingest(extractions)
    found = {e.event.location for e in store.query_events(EventFilters(**filters))}
    assert found == expected


def test_query_limit_and_iter_events_page(store, extractions):
    store.ingest(extractions)
    assert len(store.query_events(limit=1)) == 1
    assert len(list(store.iter_events(page=1))) == 2
    event = store.query_events(limit=1)[0]
    assert store.get_event(event.event_id) == event
    assert store.get_event("nope") is None


def test_ingest_runs_are_recorded(store, extractions):
    summary = store.ingest(extractions, inputs=["fixtures/"])
    with store.engine.connect() as conn:
        row = conn.execute(select(t.ingest_runs)).mappings().one()
    assert row["run_id"] == summary.run_id
    assert row["status"] == "done"
    assert row["summary"]["stored"] == 4
    assert row["inputs"] == ["fixtures/"]


def test_views_read_well(store, extractions):
    store.ingest(extractions)
    from sqlalchemy import text

    with store.engine.connect() as conn:
        events = conn.execute(text(
            "SELECT location, corroboration, publishers FROM event_list ORDER BY location"
        )).all()
        sources = conn.execute(text("SELECT count(*) FROM event_source_list")).scalar_one()
        articles = conn.execute(text("SELECT sum(events) FROM article_list")).scalar_one()
        reactions = conn.execute(text("SELECT count(*) FROM reaction_list")).scalar_one()
    assert [(loc, n) for loc, n, _ in events] == [("Eldoret", 1), ("Nakuru", 3)]
    assert "The Daily Lakeside" in events[1][2]
    assert (sources, articles, reactions) == (4, 4, 1)


def test_no_orphans_after_ingest(store, extractions):
    store.ingest(extractions)
    assert_no_orphans(store)


def assert_no_orphans(store) -> None:
    """Every event has a source, every source row an event and an article, and so on."""
    s, e, a, ev = t.event_sources.c, t.events.c, t.articles.c, t.evidence.c
    with store.engine.connect() as conn:
        def count(query):
            return conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()

        assert count(select(e.event_id).where(~e.event_id.in_(select(s.event_id)))) == 0
        assert count(select(s.id).where(~s.event_id.in_(select(e.event_id)))) == 0
        assert count(select(s.id).where(~s.article_id.in_(select(a.article_id)))) == 0
        assert count(select(ev.id).where(~ev.article_id.in_(select(a.article_id)))) == 0
        assert count(select(ev.id).where(ev.owner_kind == "event",
                                         ~ev.owner_id.in_(select(s.source_event_id)))) == 0
        mismatch = select(e.event_id).where(e.corroboration != select(
            func.count(func.distinct(s.article_id))).where(s.event_id == e.event_id)
            .scalar_subquery())
        assert count(mismatch) == 0


def test_get_article_keeps_the_cleaning_record(store, extractions):
    from clamor.models import Removal

    first = extractions[0].model_copy(deep=True)
    first.article.removed = [Removal(line=3, text="ADVERTISEMENT", reason="ad_slot")]
    first.article.warnings = ["no byline"]
    store.add(first)
    article = store.get_article(first.article.article_id)
    assert article == first.article
    assert store.get_article("nope") is None


def test_review_log(store, extractions):
    store.ingest(extractions)
    event = _by_location(store)["Nakuru"]
    first = store.add_review(event.event_id, "correct", field="fatalities", old_value=2,
                             new_value=3, reviewer="ana", comment="hospital update")
    second = store.add_review(event.event_id, "confirm", reviewer="ben")
    assert second > first
    log = store.reviews(event.event_id)
    assert [(r["action"], r["field"], r["old_value"], r["new_value"]) for r in log] == [
        ("correct", "fatalities", 2, 3), ("confirm", None, None, None)]
    with pytest.raises(StoreError):
        store.add_review("E000", "confirm")


def test_count_events(store, extractions):
    store.ingest(extractions)
    assert store.count_events() == 2
    assert store.count_events(EventFilters(min_sources=2, limit=1)) == 1
    assert store.count_events(EventFilters(near=(0.52, 35.27, 5.0))) == 1


def test_stored_notes_are_written_from_the_merged_fields(store, extractions):
    from sqlalchemy import text

    from clamor.extract.notes import make_notes

    store.ingest(extractions)
    nakuru = _by_location(store)["Nakuru"]
    assert nakuru.event.notes == make_notes(nakuru.event)
    assert "in Nakuru" in nakuru.event.notes and "2 fatalities" in nakuru.event.notes
    assert "5 fatalities" not in nakuru.event.notes  # one source's count, not the merged one
    assert nakuru.choices["notes"].rule == "written_from_merged_fields"
    with store.engine.connect() as conn:
        listed = conn.execute(text("SELECT notes FROM event_list WHERE location = 'Nakuru'")).scalar_one()
    assert listed == nakuru.event.notes
