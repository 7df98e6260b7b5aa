"""What the store returns: stored events with their sources, and ingest summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from clamor.merge.records import Disagreement, FieldChoice
from clamor.models import Event, Record


class SourceRef(Record):
    """One article reporting a stored event."""

    article_id: str
    source_event_id: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    publisher_type: str | None = None
    partisan: bool | None = None


class StoredEvent(Record):
    """A merged event as stored: chosen values, sources, rules and disagreements."""

    event_id: str
    event: Event = Field(description="chosen values (event.article_id: the first source)")
    corroboration: int
    sources: list[SourceRef] = Field(default_factory=list)
    source_events: list[Event] = Field(default_factory=list)
    choices: dict[str, FieldChoice] = Field(default_factory=dict)
    disagreements: list[Disagreement] = Field(default_factory=list)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    review_status: str | None = Field(
        default=None, description="null: not reviewed; accepted, edited or rejected")

    def row(self) -> dict[str, Any]:
        """A flat summary for tables and CSV."""
        e = self.event
        return {
            "event_id": self.event_id,
            "date": e.event_date,
            "type": e.event_type,
            "sub_type": e.sub_event_type,
            "country": e.country,
            "admin1": e.admin1,
            "location": e.location,
            "actor1": e.actor1,
            "actor2": e.actor2,
            "fatalities": e.fatalities,
            "sources": self.corroboration,
            "publishers": sorted({s.publisher for s in self.sources if s.publisher}),
            "disagreements": [d.field for d in self.disagreements],
        }


ROW_COLUMNS = ("event_id", "date", "type", "sub_type", "country", "admin1", "location",
               "actor1", "actor2", "fatalities", "sources", "publishers", "disagreements")


class IngestSummary(Record):
    """What one ingest run did."""

    run_id: str | None = None
    read: int = Field(default=0, description="articles read from the inputs")
    stored: int = Field(default=0, description="articles newly stored")
    skipped: dict[str, int] = Field(default_factory=dict, description="reason -> articles")
    failed: list[str] = Field(default_factory=list, description="one line per failure")
    new_events: int = 0
    merged_events: int = Field(default=0, description="article events joined to a stored event")
    reactions: int = 0

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def lines(self) -> list[str]:
        """A human-readable summary, one fact per line."""
        out = [f"read {self.read} articles, stored {self.stored}"]
        for reason, n in sorted(self.skipped.items()):
            out.append(f"skipped {n}: {reason}")
        out.append(f"failed {len(self.failed)}")
        out.extend(f"  {msg}" for msg in self.failed[:20])
        if len(self.failed) > 20:
            out.append(f"  ... and {len(self.failed) - 20} more")
        out.append(f"events: {self.new_events} new, {self.merged_events} merged into stored events")
        return out


@dataclass
class ArticleOutcome:
    """What storing one extraction did."""

    stored: bool
    new_events: int = 0
    merged_events: int = 0
    reactions: int = 0


@dataclass(frozen=True)
class EventFilters:
    """Filters for :meth:`Store.query_events`; every one is optional (AND-ed)."""

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    actor: str | None = None
    text: str | None = None
    min_sources: int | None = None
    review: str | None = None  # reviewed, unreviewed, accepted, edited or rejected
    sort: str | None = None  # a key of clamor.store.store.SORT_COLUMNS, "-" for descending
    limit: int | None = None
    offset: int = 0
