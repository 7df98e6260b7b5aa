"""Language signals: how an article speaks, each with its evidence span in ``Article.text``.

Signal kinds (``SourceSignal.kind``):

- ``loaded_term``            a loaded or dehumanising word (category from the lexicon)
- ``intensifier``            an amplifier ("massive", "very", "all walks of life")
- ``hedge``                  a hedge or vague attribution ("described by many as")
- ``attributed_claim``       a sentence's attribution cue with its source ("police said");
                             category ``named`` or ``unnamed`` ("sources said")
- ``unattributed_claim``     a sentence that judges or vouches in the writer's own voice
                             (a loaded term or an assertion marker such as "the fact that",
                             "clearly") with no attribution cue; category ``evaluative``
                             or ``assertion``
- ``first_person_advocacy``  the writer speaks as a side ("we demand", "our martyrs")
- ``call_to_action``         the text tells readers or governments what to do

Advocacy and calls to action inside quotation marks, or in a sentence with an attribution
cue ("we must keep the peace, the minister said"), are someone else's words and are
skipped; loaded terms inside quotations still count: the publisher chose to print them.
Everything is case-insensitive, so lower-case and ALL-CAPS text give the same signals.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from clamor.assess.lexicon import LEXICON_FILES, Pattern, load_attribution, load_lexicon
from clamor.models import SourceSignal

#: All signal kinds, in report order.
SIGNAL_KINDS = (
    "loaded_term",
    "intensifier",
    "hedge",
    "attributed_claim",
    "unattributed_claim",
    "first_person_advocacy",
    "call_to_action",
)

#: Kinds whose matches inside quotation marks are someone else's words and are skipped.
QUOTE_SKIPPED_KINDS = frozenset({"first_person_advocacy", "call_to_action"})

#: How many words before a reporting verb may name its source ("Hawks spokesman Paul
#: Ramaloko told"): three covers a title and a two-word name without running back
#: into the claim itself.
SOURCE_WORDS = 3

#: A quotation longer than this (characters) is taken to be a stray, unbalanced quote
#: mark rather than quoted speech, so it does not hide the rest of the article.
MAX_QUOTE_CHARS = 1200

#: A line at least this long that ends without punctuation, followed by more text, is a
#: hard wrap, not a heading: 60 characters is shorter than the usual 72-80 wrap width and
#: longer than most headlines or bylines.
WRAPPED_LINE_CHARS = 60

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen col lt sgt capt maj gov sen rep jr sr no vs etc inc ltd co
    corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e
    a.m p.m approx""".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*\n|\n")
_OPEN_QUOTES = "\"'\u201c\u2018([ \t"


def word_count(text: str) -> int:
    """Words in ``text`` (runs of letters or digits, apostrophes inside kept)."""
    return len(_WORD.findall(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at . ! ? before a space and at line breaks,
    not after common abbreviations or single-letter initials; works on lower-case text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group()[0] == ".":
            before = text[start:m.start()].rsplit(None, 1)
            last = before[-1].casefold().lstrip("(\"'\u201c") if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        elif m.group() == "\n" and _wrapped(text, m.start()):
            continue
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _wrapped(text: str, newline: int) -> bool:
    """A hard wrap inside a sentence: a long line ending in a letter or digit, followed by
    more text on the next line."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    following = text[newline + 1:newline + 2]
    return len(line) >= WRAPPED_LINE_CHARS and line[-1:].isalnum() and following.isalnum()


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages: “curly” pairs and "straight" pairs."""
    spans = []
    for m in re.finditer(r"\u201c[^\u201c\u201d]*\u201d|''(?:(?!'').)*''|\"[^\"]*\"", text,
                         re.DOTALL):
        if m.end() - m.start() <= MAX_QUOTE_CHARS:
            spans.append((m.start(), m.end()))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of ``spans`` (possibly overlapping) contains [start, end)."""
    i = bisect.bisect_right(spans, (start, float("inf")))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 8):i])


#: Characters that IGNORECASE matches to an ASCII letter but case folding does not map
#: onto it (dotless i, long s): a text holding one is matched without the anchor shortcut.
_FOLD_EXCEPTIONS = ("\u0131", "\u017f")
#: Characters that end a term's literal anchor (see :func:`_anchor`).
_ANCHOR_END = re.compile(r"[^a-z]")


@functools.lru_cache(maxsize=None)
def _anchor(term: str) -> str | None:
    """The literal, lower-case letters every match of ``term`` starts with (its first word
    up to a wildcard, apostrophe or hyphen), or None when too short to be worth testing or
    the term is a raw regex."""
    body = term[1:].strip() if term.startswith("^") else term
    if body.startswith("re:"):
        return None
    word = body.split()[0].lower() if body.split() else ""
    cut = _ANCHOR_END.search(word)
    anchor = word[:cut.start()] if cut else word
    return anchor if len(anchor) >= 3 else None


def _match_lexicon(
    text: str, patterns: Iterable[Pattern], sentence_starts: set[int]
) -> list[tuple[int, int, str]]:
    # Most of ~250 terms occur in no article: a substring test on the case-folded text
    # (a necessary condition for a match) spares their regex scans, ~3x the cost.
    folded = None if any(c in text for c in _FOLD_EXCEPTIONS) else text.casefold()
    found = []
    for pattern in patterns:
        anchor = _anchor(pattern.term) if folded is not None else None
        if anchor is not None and anchor not in folded:
            continue
        for m in pattern.regex.finditer(text):
            if m.end() <= m.start():
                continue
            if pattern.sentence_initial and m.start() not in sentence_starts:
                continue
            found.append((m.start(), m.end(), pattern.category))
    return found


def _non_overlapping(found: list[tuple[int, int, str]], taken: list[tuple[int, int]]):
    """Longest-first, earliest-first selection of spans that overlap nothing in ``taken``
    (kept sorted and disjoint, and extended with what is selected)."""
    kept = []
    for start, end, category in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        i = bisect.bisect_left(taken, (start, end))
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        taken.insert(i, (start, end))
        kept.append((start, end, category))
    return sorted(kept)


def _signal(text: str, kind: str, start: int, end: int, category: str | None) -> SourceSignal:
    return SourceSignal(kind=kind, category=category, text=text[start:end], start=start, end=end)


def _attributions(text: str, sentences: list[tuple[int, int]]) -> dict[int, SourceSignal]:
    """The first attribution cue of each sentence (keyed by sentence index).

    The span runs over the source phrase and the cue: "according to the ministry",
    "police said", and for inverted quotes ('"...", said the minister') "said the minister".
    """
    cues = load_attribution()
    found: dict[int, SourceSignal] = {}
    for i, (s_start, s_end) in enumerate(sentences):
        m = cues.according.search(text, s_start, s_end)
        if m:
            words = _source_words_after(text, m.end(), s_end)
            end = words[-1].end() if words else m.end()
            category = _source_category([w.group() for w in words], cues.unnamed)
            found[i] = _signal(text, "attributed_claim", m.start(), end, category)
            continue
        m = cues.reporting.search(text, s_start, s_end)
        if not m:
            continue
        clause_start = s_start
        for p in _SOURCE_STOP.finditer(text, s_start, m.start()):
            clause_start = p.end()
        words = list(_WORD.finditer(text, clause_start, m.start()))[-SOURCE_WORDS:]
        start, end = m.start(), m.end()
        if words:
            start = words[0].start()
        else:
            words = _source_words_after(text, m.end(), s_end)
            if words:
                end = words[-1].end()
        category = _source_category([w.group() for w in words], cues.unnamed)
        found[i] = _signal(text, "attributed_claim", start, end, category)
    return found


_SOURCE_STOP = re.compile(r"[,;:.!?\"\u201c\u201d()]")


def _source_words_after(text: str, pos: int, end: int) -> list[re.Match]:
    stop = _SOURCE_STOP.search(text, pos, end)
    return list(_WORD.finditer(text, pos, stop.start() if stop else end))[:SOURCE_WORDS]


def _source_category(words: list[str], unnamed: frozenset[str]) -> str:
    """``unnamed`` when the source phrase is headed by a word that names nobody."""
    if not words:
        return "unnamed"
    lowered = [w.casefold() for w in words]
    return "unnamed" if any(w in unnamed for w in lowered) else "named"


def find_signals(text: str) -> list[SourceSignal]:
    """Every language signal in ``text``, sorted by position; offsets index ``text``."""
    sentences = sentence_spans(text)
    starts = set()
    for s, _ in sentences:
        while s < len(text) and text[s] in _OPEN_QUOTES:
            s += 1
        starts.add(s)
    quotes = quote_spans(text)

    attributed = _attributions(text, sentences)
    attributed_spans = sorted(sentences[i] for i in attributed)
    skipped = sorted(quotes + attributed_spans)

    signals: list[SourceSignal] = list(attributed.values())
    taken: list[tuple[int, int]] = []
    by_kind: dict[str, list[tuple[int, int, str]]] = {}
    # Loaded terms first, so "unspeakable" is a loaded term rather than an intensifier.
    for kind in ("loaded_term", "hedge", "intensifier", "first_person_advocacy", "call_to_action"):
        found = _match_lexicon(text, load_lexicon(kind), starts)
        if kind in QUOTE_SKIPPED_KINDS:
            found = [f for f in found if not _covered(skipped, f[0], f[1])]
        kept = _non_overlapping(found, taken if kind in ("loaded_term", "hedge", "intensifier")
                                else [])
        by_kind[kind] = kept
        signals.extend(_signal(text, kind, s, e, c) for s, e, c in kept)

    cues = load_attribution()
    # Intensifiers alone do not make a claim unattributed: "a massive march" is routine
    # wire description; a loaded term or an assertion marker is the writer's own verdict.
    evaluative = sorted((s, e) for s, e, _ in by_kind["loaded_term"])
    for i, (s_start, s_end) in enumerate(sentences):
        if i in attributed or _inside(quotes, s_start, s_end):
            continue
        if cues.assertion.search(text, s_start, s_end):
            category = "assertion"
        elif any(s_start <= s and e <= s_end for s, e in evaluative):
            category = "evaluative"
        else:
            continue
        signals.append(_signal(text, "unattributed_claim", s_start, s_end, category))
    return sorted(signals, key=lambda s: (s.start, s.end, s.kind))


def signal_rates(signals: Iterable[SourceSignal], text: str) -> dict[str, float]:
    """Signals per 1,000 words, for every kind (0.0 when absent)."""
    words = word_count(text)
    counts = dict.fromkeys(SIGNAL_KINDS, 0)
    for signal in signals:
        counts[signal.kind] = counts.get(signal.kind, 0) + 1
    if not words:
        return {kind: 0.0 for kind in counts}
    return {kind: round(1000.0 * n / words, 2) for kind, n in counts.items()}


assert set(LEXICON_FILES) <= set(SIGNAL_KINDS)
