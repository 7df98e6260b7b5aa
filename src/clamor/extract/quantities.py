"""Numbers, vague quantities ("a number of", "dozens") and the counts of an event.

Counts: ``fatalities``, ``injuries``, ``arrests`` are integers when the text gives a number,
else a :class:`~clamor.models.Quantity` with the vague text and a low-high range.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from clamor.extract.lexicon import load_lexicon
from clamor.models import Quantity

UNITS = {
    "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "hundred": 100,
    "a hundred": 100, "thousand": 1000, "a thousand": 1000,
}
_WORD_NUM = "|".join(sorted((re.escape(k) for k in UNITS if k not in ("a", "an", "single")), key=len, reverse=True))
#: an exact number: digits (with thousands separators) or number words, optionally hedged.
NUMBER = (
    rf"(?:(?:at least|more than|over|nearly|about|around|approximately|some|up to|as many as|an estimated)\s+)?"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?)"
)

_FIELD_WORDS = {
    # "burnt to death"; a bare "lynched" is not counted: victims are often rescued alive
    "fatalities": r"(?:killed|dead|died|deaths?|fatalit(?:y|ies)|lost (?:their|his|her) lives|shot dead|slain|lifeless|"
                  r"(?:burnt|burned|beaten|hacked|stabbed|stoned|clubbed|lynched) to death)",
    "injuries": r"(?:wounded|injured|injuries|hurt|hospitali[sz]ed)",
    "arrests": r"(?:arrested|detained|held|taken into custody|rounded up|apprehended|nabbed|picked up|arrests)",
}
_FIELD_VERBS = {
    # present tense too: notes and headlines write "Raiders kill 11 villagers"
    "fatalities": r"(?:killing|killed|kills|kill|claimed the lives of|shot dead|shoot dead|shoots dead|"
                  r"shot and killed|shoot and kill|gunned down|gun down)",
    "injuries": r"(?:injuring|wounding|injured|wounded|injure|wound)",
    "arrests": r"(?:arrested|detained|arresting|detaining|rounded up|arrest|detain|nabbed)",
}
#: at most this many words between a quantity and the casualty word it counts
#: ("three [young protesters were] killed", "a number of [women are amongst those] wounded").
MAX_GAP_WORDS = 5
_SINGULAR = (r"(?:man|woman|boy|girl|child|person|civilian|protester|protestor|demonstrator|student|"
             r"soldier|policeman|officer|journalist|farmer|trader|teacher|worker|resident|villager|youth|"
             r"leader|member|supporter|driver|shopkeeper|businessman|official|militant|teenager|relative|"
             r"suspect|herder|guard|bodyguard|rider|lawyer|doctor|nurse|pupil|priest|cleric|chief|"
             r"politician|activist|candidate|councillor|pastor|fisherman|passenger|motorist)")
_CROWD_NOUNS = (
    r"(?:protesters|protestors|demonstrators|people|students|workers|marchers|supporters|"
    r"residents|women|farmers|teachers|activists|participants|traders|merchants|youths|villagers)"
)


#: "were shot and killed": a harm verb joined to the casualty word
_HARM_FIRST = r"(?:shot|stabbed|attacked|beaten|tortured|abducted|kidnapped|ambushed|hacked)"
#: words between "a"/"an"/"one" and the singular verb of a victim's death ("A member of the
#: NPA was killed", "An Imam known for promoting peace was killed"): the singular "was"
#: says one person, however the noun phrase runs (rule counts)
MAX_SINGULAR_WORDS = 6
#: up to this many words may qualify a singular victim ("a 23 year-old university student")
MAX_VICTIM_MODIFIERS = 4
_MODIFIERS = rf"(?:(?!and\b|or\b|with\b|in\b|at\b)[\w'’-]+\s+){{0,{MAX_VICTIM_MODIFIERS}}}?"


@dataclass(frozen=True)
class Count:
    """One count found in a sentence, with absolute offsets of its evidence."""

    field: str
    value: int | None
    quantity: Quantity | None
    start: int
    end: int
    #: the text states the count as the coded figure ("Fatalities coded as 0"): it wins
    stated: bool = False


def parse_number(text: str) -> int | None:
    """The integer an exact number expression gives ("at least 12", "two-hundred", "1,200")."""
    t = re.sub(
        r"^(?:at least|more than|over|nearly|about|around|approximately|some|up to|as many as|an estimated)\s+",
        "", text.strip().lower(),
    )
    if t in UNITS and t not in ("a", "an"):
        return UNITS[t]
    digits = t.replace(",", "")
    if digits.isdigit():
        return int(digits)
    total, current = 0, 0
    for word in re.split(r"[- ]+", t):
        if word not in UNITS:
            return None
        value = UNITS[word]
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current or None


def vague_quantity(text: str) -> Quantity | None:
    """A :class:`Quantity` for a vague phrase at the start of ``text``, else None."""
    for pattern, _phrase, low, high in load_lexicon().quantities:
        m = pattern.match(text)
        if m:
            return Quantity(text=m.group(0), low=low, high=high)
    return None


def _quantity_regex() -> str:
    vague = "|".join(q[1] for q in load_lexicon().quantities)
    return rf"(?:{NUMBER}|{vague})"


def _make(field: str, qtext: str, start: int, end: int) -> Count | None:
    if qtext.lower() in ("a", "an", "the"):  # "the" only reaches here before a singular noun
        return Count(field, 1, None, start, end)
    value = parse_number(qtext)
    if value is not None:
        return Count(field, value, None, start, end)
    q = vague_quantity(qtext)
    if q is not None:
        return Count(field, None, q, start, end)
    return None


@functools.lru_cache(maxsize=None)
def _field_word(field: str) -> re.Pattern[str]:
    return re.compile(f"{_FIELD_WORDS[field]}|{_FIELD_VERBS[field]}", re.IGNORECASE)


def may_count(field: str, text: str) -> bool:
    """False when :func:`find_counts` cannot find a ``field`` count in ``text`` (an arrest
    count, say): every pattern of that field holds one of its words or verbs, so a text with
    none of them has none. A cheap test before the field's ~15 patterns."""
    return _field_word(field).search(text) is not None


def find_counts(text: str, offset: int = 0) -> list[Count]:
    """Fatalities, injuries and arrests stated in one sentence (first of each kind)."""
    q = _quantity_regex()
    elsewhere = load_lexicon().cues["counted_elsewhere"]
    found: dict[str, Count] = {}
    stop = r"(?!(?:and|or|but|while|killed|killing|dead|died|wounded|injured|injuring|arrested|detained)\b)"
    gap = rf"(?:{stop}[\w'’-]+\s+){{0,{MAX_GAP_WORDS}}}?"
    for field in ("fatalities", "injuries", "arrests"):
        patterns = [
            rf"(?<![\w-])(?P<q>{q})\s+{gap}(?:(?:were|was|are|is|have been|had been|got|being)\s+)?"
            rf"(?:(?:reportedly|allegedly|also|critically|seriously|badly|fatally)\s+)?"
            rf"(?:{_HARM_FIRST}\s+and\s+)?{_FIELD_WORDS[field]}(?!\w)",
            rf"(?<!\w){_FIELD_VERBS[field]}\s+(?:at least\s+)?(?P<q>{q})(?!\w)",
        ]
        if field == "fatalities":
            patterns.append(rf"death toll\s+(?:\w+\s+){{0,4}}?(?P<q>{NUMBER})(?!\w)")
            patterns.append(rf"(?:bodies|corpses|remains) of\s+(?P<q>{q})(?!\w)")
        # one victim written in the singular: "a woman was shot dead", "killed a man"
        # (an appositive may stand in it: "a murder suspect, 27-year-old J. Doe, was shot and killed")
        patterns.append(rf"(?<![\w-])(?P<q>an?|one)\s+(?:(?!and\b|or\b|were\b|are\b)[\w'’.-]+,?\s+){{1,{MAX_SINGULAR_WORDS}}}?(?:was|is|has been|had been|got)\s+"
                        rf"(?:\w+\s+(?:and\s+)?)?{_FIELD_WORDS[field]}(?!\w)")
        # "killed a University of Nairobi student", "killing the man": one named victim
        patterns.append(rf"(?<!\w){_FIELD_VERBS[field]}\s+(?P<q>an?|the)\s+{_MODIFIERS}{_SINGULAR}(?!\w)")
        best: Count | None = None
        for pattern in patterns:
            for m in re.finditer(pattern, text, re.IGNORECASE):
                if elsewhere.match(text, m.end()):
                    continue  # "4 students killed in Dhaka (coded separately)": another event's toll
                c = _make(field, m.group("q"), offset + m.start(), offset + m.end())
                if c is not None and (best is None or c.start < best.start):
                    best = c
                    break
        if best is not None:
            found[field] = best
    stated = _stated_fatalities(text, offset)
    if stated is not None:
        found["fatalities"] = stated
    return list(found.values())


def _stated_fatalities(text: str, offset: int) -> Count | None:
    """A fatality figure the text gives as the coded one ("Fatalities coded as 0 (3 reported)",
    "FATALITIES: 15", "4 fatalities split across two events. 2 coded here"): coders' notes
    state it when sources disagree or are partisan, or when a toll is split over several
    events. The last statement wins: a split narrows the total stated before it
    ("... fatalities coded as 3, split across 4 events, coded as 1")."""
    found = list(load_lexicon().cues["stated_fatalities"].finditer(text))
    if not found:
        return None
    m = found[-1]
    value = int(next(v for v in m.groupdict().values() if v is not None))
    return Count("fatalities", value, None, offset + m.start(), offset + m.end(), stated=True)


def find_crowd_size(text: str, offset: int = 0, exclude: list[Count] = ()) -> Count | None:
    """The size of a crowd ("thousands of protesters", "some 500 people") in a sentence.

    Quantities inside a casualty count (``exclude``) are not crowds.
    """
    q = _quantity_regex()
    pattern = rf"(?<![\w-])(?P<q>{q})\s+(?:[\w-]+\s+){{0,2}}?{_CROWD_NOUNS}(?!\w)|crowds? of\s+(?P<q2>{q})"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        qtext = m.group("q") or m.group("q2")
        value = parse_number(qtext)
        start, end = offset + m.start(), offset + m.end()
        if any(c.start < end and start < c.end for c in exclude):
            continue
        if value is not None:
            if value < 2:
                continue
            return Count("crowd_size", value, Quantity(text=text[m.start():m.end()], exact=value, low=value, high=value), start, end)
        vq = vague_quantity(qtext)
        if vq is not None:
            return Count("crowd_size", None, vq.model_copy(update={"text": text[m.start():m.end()]}), start, end)
    return None
