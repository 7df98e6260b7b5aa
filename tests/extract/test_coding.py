"""ACLED typing rules on sentences (see docs/coding-rules.md)."""

import pytest

from clamor.extract.coding import code_sentence
from clamor.extract.document import rule_classify
from clamor.extract.sentences import Sentence
from clamor.extract.triggers import find_triggers, trigger_status


def code(text, protest_article=False):
    s = Sentence(0, 0, len(text), text, 0)
    triggers = find_triggers(s)
    for t in triggers:
        t.status = trigger_status(t, [], None)
    return [(m.event_type, m.sub_event_type) for m in code_sentence(s, triggers, protest_article)]


def test_two_events_in_one_sentence():
    got = code("Protesters set fire to police stations while security forces opened fire on protesters.")
    assert ("Riots", "Violent demonstration") in got
    assert ("Protests", "Excessive force against protesters") in got


def test_peaceful_protest():
    assert code("Hundreds of teachers marched to parliament demanding higher pay.") == [("Protests", "Peaceful protest")]


def test_non_lethal_intervention():
    assert code("Police fired tear gas to disperse students who were protesting fees.") == [
        ("Protests", "Protest with intervention")]


def test_excessive_force_needs_lethal_means():
    assert code("Soldiers shot dead two demonstrators during the protest.") == [
        ("Protests", "Excessive force against protesters")]


def test_strike_without_demonstration_is_no_event():
    assert code("Dock workers went on strike over unpaid wages.") == []


def test_strike_with_demonstration_is_a_protest():
    assert code("Striking nurses demonstrated outside the hospital.") == [("Protests", "Peaceful protest")]


def test_state_arson_is_not_a_riot():
    assert ("Riots", "Violent demonstration") not in code("Police burned the protest camp.", protest_article=True)


def test_mob_violence():
    assert code("A mob lynched a man suspected of theft.") == [("Riots", "Mob violence")]


@pytest.mark.parametrize("text,expected", [
    ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", "Suicide bomb"),
    ("An IED planted by militants exploded near a police vehicle.", "Remote explosive/landmine/IED"),
    ("Security forces clashed with Taliban militants in the district.", "Armed clash"),
    ("Gunmen abducted a local official on the highway.", "Abduction/forced disappearance"),
    ("Police defused a bomb found near the market.", "Disrupted weapons use"),
    ("Fighter jets bombed rebel positions overnight.", "Air/drone strike"),
])
def test_short_texts_outside_protest(text, expected):
    assert rule_classify(text)[1] == expected


@pytest.mark.parametrize("text", [
    "A magnitude 6 earthquake hit the region, killing dozens.",
    "Police seized 20 kg of drugs from smugglers.",
    "Heavy floods displaced thousands of families.",
])
def test_out_of_taxonomy_gives_none(text):
    assert rule_classify(text) is None


def test_market_rally_is_not_a_protest():
    assert code("Shares rallied on the Johannesburg exchange after the announcement.") == []


def test_diplomatic_protest_is_not_a_demonstration():
    assert rule_classify("The foreign ministry lodged a formal protest with the ambassador.") is None


def test_passive_agent_of_an_attack():
    assert rule_classify("A teacher was beaten and injured by two police officers in Gulu.")[:2] == \
        ("Violence against civilians", "Attack")
    assert rule_classify("The shopkeeper was attacked by local residents in Thika.")[:2] == ("Riots", "Mob violence")
    # a noun "attack ... by" has no passive agent and names no victim
    assert rule_classify("They faced attack after attack by security forces.") is None


def test_armed_group_as_subject_needs_no_victim_word():
    assert rule_classify("Suspected militants attacked a bus near Garissa.")[:2] == ("Violence against civilians", "Attack")
    assert rule_classify("The opposition attacked the budget in parliament.") is None


def test_group_assault_needs_a_non_state_doer():
    assert code("Rickshaw pullers assaulted and injured a traffic warden in Sylhet.") == [("Riots", "Mob violence")]
    assert code("Police officers assaulted a man in Sylhet.") == []


def test_sport_is_not_group_assault():
    assert code("The Raptors beat the Celtics 115-109 on Wednesday night.") == []


def test_a_vigil_kept_by_police_is_a_watch_not_a_protest():
    from clamor.extract.coding import code_sentence
    from clamor.extract.sentences import Sentence
    from clamor.extract.triggers import find_triggers

    def types(text):
        s = Sentence(0, 0, len(text), text, 0)
        return [(m.event_type, m.sub_event_type) for m in code_sentence(s, find_triggers(s), False)]

    assert types("police kept a strict vigil in the area on sunday.") == []
    assert types("hundreds held a candlelight vigil in nairobi on sunday.") == [("Protests", "Peaceful protest")]
