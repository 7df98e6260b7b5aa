"""Every "not a new event" case, at the trigger level."""

import datetime as dt

import pytest

from clamor.extract.sentences import Sentence
from clamor.extract.temporal import find_dates
from clamor.extract.triggers import find_triggers, trigger_status

REF = dt.date(2018, 5, 23)


def statuses(text, kind="protest"):
    s = Sentence(0, 0, len(text), text, 0)
    dates = find_dates(text, 0, REF)
    out = []
    for t in find_triggers(s, (kind,)):
        out.append((t.text, trigger_status(t, dates, REF)))
    return out


def test_plain_report_is_new():
    assert statuses("Thousands protested in Kazerun on Tuesday.") == [("protested", None)]


@pytest.mark.parametrize("text", [
    "No protests were reported in the capital.",
    "Residents did not protest the decision.",
    "The protests were not violent and were not reported.",
])
def test_negation(text):
    assert statuses(text)[0][1] == "negated"


@pytest.mark.parametrize("text", [
    "The union said it will protest next week.",
    "Teachers plan to protest on Monday.",
    "Opposition leaders called for protests across the country.",
    "Students threatened to demonstrate if fees rose.",
])
def test_future_and_reported_speech_about_the_future(text):
    assert statuses(text)[0][1] in ("future", "hypothetical")


def test_hypothetical():
    assert statuses("If the price rises, traders would protest.")[0][1] == "hypothetical"


def test_background_months_before_publication():
    assert statuses("It recalled the Dec/Jan uprising that shook over 140 cities.") == [("uprising", "background")]
    assert statuses("Similar protests took place in 2009.")[0][1] == "background"


def test_reference_to_events_in_a_statement():
    assert statuses("He expressed his support for the protesters in the city.")[0][1] == "reference"


def test_riot_police_is_not_a_riot():
    s = "Riot police and anti-riot units stood by."
    assert statuses(s, "riot_action") == []


def test_air_strike_is_not_a_labour_strike():
    assert statuses("An air strike hit the village.", "strike") == []
    assert statuses("Workers went on strike.", "strike")[0][1] is None


def test_lower_and_upper_case_match():
    assert statuses("PROTESTERS TORCHED A POLICE STATION", "riot_action")[0][0] == "TORCHED"
    assert statuses("protesters torched a police station", "riot_action")[0][0] == "torched"


def test_capitalised_surname_is_not_a_lynching():
    assert statuses("Police spokesman John Lynch said the area was calm.", "mob") == []
    assert statuses("A MOB TRIED TO LYNCH THE SUSPECT", "mob")


@pytest.mark.parametrize("text, kind", [
    ("There is no information on the motives of the attack.", "attack"),
    ("No details about the identity of the gunmen who attacked the post were given.", "attack"),
])
def test_unknown_motive_does_not_negate_the_event(text, kind):
    assert statuses(text, kind)[0][1] is None


def test_no_information_on_an_attack_itself_still_negates():
    assert statuses("There was no attack on the camp.", "attack")[0][1] == "negated"


def _kinds(text):
    return [(t.text, t.kind) for t in find_triggers(Sentence(0, 0, len(text), text, 0), ("crime",))]


def test_a_named_gang_is_an_armed_group_not_crime():
    assert _kinds("Members of the Base 5 Secondes Gang attacked residents.") == [("Gang", "armed_group")]
    assert _kinds("A gang attacked a shop.") == [("gang", "crime")]
    assert _kinds("Police arrested a Nairobi gang.") == [("gang", "crime")]
    assert _kinds("Gang members attacked a shop.") == [("Gang", "crime")]  # sentence start: no name


def test_a_negation_inside_a_closed_relative_clause_does_not_negate_the_trigger():
    # rule negation-in-relative: the clause denies the disclosure, not the kidnapping
    text = "The four workers, whose identities were not disclosed, were kidnapped on Monday."
    assert statuses(text, "abduction") == [("kidnapped", None)]
    # a negation of the trigger's own clause still holds after such a clause
    text = "Two men, who did not want to be named, said nobody was killed."
    assert statuses(text, "kill") == [("killed", "negated")]


def test_an_actor_inside_a_reference_is_still_an_actor():
    # rule actors-are-not-references: the condemnation makes the attacks a reference only
    text = "The president condemns the terrorist attacks in the capital."
    assert statuses(text, "armed_group") == [("terrorist", None)]
    assert statuses(text, "attack") == [("attacks", "reference")]
