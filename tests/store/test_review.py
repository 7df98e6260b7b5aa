"""Review actions on stored events: each one audited, and never undone by re-ingest."""

from __future__ import annotations

import pytest

from clamor.store import EventFilters
from clamor.store import review
from clamor.store.review import ReviewError


def _by_location(store):
    return {e.event.location: e for e in store.query_events()}


def test_edit_is_audited_and_survives_a_new_source(store, extractions):
    store.ingest(extractions[:2])
    nakuru = _by_location(store)["Nakuru"]
    before = nakuru.event.fatalities
    assert review.edit(store, nakuru.event_id, "fatalities", "7", "ann", comment="per police") == 7
    edited = store.get_event(nakuru.event_id)
    assert edited.event.fatalities == 7 and edited.review_status == "edited"
    # a third outlet joins the event: the merge re-chooses every field but the edited one
    store.ingest(extractions[2:])
    again = store.get_event(nakuru.event_id)
    assert again.corroboration > nakuru.corroboration
    assert again.event.fatalities == 7
    assert again.choices["fatalities"].rule == review.REVIEWER_RULE
    (entry,) = review.history(store, nakuru.event_id)
    assert (entry["action"], entry["field"], entry["reviewer"]) == ("edit", "fatalities", "ann")
    assert (entry["before"], entry["after"], entry["comment"]) == (before, 7, "per police")


def test_edit_refuses_unknown_fields_and_bad_values(store, extractions):
    store.ingest(extractions)
    event_id = store.query_events()[0].event_id
    with pytest.raises(ReviewError, match="not an editable"):
        review.edit(store, event_id, "event_id", "E1", "ann")
    with pytest.raises(ReviewError, match="fatalities"):
        review.edit(store, event_id, "fatalities", "many", "ann")
    with pytest.raises(review.EventNotFoundError):
        review.accept(store, "E000", "ann")
    assert review.history(store, event_id) == []


def test_accept_reject_and_the_review_filter(store, extractions):
    store.ingest(extractions)
    events = _by_location(store)
    review.accept(store, events["Nakuru"].event_id, "ann")
    review.reject(store, events["Eldoret"].event_id, "ben")
    assert [e.event.location for e in store.query_events(review="reviewed")] == ["Nakuru"]
    assert [e.event.location for e in store.query_events(review="rejected")] == ["Eldoret"]
    assert store.query_events(review="unreviewed") == []
    assert store.count_events(EventFilters(review="reviewed")) == 1
    log = review.history(store, events["Eldoret"].event_id)
    assert log[0]["before"] == {"review_status": None}
    assert log[0]["after"] == {"review_status": "rejected"}


def test_split_then_merge_back(store, extractions):
    store.ingest(extractions)
    nakuru = _by_location(store)["Nakuru"]
    moved = nakuru.sources[-1].source_event_id
    new_id = review.split(store, nakuru.event_id, [moved], "ann")
    assert new_id != nakuru.event_id
    assert store.get_event(nakuru.event_id).corroboration == nakuru.corroboration - 1
    assert [s.source_event_id for s in store.get_event(new_id).sources] == [moved]
    review.merge(store, nakuru.event_id, new_id, "ben")
    assert store.get_event(new_id) is None
    assert store.get_event(nakuru.event_id).corroboration == nakuru.corroboration
    actions = [(h["action"], h["reviewer"]) for h in review.history(store, new_id)]
    assert actions == [("split", "ann"), ("merge", "ben")]
    with pytest.raises(ReviewError, match="at least one source"):
        review.split(store, nakuru.event_id,
                     [s.source_event_id for s in nakuru.sources], "ann")
