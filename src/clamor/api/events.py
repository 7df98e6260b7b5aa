"""``/api/events``, ``/api/map``, ``/api/stats`` and ``/api/export``: reading the store."""

from __future__ import annotations

import datetime as dt
import queue
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response, StreamingResponse

from clamor.api.deps import MAX_PAGE, Filters, get_store
from clamor.store import detail
from clamor.store import review as reviews
from clamor.store.records import StoredEvent

router = APIRouter(prefix="/api", tags=["events"])
Store = Annotated[Any, Depends(get_store)]

#: Export formats served over HTTP (Parquet is binary and written to files by the CLI).
EXPORT_TYPES = {"acled-csv": ("text/csv", "csv"), "geojson": ("application/geo+json", "geojson"),
                "jsonl": ("application/x-ndjson", "jsonl")}


def fast_json(content: Any) -> Response:
    """JSON straight from ``json.dumps``: the list, map and stats answers are plain data,
    and FastAPI's generic encoder costs more than the query on 10,000 map points."""
    import json

    def default(value):
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        raise TypeError(f"not JSON: {type(value).__name__}")

    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=default)
    return Response(body, media_type="application/json")


def summary(stored: StoredEvent) -> dict[str, Any]:
    """One row of the event list."""
    e = stored.event
    return {"event_id": stored.event_id, "event_date": e.event_date,
            "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "country": e.country, "admin1": e.admin1, "location": e.location,
            "latitude": e.latitude, "longitude": e.longitude, "actor1": e.actor1,
            "actor2": e.actor2, "fatalities": e.fatalities, "sources": stored.corroboration,
            "publishers": sorted({s.publisher for s in stored.sources if s.publisher}),
            "disagreements": [d.field for d in stored.disagreements],
            "review_status": stored.review_status}


@router.get("/events", summary="Events matching the filters of `clamor events`, a page at a time")
def list_events(store: Store, filters: Filters,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> Response:
    from dataclasses import replace

    page = store.query_events(replace(filters, limit=limit, offset=offset))
    total = store.count_events(filters)
    following = offset + len(page) if offset + len(page) < total else None
    return fast_json({"total": total, "limit": limit, "offset": offset,
                      "next_offset": following, "events": [summary(s) for s in page]})


@router.get("/events/{event_id}", summary="One event with its evidence, sources, reactions, "
            "source assessments and review history")
def get_event(event_id: str, store: Store) -> dict[str, Any]:
    stored = store.get_event(event_id)
    if stored is None:
        raise HTTPException(404, f"{event_id}: no such event")
    return event_detail(store, stored)


def event_detail(store, stored: StoredEvent) -> dict[str, Any]:
    source_ids = [s.source_event_id for s in stored.sources]
    article_ids = list(dict.fromkeys(s.article_id for s in stored.sources))
    out = stored.model_dump(mode="json")
    out["evidence"] = detail.evidence(store, source_ids)
    out["reactions"] = detail.reactions(store, stored.event_id)
    out["assessments"] = detail.assessments(store, article_ids)
    out["review_history"] = reviews.history(store, stored.event_id)
    out["editable_fields"] = list(reviews.EDITABLE_FIELDS)
    return out


@router.get("/map", summary="Every matching event with a point, as compact rows")
def map_data(store: Store, filters: Filters) -> Response:
    return fast_json({"columns": ["event_id", "latitude", "longitude", "event_type",
                                  "event_date", "location", "review_status"],
                      "points": detail.map_points(store, filters)})


@router.get("/stats", summary="Counts of matching events by day and type, type, country")
def stats(store: Store, filters: Filters) -> Response:
    return fast_json(detail.stats(store, filters))


#: Seconds an export waits for a client that stopped reading before it gives up.
STALLED_CLIENT_S = 60


class _ExportCancelled(Exception):
    """The client went away: the exporting thread stops."""


class _QueueWriter:
    """A text stream whose writes go to a queue, so an export streams as it is written."""

    def __init__(self, q: queue.Queue, cancelled: threading.Event):
        self.q = q
        self.cancelled = cancelled

    def write(self, text: str) -> int:
        while not self.cancelled.is_set():
            try:
                self.q.put(text, timeout=1)
                return len(text)
            except queue.Full:
                continue
        raise _ExportCancelled


def _stream(store, fmt: str, filters):
    """Run the store's own exporter in a thread; yield what it writes (bounded queue, so
    a slow client holds back the export rather than memory filling up)."""
    q: queue.Queue = queue.Queue(maxsize=256)
    cancelled = threading.Event()
    done = object()

    def work():
        try:
            store.export(fmt, _QueueWriter(q, cancelled), filters)
        except _ExportCancelled:
            return
        finally:
            if not cancelled.is_set():
                q.put(done)

    threading.Thread(target=work, daemon=True).start()
    try:
        while (chunk := q.get(timeout=STALLED_CLIENT_S)) is not done:
            yield chunk
    finally:
        cancelled.set()


@router.get("/export", summary="Matching events as ACLED CSV, GeoJSON or JSON Lines, streamed")
def export(store: Store, filters: Filters,
           format: Literal["acled-csv", "geojson", "jsonl"] = "acled-csv") -> StreamingResponse:
    media, ext = EXPORT_TYPES[format]
    return StreamingResponse(_stream(store, format, filters), media_type=media, headers={
        "content-disposition": f'attachment; filename="clamor-events.{ext}"'})
