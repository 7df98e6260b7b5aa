"""The language lexicons of source assessment, read from ``clamor/data/assess``.

Each lexicon is a TSV of ``term<TAB>category`` (see the file headers): a term is a phrase
matched case-insensitively on whole words, where ``*`` ends a word with any ending, a
hyphen also matches a space or nothing, an apostrophe matches ``'`` and ``’``, a leading
``^`` demands the start of a sentence, and ``re:`` introduces a raw Python regex.
Lexicons load once, on first use.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from clamor.assess.registry import DATA_DIR
from clamor.errors import ClamorError

#: Lexicon name -> file under ``clamor/data/assess``; the name is also the signal kind.
LEXICON_FILES = {
    "loaded_term": "loaded_terms.tsv",
    "intensifier": "intensifiers.tsv",
    "hedge": "hedges.tsv",
    "first_person_advocacy": "advocacy.tsv",
    "call_to_action": "calls_to_action.tsv",
}
ATTRIBUTION_FILE = "attribution.toml"
COUNTRY_TERMS_FILE = "country_terms.tsv"


class LexiconError(ClamorError):
    """A source-assessment lexicon file is malformed."""


@dataclass(frozen=True)
class Pattern:
    """One compiled lexicon entry."""

    term: str
    category: str
    regex: re.Pattern
    sentence_initial: bool = False


def term_regex(term: str) -> str:
    """Translate a lexicon term into a regex (see the module docstring for the syntax)."""
    if term.startswith("re:"):
        return term[3:]
    words = []
    for word in term.split():
        out = []
        for i, ch in enumerate(word):
            if ch == "*" and i == len(word) - 1:
                out.append(r"\w*")
            elif ch in "'\u2019":
                out.append("['\u2019]")
            elif ch == "-":
                out.append(r"[-\u2010\u2011\s]?")
            else:
                out.append(re.escape(ch))
        words.append("".join(out))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def compile_pattern(term: str, category: str) -> Pattern:
    """Compile one entry, case-insensitively."""
    initial = term.startswith("^")
    body = term[1:].strip() if initial else term
    try:
        regex = re.compile(term_regex(body), re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"bad lexicon pattern {term!r}: {exc}") from None
    return Pattern(term=term, category=category, regex=regex, sentence_initial=initial)


def parse_lexicon(text: str, source: str = "<lexicon>") -> tuple[Pattern, ...]:
    """Parse TSV lexicon text; ``#`` lines and blank lines are comments."""
    patterns = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise LexiconError(f"{source}:{number}: expected term<TAB>category")
        try:
            patterns.append(compile_pattern(cells[0].strip(), cells[1].strip()))
        except LexiconError as exc:
            raise LexiconError(f"{source}:{number}: {exc}") from None
    return tuple(patterns)


@functools.lru_cache(maxsize=None)
def load_lexicon(kind: str) -> tuple[Pattern, ...]:
    """The compiled patterns of one lexicon (``loaded_term``, ``hedge``...), cached."""
    path = DATA_DIR / LEXICON_FILES[kind]
    return parse_lexicon(path.read_text(encoding="utf-8"), str(path))


@dataclass(frozen=True)
class AttributionCues:
    """Regexes for reporting verbs, ``according to``, unnamed sources, assertion markers."""

    reporting: re.Pattern
    according: re.Pattern
    unnamed: frozenset[str]
    assertion: re.Pattern


def _alternation(phrases: list[str]) -> re.Pattern:
    body = "|".join(term_regex(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(body, re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def load_attribution() -> AttributionCues:
    """The attribution cues from ``attribution.toml``, compiled once."""
    path = DATA_DIR / ATTRIBUTION_FILE
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        return AttributionCues(
            reporting=_alternation(data["reporting_verbs"]),
            according=_alternation(data["according_to"]),
            unnamed=frozenset(w.casefold() for w in data["unnamed_sources"]),
            assertion=_alternation(data["assertion_markers"]),
        )
    except (KeyError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: malformed attribution cues: {exc}") from None


@functools.lru_cache(maxsize=1)
def _country_terms() -> dict[str, tuple[str, ...]]:
    path = DATA_DIR / COUNTRY_TERMS_FILE
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            raise LexiconError(f"{path}:{number}: expected country<TAB>term|term")
        table[cells[0].strip().casefold()] = tuple(t.strip() for t in cells[1].split("|") if t.strip())
    return table


@functools.lru_cache(maxsize=256)
def country_regex(country: str) -> re.Pattern:
    """A regex matching the names of ``country`` (its name alone when not in the table)."""
    terms = _country_terms().get(country.casefold(), (country,))
    body = "|".join(term_regex(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(body, re.IGNORECASE)
