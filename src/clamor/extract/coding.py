"""Stage 3: event typing with ACLED's coding rules (each rule is named in docs/coding-rules.md).

``code_sentence`` turns the new-event triggers of one sentence into typed mentions; a
sentence can hold two (demonstrators burn police stations while security forces fire on
them: a violent demonstration and excessive force against protesters). ``rule_type``
types a short single-event text (an ACLED note, a CASE snippet) by a cascade of the same
rules, or returns None for text outside the taxonomy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from clamor.extract.lexicon import load_lexicon
from clamor.extract.sentences import Sentence
from clamor.extract.triggers import Trigger

#: Protest words too common outside protest reporting to mark a protest on their own.
WEAK_PROTEST = re.compile(
    r"^(?:gathering|gathered|staged|chanted|chanting|slogans?|placards?|banners?|petitioned|uprisings?|march|"
    r"rall(?:y|ies|ied|ying)|demonstrated?|demonstrates|demonstrating|marching|agitat\w*|walk(?:ed)? out)$", re.I)
_PROTESTER_NOUN = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|rioters|marchers|crowds?|strikers|mourners)\b", re.I)
_CIVILIAN_AGENT = re.compile(r"\b(?:locals|villagers|residents|youths|mobs?|crowds?|people|supporters|members of the public|relatives|family members|students)\b", re.I)
_GROUP_DOER = re.compile(r"\b(?:locals|villagers|residents|supporters|members|activists|youths|mobs?|crowds?|"
                         r"persons|men|people|students|workers|a group of)\b", re.I)
#: at most this many words between a group and its assault verb: room for "supporters of an
#: Awami League candidate, led by a local leader, assaulted" but not for a new clause
GROUP_ASSAULT_GAP_WORDS = 12
#: a group of people (not an armed group or the state) as the doer of an assault
_GROUP_ASSAULT = re.compile(
    rf"\b(?:(?:locals|villagers|residents|supporters|members|activists|youths|mobs?|crowds?|a group of [\w ]{{1,30}}?)\s+"
    rf"(?:[\w()'’,-]+\s+){{0,{GROUP_ASSAULT_GAP_WORDS}}}?(?:assaulted|attacked|beat|hacked|stabbed|lynched|vandali[sz]ed)|"
    # any group of people named by a plural agent noun ("rickshaw drivers", "passengers",
    # "rivals"), with an unambiguous verb: "Raptors beat Celtics" is sport
    rf"(?:[a-z]{{3,}}(?:ers|ors|ants|ents|ists|ives|als|ices|men)|people|relatives|students|workers)\s+"
    rf"(?:[\w()'’,-]+\s+){{0,{GROUP_ASSAULT_GAP_WORDS}}}?(?:assaulted|hacked|stabbed|lynched|vandali[sz]ed))\b", re.I)
#: words right before "vigil" that make it a watch kept by the authorities ("kept a strict
#: vigil", "police maintained round-the-clock vigil"), as Indian English uses it
_WATCH_VIGIL = re.compile(r"\b(?:keep|keeps|kept|keeping|maintain\w*|strict|close|round-the-clock|tight|"
                          r"police|security|constant|special)\b[\w\s-]{0,20}$", re.I)
#: "shares rallied", "the study demonstrated": senses of weak protest words that are not protest
_NOT_PROTEST_SENSE = re.compile(r"\b(?:shares?|stocks?|markets?|prices?|currency|rand|dollar|index|bonds?|study|research|"
                                r"results?|data|evidence|analysis|team|side|player|club)\s+(?:\w+\s+)?(?:rall|demonstrat)", re.I)
_PASSIVE_SHOT = re.compile(r"\b(?:were|was|been)\s+(?:shot|killed|gunned down|shot dead)\b", re.I)
_CROWD = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|crowds?|people|members|supporters|activists|"
                    r"workers|students|residents|hundreds|thousands|dozens|rally|rallies|streets?|striking)\b", re.I)
#: the agent of a passive harm verb, a few words on: "was beaten and injured by two police"
_PASSIVE_AGENT = re.compile(r"(?:\s+(?:and\s+)?[\w-]+){0,3}?\s+by\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)", re.I)
#: how far after a firing trigger its target ("at protesters") may be (characters)
TARGET_WINDOW = 60
#: how far before a state-response word its topic cue ("against the") may start (characters)
TOPIC_WINDOW = 40
# cues.json "protest_topic" (a data file): "against", "decry", "over": a state response named as the topic of a protest
# cues.json "crackdown": "crackdown", a state action by definition
#: how far after a territory trigger a passive agent ("by government troops") may end (characters)
PASSIVE_AGENT_WINDOW = 60
#: how far before an agreement word its framing preposition ("as part of a") may be (characters)
AGREEMENT_FRAME_WINDOW = 40
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
# cues.json "forces_move" (a data file): protest words also said of armed forces on the move ("troops marched into", "fighters rallied")
#: the longest stretch after a harm word read as its object (characters)
TARGET_CLAUSE_MAX = 120
#: how far before a protest word its pretext cue ("ahead of the") may start (characters)
PRETEXT_WINDOW = 40
# cues.json "protest_pretext" (a data file): "ahead of a rally", "who organise demonstrations": protest words that are an arrest's reason
#: "explosion", "blast", "mines", "detonated": blast words that do not name a device
WEAK_BLAST = re.compile(r"explosion|blast|mines?|detonat\w*", re.I)
# cues.json "chemical_target" (a data file): "chemical weapons facilities": chemical words naming a target, not a chemical attack
#: "was seized by": the agent of a passive change of territory follows "by"
_TERRITORY_BY = re.compile(r"\s*(?:[\w-]+\s+){0,6}?by\s", re.I)
# cues.json "agreement_frame" (a data file): a deal named only as the frame of another act


@dataclass
class Mention:
    """A typed event mention in one sentence."""

    event_type: str
    sub_event_type: str
    rule: str
    sentence: Sentence
    triggers: list[Trigger] = field(default_factory=list)
    state_named: bool = False

    @property
    def start(self) -> int:
        return min(t.start for t in self.triggers) if self.triggers else self.sentence.start


def _by_kind(triggers: list[Trigger]) -> dict[str, list[Trigger]]:
    out: dict[str, list[Trigger]] = defaultdict(list)
    for t in triggers:
        if t.is_new:
            out[t.kind].append(t)
    return out


def _strong_protest(kinds: dict[str, list[Trigger]], text: str) -> list[Trigger]:
    strong = [t for t in kinds.get("protest", []) if not WEAK_PROTEST.match(t.text) and not _watch_sense(t)]
    if strong:
        return strong
    weak = kinds.get("protest", [])
    crowd = _PROTESTER_NOUN.search(text) or _CROWD.search(text) or any(
        pattern.search(text) for _assoc, pattern in load_lexicon().participants.values())
    if weak and crowd and not _NOT_PROTEST_SENSE.search(text):
        return weak
    return []


def _watch_sense(trigger: Trigger) -> bool:
    """"kept a strict vigil", "police vigil": a vigil that is a watch, not a demonstration."""
    rel = trigger.start - trigger.sentence.start
    return bool(re.match(r"vigil", trigger.text, re.I)) and _WATCH_VIGIL.search(trigger.sentence.text[max(0, rel - 40):rel]) is not None


def _state_is_agent(trigger: Trigger) -> bool:
    """True when state forces are the grammatical doer right before the trigger verb."""
    lex = load_lexicon()
    s = trigger.sentence
    before = s.text[max(0, trigger.start - s.start - 50):trigger.start - s.start]
    m = re.search(rf"({lex.state_agent.pattern})\s+(?:\w+ly\s+|also\s+|then\s+|had\s+|have\s+|reportedly\s+)*$", before, re.I)
    after = s.text[trigger.end - s.start: trigger.end - s.start + 40]
    by_state = re.match(rf"\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?{lex.state_agent.pattern}", after, re.I)
    return m is not None or by_state is not None


def _is_topic(trigger: Trigger) -> bool:
    """A state-response word that names what a protest is about ("against police brutality")."""
    s = trigger.sentence
    return bool(load_lexicon().cues["protest_topic"].search(s.text[max(0, trigger.start - s.start - TOPIC_WINDOW):trigger.start - s.start]))


def _targets_protesters(trigger: Trigger) -> bool:
    s = trigger.sentence
    after = s.text[trigger.end - s.start: trigger.end - s.start + TARGET_WINDOW]
    before = s.text[max(0, trigger.start - s.start - TARGET_WINDOW):trigger.start - s.start]
    lex = load_lexicon()
    return bool(lex.protester_target.search(after) or re.search(r"\b(?:protesters|demonstrators|marchers|protestors)\s+(?:were|was)\s+$", before, re.I))


def _group_assault(text: str) -> bool:
    """A group of people (not state forces) assaults someone or vandalises property."""
    m = _GROUP_ASSAULT.search(text)
    return m is not None and not load_lexicon().state_agent.search(m.group(0))


def code_sentence(sentence: Sentence, triggers: list[Trigger], protest_article: bool) -> list[Mention]:
    """Typed mentions from the new-event triggers of one sentence (ACLED rules)."""
    lex = load_lexicon()
    kinds = _by_kind(triggers)
    text = sentence.text
    state_named = bool(lex.state_agent.search(text))
    protest = _strong_protest(kinds, text)
    protest_ctx = bool(protest) or (protest_article and bool(_PROTESTER_NOUN.search(text)))
    mentions: list[Mention] = []

    riot = [t for t in kinds.get("riot_action", []) if not _state_is_agent(t)]
    if protest_ctx:
        # demonstrators who clash with others or loot are a violent demonstration (ACLED)
        riot += [t for t in kinds.get("clash", []) + kinds.get("looting", []) if not _state_is_agent(t)
                 and t not in riot]
    mob = kinds.get("mob", [])
    riot_word = any(re.match(r"riot", t.text, re.I) for t in riot)
    if riot and (protest_ctx or protest_article or riot_word):
        mentions.append(Mention("Riots", "Violent demonstration", "riot-demonstrator-violence", sentence, riot, state_named))
    elif mob or (riot and _GROUP_DOER.search(text) and not kinds.get("crime") and not kinds.get("armed_group")):
        # property destruction or violence by a group of people outside a demonstration
        mentions.append(Mention("Riots", "Mob violence", "mob-violence", sentence, mob or riot, state_named))
    elif _group_assault(text) and not kinds.get("armed_group"):
        harm = kinds.get("attack", []) + kinds.get("kill", [])
        if harm:
            mentions.append(Mention("Riots", "Mob violence", "mob-violence", sentence, harm, state_named))

    lethal = [t for t in kinds.get("firearm_force", []) + kinds.get("lethal_beating", [])
              if not re.match(r"rubber|pellet", t.text, re.I)]
    # a crackdown is the authorities' by definition: deaths "in a protest crackdown" are theirs
    crackdown = bool(load_lexicon().cues["crackdown"].search(text))
    lethal += [t for t in kinds.get("kill", []) if _state_is_agent(t) or ((state_named or crackdown) and _targets_protesters(t))
               or (crackdown and protest_ctx)]
    if lethal and (protest_ctx or protest_article) and (state_named or crackdown or _PASSIVE_SHOT.search(text)):
        aimed = [t for t in lethal if _targets_protesters(t)]
        if aimed or (protest_ctx and not riot):
            mentions.append(Mention("Protests", "Excessive force against protesters", "excessive-force-lethal",
                                    sentence, aimed or lethal, True))

    # "protest against police brutality", "decry the arrests": state responses that are the
    # protest's topic are no intervention in it
    intervention = [t for t in kinds.get("crowd_control", []) + kinds.get("arrest", []) if not _is_topic(t)]
    # crowd-control means (tear gas, dispersal) in a protest article act on its protest
    crowd_control = protest_article and bool(kinds.get("crowd_control")) and state_named
    if (protest_ctx or crowd_control) and intervention and not mentions:
        mentions.append(Mention("Protests", "Protest with intervention", "intervention-non-lethal",
                                sentence, protest + intervention, True))
    if protest and not mentions:
        mentions.append(Mention("Protests", "Peaceful protest", "peaceful-protest", sentence, protest, state_named))
    return mentions


# --------------------------------------------------------------------------- short texts

def _any(kinds: dict[str, list[Trigger]], *names: str) -> list[Trigger]:
    return [t for n in names for t in kinds.get(n, [])]


def rule_type(triggers: list[Trigger], text: str) -> tuple[str, str, str, list[Trigger]] | None:
    """(event_type, sub_event_type, rule, evidence triggers) for a single-event text, or None.

    A cascade in ACLED's order of precedence: explosions, demonstrations, mob violence,
    battles, violence against civilians, strategic developments; text that matches only
    crime, disaster or diplomacy cues (outside the taxonomy) gives None.
    """
    k = _by_kind(triggers)
    state = _any(k, "state_force")
    armed = _any(k, "armed_group")
    protest = _strong_protest(k, text)
    violence = _any(k, "kill", "attack", "clash", "clash_weak", "riot_action", "firearm_force", "mob", "abduction", "sexual",
                    "air", "shelling", "ied", "suicide", "grenade", "chemical", "looting")

    if k.get("suicide"):
        return "Explosions/Remote violence", "Suicide bomb", "explosion-suicide", k["suicide"]
    disrupted = k.get("disrupted_weapons", [])
    if disrupted and not (k.get("air") and k["air"][0].start < disrupted[0].start):
        # weapons destroyed by aircraft ("jets destroyed arms depots") are an air strike;
        # chemical agents seized or found are disrupted weapons, not a chemical attack
        return "Strategic developments", "Disrupted weapons use", "disrupted-weapons", disrupted
    chemical = [t for t in k.get("chemical", []) if not load_lexicon().cues["chemical_target"].match(text, t.end - t.sentence.start)]
    if chemical:
        return "Explosions/Remote violence", "Chemical weapon", "explosion-chemical", chemical
    if k.get("territory_gain") or k.get("territory_loss"):
        # a change of territory is the outcome ACLED codes; air strikes or shelling that
        # prepared it are its means
        territory = _territory_type(k, text, bool(state), bool(armed))
        if territory:
            return territory
    if k.get("air") and not (len(k["air"]) == 1 and k["air"][0].text.lower().startswith("drone") and not violence):
        return "Explosions/Remote violence", "Air/drone strike", "explosion-air", k["air"]
    if k.get("grenade") and not re.search(r"stun grenade|rocket-propelled grenade", text, re.I):
        return "Explosions/Remote violence", "Grenade", "explosion-grenade", k["grenade"]
    strong_ied = [t for t in k.get("ied", []) if not WEAK_BLAST.fullmatch(t.text)]
    if strong_ied:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED", "explosion-ied", strong_ied
    if k.get("shelling") and (state or armed or violence):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack", "explosion-shelling", k["shelling"]
    if k.get("ied") and not k.get("clash"):
        # a bare "explosion" heard during a gun battle is part of the battle
        return "Explosions/Remote violence", "Remote explosive/landmine/IED", "explosion-ied", k["ied"]

    sentence = Sentence(0, 0, len(text), text, 0)
    if protest and all(load_lexicon().cues["forces_move"].fullmatch(t.text) for t in protest) and (state or armed) and \
            _any(k, "territory_gain", "territory_loss", "clash", "clash_weak"):
        protest = []  # "troops marched into the town", "fighters rallied": forces moving, not a protest
    if protest and k.get("arrest") and all(_protest_is_pretext(t, text) for t in protest):
        # activists held ahead of a rally, or for organising protests: the arrests are the event
        return "Strategic developments", "Arrests", "strategic-arrests", k["arrest"]
    if protest or (k.get("strike") and _PROTESTER_NOUN.search(text)):
        ms = code_sentence(sentence, triggers, protest_article=True)
        if ms:
            riot = [m for m in ms if m.event_type == "Riots"]
            m = riot[0] if riot else ms[0]
            return m.event_type, m.sub_event_type, m.rule, m.triggers
        return "Protests", "Peaceful protest", "peaceful-protest", protest or k["strike"]
    if k.get("mob"):
        return "Riots", "Mob violence", "mob-violence", k["mob"]
    if k.get("riot_action") and re.search(r"\briot", text, re.I):
        return "Riots", "Violent demonstration", "riot-demonstrator-violence", k["riot_action"]

    territory = _territory_type(k, text, bool(state), bool(armed))
    if territory:
        return territory
    clash = k.get("clash", [])
    weak_clash = k.get("clash_weak", [])
    deals = _deals(k, text)
    if deals and weak_clash and not clash and not _any(k, "kill", "attack", "firearm_force"):
        # a ceasefire or prisoner exchange "where fighting has raged": the fighting is background
        return "Strategic developments", "Agreement", "strategic-agreement", deals
    if (clash or weak_clash) and (armed or state) and not _CIVILIAN_AGENT.search(text[:80]):
        return "Battles", "Armed clash", "battle-armed-clash", clash or weak_clash
    if clash and not (armed or state):
        return "Riots", "Mob violence", "mob-communal-clash", clash
    if k.get("sexual"):
        return "Violence against civilians", "Sexual violence", "vac-sexual", k["sexual"]
    if k.get("abduction"):
        return "Violence against civilians", "Abduction/forced disappearance", "vac-abduction", k["abduction"]
    harm = _any(k, "kill", "attack", "firearm_force")
    if harm:
        rel = harm[0].start - harm[0].sentence.start  # trigger offsets are absolute
        agent = text[:rel]
        # "was attacked by local residents": only a participle has a passive agent ("attack by" is a noun)
        by = _PASSIVE_AGENT.match(text, harm[0].end - harm[0].sentence.start) \
            if re.search(r"(?:ed|en|shot|hit)$", harm[0].text, re.I) else None
        if not (armed or state) and (_CIVILIAN_AGENT.search(agent) or (by and _CIVILIAN_AGENT.search(by.group(1)))) \
                and not k.get("crime"):
            return "Riots", "Mob violence", "mob-violence", harm
        if k.get("crime") and not (armed or state):
            return None
        fighting_state = _state_parties(state, text)
        if k.get("arrest") and all(re.match(r"raid", t.text, re.I) for t in harm):
            return "Strategic developments", "Arrests", "strategic-arrests", k["arrest"]
        if clash or weak_clash or (armed and fighting_state and not _civilian_target(harm, text)):
            return "Battles", "Armed clash", "battle-armed-clash", clash or harm
        organised_by = by is not None and (load_lexicon().state_agent.search(by.group(1))
                                           or load_lexicon().triggers["armed_group"].search(by.group(1)))
        if not _any(k, "kill", "firearm_force") and not _armed_doer(agent) and not organised_by \
                and not re.search(r"\bcivilians?|villagers|residents|passers-by|a man|a woman|a boy|a girl|people\b", text, re.I):
            return None  # an "attack" with no victim, no killing and no armed doer is too weak to code
        return "Violence against civilians", "Attack", "vac-attack", harm
    return _strategic_type(k, text, bool(armed or state))


def _territory_type(k: dict[str, list[Trigger]], text: str, state: bool, armed: bool):
    """A change of territory typed by its doer, a non-violent transfer, or None."""
    taken = _any(k, "territory_gain", "territory_loss")
    if not (taken and (state or armed)):
        return None
    first = min(taken, key=lambda t: t.start)
    fought = _any(k, "clash", "clash_weak", "kill", "attack", "firearm_force", "air", "shelling")
    if k.get("withdrawal") and not fought:
        # one side left and the other moved in with no fighting (ACLED)
        return ("Strategic developments", "Non-violent transfer of territory", "strategic-transfer",
                taken + k["withdrawal"])
    doer = territory_doer(first, text)
    if doer == "state" or (doer is None and state and not armed):
        return "Battles", "Government regains territory", "battle-territory", taken
    return "Battles", "Non-state actor overtakes territory", "battle-territory", taken


def _strategic_type(k: dict[str, list[Trigger]], text: str, actor: bool) -> tuple[str, str, str, list[Trigger]] | None:
    """Strategic developments in the cascade's order, or None (a strike alone is no event)."""
    if k.get("arrest"):
        return "Strategic developments", "Arrests", "strategic-arrests", k["arrest"]
    if k.get("looting"):
        return "Strategic developments", "Looting/property destruction", "strategic-looting", k["looting"]
    if k.get("hq"):
        return "Strategic developments", "Headquarters or base established", "strategic-hq", k["hq"]
    if k.get("nonviolent_transfer"):
        return "Strategic developments", "Non-violent transfer of territory", "strategic-transfer", k["nonviolent_transfer"]
    deals = _deals(k, text)
    if deals and not k.get("disaster"):
        return "Strategic developments", "Agreement", "strategic-agreement", deals
    moves = _any(k, "change_group", "withdrawal")
    if moves and actor:
        return "Strategic developments", "Change to group/activity", "strategic-change", moves
    return None


def _armed_doer(before: str) -> bool:
    """An armed group is the subject right before an attack verb ("suspected militants attacked
    a bus"): an organised attack even when the text names no victim."""
    pattern = load_lexicon().triggers["armed_group"].pattern
    return re.search(rf"(?:{pattern})\s+(?:\w+\s+){{0,2}}$", before, re.I) is not None


def _protest_is_pretext(trigger: Trigger, text: str) -> bool:
    """A protest word naming the reason for an arrest, not a protest that took place."""
    rel = trigger.start - trigger.sentence.start
    return bool(load_lexicon().cues["protest_pretext"].search(text[max(0, rel - PRETEXT_WINDOW):rel]))


def _state_parties(state: list[Trigger], text: str) -> list[Trigger]:
    """State-force mentions that take part, not those only reporting ("police said").

    An armed clash needs two armed sides; police or officials named as the source of the
    news ("police said", "according to the army") are not a side.
    """
    sources = [m.span() for m in load_lexicon().cues["state_as_source"].finditer(text)]
    return [t for t in state if not any(a <= t.start - t.sentence.start < b for a, b in sources)]


def _civilian_target(harm: list[Trigger], text: str) -> bool:
    """Civilians named anywhere, or a civilian place or group as the object of the harm.

    The object is the rest of the harm word's clause ("attacked a village market, ...");
    a hospital the wounded were taken to, in a later clause, is no target.
    """
    if re.search(r"\bcivilians?\b", text, re.I):
        return True
    first = harm[0]  # the text's main event; later "attacks" are often related events
    rel = first.end - first.sentence.start
    clause = re.split(r"[,.;:]", text[rel:rel + TARGET_CLAUSE_MAX], maxsplit=1)[0]
    return bool(load_lexicon().cues["civilian_target"].search(clause))


def _sentence_before(trigger: Trigger, text: str) -> str:
    """The text of the trigger's own sentence before it."""
    before = text[:trigger.start - trigger.sentence.start]
    return _SENTENCE_BREAK.split(before)[-1]


def territory_doer(trigger: Trigger, text: str) -> str | None:
    """"state" or "armed": who took the territory, whatever the verb.

    ACLED types a change of territory by its doer (state forces regain, a non-state group
    overtakes), and news uses "captured", "recaptured" or "took control" for both. The doer
    is the agent of a passive ("was seized by rebels", "fell to militants"), else the first
    actor of the trigger's sentence, its usual subject ("the army and allied fighters
    captured"); None when no actor is named there.
    """
    rel = trigger.end - trigger.sentence.start
    after = text[rel:rel + PASSIVE_AGENT_WINDOW]
    agent = _TERRITORY_BY.match(after)
    if agent or re.match(r"fall|fell", trigger.text, re.I):
        doer = _first_actor(after[agent.end():] if agent else after)
        if doer:
            return doer
    return _first_actor(_sentence_before(trigger, text))


def _first_actor(text: str) -> str | None:
    """"state" or "armed", whichever kind of actor ``text`` names first; None if neither."""
    triggers = load_lexicon().triggers
    hits = [(m.start(), kind) for kind, name in (("state", "state_force"), ("armed", "armed_group"))
            if (m := triggers[name].search(text))]
    return min(hits)[1] if hits else None


def _deals(k: dict[str, list[Trigger]], text: str) -> list[Trigger]:
    """Agreement triggers that are the news, not the frame of another act."""
    return [t for t in k.get("agreement", []) if not _agreement_is_context(t, text)]


def _agreement_is_context(trigger: Trigger, text: str) -> bool:
    """A deal named as the frame of another act ("under a deal", "as part of a ceasefire").

    ACLED codes an Agreement when the agreement itself is the news; troops deploying or a
    post set up "as part of" or "under" a deal are that activity, not a new agreement.
    """
    before = _sentence_before(trigger, text)[-AGREEMENT_FRAME_WINDOW:]
    return bool(load_lexicon().cues["agreement_frame"].search(before))


def out_of_taxonomy(triggers: list[Trigger]) -> bool:
    """Disaster, accident, ordinary-crime or diplomatic text with no political-violence trigger.

    A government "protest" lodged with an ambassador is diplomacy (PLOVER ACCUSE), not a
    demonstration: protest words with diplomacy cues and no crowd are out of the taxonomy.
    """
    k = _by_kind(triggers)
    text = triggers[0].sentence.text if triggers else ""
    if k.get("diplomacy") and k.get("protest") and not _CROWD.search(text) and not _any(
            k, "riot_action", "mob", "kill", "attack", "clash", "firearm_force"):
        return True
    political = _any(k, "protest", "riot_action", "mob", "air", "shelling", "ied", "suicide", "grenade",
                     "chemical", "clash", "clash_weak", "armed_group", "abduction", "sexual", "territory_gain", "territory_loss")
    weak_blast = [t for t in k.get("ied", []) if re.fullmatch(r"explosion|blast|mines?|detonat\w*", t.text, re.I)]
    if k.get("disaster") and weak_blast and len(weak_blast) == len(political) and not k.get("armed_group"):
        return True  # a gas or factory explosion, not a bomb
    if k.get("disaster") and not political and not k.get("state_force"):
        return True
    if k.get("crime") and not political and not _state_harm(k):
        return True
    return False


def _state_harm(kinds: dict[str, list[Trigger]]) -> bool:
    """State forces named beside a killing or shooting: a police killing is political violence
    (ACLED Violence against civilians) even when the victim was a crime suspect."""
    return bool(kinds.get("state_force")) and bool(_any(kinds, "kill", "firearm_force"))
