"""Read-only queries behind ``clamor serve``: an event's evidence, reactions and sources'
assessments; map points and counts for the dashboard. Every filter is a bound parameter
(the same :meth:`Store._where` as ``clamor events``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import String, and_, func, select, true, type_coerce

from clamor.store import schema as t
from clamor.store.records import EventFilters


def evidence(store, owner_ids: list[str], kind: str = "event") -> list[dict[str, Any]]:
    """Evidence spans of article events (or reactions), in article order."""
    if not owner_ids:
        return []
    c = t.evidence.c
    query = (select(c.owner_id, c.article_id, c.field, c.start, c.end, c.text)
             .where(c.owner_kind == kind, c.owner_id.in_(owner_ids))
             .order_by(c.article_id, c.start, c.id))
    with store._read() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def article_evidence(store, article_id: str) -> list[dict[str, Any]]:
    """Every evidence span in one article (events and reactions)."""
    c = t.evidence.c
    query = (select(c.owner_kind, c.owner_id, c.field, c.start, c.end, c.text)
             .where(c.article_id == article_id).order_by(c.start, c.id))
    with store._read() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def article_event_ids(store, article_id: str) -> list[str]:
    """The stored (merged) events an article reports."""
    s = t.event_sources.c
    query = select(s.event_id).where(s.article_id == article_id).distinct().order_by(s.event_id)
    with store._read() as conn:
        return [r[0] for r in conn.execute(query)]


def reactions(store, event_id: str) -> list[dict[str, Any]]:
    """Reactions to an event, with their evidence."""
    r = t.reactions.c
    with store._read() as conn:
        rows = [dict(x) for x in conn.execute(select(t.reactions).where(
            r.event_id == event_id).order_by(r.reaction_id)).mappings()]
    spans = evidence(store, [x["reaction_id"] for x in rows], kind="reaction")
    out = []
    for row in rows:
        record = dict(row["record"])
        record["evidence"] = [s for s in spans if s["owner_id"] == row["reaction_id"]]
        out.append(record)
    return out


def assessments(store, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The source assessment of each article (publisher, affiliation, language signals)."""
    if not article_ids:
        return {}
    c = t.source_assessments.c
    with store._read() as conn:
        rows = conn.execute(select(t.source_assessments).where(
            c.article_id.in_(article_ids))).mappings()
        return {r["article_id"]: {k: v for k, v in r.items() if k != "article_id"} for r in rows}


def _filtered(store, filters: EventFilters):
    return and_(true(), *store._where(filters))


def map_points(store, filters: EventFilters) -> list[list[Any]]:
    """``[event_id, lat, lon, type, date, location, review_status]`` of every matching
    event with a point: one compact row each, so 10,000 events stay a small answer."""
    e = t.events.c
    query = (select(e.event_id, e.latitude, e.longitude, e.event_type, _day(e.event_date),
                    e.location, e.review_status)
             .where(_filtered(store, filters), e.latitude.is_not(None), e.longitude.is_not(None)))
    with store._read() as conn:
        rows = conn.execute(query).all()
    if filters.near:
        rows = [r for r in rows if store._within(filters, [{"latitude": r[1],
                                                            "longitude": r[2]}])]
    return [[r[0], r[1], r[2], r[3], _iso(r[4]), r[5], r[6]] for r in rows]


def _day(column):
    """A date column read without SQLAlchemy's per-row parsing (SQLite stores ISO text;
    a PostgreSQL driver still returns dates, which :func:`_iso` formats)."""
    return type_coerce(column, String)


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def stats(store, filters: EventFilters) -> dict[str, Any]:
    """Counts of matching events by day and type (the timeline), by type, by country."""
    e = t.events.c
    where = _filtered(store, filters)
    with store._read() as conn:
        days = conn.execute(select(_day(e.event_date), e.event_type, func.count()).where(where)
                            .group_by(e.event_date, e.event_type)).all()
        countries = conn.execute(select(e.country, func.count()).where(where)
                                 .group_by(e.country)).all()
    by_type: Counter = Counter()
    by_day = []
    for day, kind, n in sorted(days, key=lambda r: (_iso(r[0]) or "", r[1])):
        by_type[kind] += n
        if day is not None:
            by_day.append({"date": _iso(day), "event_type": kind, "count": n})
    return {
        "total": sum(by_type.values()),
        "by_day": by_day,
        "by_type": [{"event_type": k, "count": n} for k, n in by_type.most_common()],
        "by_country": [{"country": k, "count": n}
                       for k, n in sorted(countries, key=lambda r: -r[1])],
    }
