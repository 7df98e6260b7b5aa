"""Stage 6: reactions of third parties (a named person or organisation and a stance).

A reaction is a sentence that names a person (or an organisation) together with a stance
cue ("condemned the crackdown", "expressed solidarity", "must be brought to an end").
The actor's role is the title written before the name ("U.S. Secretary of State"), and its
country comes from a country or demonym in the role, a U.S. state after the name ("of
Florida"), or, for a domestic office with no foreign marker, the events' country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from clamor.extract.lexicon import load_lexicon
from clamor.extract.places import country_mentions, is_known_town, is_us_state
from clamor.extract.sentences import Sentence
from clamor.models import Evidence, Stance

#: Stances are tried in this order: the more specific claim wins when a statement holds two.
STANCE_ORDER = (
    Stance.SUPPORTS_CRACKDOWN,
    Stance.CALLS_FOR_INVESTIGATION,
    Stance.CONDEMNS_REPRESSION,
    Stance.CALLS_FOR_RESTRAINT,
    Stance.SUPPORTS_PROTESTERS,
)
#: words that may belong to a role written before a name ("Iranian opposition leader")
_ROLE_WORD = re.compile(
    r"^(?:[A-Z][\w.’'-]*|of|the|for|and|vice|first|deputy|foreign|interior|opposition|spokes(?:man|woman|person)|"
    r"leader|minister|president|secretary|secretary-general|senator|chief|head|official|envoy|"
    r"ambassador|governor|mayor|rights|activist|cleric|lawmaker|commander|general|former|top|senior)$"
)
_DOMESTIC_OFFICE = re.compile(r"\b(?:president|vice president|minister|governor|mayor|police chief|commander|cleric|ayatollah|lawmaker|mp|spokesman for the (?:government|police))\b", re.I)
_INTERNATIONAL = re.compile(r"\b(?:United Nations|UN|U\.N\.|European Union|EU|Amnesty|Human Rights Watch|NATO|African Union|Red Cross)\b")


@dataclass
class FoundReaction:
    """A reaction before ids are assigned and its target event is chosen."""

    actor: str
    actor_role: str | None
    actor_country: str | None
    stance: Stance
    sentence: Sentence
    evidence: list[Evidence] = field(default_factory=list)


def _ev(text: str, fld: str, start: int, end: int) -> Evidence:
    return Evidence(field=fld, start=start, end=end, text=text[start:end])


def stance_of(text: str) -> tuple[Stance, re.Match[str]] | None:
    """The stance a statement expresses, with the cue that decided it."""
    stances = load_lexicon().stances
    for stance in STANCE_ORDER:
        m = stances[stance.value].search(text)
        if m:
            return stance, m
    return None


def _role_before(article_text: str, sentence: Sentence, start: int) -> tuple[str, int] | None:
    before = article_text[sentence.start:start]
    words = list(re.finditer(r"\S+", before))
    keep = []
    for w in reversed(words):
        token = w.group(0)
        if token.endswith(",") or not _ROLE_WORD.match(token):
            break
        keep.append(w)
    while keep and keep[-1].group(0).lower() in ("of", "the", "for", "and"):
        keep.pop()
    if not keep:
        return None
    role_start = sentence.start + keep[-1].start()
    role = article_text[role_start:start].strip()
    if not load_lexicon().actor_titles.search(role):
        return None
    return role, role_start


def _statement_verb(text: str) -> re.Match[str] | None:
    """The first reaction verb that reports a statement: a passive participle ("the blockade
    announced by the party") names what someone did earlier, not a reaction."""
    for m in load_lexicon().reaction_verbs.finditer(text):
        if not re.match(r"\s+by\b", text[m.end():]):
            return m
    return None


def find_reactions(article_text: str, sentences: list[Sentence], doc: Any | None,
                   events_country: str | None) -> list[FoundReaction]:
    """Reactions in the article, one per actor (later mentions add evidence)."""
    if doc is None:
        return []
    lex = load_lexicon()
    found: list[FoundReaction] = []
    by_surname: dict[str, FoundReaction] = {}
    for sentence in sentences:
        ents = [e for e in doc.ents if sentence.start <= e.start_char and e.end_char <= sentence.end]
        people = [e for e in ents if e.label_ == "PERSON" and not is_known_town(e.text)]
        people += [e for e in ents if e.label_ in ("GPE", "ORG") and e.text.split()[-1] in by_surname]
        if not people:
            continue
        verb = _statement_verb(sentence.text)
        stance = stance_of(sentence.text)
        if verb is None or stance is None:
            continue
        person = min(people, key=lambda e: e.start_char)
        surname = person.text.split()[-1]
        if surname in by_surname:
            r = by_surname[surname]
            r.evidence.append(_ev(article_text, "actor", person.start_char, person.end_char))
            continue
        role = _role_before(article_text, sentence, person.start_char)
        actor_country = None
        evidence = [_ev(article_text, "actor", person.start_char, person.end_char)]
        if role:
            evidence.append(_ev(article_text, "actor_role", role[1], role[1] + len(role[0])))
            countries = country_mentions(role[0], role[1])
            if countries:
                actor_country = countries[0].country
                evidence.append(_ev(article_text, "actor_country", countries[0].start, countries[0].end))
            elif _INTERNATIONAL.search(role[0]):
                actor_country = None
            elif events_country and _DOMESTIC_OFFICE.search(role[0]):
                actor_country = events_country
        after = article_text[person.end_char:person.end_char + 30]
        m = re.match(r"\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", after)
        if actor_country is None and m and is_us_state(m.group(1)):
            actor_country = "United States"
            s = person.end_char + m.start(1)
            evidence.append(_ev(article_text, "actor_country", s, s + len(m.group(1))))
        st, cue = stance
        evidence.append(_ev(article_text, "stance", sentence.start + cue.start(), sentence.start + cue.end()))
        r = FoundReaction(person.text, role[0] if role else None, actor_country, st, sentence, evidence)
        found.append(r)
        by_surname[surname] = r
    return found
