"""The read-only queries behind clamor serve: evidence, reactions, map points, stats."""

from __future__ import annotations

from clamor.store import EventFilters
from clamor.store import detail


def test_evidence_reactions_and_assessments_of_an_event(store, extractions):
    store.ingest(extractions)
    nakuru = next(e for e in store.query_events() if e.event.location == "Nakuru")
    spans = detail.evidence(store, [s.source_event_id for s in nakuru.sources])
    assert spans and {s["owner_id"] for s in spans} <= {s.source_event_id for s in nakuru.sources}
    article = store.get_article(spans[0]["article_id"])
    assert article.text[spans[0]["start"]:spans[0]["end"]] == spans[0]["text"]
    reactions = detail.reactions(store, nakuru.event_id)
    assert reactions and all(r["evidence"] for r in reactions)
    ids = [s.article_id for s in nakuru.sources]
    assert set(detail.assessments(store, ids)) == set(ids)
    assert detail.article_event_ids(store, ids[0]) == [nakuru.event_id]


def test_map_points_and_stats_follow_the_filters(store, extractions):
    store.ingest(extractions)
    points = detail.map_points(store, EventFilters())
    assert len(points) == 2 and all(isinstance(p[4], str) for p in points)
    assert len(detail.map_points(store, EventFilters(min_sources=2))) == 1
    stats = detail.stats(store, EventFilters())
    assert stats["total"] == 2 == sum(d["count"] for d in stats["by_day"])
    assert stats["by_country"] == [{"country": "Kenya", "count": 2}]
    assert detail.stats(store, EventFilters(country="FR"))["total"] == 0
