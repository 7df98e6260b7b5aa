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


def clean_lines(raw: str) -> CleanedLines:
    """Apply the line rules and drop repeated lines (a caption printed twice)."""
    kept: list[Line | None] = []
    removed: list[Removal] = []
    seen: set[str] = set()
    for number, original in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = normalise_line(original)
        if not line:
            if kept and kept[-1] is not None:
                kept.append(None)
            continue
        reason = junk_reason(line)
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
