from clamor.extract.arguments import (
    find_demands, find_participants, find_state_response, find_tactics, group_actor, interaction,
    state_actor,
)
from clamor.extract.sentences import Sentence


def S(text):
    return Sentence(0, 0, len(text), text, 0)


def values(items):
    return [i.value for i in items]


def test_participants_with_assoc_actor():
    items = find_participants(S("Bazaar merchants, students and young women joined the rally."))
    assert {"merchants", "students", "women", "youth"} <= set(values(items))
    assert {i.value: i.assoc for i in items}["merchants"] == "Traders"


def test_tactics():
    got = values(find_tactics(S("They closed their shops, blocked the highway and threw stones at police.")))
    assert {"shop closure", "road block", "stone throwing"} <= set(got)


def test_state_response_needs_state_forces():
    assert values(find_state_response(S("Police fired tear gas and arrested 20."))) == ["crowd dispersal", "tear gas", "arrests"] or \
        {"crowd dispersal", "tear gas", "arrests"} <= set(values(find_state_response(S("Police fired tear gas and arrested 20."))))
    assert find_state_response(S("The crowd dispersed peacefully at noon.")) == []


def test_demands():
    (d,) = find_demands(S("Farmers marched on Monday demanding higher maize prices."))
    assert d.value == "higher maize prices"


def test_actor_names_and_codes():
    assert group_actor("protesters", "Iran") == ("Protesters (Iran)", 6)
    assert group_actor("rioters", "Iran") == ("Rioters (Iran)", 5)
    assert state_actor("security forces", "Iran") == ("Police Forces of Iran", 1)
    assert state_actor("soldiers", "Kenya") == ("Military Forces of Kenya", 1)
    assert interaction(5, 1) == 15 and interaction(6, None) == 60


def test_actors_renamed_with_the_resolved_country():
    from clamor.extract import name_actors_by_country
    from clamor.models import Event

    e = Event(event_id="e", article_id="a", event_type="Protests", sub_event_type="Protest with intervention",
              actor1="Protesters (International)", actor2="Police Forces", assoc_actor_1="Students (International)",
              country="Kenya")
    (r,) = name_actors_by_country([e])
    assert (r.actor1, r.assoc_actor_1) == ("Protesters (Kenya)", "Students (Kenya)")
    assert r.actor2.startswith("Police Forces of Kenya (")  # with the latest regime's years
    untouched = e.model_copy(update={"country": None})
    assert name_actors_by_country([untouched])[0].actor1 == "Protesters (International)"


def test_armed_actor_names():
    from clamor.extract.arguments import armed_actor

    assert armed_actor("Taliban fighters attacked a checkpoint", "Afghanistan") == ("Taliban", 2)
    assert armed_actor("suspected al-Shabaab militants", "Kenya") == ("Al Shabaab", 2)
    assert armed_actor("Islamic State gunmen", "Iraq") == ("Islamic State (Iraq)", 2)
    assert armed_actor("Dinka raiders stole cattle", "South Sudan") == ("Dinka Ethnic Militia (South Sudan)", 4)
    # a country's people or a description is no community militia
    assert armed_actor("Somali raiders crossed the border", "Kenya") == ("Unidentified Armed Group (Kenya)", 3)
    assert armed_actor("Suspected militia attacked", None) == ("Unidentified Armed Group (International)", 3)


def _responses(text):
    return [i.value for i in find_state_response(Sentence(0, 0, len(text), text, 0))]


def test_police_as_source_is_no_state_response():
    assert _responses("Two shops were looted overnight and a man was killed, police said.") == []
    assert "killings" in _responses("Police opened fire and killed two men.")


def test_passive_deaths_name_no_killer_but_arrests_are_the_state():
    assert "killings" not in _responses("Three people were killed in the riots.")
    assert _responses("Six men have been arrested over the arson, which killed two.") == ["arrests"]


def test_name_actors_by_country_gives_regime_years_by_date():
    import datetime as dt

    from clamor.extract import name_actors_by_country
    from clamor.models import Event

    e = Event(event_id="e", article_id="a", event_type="Protests", sub_event_type="Excessive force against protesters",
              actor1="Police Forces", actor2="Protesters (International)", country="Kenya",
              event_date=dt.date(2019, 5, 1))
    (r,) = name_actors_by_country([e])
    assert (r.actor1, r.actor2) == ("Police Forces of Kenya (2013-)", "Protesters (Kenya)")
    # ACLED's spelling of the country, also for groups
    e = e.model_copy(update={"country": "Palestinian Territory"})
    assert name_actors_by_country([e])[0].actor2 == "Protesters (Palestine)"


def test_force_country_reads_the_adjective_on_the_forces():
    from clamor.extract.arguments import force_country

    assert force_country("Israeli warplanes struck a house") == "Israel"
    assert force_country("Russian forces shelled the town of X") == "Russia"
    assert force_country("Unknown gunmen shot a trader") is None


def test_state_actor_in_conflict_is_military_unless_police_named():
    assert state_actor("security forces", "Kenya")[0] == "Police Forces of Kenya"
    assert state_actor("security forces", "Kenya", conflict=True)[0] == "Military Forces of Kenya"
    assert state_actor("police", "Kenya", conflict=True)[0] == "Police Forces of Kenya"


def test_default_actor_when_no_doer_is_recognised():
    from clamor.extract.arguments import default_actor
    assert default_actor("Air/drone strike", "Explosions/Remote violence", "A drone struck a car.", "Syria") == \
        ("Military Forces of Syria", 1)
    assert default_actor("Shelling/artillery/missile attack", "Explosions/Remote violence",
                         "Russian artillery shelled the village.", "Ukraine") == ("Military Forces of Russia", 1)
    assert default_actor("Remote explosive/landmine/IED", "Explosions/Remote violence", "A bridge was bombed.",
                         "Myanmar") == ("Unidentified Armed Group (Myanmar)", 3)
    assert default_actor("Violent demonstration", "Riots", "Youths burnt tyres.", "Ghana") == ("Rioters (Ghana)", 5)
    assert default_actor("Agreement", "Strategic developments", "They signed a deal.", "Ghana") is None


def test_groups_take_the_country_of_the_events_place():
    from clamor.extract import name_actors_by_country
    from clamor.models import Event

    e = Event(event_id="e", article_id="a", event_type="Protests", sub_event_type="Peaceful protest",
              actor1="Protesters (France)", country="Indonesia")
    assert name_actors_by_country([e])[0].actor1 == "Protesters (Indonesia)"
    # a named group keeps its own name
    e = e.model_copy(update={"actor1": "Islamic State (Iraq)", "country": "Syria"})
    assert name_actors_by_country([e])[0].actor1 == "Islamic State (Iraq)"


def test_armed_actor_takes_a_learned_name_and_fills_its_country(monkeypatch):
    from clamor.extract import arguments

    monkeypatch.setattr(arguments, "find_named_actor",
                        lambda text: (0, 4, "Pine Separatists ({country})", 2) if "Pine" in text else None)
    assert arguments.armed_actor("Pine separatists burnt a school", "Kenya") == ("Pine Separatists (Kenya)", 2)
    assert arguments.armed_actor("gunmen burnt a school", "Kenya")[0] == "Unidentified Armed Group (Kenya)"


def test_default_actor_names_a_group_the_text_names():
    from clamor.extract.arguments import default_actor

    name, _ = default_actor("Attack", "Violence against civilians", "Al Shabaab killed two herders", "Kenya")
    assert name == "Al Shabaab"


def test_forces_abroad_are_the_military_unless_police_are_named():
    import datetime as dt

    from clamor.extract import name_actors_by_country
    from clamor.models import Event, Evidence

    def event(actor, quote, country):
        return Event(event_id="e", article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
                     actor1=actor, country=country, event_date=dt.date(2022, 3, 7),
                     evidence=[Evidence(field="actor1", start=0, end=len(quote), text=quote)])

    assert name_actors_by_country([event("Police Forces of Russia", "forces", "Ukraine")])[0].actor1 \
        .startswith("Military Forces of Russia")
    assert name_actors_by_country([event("Police Forces of Russia", "police", "Ukraine")])[0].actor1 \
        .startswith("Police Forces of Russia")
    assert name_actors_by_country([event("Police Forces of Kenya", "forces", "Kenya")])[0].actor1 \
        .startswith("Police Forces of Kenya")


def test_attributed_group_names_who_claimed_or_was_suspected():
    from clamor.extract.arguments import attributed_group

    assert attributed_group("A bomb hit a bus in Mandera. Al Shabaab claimed responsibility.", "Kenya")[0] == "Al Shabaab"
    assert attributed_group("Five were killed; the attackers are believed to be Taliban.", "Afghanistan")[0] == "Taliban"
    # nobody named, or no attribution at all: no name
    assert attributed_group("Nobody claimed responsibility for the blast.", "Kenya") is None
    assert attributed_group("Al Shabaab fighters were seen in the area.", "Kenya") is None


def test_identity_militia_from_tribe_and_clan_words():
    from clamor.extract.arguments import armed_actor

    assert armed_actor("Pokot tribesmen raided a village", "Kenya")[0] == "Pokot Ethnic Militia (Kenya)"
    assert armed_actor("clashes between Turkana and Pokot ethnic groups", "Kenya")[0] == "Pokot Ethnic Militia (Kenya)"
    assert armed_actor("Somali clansmen raided a village", "Kenya")[0] == "Unidentified Armed Group (Kenya)"


def test_communities_clash_names_both_militias():
    from clamor.extract.arguments import communities_clash

    (a1, i1), (a2, _) = communities_clash("Clashes erupted between the Nkonyas and Alavanyos over land.", "Ghana")
    assert (a1, i1, a2) == ("Nkonya Ethnic Militia (Ghana)", 4, "Alavanyo Ethnic Militia (Ghana)")
    (a1, _), _ = communities_clash("Militias of the Dorungo and Sokabisi communities clash over land.", "Ghana")
    assert a1 == "Dorungo Communal Militia (Ghana)"
    # countries' peoples, forces and places between which a clash happens are no communities
    assert communities_clash("clashes continued between the Ukrainian and Russian forces", "Ukraine") is None
    assert communities_clash("clashes between the Army and the Maute group", "Philippines") is None
    assert communities_clash("troops clashed with Al Shabaab between Galaba and Sheik", "Somalia") is None


def test_an_unnamed_militia_is_an_unidentified_clan_or_communal_militia():
    from clamor.extract.arguments import armed_actor

    assert armed_actor("unidentified clan militia shot two civilians", "Somalia") == (
        "Unidentified Clan Militia (Somalia)", 4)
    assert armed_actor("unknown militiamen attacked a farm", "Ghana")[0] == "Unidentified Communal Militia (Ghana)"
    assert armed_actor("unknown gunmen attacked a farm", "Ghana")[0] == "Unidentified Armed Group (Ghana)"
