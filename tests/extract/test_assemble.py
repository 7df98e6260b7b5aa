"""Event assembly: one event per incident, typed once (hand-written multi-incident articles)."""

import datetime as dt

from clamor.extract.assemble import EXCESSIVE_FORCE, Incident, _split_interactions, incident_type
from clamor.extract.coding import Mention
from clamor.extract.sentences import Sentence


def _mention(event_type: str, sub: str, index: int = 0) -> Mention:
    return Mention(event_type, sub, "test", Sentence(index, index * 100, index * 100 + 50, "x" * 50, 0))


def test_precedence_explosion_over_attack():
    ms = [_mention("Violence against civilians", "Attack"),
          _mention("Explosions/Remote violence", "Remote explosive/landmine/IED", 1)]
    assert incident_type(ms) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_precedence_protest_turned_violent():
    ms = [_mention("Protests", "Peaceful protest"), _mention("Riots", "Mob violence", 1)]
    assert incident_type(ms) == ("Riots", "Violent demonstration")


def test_protests_take_the_most_severe_sub_type():
    ms = [_mention("Protests", "Peaceful protest"), _mention("Protests", "Protest with intervention", 1)]
    assert incident_type(ms) == ("Protests", "Protest with intervention")


def test_force_beside_rioting_in_one_sentence_is_another_interaction():
    riot, force = _mention("Riots", "Violent demonstration", 3), _mention("Protests", EXCESSIVE_FORCE, 3)
    parts = _split_interactions(Incident(("x", None), "Riots", "Violent demonstration", [riot, force]))
    assert [p.mentions for p in parts] == [[riot], [force]]


def test_force_told_apart_from_rioting_is_its_intervention():
    riot, force = _mention("Riots", "Violent demonstration", 3), _mention("Protests", EXCESSIVE_FORCE, 4)
    parts = _split_interactions(Incident(("x", None), "Riots", "Violent demonstration", [riot, force]))
    assert len(parts) == 1


def test_fan_out_collapses_to_one_event(run):
    events, _ = run("KISUMU, Kenya - Police shot dead a man during a protest over land in Kisumu on Tuesday. "
                    "Residents had blocked the road with burning tyres and thrown stones at officers. "
                    "Officers fired live bullets to disperse the crowd, witnesses said. "
                    "The man was killed on the spot.")
    (e,) = events
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert e.location == "Kisumu" and e.event_date == dt.date(2019, 6, 11) and e.fatalities == 1


def test_two_places_stay_two(run):
    events, _ = run("NAIROBI, Kenya - Hundreds of traders protested in Nakuru on Tuesday against new taxes. "
                    "In a separate protest, teachers marched in Kisumu on Tuesday over unpaid salaries.")
    assert sorted(e.location for e in events) == ["Kisumu", "Nakuru"]
    assert {e.event_type for e in events} == {"Protests"}


def test_two_days_stay_two(run):
    events, _ = run("NAIROBI, Kenya - Students marched in Nakuru on Monday against fee increases. "
                    "On Wednesday, students marched again in Nakuru to demand the dismissal of the principal.")
    assert sorted(e.event_date for e in events) == [dt.date(2019, 6, 10), dt.date(2019, 6, 12)]


def test_protest_turned_violent_is_one_riot(run):
    events, _ = run("NAIROBI, Kenya - Hundreds of traders marched peacefully in Nakuru on Tuesday against new "
                    "taxes. The protest turned violent when some of the traders began throwing stones and "
                    "looting shops.")
    (e,) = events
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_the_blast_joins_its_incident(run):
    # "the blast" is told two paragraphs on, after another incident at another place
    events, _ = run("MOGADISHU, Somalia - A roadside bomb exploded near a police station in Mogadishu on "
                    "Thursday.\n\nIn Baidoa, hundreds of traders protested on Friday against new taxes.\n\n"
                    "Five civilians were killed in the blast, police said.")
    assert len(events) == 2
    blast = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert blast.location == "Mogadishu" and blast.fatalities == 5
    assert any(ev.text == "blast" for ev in blast.evidence if ev.field == "event_type")
    protest = next(e for e in events if e.event_type == "Protests")
    assert protest.location == "Baidoa" and protest.fatalities is None


def test_bare_blast_in_a_coal_mine_is_no_event(run):
    events, _ = run("JOHANNESBURG - Output at the mine in Witbank fell on Tuesday after an explosion "
                    "damaged a conveyor belt, the company said.")
    assert events == []


def test_a_state_of_affairs_is_no_incident(run):
    events, _ = run("the minister visited the riot-hit areas and took stock of the situation. "
                    "he said the communal violence had hurt trade.")
    assert events == []


def test_riots_with_a_place_of_their_own_are_an_incident(run):
    events, _ = run("by nightfall on tuesday, riots started in ahmedabad. "
                    "twelve people were killed by the rioters.")
    (e,) = events
    assert e.event_type == "Riots" and e.location == "ahmedabad"


def test_confidence_is_monotone_in_the_score_and_a_probability():
    from clamor.extract.assemble import incident_confidence, incident_score
    from clamor.extract.places import Place

    bare = Incident(("x", None), "Protests", "Peaceful protest", [_mention("Protests", "Peaceful protest")])
    placed = Incident(("x", None), "Protests", "Peaceful protest",
                      [_mention("Protests", "Peaceful protest"), _mention("Protests", "Peaceful protest", 1)],
                      place=Place(0, 1, "X", "event"))
    assert incident_score(bare) < incident_score(placed)
    assert 0 < incident_confidence(bare) < incident_confidence(placed) < 1


def test_bare_blast_that_police_report_is_still_no_event(run):
    events, _ = run("JOHANNESBURG - An explosion at the mine in Witbank on Tuesday damaged a conveyor belt, "
                    "police said.")
    assert events == []


def test_riots_across_a_state_with_no_toll_are_a_state_of_affairs(run):
    events, _ = run("ahmedabad: the riots continued across gujarat on thursday, officials said. "
                    "schools and markets stayed shut.")
    assert events == []
