"""Clean scraped text line by line, recording every line dropped and the rule that dropped it.

The output text is canonical: every later character offset refers to it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from clamor.models import Removal

#: A line repeated with fewer words than this (a lone "AFP", "Photo") is not treated as a
#: duplicate: short labels legitimately recur, and other rules handle the junk among them.
MIN_WORDS_FOR_DUPLICATE = 3

#: A line after a lone "related stories:" label is read as one of the listed headlines when
#: it has at most this many characters (and no sentence-final punctuation): headlines run
#: to about 12 words, a paragraph of the story itself is longer or ends as a sentence.
MAX_HEADLINE_CHARS = 100

# A related-content label standing alone on its line: the lines after it list other
# stories' headlines (a label with a headline on the same line is the rule read_more's).
_LIST_LABEL = re.compile(
    r"(?:related(?: articles?| stories| news| coverage)?|read also|also read|see also"
    r"|recommended(?: for you)?|more from .{1,40}|most read|you may also like)\s*[:>»]?",
    re.IGNORECASE)
# A sentence's end: . ! ? or an ellipsis, possibly inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

# Characters that scraping leaves behind and that carry no meaning in the text. The
# zero-width non-joiner (U+200C) is kept: Persian and other scripts spell words with it.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class LineRule:
    """A named pattern that drops a whole line."""

    name: str
    pattern: re.Pattern[str]
    max_chars: int
    search: bool = False

    def matches(self, line: str) -> bool:
        if len(line) > self.max_chars:
            return False
        if self.search:
            return self.pattern.search(line) is not None
        return self.pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class Line:
    """A line that survived cleaning, with its 1-based number in the raw text."""

    number: int
    text: str


@dataclass
class CleanedLines:
    """Kept lines (``None`` marks a paragraph break) and the audit of what was removed."""

    lines: list[Line | None]
    removed: list[Removal]


@functools.lru_cache(maxsize=1)
def line_rules() -> tuple[LineRule, ...]:
    """The shipped rules from ``clamor/data/ingest/cleaning_rules.json``."""
    raw = resources.files("clamor.data").joinpath("ingest/cleaning_rules.json").read_text("utf-8")
    return tuple(
        LineRule(
            name=rule["name"],
            pattern=re.compile(rule["pattern"], re.IGNORECASE),
            max_chars=int(rule["max_chars"]),
            search=bool(rule.get("search", False)),
        )
        for rule in json.loads(raw)["rules"]
    )


def normalise_line(line: str) -> str:
    """NFC, invisible characters dropped, runs of spaces (incl. no-break) made one space."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return _SPACES.sub(" ", line).strip()


def _duplicate_key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def junk_reason(line: str) -> str | None:
    """The name of the first rule that drops ``line``, or None to keep it."""
    for rule in line_rules():
        if rule.matches(line):
            return rule.name
    return None


def is_list_label(line: str) -> bool:
    """``line`` is only a related-content label ("Related stories:"), no headline after it."""
    return _LIST_LABEL.fullmatch(line) is not None


def is_headline_like(line: str) -> bool:
    """A short line that does not end as a sentence: a listed headline, not a paragraph."""
    return len(line) <= MAX_HEADLINE_CHARS and _SENTENCE_END.search(line) is None


def clean_lines(raw: str) -> CleanedLines:
    """Apply the line rules and drop repeated lines (a caption printed twice).

    After a related-content label alone on its line, the headline-like lines that follow
    (blank lines between them allowed) are dropped as ``read_more_list`` up to the first
    line that reads as a paragraph.
    """
    kept: list[Line | None] = []
    removed: list[Removal] = []
    seen: set[str] = set()
    in_list = False
    for number, original in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = normalise_line(original)
        if not line:
            if kept and kept[-1] is not None:
                kept.append(None)
            continue
        reason = junk_reason(line)
        if reason is None and in_list:
            in_list = is_headline_like(line)
            reason = "read_more_list" if in_list else None
        elif reason is not None:
            in_list = in_list or is_list_label(line)
        key = _duplicate_key(line)
        if reason is None and len(key.split()) >= MIN_WORDS_FOR_DUPLICATE and key in seen:
            reason = "duplicate_line"
        if reason:
            removed.append(Removal(line=number, text=line, reason=reason))
            continue
        seen.add(key)
        kept.append(Line(number, line))
    while kept and kept[-1] is None:
        kept.pop()
    return CleanedLines(kept, removed)


def join_lines(lines: list[Line | None]) -> str:
    """Join kept lines: paragraphs separated by a blank line, lines within one by newline."""
    out: list[str] = []
    for line in lines:
        if line is None:
            if out and out[-1] != "\n\n":
                out.append("\n\n")
        else:
            if out and out[-1] not in ("\n\n",):
                out.append("\n")
            out.append(line.text)
    return "".join(out).strip()
