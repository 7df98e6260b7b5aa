"""Recognition: find place names in a spaCy doc.

spaCy's GPE/LOC/FAC entities, plus gazetteer matching for names the small model misses
or mislabels (it tags Kazerun as PERSON once), plus propagation: a name recognised once
as a place is a place wherever else it appears capitalised in the article.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from clamor.geo.gazetteer import MATCH_AFFIX, MATCH_ALT, MATCH_DEMONYM, MATCH_NAME, Gazetteer
from clamor.geo.normalize import name_key
from clamor.geo.resolve import Mention

PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Entity labels under which a capitalised word is never taken for a place by the
#: gazetteer alone (PERSON is handled apart: single-word "persons" may be places).
BLOCKING_LABELS = {"ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT",
                   "QUANTITY", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "PRODUCT"}
#: A name spaCy did not tag must match a country, admin1 region or continent, or a town of
#: at least this population, to count as a place (smaller towns named like common words
#: would flood the output).
GAZETTEER_MIN_POPULATION = 15_000
#: A place name inside an organisation's name ("Superior Court", "University of Nairobi")
#: must be a region or a town at least this big, or any town of the article's known
#: country ("University of Maseno" in a Kenyan report).
IN_NAME_MIN_POPULATION = 50_000
#: In a caseless script (Arabic, Bengali...: no capitals, no labels) only well-known places
#: are matched.
LOWERCASE_MIN_POPULATION = 100_000
#: In lower-cased or ALL-CAPS Latin text a name spaCy did not tag counts from this size, as
#: in cased text: the names that are also common words, which capitals tell apart in cased
#: text, need a locative or kind word instead (``unplaced_common_word``). Measured against
#: 100,000 on LGL (first 300 articles) and GeoVirus re-cased, neither written from.
CASELESS_MIN_POPULATION = GAZETTEER_MIN_POPULATION
#: A text with fewer upper-case letters than this share of its letters is "lower-cased".
LOWERCASE_TEXT_RATIO = 0.01
#: ... and one with fewer lower-case letters than this share is ALL-CAPS wire copy (some
#: lower case survives in it: "p.m.", "McDonald"); both are read as caseless.
ALLCAPS_LOWER_RATIO = 0.05
#: ... unless a locative word precedes it ("in Njiru", "at Kiutine") or a kind word
#: follows it ("Singra upazila", "Baragoi town"): then any gazetteer town will do.
LOCATIVE_MIN_POPULATION = 0
_LOCATIVES = {"in", "at", "near", "outside", "from", "to", "into", "across", "around"}
MAX_NGRAM = 4
#: Lower-case words inside place names: "Stratford-upon-Avon", "Mazar-e Sharif" (Persian
#: ezafe), "Tarnak Wa Jaldak", "Dera Ismail Khan"... never at a name's start or end.
_CONNECTORS = {"of", "de", "del", "la", "el", "al", "du", "des", "-", "and", "upon", "on",
               "e", "i", "ye", "ul", "wa", "bin", "ibn", "da", "do", "dos", "das", "le", "les",
               "'s", "’s"}  # "Cox's Bazar", "St John's Wood": a possessive inside a name
_NEAR = re.compile(
    r"(?:\bnear(?:by)?|\boutskirts\s+of|\boutside(?:\s+of)?|\bclose\s+to|\bsuburbs?\s+of|"
    r"\bvicinity\s+of|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\s+of|\b(?:km|kms|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1)
def stop_names() -> frozenset[str]:
    path = resources.files("clamor") / "data" / "gazetteer" / "stopnames.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(l) for l in lines if l.strip() and not l.startswith("#"))


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Gazetteer names that are also common English words ("store", "mass", "para"):
    ``data/gazetteer/common_words.txt``, written by ``scripts/build_common_words.py``."""
    path = resources.files("clamor") / "data" / "gazetteer" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip() for l in lines if l.strip() and not l.startswith("#"))


def unplaced_common_word(span, caseless: bool, gaz: Gazetteer,
                         known: frozenset[str] = frozenset()) -> bool:
    """In case-less text, a name that is also a common word ("store", "para-military") with
    neither a locative word before it ("in concord") nor a kind word after it ("mass
    town"): no capital tells the place from the word, and spaCy's labels are unreliable
    without case, so it is not taken for a place. Country and continent names ("china",
    "turkey") and the names of places in the article's known countries still count: news
    names countries far more often than it uses their namesake words."""
    if not caseless or name_key(span.text) not in common_words():
        return False
    if _after_locative(span) or kind_hint(_doc_text(span.doc), span.end_char):
        return False
    return not any(c.feature_code in ("PCLI", "CONT") or c.country_code in known
                   for c in gaz.lookup(span.text, loose=False))


def is_caseless(text: str) -> bool:
    """Lower-cased or ALL-CAPS text: capitals say nothing about which words are names."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 40:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper < LOWERCASE_TEXT_RATIO or upper > 1 - ALLCAPS_LOWER_RATIO


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading determiner or trailing possessive/punctuation."""
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "s") and end - 1 > start
                           or doc[end - 1].is_punct):
        end -= 1
    return start, end


def is_near(text: str, start: int) -> bool:
    """True when the words just before ``start`` say "near"/"outskirts of"/"20 km from"."""
    return bool(_NEAR.search(text[max(0, start - 40):start]))


def _acceptable(gaz: Gazetteer, text: str, min_pop: int,
                variants_in: frozenset[str] = frozenset(),
                any_size_in: frozenset[str] = frozenset()) -> bool:
    """True when ``text`` names a country/region, or a town of at least ``min_pop`` (of
    any size in the countries ``any_size_in``).

    Only official names count, except in ``variants_in``: there (the article's known
    countries, in a placed context such as "in Mai Mahiu") a town's alternate name or
    transliteration variant ("Bhairab" = Bhairab Bazar, "Mai Mahiu" = Maai Mahiu) counts too.
    """
    key = name_key(text)
    if len(key) < 4 or key in stop_names():
        return False
    for c in gaz.lookup(text, loose=bool(variants_in)):
        if c.match != MATCH_NAME and not (
                c.match == MATCH_ALT and c.feature_code in ("PCLI", "ADM1")) and not (
                c.country_code in variants_in and c.feature_class == "P"):
            continue
        if (c.feature_code in ("PCLI", "ADM1", "CONT") or c.population >= min_pop
                or (c.country_code in any_size_in and c.match == MATCH_NAME)):
            return True
    return False


def _region_name(gaz: Gazetteer, text: str, known: frozenset[str]) -> bool:
    """True when ``text`` is a country or an admin1/admin2 region (official name), or any
    gazetteer town of a known country: what may stand in a qualifier ("(Logar)")."""
    key = name_key(text)
    if len(key) < 4 or key in stop_names():
        return False
    for c in gaz.lookup(text, loose=False):
        if c.match in (MATCH_NAME, MATCH_AFFIX) and (
                c.feature_code in ("PCLI", "ADM1", "ADM2") or c.country_code in known):
            return True
    return False


def recognize(doc, gaz: Gazetteer, known_countries=()) -> list[Mention]:
    """Toponym mentions in ``doc`` (not yet resolved), in text order.

    ``known_countries`` (ISO codes the caller knows the article is about) lets variant
    spellings of their towns count in placed contexts ("in Mai Mahiu").
    """
    text = doc.text
    known = frozenset(known_countries)
    lower = is_caseless(text)
    taken = [False] * len(doc)
    found: list[tuple[int, int, str]] = []

    def take(s: int, e: int, source: str) -> None:
        found.append((s, e, source))
        for i in range(s, e):
            taken[i] = True

    for ent in doc.ents:
        if ent.label_ == "NORP":
            if any(c.match == MATCH_DEMONYM for c in gaz.lookup(ent.text, loose=False)):
                take(ent.start, ent.end, "NORP")
            continue
        if ent.label_ not in PLACE_LABELS or taken[ent.start]:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e or unplaced_common_word(doc[s:e], lower, gaz, known):
            continue
        longer = _extend(doc, s, e, gaz)
        if longer > e:
            # spaCy split one name in two ("Mazar" LOC + "-e" + "Sharif" GPE)
            take(s, longer, ent.label_)
            continue
        if ent.label_ == "FAC" and not gaz.lookup(doc[s:e].text, loose=False):
            continue
        if e - s > 1 and not _NO_SPLIT.search(doc[s:e].text) and not gaz.lookup(doc[s:e].text):
            # "Witu Lamu County", "Nyamira North": the parts may be known places
            parts = _known_parts(doc, s, e, gaz, lower)
            if parts:
                for ps, pe in parts:
                    take(ps, pe, ent.label_)
                continue
        take(s, e, ent.label_)

    min_pop = CASELESS_MIN_POPULATION if lower else GAZETTEER_MIN_POPULATION
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or not _may_start(tok, lower):
            i += 1
            continue
        matched = False
        for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(taken[j] for j in range(i, i + n)) or not _may_end(span[-1], lower):
                continue
            if any(not (_may_start(t, lower) or t.lower_ in _CONNECTORS) for t in span):
                continue
            placed = not lower and (kind_hint(text, span.end_char) or _after_locative(span)
                                    or _home_region(gaz, span, known))
            if not (_label_allows(span) or (placed and _label_overridable(span))):
                continue
            if unplaced_common_word(span, lower, gaz, known):
                continue
            local_pop = LOCATIVE_MIN_POPULATION if placed else min_pop
            variants = known if placed and _settlement_context(span) else frozenset()
            if _acceptable(gaz, span.text, local_pop, variants):
                take(i, i + n, "gazetteer")
                i += n
                matched = True
                break
        if not matched:
            i += 1

    for s, e in _caseless_script_names(doc, gaz, taken):
        take(s, e, "script")

    if not lower:
        for s, e in _qualifier_names(doc, gaz, known, taken):
            take(s, e, "qualifier")

    # place names inside organisation names ("University of Nairobi", "Dhaka - Uttara")
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP", "FAC") or any(taken[j] for j in range(ent.start, ent.end)):
            continue
        j = ent.start
        while j < ent.end:
            hit = 0
            if _may_start(doc[j], lower):
                for n in range(min(MAX_NGRAM, ent.end - j), 0, -1):
                    span = doc[j:j + n]
                    if not _may_end(span[-1], lower) or any(
                            not (_may_start(t, lower) or t.lower_ in _CONNECTORS) for t in span
                    ) or unplaced_common_word(span, lower, gaz, known):
                        continue
                    if _acceptable(gaz, span.text, max(min_pop, IN_NAME_MIN_POPULATION),
                                   any_size_in=known if ent.label_ == "ORG" else frozenset()):
                        take(j, j + n, "in_" + ent.label_)
                        hit = n
                        break
            j += hit or 1

    # propagation: a name found as a place is a place wherever it appears capitalised,
    # unless spaCy calls it a person or organisation at least as often (a surname)
    known_names = {doc[s:e].text for s, e, _ in found}
    other_votes: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and ent.text in known_names:
            other_votes[ent.text] = other_votes.get(ent.text, 0) + 1
    place_votes: dict[str, int] = {}
    for s, e, _ in found:
        place_votes[doc[s:e].text] = place_votes.get(doc[s:e].text, 0) + 1
    known_names = {k for k in known_names if place_votes.get(k, 0) > other_votes.get(k, 0)}
    for i, tok in enumerate(doc):
        if taken[i] or not (tok.is_title or tok.is_upper):
            continue
        for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if span.text in known_names and not any(taken[j] for j in range(i, i + n)):
                if span[0].ent_type_ in ("PERSON", "ORG") and _ent_longer(span):
                    break
                take(i, i + n, "propagated")
                break

    mentions = []
    for s, e, source in sorted(found):
        span = doc[s:e]
        end = span.end_char
        if "." in span.text and text[end:end + 1] == ".":
            end += 1  # "W.Va." / "U.S." keep their final period
        mentions.append(Mention(text=text[span.start_char:end], start=span.start_char, end=end,
                                source=source, near=is_near(text, span.start_char)))
    attach_qualifiers(text, mentions)
    for m in mentions:
        m.kind_hint = kind_hint(text, m.end) or ("ADM1" if m.is_qualifier else None)
    return mentions


_KIND_WORD = re.compile(r"\s+(city|town|village|municipality|province|state|region|division|"
                        r"governorate|district|county|sub-county|upazila|parish|residents|"
                        r"villagers|townspeople|market|area|constituency|slum|estate)\b",
                        re.IGNORECASE)


def kind_hint(text: str, end: int) -> str | None:
    """The feature code a word right after a name points to ("Chittagong city" -> PPL)."""
    m = _KIND_WORD.match(text, end)
    if not m:
        return None
    word = m.group(1).lower()
    if word in ("city", "town", "village", "municipality", "residents", "villagers",
                "townspeople", "market", "area", "slum", "estate"):
        return "PPL"
    if word in ("province", "state", "region", "division", "governorate"):
        return "ADM1"
    return "ADM2"


#: Labels the small spaCy model often puts on an unfamiliar town ("in Migori" PRODUCT,
#: "in Moyale Monday" DATE, "in Baniachong" PERSON, "at Malindi prison" CARDINAL); a
#: locative word before the name or a kind word after it ("Matuu town") overrides them
#: when the gazetteer knows the name (number words never start a name: ``_may_start``).
OVERRIDABLE_LABELS = {"PRODUCT", "ORG", "PERSON", "DATE", "WORK_OF_ART", "EVENT", "FAC", "NORP",
                      "CARDINAL", "QUANTITY"}


def _label_overridable(span) -> bool:
    return all(t.ent_type_ in OVERRIDABLE_LABELS or not t.ent_type_ for t in span)


#: Unknown multi-word names with these words are natural features or directional regions
#: ("Lake Erie", "Salinas Valley", "West Africa"): their parts are not separate places.
_NO_SPLIT = re.compile(
    r"\b(?:lake|sea|river|valley|mountains?|mount|mt|gulf|bay|islands?|desert|plateau|coast|"
    r"ocean|strait|canal|peninsula|basin|delta|hills|forest|park|north|south|east|west|"
    r"northern|southern|eastern|western|central|upper|lower|greater|republic|kingdom)\b",
    re.IGNORECASE)


def _extend(doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The end of the longest gazetteer name that starts at ``start`` and runs past ``end``
    over connectors and capitalised words; ``end`` when there is none."""
    best = end
    j = end
    while j < len(doc) and j - start < MAX_NGRAM + 2 and (
            doc[j].lower_ in _CONNECTORS or doc[j].is_title):
        j += 1
        if doc[j - 1].is_title and gaz.lookup(doc[start:j].text, loose=False):
            best = j
    return best


def _known_parts(doc, start: int, end: int, gaz: Gazetteer, lower: bool) -> list[tuple[int, int]]:
    """Longest gazetteer names inside tokens ``start:end`` (left to right)."""
    out = []
    j = start
    while j < end:
        hit = 0
        if _may_start(doc[j], lower):
            # hyphens do not count toward MAX_NGRAM: "Port-au-Prince" is five tokens
            words = [k for k in range(j, end) if doc[k].text != "-"][:MAX_NGRAM]
            for n in range(words[-1] - j + 1 if words else 0, 0, -1):
                span = doc[j:j + n]
                if _may_end(span[-1], lower) and _acceptable(gaz, span.text, LOCATIVE_MIN_POPULATION):
                    out.append((j, j + n))
                    hit = n
                    break
        j += hit or 1
    return out


#: Words after which "(" or "," opens a qualifier naming the enclosing regions:
#: "Kulaura upazila (Maulvibazar, Sylhet)", "Mohammad Agha district, Logar".
_QUALIFIED_KIND = {"district", "upazila", "county", "sub-county", "subcounty", "province",
                   "town", "city", "village", "area", "municipality", "union", "ward",
                   "constituency", "division", "region", "state", "sadar"}


def _qualifier_names(doc, gaz: Gazetteer, known: frozenset[str], taken: list[bool]):
    """Token spans of region names in qualifier position, whatever spaCy's label.

    A "(" after a capitalised word or a kind word, or a "," after a kind word, opens a
    list of enclosing regions ("Phulpur upazila (Mymensingh)", where the small model calls
    Mymensingh a PERSON). A name counts only when it fills a whole list item, so
    "(Dhaka Tribune)" is not read as Dhaka.
    """
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(doc[1:-1], start=1):
        prev = doc[i - 1]
        if not ((tok.text == "(" and (prev.is_title or prev.lower_ in _QUALIFIED_KIND))
                or (tok.text == "," and prev.lower_ in _QUALIFIED_KIND)):
            continue
        j = i + 1
        while j < len(doc):
            end = _qualifier_item(doc, gaz, known, taken, j)
            if end is None:
                break
            if (j, end) not in out:  # "(Bogra Sadar, Rajshahi)": reached from "(" and ","
                out.append((j, end))
            k = end + (end < len(doc) and doc[end].lower_ in _QUALIFIED_KIND)
            if tok.text != "(" or k >= len(doc) or doc[k].text != ",":
                break
            j = k + 1
    return out


def _qualifier_item(doc, gaz, known, taken, j: int) -> int | None:
    """End token of a region name starting at ``j`` that fills a qualifier item."""
    for n in range(min(MAX_NGRAM, len(doc) - j), 0, -1):
        span = doc[j:j + n]
        if any(taken[t] for t in range(j, j + n)) or not (
                span[0].is_title and span[-1].is_title) or any(
                not (t.is_title or t.lower_ in _CONNECTORS) for t in span):
            continue
        after = j + n + (j + n < len(doc) and doc[j + n].lower_ in _QUALIFIED_KIND)
        if after < len(doc) and doc[after].text not in (",", ")", ".", ";"):
            continue
        if _region_name(gaz, span.text, known):
            return j + n
    return None


_SETTLEMENT_WORD = re.compile(r"\s+(?:city|town|village|upazila|district)\b", re.IGNORECASE)


def _settlement_context(span) -> bool:
    """"in X" or "X town": a variant spelling here is a settlement's, not a word's
    ("Njeri area" is a person's name; "in Mai Mahiu" a town)."""
    return _after_locative(span) or bool(_SETTLEMENT_WORD.match(_doc_text(span.doc), span.end_char))


#: "residents of Witu", "youths of Kibera": the people of a place.
_PEOPLE_OF = re.compile(r"\b(?:residents|villagers|inhabitants|people|youths?|traders|"
                       r"farmers|locals|natives)\s+of\s+$", re.IGNORECASE)


def _caseless_script(tok) -> bool:
    """A word in a script without capitals (Arabic, Persian, Bengali, Devanagari...);
    letters and combining marks (Indic vowel signs are marks, not letters)."""
    text = tok.text
    return (not tok.is_ascii and text.lower() == text.upper()
            and all(unicodedata.category(ch)[0] in "LM" for ch in text)
            and any(unicodedata.category(ch)[0] == "L" for ch in text))


def _caseless_script_names(doc, gaz: Gazetteer, taken: list[bool]) -> list[tuple[int, int]]:
    """Place names quoted in another script ("متظاهرون في بغداد", "ঢাকা"): GeoNames keeps
    them as alternate names. With no capitals and no entity labels to go by, only
    countries, admin1 regions and towns of LOWERCASE_MIN_POPULATION count."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if taken[i] or not _caseless_script(doc[i]):
            i += 1
            continue
        hit = 0
        for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(taken[j] or not _caseless_script(doc[j]) for j in range(i, i + n)):
                continue
            if any(c.match in (MATCH_NAME, MATCH_ALT) and (
                    c.feature_code in ("PCLI", "ADM1") or c.population >= LOWERCASE_MIN_POPULATION)
                   for c in gaz.lookup(span.text, loose=False)):
                out.append((i, i + n))
                hit = n
                break
        i += hit or 1
    return out


@functools.lru_cache(maxsize=4)
def _doc_text(doc) -> str:
    """``doc.text``, kept for the doc at hand: spaCy joins every token's text anew at each
    access, and the checks below ask for it once per candidate name (issue 15: ~7 ms a
    call on a long article, a tenth of the geoparser's time)."""
    return doc.text


def _after_locative(span) -> bool:
    if span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVES:
        return True
    return bool(_PEOPLE_OF.search(_doc_text(span.doc)[max(0, span.start_char - 30):span.start_char]))


#: A one-word name the model calls a PERSON counts as a place when it is a first-level
#: region of the article's known country ("gunmen on Garissa") or a town this big there.
HOME_TOWN_MIN_POPULATION = 50_000


def _home_region(gaz: Gazetteer, span, known: frozenset[str]) -> bool:
    if not known or len(span) != 1:
        return False
    return any(c.match == MATCH_NAME and c.country_code in known and (
        c.feature_code == "ADM1" or c.population >= HOME_TOWN_MIN_POPULATION)
        for c in gaz.lookup(span.text, loose=False))


def _may_start(tok, lower: bool) -> bool:
    if tok.is_stop or tok.is_punct or tok.is_space or tok.like_num:
        return False
    if lower:
        return tok.is_alpha and tok.pos_ not in ("VERB", "AUX", "ADV", "ADP", "DET", "PRON")
    return tok.is_title and tok.is_alpha


def _may_end(tok, lower: bool) -> bool:
    return _may_start(tok, lower)


def _label_allows(span) -> bool:
    for t in span:
        if t.ent_type_ in BLOCKING_LABELS:
            return False
        if t.ent_type_ == "PERSON" and _ent_longer(span):
            return False
    if span[0].ent_type_ == "PERSON":
        # a one-word "person" is a place only when a locative preposition precedes it
        prev = span.doc[span.start - 1] if span.start > 0 else None
        return prev is not None and prev.lower_ in ("in", "at", "near", "from", "to", "of")
    return True


def _ent_longer(span) -> bool:
    """True when a token of ``span`` sits inside an entity longer than ``span``."""
    for ent in span.doc.ents:
        if ent.start <= span.start < ent.end or ent.start < span.end <= ent.end:
            if ent.end - ent.start > len(span):
                return True
    return False


_QUALIFIER_GAP = re.compile(
    r"^\s*(?:(?:district|province|county|sub-county|subcounty|upazila|city|town|village|"
    r"area|municipality|sadar)(?:\s+(?:center|centre|town))?\s*)?(?:,|\()\s*$", re.IGNORECASE)
#: "Ratanpur area, Kaliakair upazila (Gazipur": the unknown middle unit ("Kaliakair upazila")
#: lies inside the bracketed region, so the first place does too.
_UNIT = (r"(?:district|province|county|sub-county|subcounty|upazila|union|ward|division|"
         r"constituency|municipality|area|village|town|city)")
_SKIP_GAP = re.compile(r"^\s*" + _UNIT + r"?\s*,\s*(?:[A-Z][\w'’-]*\s+){1,3}" + _UNIT +
                       r"\s*[(,]\s*$")
#: "Dhaka - Rampura": ACLED's way of naming a part of a city (not a road: see below).
_PART_GAP = re.compile(r"^\s+-\s+$")
_ROAD_WORD = re.compile(r"\s*(?:highway|road|rd\b|expressway|motorway|railway|rail|bypass|"
                        r"route|border|line|corridor)", re.IGNORECASE)


def attach_qualifiers(text: str, mentions: list[Mention]) -> None:
    """Mark "X, Y" / "X (Y)": Y becomes X's qualifier when Y follows X directly; and
    "Y - X" (a part X of city Y). A qualifier in brackets, after a kind word or before a
    hyphenated part is *strict*: X must lie inside it (see ``Resolver``)."""
    for m, nxt in zip(mentions, mentions[1:]):
        gap = text[m.end:nxt.start]
        if 0 <= nxt.start - m.end <= 30 and _QUALIFIER_GAP.match(gap):
            nxt.is_qualifier = True
            if name_key(nxt.text) == name_key(m.text) or m.qualifier is not None:
                continue  # "Dhaka - Rampura (Rampura)" restates the name
            m.qualifier, nxt.qualifies = nxt.text, m
            m.strict_qualifier = "(" in gap or bool(gap.strip(" ,(").strip())
        elif 0 <= nxt.start - m.end <= 60 and _SKIP_GAP.match(gap) and m.qualifier is None:
            m.qualifier, nxt.qualifies, m.strict_qualifier = nxt.text, m, True
            nxt.is_qualifier = True
        elif _PART_GAP.match(gap) and not _ROAD_WORD.match(text, nxt.end) and m.qualifier is None:
            # m is a city here, not a region: it is not marked ``is_qualifier``
            nxt.qualifier, m.qualifies, nxt.strict_qualifier = m.text, nxt, True
    for m in mentions:
        if m.qualifier is None:
            q = _US_ABBREV.match(text, m.end)
            if q:
                m.qualifier = q.group(1)


_US_ABBREV = re.compile(
    r",\s*(Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|D\.C\.|Fla\.|Ga\.|Ill\.|Ind\.|"
    r"Kan\.|Kans\.|Ky\.|La\.|Md\.|Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|"
    r"N\.J\.|N\.M\.|N\.Y\.|N\.C\.|N\.D\.|Okla\.|Ore\.|Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Vt\.|"
    r"Va\.|Wash\.|W\.Va\.|Wis\.|Wyo\.|[A-Z]{2}\b)"
)
