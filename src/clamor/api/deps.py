"""What the endpoints share: the store, the event filters of ``clamor events`` as query
parameters, and the reviewer a write's bearer token names."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query, Request

from clamor.api.security import reviewer_for
from clamor.store.records import EventFilters

#: Longest free-text filter accepted: a search is a few words, not a document.
MAX_FILTER_CHARS = 200
#: Most events one page of ``GET /api/events`` returns.
MAX_PAGE = 500
#: No NUL or other control characters in filters (PostgreSQL refuses NUL in text).
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"

ReviewState = Literal["reviewed", "unreviewed", "accepted", "edited", "rejected"]
SortKey = Literal["date", "-date", "type", "-type", "country", "-country", "admin1", "-admin1",
                  "location", "-location", "sources", "-sources", "fatalities", "-fatalities",
                  "review", "-review"]
Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, pattern=PRINTABLE)]


def get_store(request: Request):
    return request.app.state.store


def event_filters(
    since: Annotated[dt.date | None, Query(description="events on or after this date")] = None,
    until: Annotated[dt.date | None, Query(description="events on or before this date")] = None,
    type: Annotated[str | None, Query(max_length=64, pattern=PRINTABLE,
                                      description="ACLED event type, e.g. Protests")] = None,
    sub_type: Annotated[str | None, Query(max_length=64, pattern=PRINTABLE)] = None,
    country: Annotated[str | None, Query(max_length=64, pattern=PRINTABLE,
                                         description="name or ISO alpha-2 code")] = None,
    admin1: Text = None,
    text: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, pattern=PRINTABLE,
                                      description="full-text search of the articles")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    review: ReviewState | None = None,
    sort: SortKey | None = None,
) -> EventFilters:
    return EventFilters(since=since, until=until, event_type=type or None,
                        sub_event_type=sub_type or None, country=country or None,
                        admin1=admin1 or None, text=text or None, min_sources=min_sources,
                        review=review, sort=sort)


Filters = Annotated[EventFilters, Depends(event_filters)]


def require_reviewer(request: Request) -> str:
    """The reviewer named by the request's bearer token; 401 without a valid one."""
    tokens = request.app.state.tokens
    if not tokens:
        raise HTTPException(403, "writing is off: start clamor serve with $CLAMOR_TOKEN "
                                 "or --tokens FILE")
    reviewer = reviewer_for(request.headers.get("authorization"), tokens)
    if reviewer is None:
        raise HTTPException(401, "a write needs 'Authorization: Bearer TOKEN' with a valid token",
                            headers={"WWW-Authenticate": "Bearer"})
    return reviewer


Reviewer = Annotated[str, Depends(require_reviewer)]
