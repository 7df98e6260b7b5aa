"""Merge rules: when two article-level events are one event, and which value wins."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from clamor.extract.notes import make_notes
from clamor.merge import match_reasons, merge_events, merge_group
from clamor.merge.rules import canonical_id, date_window, haversine_km
from clamor.models import Event, SourceAssessment

_ids = itertools.count()


def ev(article="a1", **kw) -> Event:
    """A protest in Nakuru on 25 June 2024 reported by ``article``, overridden by ``kw``."""
    base = dict(
        event_type="Protests", sub_event_type="Protest with intervention",
        event_date=dt.date(2024, 6, 25), time_precision=1,
        country="Kenya", country_code="KE", admin1="Nakuru", admin2="Nakuru Town East",
        location="Nakuru", latitude=-0.2833, longitude=36.0667, geo_precision=1,
        actor1="Protesters (Kenya)", inter1=6, actor2="Police Forces of Kenya (2022-)", inter2=1,
        interaction=16,
    )
    base.update(kw)
    return Event(event_id=f"{article}:e{next(_ids)}", article_id=article, **base)


def test_haversine_nairobi_to_nakuru():
    assert 120 < haversine_km(-1.2864, 36.8172, -0.2833, 36.0667) < 145


def test_same_protest_matches_with_reasons():
    reasons = match_reasons(ev("a1"), ev("a2", latitude=-0.30, longitude=36.08))
    assert reasons is not None
    assert reasons[0] == "type family: demonstrations"
    assert any(r.startswith("place: 2.") for r in reasons)


def test_protest_and_riot_are_one_family_but_battles_are_not():
    assert match_reasons(ev("a1"), ev("a2", event_type="Riots",
                                      sub_event_type="Violent demonstration",
                                      actor1="Rioters (Kenya)", inter1=5)) is not None
    assert match_reasons(ev("a1"), ev("a2", event_type="Battles",
                                      sub_event_type="Armed clash")) is None


@pytest.mark.parametrize("other,same", [
    (dict(latitude=0.5153, longitude=35.2697, admin2="Eldoret East", location="Eldoret"), False),
    (dict(latitude=-0.25, longitude=36.10), True),                       # ~5 km
    (dict(latitude=None, longitude=None), True),                         # same admin2
    (dict(latitude=None, longitude=None, admin2=None), True),            # same location name
    (dict(latitude=None, longitude=None, admin2=None, location="Njoro"), False),
    (dict(country_code="UG", country="Uganda"), False),
])
def test_place(other, same):
    assert (match_reasons(ev("a1"), ev("a2", **other)) is not None) is same


@pytest.mark.parametrize("other,same", [
    (dict(event_date=dt.date(2024, 6, 26)), False),                      # next day: ACLED codes two events
    (dict(event_date=dt.date(2024, 6, 27), time_precision=2), True),     # within a week
    (dict(event_date=dt.date(2024, 7, 2), time_precision=2), False),
    (dict(event_date=dt.date(2024, 6, 15), time_precision=3), True),     # mid-month
    (dict(event_date=None), False),
])
def test_dates_compatible_with_precision(other, same):
    assert (match_reasons(ev("a1"), ev("a2", **other)) is not None) is same


def test_date_window():
    assert date_window(ev(time_precision=2)) == (dt.date(2024, 6, 22), dt.date(2024, 6, 28))


@pytest.mark.parametrize("other,same", [
    (dict(actor1="Protesters (Kenya)", actor2=None, inter2=None), True),
    (dict(actor1="Rioters (Kenya)", inter1=5, actor2=None, inter2=None), True),  # same crowd
    (dict(actor1=None, inter1=None, actor2=None, inter2=None, interaction=None), True),
    (dict(actor1="Military Forces of Kenya (2022-)", inter1=1, actor2="Civilians (Kenya)",
          inter2=7), False),
])
def test_actor_overlap(other, same):
    a = ev("a1", actor2=None, inter2=None)
    assert (match_reasons(a, ev("a2", **other)) is not None) is same


def test_disagreeing_counts_are_kept_and_the_lowest_is_chosen():
    merged = merge_group([ev("a1", fatalities=2), ev("a2", fatalities=5), ev("a3", fatalities=2)])
    assert merged.event.fatalities == 2
    assert merged.choices["fatalities"].rule == "lowest_reported"
    deaths = next(d for d in merged.disagreements if d.field == "fatalities")
    assert {v.value: v.article_ids for v in deaths.values} == {2: ["a1", "a3"], 5: ["a2"]}
    assert merged.corroboration == 3


def test_partisan_sources_do_not_set_counts_or_break_ties():
    sources = {"a1": SourceAssessment(publisher="State TV", partisan=True),
               "a2": SourceAssessment(publisher="Wire", partisan=False)}
    merged = merge_group([ev("a1", fatalities=0, sub_event_type="Peaceful protest"),
                          ev("a2", fatalities=3)], sources=sources)
    assert merged.event.fatalities == 3
    assert "non-partisan" in merged.choices["fatalities"].rule
    assert merged.event.sub_event_type == "Protest with intervention"
    assert merged.event.partisan_sources_only is False
    only_partisan = merge_group([ev("a1")], sources={"a1": sources["a1"]})
    assert only_partisan.event.partisan_sources_only is True


def test_most_precise_date_and_place_win():
    merged = merge_group([
        ev("a1", event_date=dt.date(2024, 6, 15), time_precision=3, geo_precision=3,
           location="Nakuru County", latitude=-0.5, longitude=36.0),
        ev("a2", geo_precision=1),
    ])
    assert merged.event.event_date == dt.date(2024, 6, 25)
    assert merged.event.time_precision == 1
    assert merged.choices["event_date"].rule.startswith("most_precise")
    assert merged.event.location == "Nakuru"
    assert merged.event.latitude == -0.2833


def test_majority_type_and_union_of_lists():
    merged = merge_group([
        ev("a1", tactics=["march"]),
        ev("a2", event_type="Riots", sub_event_type="Violent demonstration", tactics=["arson"]),
        ev("a3", tactics=["march", "sit-in"]),
    ])
    assert merged.event.event_type == "Protests"
    assert merged.choices["event_type"].rule == "majority 2 of 3"
    assert merged.event.tactics == ["march", "arson", "sit-in"]
    assert any(d.field == "sub_event_type" for d in merged.disagreements)


def test_merge_events_groups_and_keeps_order():
    events = [ev("a1"), ev("b1", latitude=0.5153, longitude=35.2697, admin2="Eldoret East",
                            location="Eldoret"), ev("a2"), ev("a3", latitude=-0.29)]
    merged = merge_events(events)
    assert [m.corroboration for m in merged] == [3, 1]
    assert merged[0].event_id == canonical_id(events[0])
    assert set(merged[0].match_reasons) == {events[0].event_id, events[2].event_id,
                                            events[3].event_id}


def test_two_events_from_one_article_are_not_merged_with_each_other():
    merged = merge_events([ev("a1"), ev("a1")])
    assert len(merged) == 2


def test_single_source_keeps_its_values():
    one = ev("a1", fatalities=1, notes="one")
    merged = merge_group([one])
    assert merged.event.fatalities == 1
    assert merged.event.notes == make_notes(merged.event) != "one"
    assert merged.choices["notes"].rule == "written_from_merged_fields"
    assert merged.disagreements == []
    assert merged.choices["event_type"].rule == "only_source"


def test_merged_notes_follow_the_merged_place_and_count():
    vague = ev("a1", location=None, latitude=None, longitude=None, geo_precision=None,
               geonames_id=None, fatalities=5, notes="5 killed at an unspecified location")
    placed = ev("a2", fatalities=3, notes="3 killed in Nakuru")
    merged = merge_group([vague, placed])
    assert merged.event.location == "Nakuru" and merged.event.fatalities == 3
    assert "in Nakuru (Nakuru, Kenya)" in merged.event.notes
    assert "3 fatalities" in merged.event.notes and "5 fatalities" not in merged.event.notes
