"""extract_events: a clean article and its spaCy doc in, coded events and reactions out.

Stages (each in its own module): sentences -> triggers and not-new-event filters ->
ACLED typing -> places, dates, arguments, counts -> assembly into incidents, each typed
once (``extract/assemble.py``) -> reactions -> confidence. Notes are written later, from the
finished event, by :func:`clamor.pipeline.run_stages`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from typing import Any

from clamor.extract.arguments import (
    PASSIVE_ARREST, Item, armed_actor, find_demands, find_participants, find_state_response, find_tactics, group_actor,
    attributed_group, communities_clash, default_actor, force_country, interaction, state_actor,
)
from clamor.extract.assemble import (
    EVENT_MIN_SCORE, SEVERITY, THRESHOLD_MIN_WORDS, Incident, assemble, incident_confidence, incident_score,
    state_of_affairs,
)
from clamor.extract.coding import WEAK_BLAST, Mention, _state_parties, code_sentence, out_of_taxonomy, rule_type
from clamor.extract.document import MODEL_OVER_RULES, _load_model, averaged, over_rules_bar
from clamor.extract.lexicon import load_lexicon, type_info
from clamor.extract.fatalities import load_model as load_fatality_model, select_fatalities
from clamor.extract.named_actors import find_named_actor
from clamor.extract.places import (
    Place, coordinated_places, country_mentions, country_of, find_places, is_known_town, town_country,
)
from clamor.extract.quantities import Count, find_counts, find_crowd_size, may_count
from clamor.extract.reactions import find_reactions
from clamor.extract.sentences import Sentence, link_list_starts, split_sentences
from clamor.extract.temporal import DateMention, find_dates, first_calendar_day
from clamor.extract.triggers import BACKGROUND_DAYS, Trigger, find_triggers, nearest_date, trigger_status
from clamor.models import Article, Event, Evidence, Reaction
from clamor.options import Options

#: Protest sub-types that by definition kill nobody (ACLED: deaths at a protest make it
#: excessive force or a riot), so a death count in their sentences is the protest's cause
#: ("protested over two people killed in a road accident"), not its fatalities.
NON_LETHAL_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})
#: Tactics that are demonstrator violence: they belong to Riots events, never to Protests ones.
VIOLENT_TACTICS = frozenset({"arson", "stone throwing", "vandalism"})
#: The short-text fallback's bar (:func:`_fallback_mention`): the classifier's calibrated
#: probability of its event type from which a short text no rule typed is coded anyway; the
#: bar from which the classifier already overrules the rules (MODEL_OVER_RULES). On the
#: calibration fold of the ACLED training split, which the classifier was not fit on
#: (scripts/fallback_threshold.py: 836 notes, the rules find an event in 695, right type
#: 0.892), every bar of 0.3..0.9 types the rule-missed notes right (1.000), so notes alone do
#: not bound it from below; at 0.7 it codes 87 of the 105 (0.5: 104), while short non-event
#: sentences the team wrote score 0.47..0.56 (tests/extract/test_core.py, power to arrest).
FALLBACK_MIN_PROB = MODEL_OVER_RULES
#: ... the same bar when the averaged typer types (``Options.dense_typer``): chosen with
#: the document bars by ``scripts/dense_thresholds.py`` (same fold, same rule; see
#: ``clamor.extract.document.DENSE_MODEL_OVER_RULES``).
DENSE_FALLBACK_MIN_PROB = 0.9
#: ... and its bar for a short text that dates what it tells to a calendar day ("On 21
#: February 2022, ..."; rule dated-report): a dated report of a past day is an incident
#: report, so the classifier only types it and its probability of the type does not decide
#: whether there is an event. Chosen on the notes of four left-out countries (Philippines,
#: Kenya, Ukraine, Haiti) and checked on the other seven (docs/coding-rules.md,
#: "Fatalities out of country"): the type probabilities of their rule-missed notes spread
#: over 0.2-0.7, so any bar above 0 leaves events out.
DATED_FALLBACK_MIN_PROB = 0.0
#: ... where the text opens with that day: within this many characters of its start, room
#: for "On"/"Around" and a label ("Non-violent activity: Around 25 November"). A day named
#: anywhere in a sentence is not enough: on GLOCON's sentences it coded 57 sentences that
#: name a day in passing ("reappear in court on March 30") at no gain.
DATED_REPORT_OPENING = 40
#: Arrests of at least this many people outside a demonstration are a mass arrest (ACLED
#: codes mass arrests, not the arrest of a few suspects in an ordinary crime).
MASS_ARREST_MIN = 10
#: A sentence with casualty counts but no event or place of its own continues the report
#: of a mention sentence at most this many sentences before it in the same paragraph
#: ("Protesters clashed with police in X. A man was killed."); further back, the link is weak.
CONTINUATION_SENTENCES = 2
#: a count summed over a period, a statistic rather than an event (rule aggregate)
_AGGREGATE_PERIOD = re.compile(r"\b(?:financial|fiscal|calendar)\s+year\b|\b(?:so far|since the start of|since the "
                               r"beginning of)\s+(?:this|the)\s+year\b|\b\d{4}/\d{2,4}\b|\bcrime statistics\b", re.I)
#: how far (characters) from an arrest word its detainees are looked for, inside its clause
DETAINEE_WINDOW = 80
#: Event types that rules may report from long articles outside the protest family;
#: strategic developments are left to the classifier and the evaluation stage.
NON_PROTEST_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
#: How much a country mention counts toward the article's country: a demonym ("Ugandan
#: rebels") names people, often foreigners, rather than where things happened; a country
#: after a locative ("in eastern Congo") names where. Plain names count 1.
DEMONYM_COUNTRY_WEIGHT = 0.5
LOCATIVE_COUNTRY_WEIGHT = 2.0
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|across|throughout|inside)\s+(?:the\s+)?(?:\w+ern\s+|central\s+)?$", re.I)
_DATELINE_DATE = re.compile(r"^\s*[-–—:]")
_ANAPHOR = re.compile(r"\b(?:these|those|the|such)\s+(?:\w+\s+)?(?:protests|rallies|demonstrations|riots|uprising|unrest|gatherings)\b", re.I)
_PROTEST_FAMILY = ("Protests", "Riots")
#: how close (characters before a trigger; half of it after) an "elsewhere" cue must be
ELSEWHERE_WINDOW = 100
_ELSEWHERE_EXEMPT = re.compile(r"\b(?:attention|support|solidarity|condemnation|headlines|coverage|sympathy|interest)\b[^.;]{0,40}$", re.I)


def _strategic_arrest(sentence: Sentence, triggers: list[Trigger], previous: Sentence | None = None) -> list[Trigger]:
    """Arrest triggers of an arrest ACLED codes outside a demonstration (Strategic developments /
    Arrests): by state forces, and either a mass arrest (at least :data:`MASS_ARREST_MIN`
    people, exact or vague) or a political one (activists, leaders, party members, militants
    held; or people held over riots, attacks or for breaking a curfew). A few suspects held
    over an ordinary crime are not coded."""
    cues = load_lexicon().cues
    text = sentence.text
    counts = [c for c in find_counts(text, sentence.start) if c.field == "arrests"] if (
        may_count("arrests", text)) else []
    # "orders to arrest anyone", "allow the police to arrest": a power or intention, no arrest
    arrests = [t for t in triggers if t.is_new and t.kind == "arrest"
               and not re.search(r"\bto\s+$", text[max(0, t.start - sentence.start - 4):t.start - sentence.start])]
    if not arrests and counts and not any(t.kind == "arrest" for t in triggers):
        # "50 persons were held": the count is the trigger
        arrests = [Trigger("arrest", counts[0].start, counts[0].end, text[counts[0].start - sentence.start:counts[0].end - sentence.start], sentence)]
    if not arrests or _AGGREGATE_PERIOD.search(text):
        return []  # "800,000 arrests were made in the 2012/2013 financial year": a statistic
    political_context = cues["political_arrest_context"].search(text)
    if any(t.is_new and t.kind == "crime" for t in triggers) and not political_context:
        return []
    state = load_lexicon().state_agent.search(text) or PASSIVE_ARREST.search(text)
    if not state and any(t.is_new and t.kind == "armed_group" for t in triggers):
        return []  # an armed group "detaining" people is an abduction, not an arrest
    for count in counts:
        size = count.value if count.value is not None else (count.quantity.low or 0)
        if size >= MASS_ARREST_MIN:
            return arrests
    # "arrested for their role in the violence", "who broke the curfew": held by the authorities
    if political_context or (state and _political_detainees(sentence, arrests)):
        return arrests
    if previous is not None and _pronoun_detainees(sentence, arrests) \
            and load_lexicon().cues["political_detainees"].search(previous.text):
        return arrests  # rule detainees-told-before: "they were detained" after the leaders were named
    return []


#: an arrest whose detainees are only a pronoun ("they were detained", "both were held")
_PRONOUN_DETAINEES = re.compile(r"(?:^|[,;]\s*|\band\s+)(?:they|both|all of them|he|she)\s+(?:were|was|had been|have been|"
                                r"has been)\s+(?:\w+ly\s+)?$", re.I)


def _pronoun_detainees(sentence: Sentence, arrests: list[Trigger]) -> bool:
    """The people held are named by a pronoun only: who they are is in the sentence before."""
    return any(_PRONOUN_DETAINEES.search(sentence.text[:t.start - sentence.start]) for t in arrests)


def _political_detainees(sentence: Sentence, arrests: list[Trigger]) -> bool:
    """Politically significant people named as the arrested, in the clause of an arrest word:
    "five members of the party were arrested", "police detained two opposition leaders"."""
    pattern = load_lexicon().cues["political_detainees"]
    for t in arrests:
        rel = t.start - sentence.start
        before = sentence.text[max(0, rel - DETAINEE_WINDOW):rel]
        before = re.split(r"[;:]|,\s+(?:but|while|as|and)\b|\b(?:who|which|that)\b", before)[-1]
        after = re.split(r"[,;:]", sentence.text[t.end - sentence.start:t.end - sentence.start + DETAINEE_WINDOW])[0]
        if pattern.search(before) or pattern.search(after):
            return True
    return False


def _grievance_references(s: Sentence, triggers: list[Trigger]) -> None:
    """Violence named inside what demonstrators protest against ("protested against the
    vandalism of the campus", "demanding justice for those killed by police") is the
    grievance, an earlier event: rule grievance, its triggers are references. Only in a
    sentence that reports a protest; protest and strike words themselves are kept."""
    if not any(t.is_new and t.kind == "protest" for t in triggers):
        return
    spans = [(d.start, d.end) for d in find_demands(s)]
    for t in triggers:
        if t.is_new and t.kind not in ("protest", "strike") and any(a <= t.start < b for a, b in spans):
            t.status = "reference"


#: trigger kinds of harm that a cause clause can hold ("after a man was shot dead by police")
CAUSE_HARM_KINDS = ("kill", "firearm_force", "lethal_beating", "attack")
#: trigger kinds that report the demonstration a cause clause explains
DEMONSTRATION_KINDS = ("protest", "riot_action", "mob")


#: how far after a harm word its target ("at protesters") may be (characters)
CAUSE_TARGET_WINDOW = 40
_DEMONSTRATOR_NOUN = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|rioters|crowds?)\b", re.I)


def _aimed_at_demonstrators(s: Sentence, t: Trigger) -> bool:
    """A demonstrator noun right after the harm word: "shooting directly at protesters"."""
    rel = t.end - s.start
    return _DEMONSTRATOR_NOUN.search(s.text[rel:rel + CAUSE_TARGET_WINDOW]) is not None


def _cause_references(s: Sentence, triggers: list[Trigger]) -> None:
    """Harm told as the cause of a demonstration in the same sentence ("youths set fire to a
    police post after a man was shot dead by police") is the grievance, an earlier event, not
    force used on the demonstrators: its triggers become references. The cause word must
    stand between the demonstration word and the harm word, in the same clause; harm aimed
    at the protesters ("in response to forces shooting at protesters") stays force on them."""
    cause = load_lexicon().cues["cause_clause"]
    demos = [t for t in triggers if t.is_new and t.kind in DEMONSTRATION_KINDS]
    for t in triggers:
        if not (t.is_new and t.kind in CAUSE_HARM_KINDS) or _aimed_at_demonstrators(s, t):
            continue
        for d in demos:
            between = s.text[d.end - s.start:t.start - s.start]
            if d.end <= t.start and cause.search(between) and not re.search(r"[;.:]", between):
                t.status = "reference"
                break


#: A victim described in a relative clause after an appositive ("justice for X, a man who
#: was shot and killed by a deputy", "the death of X, a 22-year-old man who was killed by
#: police three weeks ago"), with the "death/killing of X" that names them: who the
#: demonstration is about, an earlier death (rule grievance-victim).
_VICTIM_CLAUSE = re.compile(
    r"(?:\b(?:death|killing|murder|shooting)\s+of\s+[^,.;:]{1,40},\s+)?\b(?:an?|the)\s+[^,.;:]{0,40}?"
    r"\bwho\s+(?:was|were|had been|has been)\s+(?:\w+\s+){0,2}?(?:killed|shot|murdered|slain|beaten)\b[^,.;:]*",
    re.I)


def _victim_references(s: Sentence, triggers: list[Trigger], previous: list[Trigger]) -> None:
    """Rule grievance-victim: harm inside a victim's relative clause (:data:`_VICTIM_CLAUSE`)
    is a reference when a demonstration is reported in the sentence or the one before in
    its paragraph (``previous``): the demonstrators' cause, not force used on them."""
    if not any(t.is_new and t.kind in DEMONSTRATION_KINDS for t in (*triggers, *previous)):
        return
    spans = [(s.start + m.start(), s.start + m.end()) for m in _VICTIM_CLAUSE.finditer(s.text)]
    for t in triggers:
        if t.is_new and t.kind in CAUSE_HARM_KINDS and any(a <= t.start < b for a, b in spans):
            t.status = "reference"


def _previous_actors(s: Sentence, sentences: list[Sentence], triggers: dict[int, list[Trigger]]) -> set[str]:
    """Armed-group trigger kinds of the sentence before ``s`` in its
    paragraph: "Armed men attacked herders. Five herders were killed in the attack." """
    if s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph:
        return set()
    # only armed groups: state forces in the sentence before are as often the investigators
    return {t.kind for t in triggers[s.index - 1] if t.is_new and t.kind == "armed_group"}


def _sentence_before(s: Sentence, sentences: list[Sentence]) -> Sentence | None:
    """The sentence before ``s`` in its paragraph (None for a paragraph's first)."""
    if s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph:
        return None
    return sentences[s.index - 1]


def _paragraph_before(s: Sentence, sentences: list[Sentence], triggers: dict[int, list[Trigger]]) -> list[Trigger]:
    """The triggers of the sentence before ``s`` in its paragraph (none for a first sentence)."""
    before = _sentence_before(s, sentences)
    return [] if before is None else triggers[before.index]


def _organised_enough(sub_event_type: str, triggers: list[Trigger], context: set[str] = frozenset()) -> bool:
    """In running news text, an attack or clash is political violence only when an organised
    armed group or state force is named (ACLED: Violence against civilians and Battles need
    one), in its sentence or the one before (``context``); killings with no such actor are
    ordinary crime or accidents, left uncoded."""
    kinds = {t.kind for t in triggers if t.is_new and t.kind != "state_force"} | set(context)
    # police named only as the source ("Limpopo police said") are no actor of the harm
    state = [t for t in triggers if t.is_new and t.kind == "state_force"]
    if state and _state_parties(state, state[0].sentence.text):
        kinds.add("state_force")
    if sub_event_type in ("Attack", "Armed clash", "Abduction/forced disappearance", "Sexual violence"):
        return bool(kinds & {"armed_group", "state_force"})
    if sub_event_type == "Mob violence":
        groups = any(re.search(r"\b(?:groups?|supporters|villagers|communities|factions|residents|locals|clans?|tribes?(?:men)?)\b",
                               t.sentence.text, re.I) for t in triggers)
        return bool(kinds & {"mob", "riot_action"}) or ("clash" in kinds and (groups or bool(kinds & {"kill", "attack"})))
    return True


#: trigger kinds that make a bare blast word ("explosion", "mine") political violence
BLAST_CONTEXT_KINDS = frozenset({"armed_group", "kill", "attack", "suicide", "grenade", "clash"})


def _bare_blast(sub_event_type: str, triggers: list[Trigger], sentence: Sentence) -> bool:
    """A blast word that names no device ("an explosion", "the mine") with no harm, attack or
    armed actor beside it, in running news text: an industrial explosion, an accident, a
    coal mine, not a remote-violence event (rule bare-blast; ACLED notes are typed without it,
    their blasts are events by selection)."""
    if sub_event_type != "Remote explosive/landmine/IED":
        return False
    blast = [t for t in triggers if t.kind == "ied"]
    kinds = {t.kind for t in triggers if t.is_new}
    if not all(WEAK_BLAST.fullmatch(t.text) for t in blast) or kinds & BLAST_CONTEXT_KINDS:
        return False
    return not any(c.field in ("fatalities", "injuries") for c in find_counts(sentence.text, sentence.start))


#: words that make "clash", "attack", "battle" a game: "the Cup quarterfinal clash"
_SPORT = re.compile(r"\b(?:match(?:es)?|quarter-?finals?|semi-?finals?|cup|league|tournament|derby|fixture|"
                    r"kick-?off|striker|midfielder|soccer|football|rugby|cricket)\b", re.I)


def _sport(sub_event_type: str, sentence: Sentence) -> bool:
    """A battle told in a sports report ("Saturday's Cosafa Cup quarterfinal clash"): a game."""
    return sub_event_type == "Armed clash" and _SPORT.search(sentence.text) is not None


_NEAR_HERE = re.compile(r"\b(?:near|outside|at|in)\s+here\b", re.I)


def _here(sentence: Sentence, article: Article, text: str) -> Place | None:
    """"arrested near here": in a datelined report, "here" is the dateline's place (rule
    here-is-the-dateline; "police said here" names where the reporter heard it, no place)."""
    if not article.dateline_place or not _NEAR_HERE.search(sentence.text):
        return None
    idx = text.lower().find(article.dateline_place.lower(), 0, 200)
    if idx < 0:
        return None
    return Place(idx, idx + len(article.dateline_place), text[idx:idx + len(article.dateline_place)], "event")


def _elsewhere(sentence: Sentence, start: int, end: int) -> bool:
    """True when a cue such as "abroad" or "across the globe" places the span's event elsewhere.

    The cue must sit within :data:`ELSEWHERE_WINDOW` characters of the span, and not describe
    where attention or support came from ("gained attention across the globe").
    """
    cue = load_lexicon().cues["elsewhere"]
    lo = max(0, start - sentence.start - ELSEWHERE_WINDOW)
    hi = end - sentence.start + ELSEWHERE_WINDOW // 2
    for m in cue.finditer(sentence.text):
        if m.start() >= lo and m.end() <= hi and not _ELSEWHERE_EXEMPT.search(sentence.text[:m.start()]):
            return True
    return False


def _ev(text: str, fld: str, start: int, end: int) -> Evidence:
    return Evidence(field=fld, start=start, end=end, text=text[start:end])


def _dateline_dates(text: str, sentences: list[Sentence], dates: dict[int, list[DateMention]]) -> set[int]:
    """Start offsets of date mentions that belong to a dateline ("Iran, May 23, 2018 -")."""
    out = set()
    for s in sentences[:6]:
        for d in dates.get(s.index, []):
            if d.start - s.start < 60 and _DATELINE_DATE.match(text[d.end:d.end + 3]):
                out.add(d.start)
    return out


def _article_country(article: Article, text: str, sentences: list[Sentence], used: set[int]) -> Place | None:
    """The country the events happened in: the dateline's, else the most named one."""
    if article.dateline_place:
        hit = country_of(article.dateline_place)
        if hit:
            idx = text.find(article.dateline_place, 0, 400)
            if idx >= 0:
                return Place(idx, idx + len(article.dateline_place), article.dateline_place, "country", *hit)
    counter: Counter[str] = Counter()
    first: dict[str, Place] = {}
    demonyms = {d.lower() for d in load_lexicon().demonyms}
    for s in sentences:
        if s.index not in used:
            continue
        for p in country_mentions(s.text, s.start):
            # rule country-by-role: "in eastern Congo" says where; "Ugandan rebels" who
            # the people are, not where (a demonym counts a fraction of a name)
            if p.text.lower() in demonyms:
                weight = DEMONYM_COUNTRY_WEIGHT
            elif _LOCATIVE_BEFORE.search(s.text[max(0, p.start - s.start - 30):p.start - s.start]):
                weight = LOCATIVE_COUNTRY_WEIGHT
            else:
                weight = 1.0
            counter[p.country] += weight
            first.setdefault(p.country, p)
    if not counter:
        return None
    return first[counter.most_common(1)[0][0]]


def _type_sentences(to_type: list[Sentence], sentences: list[Sentence], triggers: dict[int, list[Trigger]],
                    protest_article: bool, model: Any) -> list[Mention]:
    """Typed mentions of the sentences ``to_type`` (ACLED rules; the classifier for short
    sentences outside the protest family)."""
    mentions: list[Mention] = []
    for s in to_type:
        ms = code_sentence(s, triggers[s.index], protest_article)
        if not ms and not out_of_taxonomy(triggers[s.index]):
            typed = rule_type(triggers[s.index], s.text)
            if typed and not _organised_enough(typed[1], triggers[s.index]):
                # an actor named only in the sentence before: the same attack, told on
                # ("Gunmen ambushed police. One dead, two injured."), unless that sentence
                # reported no event of its own
                reported_before = any(m.sentence.index == s.index - 1 for m in mentions)
                context = _previous_actors(s, sentences, triggers)
                if reported_before or not _organised_enough(typed[1], triggers[s.index], context):
                    typed = None
            if typed and (_bare_blast(typed[1], triggers[s.index], s) or _sport(typed[1], s)):
                typed = None
            if typed and (typed[0] in NON_PROTEST_TYPES or typed[1] == "Mob violence") and len(s.text) < 600:
                event_type, sub_type, rule = typed[:3]
                if model is not None:
                    pred = model.predict([s.text])[0]
                    if pred.score >= over_rules_bar(model) and pred.event_type in NON_PROTEST_TYPES:
                        event_type, sub_type, rule = pred.event_type, pred.sub_event_type, "classifier"
                ms = [Mention(event_type, sub_type, rule, s, typed[3])]
        if not ms and not _within_demonstration(s, mentions):
            arrest = _strategic_arrest(s, triggers[s.index], _sentence_before(s, sentences))
            if arrest:
                ms = [Mention("Strategic developments", "Arrests", "strategic-arrest", s, arrest, True)]
        mentions.extend(ms)
    return mentions


def _detected(sentences: list[Sentence], triggers: dict[int, list[Trigger]], skip: set[int],
              model: Any) -> list[Mention]:
    """Mentions the sentence detector proposes in sentences the lexicon typed nothing in
    (``skip``: those with a mention, and reactions). A sentence with a trigger the filters
    judged not new (negated, future, reference, background) is not offered: the detector
    does not overrule them."""
    from clamor.extract.detector import DETECTOR_TYPES, detect_mentions, load_detector

    quiet = [s for s in sentences if s.index not in skip
             and all(t.is_new for t in triggers[s.index])]
    return detect_mentions(quiet, load_detector(), model, DETECTOR_TYPES)


def fallback_veto(sentences: list[Sentence], triggers: dict[int, list[Trigger]]) -> str | None:
    """Why the short-text fallback may not code a text (None: it may): the rules put it
    outside the taxonomy, it tells of an event negated, hypothetical or future, or a rule
    judged it no event (bare blast, sport)."""
    if any(out_of_taxonomy(ts) for ts in triggers.values()):
        return "out of taxonomy"
    if any(t.status in ("negated", "hypothetical", "future") for ts in triggers.values() for t in ts):
        return "negated, hypothetical or future"
    for s in sentences:  # a rule that judged the text no event (bare-blast, sport) stands
        typed = rule_type(triggers[s.index], s.text)
        if typed and _bare_blast(typed[1], triggers[s.index], s):
            return "bare blast"
        if typed and _sport(typed[1], s):
            return "sport"
    return None


#: a dateline's date: followed by the agency in brackets and a dash ("PARIS, Jan. 17
#: (Xinhua) --"), or by a line break ("This story is from March 8, 2002")
_DATELINE_AFTER = re.compile(r"^(?:\s*\([^)]{1,30}\))?\s*(?:[-–—]|\n)")


def _dated_report(dates: dict[int, list[DateMention]], text: str, ref: dt.date | None) -> bool:
    """Whether a text opens with the calendar day of what it tells ("On 21 February 2022,
    ...", "Displacement: On 11 April 2022", "14 July. A mob ..."): a day and month within
    its first :data:`DATED_REPORT_OPENING` characters, none of its dates in the future, and
    no publication date or dateline (``ref``): in a published text an opening date is the
    dispatch's ("This story is from March 8, 2002", "PARIS, Jan. 17 (Xinhua) --"), not an
    incident's. A day named later ("return to court on March 30") makes no report."""
    if ref is not None or any(d.future for ds in dates.values() for d in ds):
        return False
    start = first_calendar_day(text)
    if start is None or start > DATED_REPORT_OPENING:
        return False
    day = re.match(r"\S+(?:\s+\S+){0,2}", text[start:])
    return _DATELINE_AFTER.match(text[start + (day.end() if day else 0):]) is None


def fallback_bar(model: Any) -> float:
    """The short-text fallback's bar for an undated text, per typer."""
    return DENSE_FALLBACK_MIN_PROB if averaged(model) else FALLBACK_MIN_PROB


def _fallback_mention(text: str, sentences: list[Sentence], triggers: dict[int, list[Trigger]],
                      model: Any, dates: dict[int, list[DateMention]] | None = None,
                      ref: dt.date | None = None) -> tuple[list[Mention], float | None]:
    """The one event of a short text the rules typed nothing in (rule short-text-fallback).

    A text under :data:`THRESHOLD_MIN_WORDS` words (an ACLED note, a snippet) is written about
    one event by selection, so when no rule types it the classifier types the whole text,
    if its calibrated probability is at least :data:`FALLBACK_MIN_PROB` (a text that opens
    with a calendar day: :data:`DATED_FALLBACK_MIN_PROB`, :func:`_dated_report`). Its mention spans the
    whole text (the event-type evidence), so places, dates, actors and counts are read by the
    normal stages from all of it. Text the rules put outside the taxonomy (crime, disasters)
    or that tells of an event negated, hypothetical or future stays event-free, and so does
    text a rule judged no event (bare-blast, sport): the fallback fills the rules' silence only.
    Returns the mention (or none) and the probability.
    """
    if model is None or not sentences or fallback_veto(sentences, triggers) is not None:
        return [], None
    pred = model.predict([text])[0]
    bar = DATED_FALLBACK_MIN_PROB if dates is not None and _dated_report(dates, text, ref) else fallback_bar(model)
    if pred.score < bar:
        return [], None
    first, last = sentences[0], sentences[-1]
    whole = Sentence(first.index, first.start, last.end, text[first.start:last.end], first.paragraph)
    span = Trigger("classifier", whole.start, whole.end, whole.text, whole)
    return [Mention(pred.event_type, pred.sub_event_type, "short-text-fallback", whole, [span])], round(pred.score, 2)


def extract_events(article: Article, doc: Any, options: Options | None = None) -> tuple[list[Event], list[Reaction]]:
    """Events (ACLED taxonomy) and third-party reactions in ``article``; ``doc`` is its spaCy parse."""
    options = options or Options()
    text = article.text
    ref: dt.date | None = article.dateline_date or article.published
    sentences = split_sentences(text, doc)
    dates = {s.index: find_dates(s.text, s.start, ref) for s in sentences}
    dateline = _dateline_dates(text, sentences, dates)
    for s in sentences:
        dates[s.index] = [d for d in dates[s.index] if d.start not in dateline] if dateline else dates[s.index]

    triggers = {s.index: find_triggers(s) for s in sentences}
    links = link_list_starts(sentences)  # rule link-list: other stories' headlines
    for s in sentences:
        if s.paragraph in links:
            triggers[s.index] = [t for t in triggers[s.index] if t.start < links[s.paragraph]]
    for s in sentences:
        for t in triggers[s.index]:
            t.status = trigger_status(t, dates[s.index], ref)
        _grievance_references(s, triggers[s.index])
        _cause_references(s, triggers[s.index])
        _victim_references(s, triggers[s.index], _paragraph_before(s, sentences, triggers))

    # Reactions first: the triggers inside a third party's statement are references.
    reactions_found = find_reactions(text, sentences, doc, None)
    reaction_sentences = {r.sentence.index for r in reactions_found}
    for r in reactions_found:
        for t in triggers[r.sentence.index]:
            t.status = t.status or "reference"

    protest_article = any(
        t.is_new and t.kind == "protest" for ts in triggers.values() for t in ts
    )
    model = _load_model(options)
    mentions = _type_sentences(sentences, sentences, triggers, protest_article, model)
    if options.sentence_detector:
        typed = reaction_sentences | {m.sentence.index for m in mentions}
        mentions = sorted(mentions + _detected(sentences, triggers, typed, model),
                          key=lambda m: m.sentence.index)
    fallback = None
    if not mentions and len(text.split()) < THRESHOLD_MIN_WORDS:
        mentions, fallback = _fallback_mention(text, sentences, triggers, model, dates, ref)
    if not mentions:
        return [], _to_reactions(article, reactions_found, [])

    places = {s.index: find_places(s, doc) for s in sentences}
    elsewhere = {s.index: _elsewhere(s, s.start, s.end) for s in sentences}
    fatality_model = load_fatality_model(options.fatality_model)

    listed: dict[int, Place] = {}

    def mention_place(m: Mention) -> Place | None:
        if id(m) in listed:
            return listed[id(m)]
        cands = [p for p in places[m.sentence.index] if p.role == "event"]
        if not cands:
            return _here(m.sentence, article, text)
        # rule town-over-region: of the places a sentence puts events in, a known town is
        # more precise than a region or state named beside it ("at prantij town in
        # sabarkantha district, gujarat"); among equals, the nearest to the trigger
        return min(cands, key=lambda p: (not is_known_town(p.text), abs(p.start - m.start)))

    mentions = _split_listed(mentions, mention_place, places, listed)
    counter: Counter[str] = Counter()
    first_place: dict[str, Place] = {}
    away_mention = {id(m): _elsewhere(m.sentence, m.start, max(t.end for t in m.triggers) if m.triggers else m.start)
                    for m in mentions}
    for m in mentions:
        p = mention_place(m)
        if p is not None and not is_known_town(p.text) and state_of_affairs(m):
            continue  # the situation the article is set in ("riots across gujarat") is no event place
        if p is not None and not away_mention[id(m)] and id(m) not in listed:
            counter[p.text.lower()] += 1
            first_place.setdefault(p.text.lower(), p)
    main_place = first_place[counter.most_common(1)[0][0]] if counter else None

    def usable(d: DateMention) -> bool:
        return d.date is not None and not d.future and (
            ref is None or (ref - d.date).days <= BACKGROUND_DAYS)

    def mention_date(m: Mention) -> DateMention | None:
        for t in m.triggers:
            d = nearest_date(t, dates[m.sentence.index])
            if d is not None and usable(d):
                return d
        # a sentence that opens with its date ("On 3 May 2021, ...") dates all it reports
        return next((d for d in dates[m.sentence.index] if usable(d)), None)

    main_date = None
    for m in mentions:
        p = mention_place(m)
        if main_place is None or (p is not None and p.text.lower() == main_place.text.lower()) or p is None:
            main_date = mention_date(m)
            if main_date is not None:
                break

    if main_date is None:
        # the first date of the article's opening paragraph (after any dateline)
        first_para = sentences[0].paragraph if sentences else 0
        main_date = next((d for s in sentences if s.paragraph <= first_para + 2 for d in dates[s.index]
                          if usable(d)), None)

    incidents = assemble(mentions, mention_place, mention_date, lambda m: away_mention[id(m)], main_place, main_date)
    if not incidents:
        return [], _to_reactions(article, reactions_found, [])
    clusters = {c.key: c for c in incidents}

    # Attributes: from each mention sentence, and from context sentences about the main place.
    mention_sentences = {m.sentence.index for m in mentions}
    by_sentence: dict[int, list[Incident]] = {}
    for c in clusters.values():
        for m in c.mentions:
            targets = [c]
            if m.sub_event_type == "Peaceful protest":
                # a plain mention of "the protests" describes every protest-family event
                # at its place and day (the same gathering, however it was coded)
                targets = [o for o in clusters.values() if o.key[:2] == c.key[:2] and o.event_type in _PROTEST_FAMILY]
            bucket = by_sentence.setdefault(m.sentence.index, [])
            bucket.extend(t for t in targets if t not in bucket)
    # the article's main events: its protest-family events at the main place; when no event has
    # a place (lower-cased wire copy often names none), all its placeless protest-family events
    main_clusters = [c for c in clusters.values() if c.event_type in _PROTEST_FAMILY
                     and (c.place is main_place if main_place is not None else c.place is None)]
    for s in sentences:
        if s.index in reaction_sentences or elsewhere[s.index]:
            continue
        if any(t.status in ("reference", "background", "future", "hypothetical") for t in triggers[s.index]):
            continue
        targets = by_sentence.get(s.index)
        response_only = False
        if targets is None:
            mentions_main = main_place is not None and any(
                p.text.lower() == main_place.text.lower() and p.role in ("event", "other") for p in places[s.index])
            other_place = any(p.role == "event" and (main_place is None or p.text.lower() != main_place.text.lower())
                              for p in places[s.index])
            if not (mentions_main or _ANAPHOR.search(s.text)):
                accident = any(t.kind in ("disaster", "crime") for t in triggers[s.index])
                continued = None if other_place or accident else _continued_report(s, sentences, by_sentence)
                if continued:
                    # rule continuation: "... clashed with police. A man was killed." counts the same event
                    _add_counts(continued, select_fatalities(s.text, s.start, find_counts(s.text, s.start), fatality_model))
                # a state response with no place of its own answers the article's main events
                if other_place or not find_state_response(s):
                    continue
                response_only = True
            targets = main_clusters
        if not targets:
            continue
        if response_only:
            for c in targets:
                c.items.extend(find_state_response(s))
            continue
        items = find_participants(s) + find_tactics(s) + find_state_response(s) + find_demands(s)
        counts = select_fatalities(s.text, s.start, find_counts(s.text, s.start), fatality_model)
        crowd = find_crowd_size(s.text, s.start, counts)
        for c in targets:
            if c.event_type in _PROTEST_FAMILY:
                c.items.extend(items)
                if crowd and c.crowd is None:
                    c.crowd = crowd
            else:
                c.items.extend(i for i in items if i.field == "state_response")
        _add_counts(targets, counts)

    used = mention_sentences | {s.index for s in sentences if s.index not in reaction_sentences}
    country = _article_country(article, text, sentences, used)
    events: list[Event] = []
    # rule confidence-threshold: incidents a coder would rarely code so are not reported
    # (not for a text shorter than THRESHOLD_MIN_WORDS: a note or snippet tells one incident)
    reported = [c for c in clusters.values()
                if incident_score(c) >= EVENT_MIN_SCORE or len(text.split()) < THRESHOLD_MIN_WORDS]
    ordered = sorted(reported, key=lambda c: min(m.start for m in c.mentions))
    for n, c in enumerate(ordered, 1):
        events.append(_build_event(article, c, n, country, ref, text, dateline))
    if fallback is not None:
        # the classifier's calibrated probability, not the rules' incident score, says how sure
        events = [e.model_copy(update={"confidence": fallback}) for e in events]
    reactions = _to_reactions(article, reactions_found, events, country)
    return events, reactions


def _split_listed(mentions: list[Mention], place_of, places: dict[int, list[Place]],
                  listed: dict[int, Place]) -> list[Mention]:
    """Each mention, and beside it one copy per further town its sentence lists after the
    mention's place ("protests in Brasilia and Sao Paulo"): rule place-list, ACLED codes one
    event per location. ``listed`` maps a copy's id to its town."""
    out: list[Mention] = []
    for m in mentions:
        out.append(m)
        p = place_of(m)
        if p is None or p.role != "event":
            continue
        for q in coordinated_places(m.sentence, p, places[m.sentence.index])[1:]:
            copy = dataclasses.replace(m)
            listed[id(copy)] = q
            out.append(copy)
    return out


def _add_counts(targets: list[Incident], counts: list[Count]) -> None:
    """Counts of a sentence go to its most severe Protests event, else its first target."""
    if counts and targets:
        primary = max(targets, key=lambda c: (c.event_type == "Protests", SEVERITY.get(c.sub_event_type, 0)))
        primary.counts.extend(counts)


def _within_demonstration(s: Sentence, mentions: list[Mention]) -> bool:
    """Arrests told right after a demonstration in the same paragraph are that
    demonstration's state response (its ``arrests``), not a Strategic developments /
    Arrests event of their own ("Rioters threw stones. At least 14 people were arrested.")."""
    # a situation word ("the riot-affected areas") tells no demonstration (rule state-of-affairs)
    return any(m.event_type in ("Protests", "Riots") and m.sentence.paragraph == s.paragraph
               and 0 < s.index - m.sentence.index <= CONTINUATION_SENTENCES and not state_of_affairs(m)
               for m in mentions)


def _continued_report(s: Sentence, sentences: list[Sentence], by_sentence: dict[int, list[Incident]]) -> list[Incident] | None:
    """The events a sentence with no event of its own goes on reporting: those of a mention
    sentence at most :data:`CONTINUATION_SENTENCES` before it in the same paragraph."""
    for back in range(1, CONTINUATION_SENTENCES + 1):
        i = s.index - back
        if i < 0 or sentences[i].paragraph != s.paragraph:
            return None
        if i in by_sentence:
            return by_sentence[i]
    return None


def _first_span(pattern: re.Pattern[str], mentions: list[Mention]) -> tuple[int, int] | None:
    """Absolute offsets of the first match of ``pattern`` in the mentions' sentences."""
    for m in mentions:
        hit = pattern.search(m.sentence.text)
        if hit:
            return m.sentence.start + hit.start(), m.sentence.start + hit.end()
    return None


def _named_span(mentions: list[Mention]) -> tuple[int, int] | None:
    """Absolute offsets of the first group of the named-actor table ("JNIM attacked ..."),
    which names an armed doer with no generic word such as "militants"."""
    for m in mentions:
        hit = find_named_actor(m.sentence.text)
        if hit:
            return m.sentence.start + hit[0], m.sentence.start + hit[1]
    return None


#: how far past a mention's sentence the next sentence is looked for (characters)
NEXT_SENTENCE_CHARS = 300


def _with_next_sentence(text: str, mentions: list[Mention]) -> str:
    """The mentions' sentences, each with the sentence that follows it in ``text``."""
    pieces = []
    for m in mentions:
        stop = text.find(".", m.sentence.end + 1, m.sentence.end + NEXT_SENTENCE_CHARS)
        pieces.append(text[m.sentence.start:stop + 1 if stop >= 0 else m.sentence.end])
    return " ".join(pieces)


def _by_armed_group(text: str, armed: str) -> bool:
    """A passive with the armed group as agent: "soldiers were killed by Taliban militants"."""
    return re.search(rf"\bby\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}?(?:{armed})\b", text, re.I) is not None


def _dedupe(values: list[Item]) -> list[Item]:
    seen, out = set(), []
    for i in sorted(values, key=lambda i: i.start):
        if (i.field, i.value) not in seen:
            seen.add((i.field, i.value))
            out.append(i)
    return out


def _build_event(article: Article, c: Incident, n: int, country: Place | None, ref: dt.date | None,
                 text: str, dateline: set[int]) -> Event:
    info = type_info(c.sub_event_type)
    ev: list[Evidence] = []
    fields: dict[str, Any] = {}
    triggers: list[Trigger] = []
    for m in c.mentions:
        if m.sub_event_type == c.sub_event_type or not triggers:
            triggers.extend(m.triggers)
    seen_spans = set()
    for t in sorted(triggers, key=lambda t: t.start):
        if (t.start, t.end) in seen_spans or len(seen_spans) >= 4:
            continue
        seen_spans.add((t.start, t.end))
        ev.append(_ev(text, "event_type", t.start, t.end))
        ev.append(_ev(text, "sub_event_type", t.start, t.end))

    if c.place is not None:
        fields["location"] = c.place.text
        ev.append(_ev(text, "location", c.place.start, c.place.end))
    ctry = None if c.elsewhere else country
    if ctry is not None:
        fields["country"], fields["country_code"] = ctry.country, ctry.country_code
        ev.append(_ev(text, "country", ctry.start, ctry.end))
        ev.append(_ev(text, "country_code", ctry.start, ctry.end))
    if c.date is not None:
        fields["event_date"], fields["time_precision"] = c.date.date, c.date.precision
        ev.append(_ev(text, "event_date", c.date.start, c.date.end))
    elif ref is not None and not c.elsewhere:
        fields["event_date"], fields["time_precision"] = ref, 2
        if dateline:
            start = min(dateline)
            m = re.match(r"[^-–—:\n]+", text[start:])
            end = start + len(m.group(0).rstrip()) if m else start + 1
            ev.append(_ev(text, "event_date", start, end))

    cname = ctry.country if ctry else None
    if cname is None and c.place is not None and not c.elsewhere:
        # for actor names only: the country of an unambiguous town (the geoparser sets
        # the event's own country later)
        hit = town_country(c.place.text)
        cname = hit[0] if hit else None
    sentences_text = " ".join(m.sentence.text for m in c.mentions)
    items = _dedupe(c.items)
    participants = [i for i in items if i.field == "participants"]
    assoc = sorted({f"{i.assoc} ({cname or 'International'})" for i in participants if i.assoc})
    lex = load_lexicon()
    state_span = None
    for m in c.mentions:
        sm = lex.state_agent.search(m.sentence.text)
        if sm:
            state_span = (m.sentence.start + sm.start(), m.sentence.start + sm.end())
            break
    armed_span = _first_span(lex.triggers["armed_group"], c.mentions) or _named_span(c.mentions)
    armed_named = armed_span is not None
    armed_name = armed_actor(sentences_text, cname) if armed_named else None
    armed_first = armed_named and (state_span is None or armed_span[0] < state_span[0]
                                   or _by_armed_group(sentences_text, lex.triggers["armed_group"].pattern))
    # whose forces: the country named with them ("Israeli warplanes"), else the article's
    force_cname = force_country(sentences_text) or cname
    conflict = c.event_type in ("Battles", "Explosions/Remote violence")
    first_trigger = min(triggers, key=lambda t: t.start)
    trig_span = (first_trigger.start, first_trigger.end)
    a1 = a2 = None
    i1 = i2 = None
    if c.sub_event_type in ("Peaceful protest", "Protest with intervention"):
        a1, i1 = group_actor("protesters", cname)
        if c.sub_event_type == "Protest with intervention" or state_span:
            if state_span:
                a2, i2 = state_actor(text[state_span[0]:state_span[1]], force_cname, conflict)
    elif c.sub_event_type == "Excessive force against protesters":
        a1, i1 = state_actor(text[state_span[0]:state_span[1]] if state_span else "", force_cname, conflict)
        a2, i2 = group_actor("protesters", cname)
    elif c.sub_event_type == "Violent demonstration":
        a1, i1 = group_actor("rioters", cname)
        if state_span:
            a2, i2 = state_actor(text[state_span[0]:state_span[1]], force_cname, conflict)
    elif c.sub_event_type == "Mob violence":
        a1, i1 = group_actor("rioters", cname)
        if re.search(r"\b(?:killed|attacked|assaulted|lynched|beat|beaten|injured)\b", sentences_text, re.I):
            a2, i2 = group_actor("civilians", cname)
    elif c.event_type == "Violence against civilians":
        if armed_first:
            a1, i1 = armed_name
        elif state_span:
            a1, i1 = state_actor(text[state_span[0]:state_span[1]], force_cname, conflict)
        a2, i2 = group_actor("civilians", cname)
    elif c.sub_event_type == "Arrests":
        a1, i1 = state_actor(text[state_span[0]:state_span[1]] if state_span else "", force_cname, conflict)
    elif state_span and not armed_first:
        a1, i1 = state_actor(text[state_span[0]:state_span[1]], force_cname, conflict)
        if armed_named and c.event_type in ("Battles", "Explosions/Remote violence"):
            a2, i2 = armed_name
    elif armed_named:
        # rule armed-initiator: the group named as the doer ("Taliban militants attacked a
        # check point", "killed by militants") is actor1, the state forces it hit actor2
        a1, i1 = armed_name
        if state_span and c.event_type in ("Battles", "Explosions/Remote violence"):
            a2, i2 = state_actor(text[state_span[0]:state_span[1]], force_cname, conflict)

    if a1 is None:
        # rule default-actor: no doer recognised; the one ACLED's coding implies for the type
        a1, i1 = default_actor(c.sub_event_type, c.event_type, sentences_text, cname) or (None, None)
    if a1 and a1.startswith("Unidentified Armed Group"):
        # rule attributed-doer: a group held responsible in the event's sentences or the one
        # right after each ("... killing four. Al Shabaab claimed responsibility.") names the
        # unidentified doer; a claim elsewhere in the article may be another attack's
        a1, i1 = attributed_group(_with_next_sentence(text, c.mentions), cname) or (a1, i1)
    if c.event_type == "Battles" and (a1 is None or a1.startswith("Unidentified Armed Group") or i1 == 4):
        # rule communities-clash: "clashes between the Mamprusis and Kusasis" are two militias,
        # the first named first (an identity militia read alone may be the second)
        sides = communities_clash(sentences_text, cname)
        if sides is not None:
            (a1, i1), (a2, i2) = sides

    def actor_span(actor: str, inter: int) -> tuple[int, int]:
        """Evidence of an actor: the state force's words, the armed group's, else the trigger."""
        if inter == 1 and state_span:
            return state_span
        return armed_span if armed_name and actor == armed_name[0] else trig_span

    if a1:
        fields["actor1"], fields["inter1"] = a1, i1
        ev.append(_ev(text, "actor1", *actor_span(a1, i1)))
    if a2:
        fields["actor2"], fields["inter2"] = a2, i2
        ev.append(_ev(text, "actor2", *actor_span(a2, i2)))
    fields["interaction"] = interaction(i1, i2)
    if assoc and a1:
        key = "assoc_actor_1" if i1 in (5, 6) else ("assoc_actor_2" if i2 in (5, 6) else None)
        if key:
            fields[key] = "; ".join(assoc)
            for i in participants:
                if i.assoc:
                    ev.append(_ev(text, key, i.start, i.end))
    fields["civilian_targeting"] = i2 == 7
    for fld in ("participants", "tactics", "state_response", "demands"):
        vals = [i for i in items if i.field == fld]
        if fld == "state_response" and c.sub_event_type == "Peaceful protest":
            vals = []
        if fld == "tactics" and c.event_type == "Protests":
            vals = [i for i in vals if i.value not in VIOLENT_TACTICS]  # violence makes it a riot
        fields[fld] = [i.value for i in vals]
        ev.extend(_ev(text, fld, i.start, i.end) for i in vals)
    for cnt in sorted(c.counts, key=lambda x: (not x.stated, x.start)):
        if cnt.field == "fatalities" and c.sub_event_type in NON_LETHAL_PROTESTS:
            continue  # rule non-lethal-protest: deaths named there are the protest's cause
        if cnt.value is not None and fields.get(cnt.field) is None:
            fields[cnt.field] = cnt.value
            ev.append(_ev(text, cnt.field, cnt.start, cnt.end))
        elif cnt.quantity is not None and fields.get(cnt.field + "_estimate") is None and fields.get(cnt.field) is None:
            fields[cnt.field + "_estimate"] = cnt.quantity
            ev.append(_ev(text, cnt.field + "_estimate", cnt.start, cnt.end))
    if c.crowd is not None:
        fields["crowd_size"] = c.crowd.quantity
        ev.append(_ev(text, "crowd_size", c.crowd.start, c.crowd.end))

    event = Event(
        event_id=f"{article.article_id}-e{n}",
        article_id=article.article_id,
        event_type=c.event_type,
        sub_event_type=c.sub_event_type,
        plover_type=info.plover_type,
        disorder_type=info.disorder_type,
        evidence=ev,
        # what precedence hid: a document-level reader (is there a protest?) must not
        # depend on how incidents were merged
        merged_types=sorted({m.event_type for m in c.mentions} - {c.event_type}),
        confidence=incident_confidence(c),
        **fields,
    )
    return event  # notes are written last, from the finished event (clamor.pipeline)


def _to_reactions(article: Article, found, events: list[Event], country: Place | None = None) -> list[Reaction]:
    out = []
    for n, r in enumerate(found, 1):
        target = None
        for e in events:
            if e.location and re.search(rf"\b{re.escape(e.location)}\b", r.sentence.text, re.I):
                target = e.event_id
                break
        if target is None and events:
            target = events[0].event_id
        actor_country = r.actor_country
        if actor_country is None and r.actor_role and country is not None:
            from clamor.extract.reactions import _DOMESTIC_OFFICE, _INTERNATIONAL

            if _DOMESTIC_OFFICE.search(r.actor_role) and not _INTERNATIONAL.search(r.actor_role):
                actor_country = country.country
        out.append(Reaction(
            reaction_id=f"{article.article_id}-r{n}", article_id=article.article_id, actor=r.actor,
            actor_role=r.actor_role, actor_country=actor_country, stance=r.stance,
            target_event_id=target, evidence=r.evidence,
        ))
    return out
