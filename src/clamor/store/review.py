"""Review of stored events by a person: accept, edit a field, reject, merge, split.

Every action writes one row per event it touches to ``review_audit`` (reviewer, time,
before and after), in the same transaction as the change, so nothing is overwritten
without a trace. A field a reviewer set is kept in ``events.overrides`` and applied
again whenever a newly ingested article re-merges the event (:func:`apply_overrides`),
so a re-ingest never undoes a reviewer's edit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import StatementError

from clamor.errors import ClamorError
from clamor.merge import canonical_id, merge_group, type_family
from clamor.models import Event
from clamor.store import schema as t
from clamor.store.cells import place_cell

#: Review states stored in ``events.review_status`` (null: not reviewed yet).
STATUSES = ("accepted", "edited", "rejected")
#: The states that count as "reviewed" (``--reviewed-only``, the ``reviewed`` filter).
REVIEWED = ("accepted", "edited")
#: Event fields a reviewer may not edit: identity and provenance, not coding.
FROZEN_FIELDS = frozenset({"event_id", "article_id", "evidence"})
EDITABLE_FIELDS = tuple(f for f in Event.model_fields if f not in FROZEN_FIELDS)
#: The merge rule recorded for a field a reviewer set (``choices``, ``choice_rules``).
REVIEWER_RULE = "set_by_reviewer"


class ReviewError(ClamorError):
    """A review action that cannot be applied (unknown event, field or value)."""


class EventNotFoundError(ReviewError):
    """The event named by a review action is not in the store."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def apply_overrides(row: dict[str, Any], overrides: dict[str, Any] | None) -> dict[str, Any]:
    """``row`` (an events row: columns and ``record``) with a reviewer's values put back."""
    if not overrides:
        return row
    record = {**row["record"], **overrides}
    event = Event.model_validate(record)
    row["record"] = {**event.model_dump(mode="json"), "evidence": []}
    for name in overrides:
        if name in t.events.c:
            row[name] = getattr(event, name)
    if "event_type" in overrides:
        row["type_family"] = type_family(event.event_type) or "other"
    if {"latitude", "longitude"} & overrides.keys():
        row["place_cell"] = place_cell(event.latitude, event.longitude)
    if "choices" in row:  # the export's choice_rules then say a reviewer set the field
        row["choices"] = {**row["choices"], **{
            name: {"field": name, "rule": REVIEWER_RULE, "value": row["record"][name]}
            for name in overrides}}
    return row


def stored_overrides(conn: Connection, event_id: str) -> dict[str, Any]:
    value = conn.execute(select(t.events.c.overrides).where(
        t.events.c.event_id == event_id)).scalar()
    return dict(value or {})


def _summary(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """An event's fields for the audit trail (evidence lives in its own table)."""
    if record is None:
        return None
    return {k: v for k, v in record.items() if k != "evidence"}


def _row(conn: Connection, event_id: str) -> dict[str, Any]:
    row = conn.execute(select(t.events).where(t.events.c.event_id == event_id)).mappings().first()
    if row is None:
        raise EventNotFoundError(f"{event_id}: no such event")
    return dict(row)


def _audit(conn: Connection, event_id: str, action: str, reviewer: str, *, field=None,
           before=None, after=None, related=(), comment=None) -> None:
    conn.execute(insert(t.review_audit), dict(
        event_id=event_id, action=action, field=field, before=before, after=after,
        related=list(related), reviewer=reviewer, comment=comment, created_at=_now()))


def accept(store, event_id: str, reviewer: str, comment: str | None = None) -> None:
    """Mark an event as checked against its articles and right."""
    _set_status(store, event_id, "accepted", "accept", reviewer, comment)


def reject(store, event_id: str, reviewer: str, comment: str | None = None) -> None:
    """Mark an event as wrong (not an event, or not this one); it stays, marked."""
    _set_status(store, event_id, "rejected", "reject", reviewer, comment)


def _set_status(store, event_id, status, action, reviewer, comment) -> None:
    with store._write() as conn:
        row = _row(conn, event_id)
        conn.execute(update(t.events).where(t.events.c.event_id == event_id).values(
            review_status=status, updated_at=_now()))
        _audit(conn, event_id, action, reviewer, before={"review_status": row["review_status"]},
               after={"review_status": status}, comment=comment)


def edit(store, event_id: str, field: str, value: Any, reviewer: str,
         comment: str | None = None) -> Any:
    """Set one field of an event; returns the value as stored (validated, JSON form)."""
    if field not in EDITABLE_FIELDS:
        raise ReviewError(f"{field!r} is not an editable event field "
                          f"(one of {', '.join(EDITABLE_FIELDS)})")
    try:
        return _edit(store, event_id, field, value, reviewer, comment)
    except (StatementError, OverflowError) as exc:
        # A value the field's type admits but its column cannot hold (an integer past
        # the database's range, a type name longer than its column on PostgreSQL).
        raise ReviewError(f"{field}: the database cannot store {value!r}") from exc


def _edit(store, event_id, field, value, reviewer, comment) -> Any:
    with store._write() as conn:
        row = _row(conn, event_id)
        try:
            event = Event.model_validate({**row["record"], field: value})
        except ValidationError as exc:
            problem = exc.errors()[0]
            raise ReviewError(f"{field}: {problem['msg']}") from None
        new_value = event.model_dump(mode="json")[field]
        overrides = {**(row["overrides"] or {}), field: new_value}
        changed = apply_overrides({"record": row["record"], "choices": row["choices"]},
                                  overrides)
        status = "rejected" if row["review_status"] == "rejected" else "edited"
        conn.execute(update(t.events).where(t.events.c.event_id == event_id).values(
            **{k: v for k, v in changed.items()}, overrides=overrides, review_status=status,
            updated_at=_now()))
        _audit(conn, event_id, "edit", reviewer, field=field,
               before=row["record"].get(field), after=new_value, comment=comment)
    return new_value


def _recompute(store, conn: Connection, event_id: str, overrides: dict[str, Any],
               members_of: list[str] | None = None) -> dict[str, Any]:
    """Re-merge an event from the article events attached to it, or create it from the
    article events ``members_of`` names (before they are moved to it)."""
    s = t.event_sources.c
    where = s.event_id == event_id if members_of is None else s.source_event_id.in_(members_of)
    rows = conn.execute(select(s.event_values, s.match_reasons, s.source_event_id)
                        .where(where).order_by(s.id)).all()
    members = [Event.model_validate(values) for values, _, _ in rows]
    reasons = {source: why for _, why, source in rows}
    sources = store._assessments(conn, [m.article_id for m in members])
    merged = merge_group(members, event_id=event_id, sources=sources, reasons=reasons)
    row = apply_overrides(store._event_row(merged), overrides)
    row["overrides"] = overrides or None
    now = _now()
    if members_of is not None:
        conn.execute(insert(t.events), {**row, "created_at": now, "updated_at": now})
    else:
        key = row.pop("event_id")
        conn.execute(update(t.events).where(t.events.c.event_id == key).values(
            **row, updated_at=now))
        row["event_id"] = key
    return row


def merge(store, keep_id: str, other_id: str, reviewer: str, comment: str | None = None) -> None:
    """Make ``other_id`` part of ``keep_id``: its articles, reactions and overrides move
    over (``keep_id``'s overrides win), the events are re-merged, ``other_id`` goes."""
    if keep_id == other_id:
        raise ReviewError("an event cannot be merged with itself")
    with store._write() as conn:
        keep, other = _row(conn, keep_id), _row(conn, other_id)
        conn.execute(update(t.event_sources).where(t.event_sources.c.event_id == other_id)
                     .values(event_id=keep_id))
        conn.execute(update(t.reactions).where(t.reactions.c.event_id == other_id)
                     .values(event_id=keep_id))
        conn.execute(delete(t.events).where(t.events.c.event_id == other_id))
        overrides = {**(other["overrides"] or {}), **(keep["overrides"] or {})}
        row = _recompute(store, conn, keep_id, overrides)
        before = {keep_id: _summary(keep["record"]), other_id: _summary(other["record"])}
        after = {keep_id: _summary(row["record"])}
        for event_id, related in ((keep_id, other_id), (other_id, keep_id)):
            _audit(conn, event_id, "merge", reviewer, before=before, after=after,
                   related=[related], comment=comment)


def split(store, event_id: str, source_event_ids: list[str], reviewer: str,
          comment: str | None = None) -> str:
    """Move the named article events out of ``event_id`` into a new event; returns its id."""
    moving = sorted(set(source_event_ids))
    if not moving:
        raise ReviewError("split needs at least one source event id to move")
    with store._write() as conn:
        row = _row(conn, event_id)
        s = t.event_sources.c
        attached = [r[0] for r in conn.execute(select(s.source_event_id).where(
            s.event_id == event_id).order_by(s.id))]
        unknown = [m for m in moving if m not in attached]
        if unknown:
            raise ReviewError(f"{event_id}: no source event {unknown[0]!r}")
        if len(moving) == len(attached):
            raise ReviewError(f"{event_id}: a split must leave at least one source behind")
        first = [a for a in attached if a in moving][0]
        values = conn.execute(select(s.event_values).where(s.source_event_id == first)).scalar()
        new_id = canonical_id(Event.model_validate(values))
        taken = conn.execute(select(t.events.c.event_id).where(
            t.events.c.event_id == new_id)).first()
        if taken is not None:
            new_id = "E" + hashlib.sha1(("split:" + "|".join(moving)).encode()).hexdigest()[:15]
        new_row = _recompute(store, conn, new_id, {}, members_of=moving)
        conn.execute(update(t.event_sources).where(s.source_event_id.in_(moving))
                     .values(event_id=new_id))
        r = t.reactions.c
        conn.execute(update(t.reactions).where(r.target_source_event_id.in_(moving))
                     .values(event_id=new_id))
        kept = _recompute(store, conn, event_id, dict(row["overrides"] or {}))
        before = {event_id: _summary(row["record"])}
        after = {event_id: _summary(kept["record"]), new_id: _summary(new_row["record"])}
        for eid, related in ((event_id, new_id), (new_id, event_id)):
            _audit(conn, eid, "split", reviewer, field=None, before=before, after=after,
                   related=[related], comment=comment)
    return new_id


def history(store, event_id: str) -> list[dict[str, Any]]:
    """Every review action on an event, oldest first."""
    c = t.review_audit.c
    with store._read() as conn:
        rows = conn.execute(select(t.review_audit).where(c.event_id == event_id)
                            .order_by(c.id)).mappings()
        return [dict(r) for r in rows]
