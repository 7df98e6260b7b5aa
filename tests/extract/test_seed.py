"""The founding example: the Kazerun article (see the issue)."""

import pytest

from clamor.extract import extract_events


@pytest.fixture(scope="module")
def seed(nlp, request):
    from tests.conftest import SEED

    if not SEED.is_file():
        pytest.skip("seed article absent")
    from clamor.ingest import read
    from clamor.options import Options

    (article,) = list(read([str(SEED)], Options()))
    events, reactions = extract_events(article, nlp(article.text))
    return article, events, reactions


def test_evidence_slices_the_clean_text(seed):
    article, events, reactions = seed
    for record in [*events, *reactions]:
        assert record.evidence
        for ev in record.evidence:
            assert article.text[ev.start:ev.end] == ev.text


def test_kazerun_events(seed):
    _, events, _ = seed
    types = {(e.event_type, e.sub_event_type) for e in events}
    assert ("Riots", "Violent demonstration") in types
    assert ("Protests", "Excessive force against protesters") in types
    for e in events:
        assert e.location == "Kazerun" and e.country_code == "IR"
        assert e.event_date.year == 2018 and e.event_date.month == 5


def test_no_event_in_other_cities(seed):
    _, events, _ = seed
    assert not {e.location for e in events} & {"Tehran", "Shiraz", "Kashan", "Bushehr"}
    assert len(events) <= 3


def test_tactics_participants_injuries(seed):
    _, events, _ = seed
    riot = next(e for e in events if e.sub_event_type == "Violent demonstration")
    assert {"arson", "stone throwing"} <= set(riot.tactics)
    force = next(e for e in events if e.sub_event_type == "Excessive force against protesters")
    assert "shootings" in force.state_response
    tactics = {t for e in events for t in e.tactics}
    participants = {p for e in events for p in e.participants}
    assert "shop closure" in tactics
    assert {"women", "youth", "merchants"} <= participants
    injured = [e.injuries_estimate for e in events if e.injuries_estimate]
    assert injured and injured[0].text.lower() == "a number of" and injured[0].low is not None


def test_reactions(seed):
    _, events, reactions = seed
    by_actor = {r.actor.split()[-1]: r for r in reactions}
    assert {"Jahangiri", "Rajavi", "Haq", "Blok", "Pompeo", "Rubio"} <= set(by_actor)
    assert by_actor["Jahangiri"].stance == "supports_crackdown"
    assert by_actor["Pompeo"].stance == "condemns_repression"
    assert "United Nations" in by_actor["Haq"].actor_role
    assert by_actor["Blok"].actor_country == "The Netherlands"
    assert by_actor["Rubio"].actor_country == "United States"
    ids = {e.event_id for e in events}
    assert all(r.target_event_id in ids for r in reactions)
