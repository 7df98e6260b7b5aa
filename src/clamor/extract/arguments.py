"""Stage 4: arguments of an event mention: participants, tactics, state response, demands,
and ACLED actor names with their actor-type (inter) codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clamor.extract.lexicon import load_lexicon
from clamor.extract.named_actors import find_named_actor
from clamor.extract.places import country_of, town_country
from clamor.extract.regimes import acled_country, with_regime
from clamor.extract.sentences import Sentence

#: ACLED actor-type codes (inter1/inter2)
STATE, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)

_DEMAND = re.compile(
    r"\b(?:demand(?:ing|ed)|demands? (?:for|that)|call(?:ing|ed)? for|seeking|sought|"
    r"(?:protest\w*|demonstrat\w*|rall\w*|march\w*|strik\w*|gathered|chant\w*)\s+(?:\w+\s+){0,3}?(?:against|over)|"
    r"in protest (?:against|at|over|of)|to protest|protest(?:ed|ing) (?=(?:the|a|an)\b)|,\s+(?:against|over)|urging|calling on \w+ to)\s*"
    r"(?P<what>[^,.;:!?\"“”\n]{4,90})",
    re.IGNORECASE,
)
#: a state response told in the passive, with no force named ("five were shot", "were dispersed")
_PASSIVE_RESPONSE = re.compile(r"\b(?:were|was)\s+(?:shot|arrested|detained|dispersed|beaten|killed)\b", re.I)
#: an arrest told in the passive ("he has been arrested", "50 were held"): the authorities
#: arrested; only the arrest is a state response then, a death in the same sentence may be
#: anyone's doing
PASSIVE_ARREST = re.compile(r"\b(?:were|was|have been|has been|had been|being|got)\s+(?:\w+\s+)?"
                            r"(?:arrested|detained|rounded up|held|nabbed|picked up|taken into custody|"
                            r"apprehended)\b", re.I)
_SOURCE_ONLY = re.compile(r"\b(?:according to (?:the )?(?:\w+\s+){0,2}police(?: sources| officials)?|"
                          r"police (?:sources|officials?|spokes(?:man|woman|person))?\s*(?:said|say|says|added|told|confirmed|claimed)|"
                          r"(?:said|told|added) (?:the )?(?:\w+\s+){0,2}police(?: sources| officials)?)\b", re.I)
_MILITARY = re.compile(r"\b(?:army|military|troops|soldiers|revolutionary guards?|irgc|national guard)\b", re.I)


@dataclass(frozen=True)
class Item:
    """One argument value with absolute offsets of its evidence."""

    field: str
    value: str
    start: int
    end: int
    assoc: str | None = None


def _scan(sentence: Sentence, table: dict, field: str) -> list[Item]:
    out: list[Item] = []
    for label, pattern in table.items():
        assoc = None
        if isinstance(pattern, tuple):
            assoc, pattern = pattern
        m = pattern.search(sentence.text)
        if m:
            out.append(Item(field, label, sentence.start + m.start(), sentence.start + m.end(), assoc))
    return sorted(out, key=lambda i: i.start)


def find_participants(sentence: Sentence) -> list[Item]:
    """Groups taking part ("women", "students", "merchants") named in the sentence."""
    items = _scan(sentence, load_lexicon().participants, "participants")
    text = sentence.text.lower()
    # "young women" names both women and youth
    if re.search(r"\byoung\s+(?:women|men|people)\b", text) and not any(i.value == "youth" for i in items):
        m = re.search(r"\byoung\s+(?:women|men|people)\b", text)
        items.append(Item("participants", "youth", sentence.start + m.start(), sentence.start + m.end()))
    return sorted(items, key=lambda i: i.start)


def find_tactics(sentence: Sentence) -> list[Item]:
    """Protest tactics (march, strike, shop closure, arson, stone throwing, ...)."""
    items = _scan(sentence, load_lexicon().tactics, "tactics")
    values = {i.value for i in items}
    if "hunger strike" in values:
        items = [i for i in items if i.value != "strike"]
    return items


def find_state_response(sentence: Sentence) -> list[Item]:
    """Mass Mobilization state responses stated in a sentence that names state forces."""
    lex = load_lexicon()
    # "police said": the force is the source of the report, not the doer of what it reports
    acting = _SOURCE_ONLY.sub(" ", sentence.text)
    if lex.state_agent.search(acting):
        return _scan(sentence, lex.state_response, "state_response")
    if _PASSIVE_RESPONSE.search(sentence.text):
        # "five were killed" names no killer: a death is a state response only with the force named
        return [i for i in _scan(sentence, lex.state_response, "state_response") if i.value != "killings"]
    if PASSIVE_ARREST.search(sentence.text):
        return [i for i in _scan(sentence, lex.state_response, "state_response") if i.value == "arrests"]
    return []


def find_demands(sentence: Sentence) -> list[Item]:
    """What demonstrators demand or oppose ("seeking the end of ...", "against the fuel price hike")."""
    out = []
    for m in _DEMAND.finditer(sentence.text):
        what = m.group("what").strip()
        what = re.split(r"\s+(?:and|as|while|when|after|before|but)\s+(?:the\s+)?(?:police|security|they|protesters)\b", what, flags=re.I)[0]
        if len(what) < 4 or load_lexicon().state_agent.fullmatch(what.split()[-1]):
            continue
        if re.match(r"(?:the\s+)?(?:police|security forces|protesters|them|him|her|it)\b", what, re.I):
            continue
        start = sentence.start + m.start("what")
        out.append(Item("demands", what, start, start + len(what)))
    return out


def state_actor(text: str, country: str | None, conflict: bool = False) -> tuple[str, int]:
    """ACLED name for the state forces named in ``text``: police unless the military is
    named, or, in a battle or explosion (``conflict``), unless the police are named
    ("forces", "security forces" fighting a group are the military in ACLED's coding)."""
    military = _MILITARY.search(text) or (conflict and not _POLICE.search(text))
    force = "Military Forces" if military else "Police Forces"
    return (f"{force} of {country}" if country else force), STATE


#: a country's adjective or name right before the words naming its forces or their weapons
#: ("Israeli warplanes", "Russian forces", "Myanmar military"): whose forces they are
_FORCE_WORDS = (r"(?:military|armed|security|government|state|regime|naval|air)?\s*(?:forces?|troops|soldiers|army|"
                r"military|police(?:men)?|gendarmes?|navy|air ?force|warplanes?|(?:fighter )?jets?|aircraft|"
                r"air ?planes?|airplanes?|helicopters?|drones?|artillery|tanks?|gunboats?|missiles?|rockets?|shells?|"
                r"air ?strikes?|strikes?)")
_OWNED_FORCE = re.compile(rf"\b(?P<who>[A-Z][a-z]+|US|U\.S\.)\s+{_FORCE_WORDS}\b")
_AIR = re.compile(r"\b(?:warplanes?|jets?|aircraft|air ?planes?|airplanes?|helicopters?|drones?|air ?strikes?|"
                  r"air ?force|bombed from the air)\b", re.I)
_POLICE = re.compile(r"\b(?:police(?:men|man)?|gendarmes?|officers)\b", re.I)


def force_country(text: str) -> str | None:
    """The country whose forces ``text`` names by adjective ("Israeli warplanes" -> Israel)."""
    for m in _OWNED_FORCE.finditer(text):
        hit = country_of(m.group("who"))
        if hit:
            return hit[0]
    return None


#: Sub-event types whose doer, when the text names none, is a state's military in ACLED's
#: coding nearly always (non-state groups rarely fly aircraft or fire artillery).
STATE_WEAPON_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"})


def default_actor(sub_event_type: str, event_type: str, text: str, country: str | None) -> tuple[str, int] | None:
    """ACLED's actor1 for an event whose text names no doer this stage recognises.

    A strike from the air or by artillery is a state's military (the country whose weapon
    the text names, else the event's); any other armed event is the work of an
    ``Unidentified Armed Group``; riots have rioters, protests protesters."""
    owner = force_country(text)
    if sub_event_type in STATE_WEAPON_TYPES or (owner and event_type in ("Battles", "Explosions/Remote violence")):
        force = "Police Forces" if _POLICE.search(text) and not _AIR.search(text) and not _MILITARY.search(text) \
            else "Military Forces"
        where = owner or country
        return (f"{force} of {where}" if where else force), STATE
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return armed_actor(text, country)
    if event_type == "Riots":
        return group_actor("rioters", country)
    if event_type == "Protests":
        return group_actor("protesters", country)
    return None


#: "Pokomo ethnic militia", "Garre clan militia": ACLED names an identity militia after its
#: community, "<Community> Ethnic Militia (Country)", inter 4.
_IDENTITY_MILITIA = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:(?:ethnic|clan|tribal|communal)\s+(?:militias?|fighters|groups?)|"
                               r"militias?|militiamen|raiders|warriors|tribe|tribesmen|clansmen)\b")
#: capitalised words before "militia"/"raiders" that describe, not name, a community
_NOT_COMMUNITY = frozenset({"armed", "unidentified", "unknown", "suspected", "local", "rival", "the", "islamist",
                            "government", "allied", "cattle", "border", "village", "youth", "party", "state",
                            "these", "those", "some", "several", "two", "three", "many", "other", "opposition"})


def armed_actor(text: str, country: str | None) -> tuple[str, int]:
    """ACLED name for the non-state armed group named in ``text``: a named group from the
    learned table (:mod:`clamor.extract.named_actors`, "JNIM") or ``armed_groups.tsv``
    ("Taliban"), the first named in the text; an identity militia ("Pokomo Ethnic Militia
    (Kenya)"); else ``Unidentified Armed Group (Country)``."""
    where = acled_country(country) if country else "International"
    best = None
    learned = find_named_actor(text)
    if learned is not None:
        best = (learned[0], learned[2].replace("{country}", where), learned[3])
    for pattern, name, inter in load_lexicon().armed_groups:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name.replace("{country}", where), inter)
    if best is not None:
        return best[1], best[2]
    for m in _IDENTITY_MILITIA.finditer(text):
        name = m.group(1)
        if name.lower() in _NOT_COMMUNITY or country_of(name):
            continue  # "Somali raiders": a country's people, not a community militia
        return f"{name} Ethnic Militia ({where})", IDENTITY_MILITIA
    m = _UNNAMED_MILITIA.search(text)
    if m:
        kind = "Clan" if m.group("clan") else "Communal"
        return f"Unidentified {kind} Militia ({where})", IDENTITY_MILITIA
    return f"Unidentified Armed Group ({where})", POLITICAL_MILITIA


#: a militia named only as unidentified (rule unnamed-militia): ACLED's "Unidentified Clan
#: Militia (Country)" for a clan's ("suspected clan militia" too), "Unidentified Communal
#: Militia (Country)" for any other unidentified one ("suspected militia" alone says only
#: that armed men were suspected of being one: an unidentified armed group)
_UNNAMED_MILITIA = re.compile(r"\b(?:(?:unidentified|unknown|suspected)\s+(?P<clan>clan)|(?:unidentified|unknown)"
                              r"(?:\s+(?:communal|local|community))?)\s+(?:militias?|militiamen)\b", re.I)


#: two communities fighting each other (rule communities-clash): "clashes between the
#: Mamprusis and Kusasis", "fighting broke out between Maasai and Kipsigi", "militias of the
#: Dorungo and Sokabisi communities clashed"; only lower-case words may stand between the
#: fighting word and "between" ("clashed with Al Shabaab between A and B" names two places)
_COMMUNITIES_CLASH = re.compile(
    r"\b(?:(?i:clash(?:es|ed)?|fight(?:s|ing)?|fought|feud|battles?|hostilities|violence|conflict)\s+"
    r"(?:[a-z]+\s+){0,3}?between|(?i:militias?|militiamen|members|youths?|fighters)\s+(?:of|from)(?=\s+(?:the\s+)?"
    r"[A-Z][a-z]{2,}\s+and\s+(?:the\s+)?[A-Z][a-z]{2,}\s+(?:communities|clans|tribes|ethnic groups)\b))"
    r"\s+(?:the\s+)?(?P<a>[A-Z][a-z]{2,})\s+(?:and|&)\s+(?:the\s+)?(?P<b>[A-Z][a-z]{2,})"
    r"(?:\s+(?P<kind>communities|community|people|peoples|groups|tribes|clans|ethnic groups|militias))?\b")
#: capitalised words that name a side in a clash but no community
_NOT_COMMUNITY_SIDE = frozenset({"army", "police", "military", "government", "security", "state", "troops",
                                 "soldiers", "forces", "rebels", "militants", "gunmen", "bandits", "muslims",
                                 "christians", "opposition", "ruling", "supporters"})


def _community(word: str) -> str | None:
    """ACLED's community name from a word of a clash, or None when the word names a country,
    a people of a country, a town or a side that is no community. A plural "-s" after a
    vowel goes ("Nkonyas" -> Nkonya), as ACLED names the militia after the community."""
    if word.lower() in _NOT_COMMUNITY or word.lower() in _NOT_COMMUNITY_SIDE:
        return None
    if country_of(word) or town_country(word):
        return None
    return re.sub(r"(?<=[aeiou])s$", "", word)


def communities_clash(text: str, country: str | None) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """Rule communities-clash: the two communities' militias of a clash between them
    (``<Community> Ethnic Militia (Country)``, ``Communal Militia`` for "communities"),
    first named first; None when ``text`` names no such clash."""
    where = acled_country(country) if country else "International"
    for m in _COMMUNITIES_CLASH.finditer(text):
        a, b = _community(m.group("a")), _community(m.group("b"))
        if a and b and a != b:
            kind = "Communal" if (m.group("kind") or "").startswith("communit") else "Ethnic"
            return ((f"{a} {kind} Militia ({where})", IDENTITY_MILITIA),
                    (f"{b} {kind} Militia ({where})", IDENTITY_MILITIA))
    return None


#: a sentence that attributes an attack: a claim of responsibility, or a doer "suspected /
#: believed / assumed to be" someone
_ATTRIBUTION = re.compile(r"[^.;]*\b(?:claim(?:ed|s|ing)?\s+(?:the\s+)?responsibility|responsibility\s+(?:was|has been|had been)\s+"
                          r"claimed|(?:suspected|believed|assumed|thought|said)\s+to\s+(?:be|have been))\b[^.;]*", re.I)


def attributed_group(text: str, country: str | None) -> tuple[str, int] | None:
    """Rule attributed-doer: the named group or identity militia that a sentence of ``text``
    holds responsible ("Al Shabaab claimed responsibility", "attackers assumed to be
    SLDF"), for an attack whose doer is otherwise unidentified; None when none is named."""
    for m in _ATTRIBUTION.finditer(text):
        name, inter = armed_actor(m.group(0), country)
        if not name.startswith("Unidentified Armed Group"):
            return name, inter
    return None


def group_actor(kind: str, country: str | None) -> tuple[str, int]:
    """``Protesters (Iran)``, ``Rioters (Iran)``, ``Civilians (Iran)`` and their inter codes."""
    where = acled_country(country) if country else "International"
    label, inter = {"protesters": ("Protesters", PROTESTERS), "rioters": ("Rioters", RIOTERS),
                    "civilians": ("Civilians", CIVILIANS)}[kind]
    return f"{label} ({where})", inter


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code, lower code first (``60`` for a sole actor)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


_NO_COUNTRY = re.compile(r"^(?P<name>Protesters|Rioters|Civilians|Unidentified Armed Group|[\w -]+?) \(International\)$")
#: groups ACLED names after the country where the event happens, whatever other country the
#: text mentions ("Protesters (Indonesia)" for a rally in Jakarta against France)
_PLACE_GROUP = re.compile(r"^(?P<name>Protesters|Rioters|Civilians|Unidentified Armed Group) \([^()]+\)$")
_BARE_FORCE = re.compile(r"^(?:Police|Military) Forces$")


def _with_country(name: str | None, country: str) -> str | None:
    if not name:
        return name
    country = acled_country(country)
    if _BARE_FORCE.match(name):
        return f"{name} of {country}"
    return "; ".join(
        f"{m.group('name')} ({country})" if (m := _NO_COUNTRY.match(part.strip()) or _PLACE_GROUP.match(part.strip()))
        else part.strip()
        for part in name.split(";")
    )


_POLICE_OF = re.compile(r"^Police Forces of (?:the )?(?P<country>[^()]+?)$")


def _abroad_is_military(name: str | None, quote: str, country: str) -> str | None:
    """Rule foreign-military: a state's forces acting in another country than their own
    ("Russian forces" in Ukraine) are its military, unless the text names police."""
    m = _POLICE_OF.match(name or "")
    if not m or acled_country(m.group("country")) == acled_country(country) or _POLICE.search(quote):
        return name
    return "Military" + name[len("Police"):]


def name_actors_by_country(events: list) -> list:
    """Events whose actor names lacked a country ("Protesters (International)", "Police
    Forces") renamed with the event's country once the geoparser has resolved it.

    Extraction names actors from the countries the text makes evident; call this after
    :func:`clamor.geo.locate_events` so a town resolved to Kenya gives "Protesters (Kenya)".
    State forces get ACLED's spelling of their country and the regime years of the event's
    date ("Police Forces of Kenya (2013-)", :mod:`clamor.extract.regimes`).
    """
    out = []
    for event in events:
        update = {}
        for f in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
            name = getattr(event, f)
            if event.country:
                name = _with_country(name, event.country)
                quote = " ".join(e.text for e in event.evidence if e.field == f)
                name = _abroad_is_military(name, quote, event.country)
            update[f] = with_regime(name, event.country, event.event_date) if name else name
        out.append(event.model_copy(update=update))
    return out
