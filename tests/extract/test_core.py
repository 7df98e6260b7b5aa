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
    assert e.notes == "" and 0 < e.confidence <= 1  # notes come last, from clamor.pipeline
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


def test_political_arrest_outside_a_protest(run):
    events, _ = run("Police detained two opposition leaders in Lusaka on Sunday.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Strategic developments", "Arrests")]
    assert events[0].arrests == 2 and events[0].actor1.startswith("Police Forces")


def test_arrest_over_riots_or_a_curfew_is_political(run):
    events, _ = run("the 14 men arrested for their role in saturday's violence were charged on monday.")
    assert [e.sub_event_type for e in events] == ["Arrests"] and events[0].arrests == 14
    events, _ = run("we have arrested three persons who broke the curfew in surat, the officer said.")
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_power_to_arrest_is_no_arrest(run):
    assert run("The new law allows the police to arrest anyone who blocks a road.")[0] == []
    assert run("A person cannot be arrested on suspicion alone, the judge said.")[0] == []


def test_counts_in_the_next_sentence_continue_the_report(run):
    events, _ = run("On 10 June 2019, demonstrators clashed with police in Mombasa. A 15-year-old boy was killed.")
    (e,) = events
    assert e.event_type == "Riots" and e.fatalities == 1


def test_stated_fatalities_win_and_separately_coded_deaths_are_not_counted(run):
    events, _ = run("On 10 June 2019, militants killed 3 soldiers at a checkpoint in Kandahar. "
                    "Fatalities coded as 0 (the group claimed 3).")
    assert events and events[0].fatalities == 0
    events, _ = run("On 10 June 2019, students marched in Accra with the bodies of 2 classmates killed "
                    "in Kumasi (coded separately), demanding justice.")
    assert events and not events[0].fatalities


def test_a_peaceful_protest_has_no_fatalities(run):
    events, _ = run("On 10 June 2019, residents protested in Kisumu over two people killed in a road accident.")
    (e,) = events
    assert e.sub_event_type == "Peaceful protest" and not e.fatalities


def test_named_armed_group_is_actor1_of_its_attack(run):
    events, _ = run("On 10 June 2019, Taliban militants attacked a checkpoint of Afghan soldiers in "
                    "Kandahar, killing 2 soldiers.")
    (e,) = events
    assert e.actor1 == "Taliban" and e.actor2.startswith("Military Forces")
    assert e.fatalities == 2


def test_identity_militia_named_after_its_community(run):
    events, _ = run("On 10 June 2019, suspected Dinka ethnic militias attacked villagers in Bor, "
                    "South Sudan, killing four.")
    assert events and events[0].actor1 == "Dinka Ethnic Militia (South Sudan)"


def test_group_assault_by_any_plural_doer_is_mob_violence(run):
    events, _ = run("On 10 June 2019, bus conductors assaulted and injured a passenger at a terminal in Lagos.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Mob violence")]


def test_police_killing_of_a_crime_suspect_is_political_violence(run):
    events, _ = run("On 10 June 2019, a police officer shot dead a driver who refused to pay a bribe in Eldoret.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Violence against civilians", "Attack")]
    assert events[0].actor1.startswith("Police Forces")


def test_protest_dispersed_after_turning_violent_is_one_riot(run):
    events, _ = run("On 10 June 2019, demonstrators threw stones at shops in Nakuru. Police used tear gas "
                    "to disperse the demonstrators in Nakuru.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert events[0].actor2.startswith("Police Forces")


def test_announced_by_is_not_a_reaction(run):
    events, reactions = run("On 10 June 2019, members of the Workers Party staged a protest rally in Lusaka "
                            "in support of the strike announced by Peter Banda.")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"] and reactions == []


def test_casualty_sentence_after_an_attack_is_the_same_event(run):
    events, _ = run("On 10 June 2019, gunmen ambushed a police patrol near Garissa. One dead, two injured.")
    (e,) = events
    assert e.event_type == "Battles" and e.fatalities == 1 and e.injuries == 2


def test_armed_group_in_the_sentence_before_makes_an_attack_organised(run):
    events, _ = run("On 10 June 2019, armed men from across the border raided Moyale. Five herders were killed "
                    "in the attack on Moyale.")
    assert [e.event_type for e in events] == ["Violence against civilians"] and events[0].fatalities == 5


def test_violence_in_the_grievance_does_not_make_a_riot(run):
    events, _ = run("On 10 June 2019, students staged a protest in Kumasi, against the vandalism of their "
                    "hostel by unknown men.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Peaceful protest")]


def test_the_victim_a_protest_is_about_is_no_death_of_the_protest(run):
    # rule grievance-victim: "justice for X, a man who was shot and killed by ..." is the cause
    events, _ = run("On Tuesday, protesters gathered in Tampa to demand justice for John Doe, a man "
                    "who was shot and killed by a deputy last month.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Peaceful protest")]
    assert not events[0].fatalities
    # ... also when the victim is named in the sentence after the demonstration
    events, _ = run("On Tuesday, about 50 people gathered in Tampa. The speeches centered on the death "
                    "of John Doe, a young man who was killed by police weeks ago.")
    assert [e.event_type for e in events] == ["Protests"] and not events[0].fatalities


def test_a_victim_clause_with_no_demonstration_is_still_a_death(run):
    events, _ = run("On Tuesday, gunmen raided a village in Kidal, killing John Doe, a farmer who was "
                    "shot in his field.")
    assert events and events[0].event_type != "Protests"


def test_a_clash_between_two_communities_is_between_their_militias(run):
    events, _ = run("On Tuesday, clashes between Bimoba and Konkomba militias left two people dead near Tamale.")
    (e,) = [e for e in events if e.event_type == "Battles"]
    assert (e.actor1, e.actor2, e.interaction) == (
        "Bimoba Ethnic Militia (Ghana)", "Konkomba Ethnic Militia (Ghana)", 44)


def test_arrests_told_right_after_a_riot_belong_to_the_riot(run):
    events, _ = run("ELDORET, Kenya, May 3, 2021 - Youths burned tyres and threw stones at police in "
                    "Eldoret on Sunday. At least 20 people were arrested, police said.")
    assert [e.event_type for e in events] == ["Riots"]
    assert events[0].arrests == 20


def test_arrests_in_another_paragraph_are_an_event_of_their_own(run):
    events, _ = run("ELDORET, Kenya, May 3, 2021 - Youths burned tyres and threw stones at police in "
                    "Eldoret on Sunday.\n\nIn Nakuru, police arrested 40 opposition supporters on Monday.")
    assert ("Strategic developments", "Arrests") in [(e.event_type, e.sub_event_type) for e in events]


def test_a_killing_told_as_the_cause_of_a_riot_is_not_force_on_the_rioters(run):
    events, _ = run("KISUMU, Kenya, June 6, 2021 - Angry residents set fire to a police post in Kisumu on "
                    "Sunday after a man was shot dead by police officers.")
    assert [e.event_type for e in events] == ["Riots"]
    assert events[0].fatalities is None and "killings" not in events[0].state_response


def test_police_killing_rioters_stays_a_violent_demonstration_with_its_dead(run):
    # ACLED: force on a violent crowd is coded on the riot itself (its fatalities and the
    # state's response), not as "Excessive force against protesters" (peaceful crowds only)
    events, _ = run("KISUMU, Kenya, June 6, 2021 - Angry residents set fire to a police post in Kisumu on "
                    "Sunday, and police shot dead two of the rioters.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert events[0].fatalities == 2
    assert "killings" in events[0].state_response


def test_shooting_at_protesters_named_as_a_cause_is_still_force_on_them(run):
    events, _ = run("TEHRAN, Iran, May 23, 2018 - Protesters set fire to police stations in Kazerun on "
                    "Tuesday, all in response to security forces shooting directly at protesters.")
    riot = [e for e in events if e.event_type == "Riots"]
    assert riot and "shootings" in riot[0].state_response


def test_police_as_the_source_make_no_crime_political(run):
    events, _ = run("A man appeared in court in Polokwane on Monday for allegedly raping a pensioner in "
                    "Mankweng, Limpopo police said.")
    assert events == []


def test_a_police_officer_named_as_the_source_is_no_actor(run):
    events, _ = run("The woman was asleep when a man broke into her house and raped her on Sunday morning "
                    "in Mankweng, Constable John Molepo said.")
    assert events == []
    events, _ = run("Soldiers raped two women in Mankweng on Sunday, Constable John Molepo said.")
    assert [e.sub_event_type for e in events] == ["Sexual violence"]


def test_headlines_after_a_related_stories_label_are_other_articles(run):
    story = ("ahmedabad: the chief minister met community leaders in ahmedabad on tuesday to discuss relief "
             "for families who lost their homes, officials said. the meeting lasted two hours and the leaders "
             "asked for more relief camps in the city, according to a statement. ")
    events, _ = run(story + "related stories: 24 killed in fresh gujarat riots  mobs torch shops in vadodara")
    assert events == []
    events, _ = run(story + "on tuesday night a mob set fire to shops in ahmedabad, police said.")
    assert events


def test_a_cup_quarterfinal_clash_is_a_game(run):
    events, _ = run("DURBAN - The army team won Saturday's Cup quarterfinal clash against the police team in Durban.")
    assert events == []


def test_arrests_summed_over_a_year_are_a_statistic(run):
    events, _ = run("More than 800,000 arrests were made by police in the 2012/2013 financial year, the police "
                    "minister said in Pretoria on Thursday.")
    assert events == []


def test_near_here_is_the_dateline_place(run):
    text = ("lucknow: thirty-one vhp activists were arrested near here on friday while they were marching "
            "to ayodhya in a protest.")
    events, _ = run(text, dateline_place="lucknow")
    assert events and all(e.location == "lucknow" for e in events)


def test_one_event_per_listed_town(run):
    # rule place-list: ACLED codes one event per location
    events, _ = run("Anti-government protests were held on Thursday in Brasilia and Sao Paulo.")
    assert sorted(e.location for e in events) == ["Brasilia", "Sao Paulo"]
    assert {e.sub_event_type for e in events} == {"Peaceful protest"}


def test_a_protest_merged_into_a_blast_is_kept_as_a_merged_type(run):
    events, _ = run("A bomb exploded at a market in Peshawar on Monday, killing five people. "
                    "Hundreds of traders then staged a protest in Peshawar on Monday, blocking "
                    "the main road.")
    (e,) = events
    assert e.event_type == "Explosions/Remote violence" and e.merged_types == ["Protests"]


def test_a_strike_from_the_air_is_the_military_of_the_country_named_with_it(run):
    events, _ = run("On 10 June 2019, Israeli warplanes struck a house in Gaza City, killing three people.")
    assert events and events[0].actor1 == "Military Forces of Israel"


def test_a_learned_group_named_with_no_generic_word_is_the_doer(run, monkeypatch):
    import re

    from clamor.extract import arguments, core

    def fake(text):
        m = re.search(r"\bXLF\b", text)
        return (m.start(), m.end(), "XLF: Xandar Liberation Front", 2) if m else None

    monkeypatch.setattr(core, "find_named_actor", fake)
    monkeypatch.setattr(arguments, "find_named_actor", fake)
    events, _ = run("On 10 June 2019, XLF attacked an army post in Kandahar, killing 2 soldiers.")
    assert events and events[0].actor1 == "XLF: Xandar Liberation Front"



def test_a_claim_of_responsibility_names_the_unidentified_doer(run):
    events, _ = run("On 10 June 2019, an IED exploded under a bus in Mandera, Kenya, killing four passengers. "
                    "Al Shabaab claimed responsibility.")
    assert events and events[0].actor1 == "Al Shabaab"


def test_a_claim_two_sentences_on_is_not_the_events(run):
    events, _ = run("On 10 June 2019, an IED exploded under a bus in Mopti, Mali, killing five passengers. "
                    "The road is the main route to the north of the country. "
                    "Al Qaeda has claimed responsibility for several incidents this year.")
    ied = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert ied and ied[0].actor1 == "Unidentified Armed Group (Mali)"


def test_they_were_detained_after_the_leaders_were_named_is_a_political_arrest(run):
    # rule detainees-told-before: the pronoun's people are in the sentence before
    text = ("aligarh: senior congress leaders were on wednesday stopped from entering the "
            "riot-affected areas of the city. they were detained and later released.")
    events, _ = run(text)
    assert [e.sub_event_type for e in events] == ["Arrests"]
    # the same pronoun after people of no political standing names no political arrest
    text = ("aligarh: two shopkeepers were on wednesday stopped at the gate of the market. "
            "they were detained and later released.")
    assert run(text)[0] == []


def test_a_situation_word_is_no_demonstration_and_no_main_place(run):
    # "communal violence in gujarat" is the setting (state-of-affairs): the arrests told
    # after the situation words are no demonstration's intervention, and gujarat is no
    # event place the arrests inherit
    text = ("aligarh: during the recent communal violence in gujarat, senior congress leaders were "
            "stopped from entering the riot-affected areas. they were detained on wednesday.")
    events, _ = run(text)
    assert [(e.sub_event_type, e.location) for e in events] == [("Arrests", None)]
