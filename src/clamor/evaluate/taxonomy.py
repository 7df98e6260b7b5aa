"""ACLED's event taxonomy as the evaluation needs it: sub-type to type, CASE codes, old types.

Facts from public codebooks (ACLED Codebook 2019+, CASE 2021 task 2 guidelines), summarised
in ``shared/reference/taxonomies.md``; they are fixed by those codebooks, not tuned.
"""

from __future__ import annotations

#: ACLED 2019+ taxonomy: sub-event type -> event type (25 sub-types, 6 types).
SUB_TO_TYPE: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_TO_TYPE.values()))
SUB_EVENT_TYPES: tuple[str, ...] = tuple(SUB_TO_TYPE)

#: CASE 2021 task 2 label codes -> ACLED sub-event types.
CASE_CODES: dict[str, str] = {
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "GRENADE": "Grenade",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "CHEM_WEAP": "Chemical weapon",
    "ARREST": "Arrests",
    "AGREEMENT": "Agreement",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "OTHER": "Other",
}

#: CASE's "unseen" types: outside ACLED's taxonomy, so the right answer is "no event".
CASE_OUT_OF_TAXONOMY: frozenset[str] = frozenset(
    {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
)

#: The label the scorer uses for "no event" (out-of-taxonomy text, or a system abstaining).
NO_EVENT = "No event"

#: Pre-2019 ACLED event types -> 2019+ event types where the mapping is unambiguous.
#: "Riots/Protests" split into two types in 2019, so it maps to None (scored coarsely).
OLD_TYPE_TO_NEW: dict[str, str | None] = {
    "Battle-No change of territory": "Battles",
    "Battle-Government regains territory": "Battles",
    "Battle-Non-state actor overtakes territory": "Battles",
    "Remote violence": "Explosions/Remote violence",
    "Violence against civilians": "Violence against civilians",
    "Strategic development": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Riots/Protests": None,
}


def event_type_of(sub_event_type: str | None) -> str | None:
    """The 2019+ event type of a sub-event type (None when unknown or None)."""
    if sub_event_type is None:
        return None
    return SUB_TO_TYPE.get(sub_event_type)
