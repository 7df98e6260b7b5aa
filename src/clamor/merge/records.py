"""Records of a merged event: the chosen values, where they came from, and what disagrees."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from clamor.models import Event, Record


class FieldChoice(Record):
    """The value chosen for one field of a merged event and the rule that chose it."""

    field: str
    rule: str = Field(description="e.g. majority, most_precise, lowest_reported, union, only_source")
    value: Any = None


class ReportedValue(Record):
    """One value of a field as reported by one or more articles."""

    value: Any
    article_ids: list[str]


class Disagreement(Record):
    """A field the sources disagree on, with every reported value (never averaged)."""

    field: str
    values: list[ReportedValue]


class MergedEvent(Record):
    """One real-world event with every article-level event that reports it."""

    event_id: str = Field(description="canonical id, stable once the event is created")
    event: Event = Field(description="the chosen values (event.event_id == event_id)")
    source_events: list[Event] = Field(description="each article's own event, as extracted")
    corroboration: int = Field(description="number of distinct articles reporting the event")
    choices: dict[str, FieldChoice] = Field(default_factory=dict)
    disagreements: list[Disagreement] = Field(default_factory=list)
    match_reasons: dict[str, list[str]] = Field(
        default_factory=dict,
        description="source event id -> why it joined (type family, place, date, actors)",
    )

    @property
    def article_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for e in self.source_events:
            seen.setdefault(e.article_id, None)
        return list(seen)
