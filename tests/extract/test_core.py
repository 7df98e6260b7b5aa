"""extract_events on short articles the team wrote."""

import datetime as dt


def test_protest_with_place_date_counts(run):
    events, _ = run("NAIROBI, Kenya - Hundreds of students protested in Nakuru on Tuesday against fee "
                    "increases. Police fired tear gas and arrested 12 students.")
    (e,) = events
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")
    assert e.location == "Nakuru" and e.country == "Kenya" and e.country_code == "KE"
    assert e.event_date == dt.date(2019, 6, 11) and e.time_precision == 1
    assert e.actor1 == "Protesters (Kenya)" and e.inter1 == 6 and e.actor2 == "Police Forces of Kenya"
    assert "Students (Kenya)" in e.assoc_actor_1
    assert e.arrests == 12 and "arrests" in e.state_response
    assert e.crowd_size.low == 200
    assert e.notes and 0 < e.confidence <= 1
    fields = {ev.field for ev in e.evidence}
    assert {"event_type", "location", "event_date", "arrests", "participants", "actor1"} <= fields


def test_no_protests_reported_gives_no_event(run):
    events, _ = run("No protests were reported in Mombasa on Friday, police said.")
    assert events == []


def test_future_protest_gives_no_event(run):
    events, _ = run("The teachers' union said it will hold a march in Kisumu next week.")
    assert events == []


def test_background_uprising_gives_no_event(run):
    events, _ = run("Officials feared a repeat of the 2009 uprising in Tehran, which shook the country.",
                    published=dt.date(2018, 5, 23))
    assert events == []


def test_out_of_taxonomy_gives_no_event(run):
    events, _ = run("Floods swept through Dhaka on Monday after heavy rains, killing five people. "
                    "The prime minister met the Japanese ambassador to discuss trade.")
    assert events == []


def test_strike_only_is_a_tactic_not_an_event(run):
    events, _ = run("Bus drivers in Accra went on strike on Monday over fuel prices.")
    assert events == []


def test_one_event_per_place_day_and_type(run):
    events, _ = run("Protesters marched in Kano on Monday. Protesters also marched in Kaduna on Monday.\n\n"
                    "In Kano, the marchers chanted slogans against the governor.")
    assert sorted(e.location for e in events) == ["Kaduna", "Kano"]
    kano = next(e for e in events if e.location == "Kano")
    assert "chanting" in kano.tactics


def test_diaspora_rallies_with_no_place_are_not_coded(run):
    events, _ = run("Outside the country, supporters in capitals and cities across the globe staged "
                    "demonstrations on Sunday.")
    assert all(e.location is not None for e in events)


def test_lower_case_wire_copy(run):
    events, _ = run("ahmedabad: a mob set fire to shops in the old city on tuesday, police said. "
                    "three people were killed in the violence.")
    assert events and events[0].event_type == "Riots"
    assert events[0].event_date == dt.date(2019, 6, 11)


def test_all_caps_wire_copy(run):
    events, _ = run("PROTESTERS THREW STONES AT POLICE IN KARACHI ON MONDAY, AND POLICE FIRED TEAR GAS.")
    assert events and events[0].sub_event_type == "Violent demonstration"


def test_killing_without_organised_actor_is_not_coded(run):
    events, _ = run("A man died in Nairobi on Sunday after a dispute with his neighbour over a debt.")
    assert events == []


def test_clamor_extract_is_callable():
    import clamor
    import clamor.extract  # noqa: F401  (rebinds the name to the package)

    assert callable(clamor.extract)


def test_mass_arrest_outside_a_protest(run):
    events, _ = run("surat: over 50 persons were arrested by police during a combing operation in the "
                    "city on tuesday.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Strategic developments", "Arrests")]
    assert events[0].arrests == 50 and events[0].actor1.startswith("Police Forces")


def test_few_arrests_for_a_crime_are_not_coded(run):
    events, _ = run("Police arrested three suspects in Mombasa on Monday over a robbery.")
    assert events == []
