"""Battles and strategic-development cues of ``coding.rule_type`` and how
``document.classify_document`` combines them with the classifier (docs/coding-rules.md).

Every sentence here was written by the team from the ACLED codebook's definitions.
"""

import pytest

from clamor.extract import classify_document
from clamor.extract.document import rule_classify


def sub(text):
    typed = rule_classify(text)
    return typed[1] if typed else None


@pytest.mark.parametrize("text", [
    "Police recovered four pistols and 300 rounds of ammunition from a house in the east of the city.",
    "Army engineers destroyed three landmines found on the road to the border crossing.",
    "Rifles and grenades were confiscated at a checkpoint outside the town.",
    "Soldiers discovered a depot containing mortars and explosives in the hills.",
    "Deminers began demining the farmland around the village on Monday.",
])
def test_disrupted_weapons_use(text):
    assert sub(text) == "Disrupted weapons use"


def test_a_bomb_that_goes_off_is_not_disrupted():
    assert sub("A roadside bomb destroyed an army truck, killing three soldiers.") == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text,expected", [
    ("Rebels recaptured the town after a week of fighting with government troops.",
     "Non-state actor overtakes territory"),
    ("Government troops recaptured the town from the rebels.", "Government regains territory"),
    ("The district was seized by militants after soldiers were killed in the fighting.",
     "Non-state actor overtakes territory"),
    ("Army units and allied fighters took full control of the district.", "Government regains territory"),
    ("Insurgents have taken control of two villages after heavy fighting with soldiers.",
     "Non-state actor overtakes territory"),
    ("Troops pushed the insurgents out of the valley.", "Government regains territory"),
])
def test_territory_goes_by_its_doer(text, expected):
    assert sub(text) == expected


def test_takeover_after_a_withdrawal_without_fighting_is_a_transfer():
    text = "Militants took control of the town after government forces withdrew overnight."
    assert sub(text) == "Non-violent transfer of territory"


def test_base_set_up_under_a_deal_is_a_base_not_an_agreement():
    assert sub("Troops set up a new checkpoint on the road under a ceasefire agreement.") == \
        "Headquarters or base established"
    assert sub("The army set up its 12th observation post near the border.") == "Headquarters or base established"
    assert sub("The government and the rebels signed a ceasefire agreement in the capital.") == "Agreement"


@pytest.mark.parametrize("text", [
    "Security forces reinforced their positions along the border.",
    "The militia has withdrawn its fighters from the northern town to the coast.",
    "A new armed group was formed by former rebel commanders.",
])
def test_change_to_group_activity(text):
    assert sub(text) == "Change to group/activity"


def test_gunmen_against_a_community_is_an_attack_even_when_police_report_it():
    text = "Gunmen attacked a village market, killing nine people, police said."
    assert sub(text) == "Attack"
    assert sub("Militants attacked an army post, killing four soldiers.") == "Armed clash"


def test_arrests_in_raids_are_arrests():
    assert sub("Soldiers detained 15 suspects in overnight raids across the province.") == "Arrests"


@pytest.mark.parametrize("text,expected", [
    ("Bottles and flares were thrown at police during the demonstration outside parliament.", "Violent demonstration"),
    ("Hundreds of protesters pelted the security forces outside the ministry.", "Violent demonstration"),
    ("Police used excessive force to disperse the demonstrators.", "Excessive force against protesters"),
])
def test_protest_family_cues(text, expected):
    assert sub(text) == expected


def test_rules_decide_who_took_the_territory():
    got = classify_document("Rebel fighters recaptured the village from the army on Sunday.")
    assert got == ("Battles", "Non-state actor overtakes territory")


def test_weapons_destroyed_from_the_air_are_an_air_strike():
    assert sub("Fighter jets destroyed an arms depot used by the rebels.") == "Air/drone strike"


def test_strikes_on_chemical_weapons_facilities_are_not_chemical_attacks():
    assert sub("Warplanes fired missiles at chemical weapons facilities near the capital.") == "Air/drone strike"


def test_a_blast_heard_during_a_gun_battle_is_the_battle():
    assert sub("Militants stormed an army base and exchanged fire with soldiers; an explosion was heard.") == \
        "Armed clash"


def test_ceasefire_amid_background_fighting_is_an_agreement():
    assert sub("Rebels and government forces agreed a ceasefire in the province where fighting raged for months.") == \
        "Agreement"


def test_prisoner_exchange_is_an_agreement():
    assert sub("The army and the rebels exchanged dozens of prisoners at a crossing on Friday.") == "Agreement"


def test_arrests_ahead_of_a_protest_are_arrests():
    assert sub("Police detained a dozen opposition activists ahead of a planned rally in the capital.") == "Arrests"
    assert sub("Police detained a dozen activists during a protest in the capital.") == "Protest with intervention"


def test_troops_marching_into_a_town_are_not_a_protest():
    assert sub("Government troops marched into the town after the rebels were driven out of it.") == \
        "Government regains territory"


def test_rules_decide_abduction_over_attack():
    got = classify_document("Gunmen kidnapped two aid workers on the road to the district capital on Monday.")
    assert got == ("Violence against civilians", "Abduction/forced disappearance")


def test_territory_taken_after_shelling_is_the_territory_change():
    text = "Army troops recaptured two villages after days of artillery shelling of rebel positions."
    assert sub(text) == "Government regains territory"


def test_chemical_agents_seized_are_disrupted_weapons():
    assert sub("Police seized a cache of chemical agents in a warehouse used by the militants.") == \
        "Disrupted weapons use"


def test_a_single_device_destroyed_is_disrupted_weapons_use():
    assert sub("Special forces destroyed a roadside improvised explosive device near the bridge.") == \
        "Disrupted weapons use"
    assert sub("Two men were found dead after a bomb exploded near the market.") == "Remote explosive/landmine/IED"


def test_planned_attack_is_not_a_battle():
    assert sub("Police arrested 40 militants who plan to attack army posts.") == "Arrests"


@pytest.mark.parametrize("text,expected", [
    ("Government jets fired missiles at a rebel convoy on the highway, killing six fighters.", "Air/drone strike"),
    ("Rebel positions were hit in raids by army helicopters overnight.", "Air/drone strike"),
    ("A bomb hidden in a parked motorbike exploded outside the bank, wounding three people.",
     "Remote explosive/landmine/IED"),
    ("Two kamikaze attackers struck a checkpoint, killing five soldiers.", "Suicide bomb"),
    ("Militants fired shells containing poisonous gases at the town.", "Chemical weapon"),
    ("Soldiers at the camp molested girls who had fled their villages, a rights group said.", "Sexual violence"),
])
def test_means_and_harm_cues(text, expected):
    assert sub(text) == expected


def test_a_hospital_the_wounded_were_taken_to_is_no_civilian_target():
    text = "Armed men shot and wounded two police officers, who were taken to the district hospital."
    assert sub(text) == "Armed clash"


def test_base_set_up_as_part_of_an_agreed_deal_is_a_base():
    text = "The army has set up a total of 12 military observation points as part of a deal it agreed with its neighbours."
    assert sub(text) == "Headquarters or base established"


def test_deaths_in_a_protest_crackdown_are_excessive_force():
    assert sub("Two demonstrators died in the crackdown on the march in the capital.") == \
        "Excessive force against protesters"


def test_a_protest_against_arrests_is_no_intervention():
    assert sub("Hundreds of students marched in the city to protest against the arrests of their leaders.") == \
        "Peaceful protest"


def test_a_related_attack_on_civilians_named_later_does_not_make_the_main_event_an_attack():
    text = ("Militants attacked a police post and killed three officers. "
            "The raid may be linked to an attack on a village market last week.")
    assert sub(text) == "Armed clash"
