"""``/api/events/{id}/...``: a reviewer accepts, edits, rejects, merges or splits an event.
Each needs a bearer token; each is stored in the audit trail with the token's reviewer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from clamor.api.deps import Reviewer, get_store
from clamor.api.events import event_detail
from clamor.store import review

router = APIRouter(prefix="/api/events", tags=["review"])
Store = Annotated[Any, Depends(get_store)]
Comment = Field(default=None, max_length=2000)


class Note(BaseModel):
    comment: str | None = Comment


class Edit(BaseModel):
    field: str = Field(max_length=64, description="an event field, e.g. fatalities")
    value: Any = Field(description="the new value (validated as the field's type)")
    comment: str | None = Comment


class Merge(BaseModel):
    other_event_id: str = Field(max_length=64, description="the event merged into this one")
    comment: str | None = Comment


class Split(BaseModel):
    source_event_ids: list[str] = Field(min_length=1, max_length=500,
                                        description="article events moved to a new event")
    comment: str | None = Comment


def _detail(store, event_id: str) -> dict[str, Any]:
    stored = store.get_event(event_id)
    if stored is None:
        raise HTTPException(404, f"{event_id}: no such event")
    return event_detail(store, stored)


@router.post("/{event_id}/accept", summary="Mark the event checked and right")
def accept(event_id: str, body: Note, store: Store, reviewer: Reviewer) -> dict[str, Any]:
    review.accept(store, event_id, reviewer, body.comment)
    return _detail(store, event_id)


@router.post("/{event_id}/reject", summary="Mark the event wrong (it stays, marked)")
def reject(event_id: str, body: Note, store: Store, reviewer: Reviewer) -> dict[str, Any]:
    review.reject(store, event_id, reviewer, body.comment)
    return _detail(store, event_id)


@router.post("/{event_id}/edit", summary="Set one field; later ingests keep the value")
def edit(event_id: str, body: Edit, store: Store, reviewer: Reviewer) -> dict[str, Any]:
    review.edit(store, event_id, body.field, body.value, reviewer, body.comment)
    return _detail(store, event_id)


@router.post("/{event_id}/merge", summary="Merge another event into this one")
def merge(event_id: str, body: Merge, store: Store, reviewer: Reviewer) -> dict[str, Any]:
    review.merge(store, event_id, body.other_event_id, reviewer, body.comment)
    return _detail(store, event_id)


@router.post("/{event_id}/split", status_code=201,
             summary="Move some article events out into a new event")
def split(event_id: str, body: Split, store: Store, reviewer: Reviewer) -> dict[str, Any]:
    new_id = review.split(store, event_id, body.source_event_ids, reviewer, body.comment)
    return {"event_id": event_id, "new_event_id": new_id,
            "event": _detail(store, event_id), "new_event": _detail(store, new_id)}
