"""Stage 2: trigger detection and the filters that decide what is not a new event.

A trigger is a lexicon match (``data/extract/triggers.json``) in a sentence. Each trigger
gets a ``status``: ``None`` when it reports a new event, else the reason it does not
(negated, future, hypothetical, reference, background).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from clamor.extract.lexicon import load_lexicon
from clamor.extract.sentences import Sentence
from clamor.extract.temporal import DateMention

#: Cue words must sit this close before a trigger (characters, same clause) to govern it.
NEGATION_WINDOW = 40
MODAL_WINDOW = 60
REFERENCE_WINDOW = 45
#: An event dated more than this many days before the reference date is background, not
#: news: ACLED codes events from the week's reporting, and a month covers late reports.
BACKGROUND_DAYS = 31
#: A date expression farther than this from a trigger (characters) does not date it.
DATE_ATTACH_WINDOW = 120

_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,\s+(?:but|while|whereas|although|though|as)\b|\b(?:but|while|whereas|although)\b|[.!?]\s")
_AFTER_NEGATION = re.compile(r"^\s*(?:were|was|had been|have been|has been|are|is)\s+(?:not|never)\b", re.I)
#: "no information on the motives of the attack": what is denied is knowledge of an
#: attribute of the event (its motive, circumstances, authors), so the event itself stands
#: (rule unknown-attribute).
_UNKNOWN_ATTRIBUTE = re.compile(
    r"\b(?:no|not\s+any)\s+(?:(?:further|more|additional|clear)\s+)?(?:information|details?|word|indication|"
    r"clarity|explanation)\s+(?:on|about|of|regarding|as to|concerning)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:motives?|motivations?|circumstances|authorship|authors?|identit(?:y|ies)|perpetrators?|"
    r"reasons?|causes?|actors?|affiliations?)\b[^.;]*$", re.I)

#: Trigger kinds whose words are also common surnames or names when capitalised mid-sentence.
NAME_PRONE_KINDS = ("mob",)

NOT_NEW = ("negated", "future", "hypothetical", "reference", "background")

#: A gang with a proper name ("the Base 5 Secondes Gang", "the Mungiki Gangs"): a
#: capitalised "Gang" after a capitalised word or a number, mid-sentence, names an organised
#: group that ACLED codes as an armed actor, not ordinary crime (rule named-gang).
_NAMED_GANG = re.compile(r"(?:\b[A-Z][\w'’-]*|\b\d[\w-]*)\s+$")


@dataclass
class Trigger:
    """One lexicon match in a sentence, with absolute offsets."""

    kind: str
    start: int
    end: int
    text: str
    sentence: Sentence
    status: str | None = None

    @property
    def is_new(self) -> bool:
        return self.status is None


def find_triggers(sentence: Sentence, kinds: tuple[str, ...] | None = None) -> list[Trigger]:
    """All trigger matches in ``sentence`` (absolute offsets), left to right."""
    from clamor.nlp.scope import sentence_has_trigger_word

    if not sentence_has_trigger_word(sentence.text):
        return []  # most sentences: one scan instead of one per trigger kind
    lex = load_lexicon()
    out: list[Trigger] = []
    for kind, pattern in lex.triggers.items():
        if kinds is not None and kind not in kinds:
            continue
        for m in pattern.finditer(sentence.text):
            if kind in NAME_PRONE_KINDS and m.group(0)[:1].isupper() and m.start() > 0 \
                    and not sentence.text.isupper():
                continue  # "Lynch said": a surname, not a lynching
            if kind == "crime" and _named_gang(sentence.text, m):
                kind_here = "armed_group"
            else:
                kind_here = kind
            out.append(Trigger(kind_here, sentence.start + m.start(), sentence.start + m.end(), m.group(0), sentence))
    return sorted(out, key=lambda t: (t.start, t.kind))


def _named_gang(text: str, m: re.Match[str]) -> bool:
    """Whether a crime match is the "Gang" of a named gang (see :data:`_NAMED_GANG`)."""
    return (m.group(0) in ("Gang", "Gangs") and m.start() > 0 and not text.isupper()
            and _NAMED_GANG.search(text[:m.start()]) is not None)


def _clause_before(sentence: Sentence, rel: int, window: int) -> str:
    """The text of the trigger's clause before it, at most ``window`` characters."""
    before = sentence.text[max(0, rel - window):rel]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    return before


_RELATIVE_OPENING = re.compile(r",\s*(?:who|whose|which)\b[^,]*$", re.I)


def _closed_relative(text: str, cue: int, rel: int) -> bool:
    """Whether the negation at ``cue`` sits in a relative clause that closes (a comma)
    before the trigger at ``rel``: "four workers, whose identities were not disclosed, were
    kidnapped" denies the disclosure, not the kidnapping (rule negation-in-relative)."""
    return _RELATIVE_OPENING.search(text[:cue]) is not None and "," in text[cue:rel]


def nearest_date(trigger: Trigger, dates: list[DateMention]) -> DateMention | None:
    """The date expression in the trigger's sentence nearest to it (within the window)."""
    best, best_dist = None, DATE_ATTACH_WINDOW + 1
    s = trigger.sentence
    for d in dates:
        if not (s.start <= d.start and d.end <= s.end):
            continue
        dist = trigger.start - d.end if d.end <= trigger.start else d.start - trigger.end
        if 0 <= dist < best_dist or (dist < 0 and best is None):
            best, best_dist = d, max(dist, 0)
    return best


#: Trigger kinds that name who acts, not what happened: "condemns the terrorist attacks"
#: makes the condemnation's object a reference, but the terrorists are still the doers of
#: whatever new event the sentence tells (rule actors-are-not-references). Negated,
#: hypothetical, future and background (an actor dated to an old event) still hold.
ACTOR_KINDS = ("armed_group", "state_force")
#: The status that says a word is named inside a statement about an event (condemned,
#: support for, since the ...); it does not apply to an actor word.
EVENT_ONLY_STATUSES = ("reference",)


def trigger_status(trigger: Trigger, dates: list[DateMention], ref: dt.date | None) -> str | None:
    """Why ``trigger`` is not a new event (see :data:`NOT_NEW`), or None when it is."""
    status = _status(trigger, dates, ref)
    if trigger.kind in ACTOR_KINDS and status in EVENT_ONLY_STATUSES:
        return None
    return status


def _status(trigger: Trigger, dates: list[DateMention], ref: dt.date | None) -> str | None:
    cues = load_lexicon().cues
    s = trigger.sentence
    rel = trigger.start - s.start
    near = _clause_before(s, rel, NEGATION_WINDOW)
    unknown = _UNKNOWN_ATTRIBUTE.search(s.text[:rel])
    if unknown is not None:
        near = near[:max(0, len(near) - (rel - unknown.start()))]  # the negation denies knowledge only
    negated = any(not _closed_relative(s.text, rel - len(near) + n.start(), rel)
                  for n in cues["negation"].finditer(near))
    if negated or _AFTER_NEGATION.match(s.text[trigger.end - s.start:]):
        return "negated"
    clause = _clause_before(s, rel, MODAL_WINDOW)
    if cues["hypothetical"].search(clause) or re.search(r"^\s*(?:if|unless)\b", s.text, re.I):
        return "hypothetical"
    if cues["future"].search(clause):
        return "future"
    date = nearest_date(trigger, dates)
    if date is not None and date.future:
        return "future"
    if cues["reference"].search(_clause_before(s, rel, REFERENCE_WINDOW)):
        return "reference"
    if ref is not None and date is not None and date.date is not None:
        if (ref - date.date).days > BACKGROUND_DAYS:
            return "background"
    after = s.text[trigger.end - s.start: trigger.end - s.start + 40]
    if cues["background"].search(after) or cues["background"].search(_clause_before(s, rel, 30)):
        return "background"
    return None
