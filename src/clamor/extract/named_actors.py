"""Named non-state actors in ACLED's naming, learned from the ACLED notes' training split.

ACLED names an armed group, militia or party by its own name ("JNIM: Group for Support of
Islam and Muslims", "Hamas Movement", "Ambazonian Separatists (Cameroon)"). The notes that
ACLED's coders wrote name the same group by a shorter form ("JNIM", "Hamas", "Ambazonian
separatists"). ``data/extract/named_actors.tsv`` (built by ``scripts/build_named_actors.py``,
see PROVENANCE.md) holds each such form with the name it stands for and, per country, how
many training notes support it, so that a fold of a leave-one-country-out evaluation can
drop what it learned from the left-out country (:func:`excluding`): a group known only from
that country's rows is then unknown, as it would be on a country nobody coded.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from clamor.extract.lexicon import _tsv_rows

#: An alias is kept when at least this many training notes contain it with its name among
#: the row's actors: fewer is a one-off, not a naming habit.
MIN_SUPPORT = 5
#: ... and when at least this share of the notes containing it have its name among their
#: actors ("and/or" names included): a word that often names someone else is no alias.
MIN_PRECISION = 0.5

_EXCLUDED: list[str] = []


@dataclass(frozen=True)
class Alias:
    """One row of the table: ``text`` stands for ``name`` (``{country}``: the event's)."""

    text: str
    case_sensitive: bool
    name: str
    inter: int
    counts: dict[str, tuple[int, int]]  # country -> (support, notes containing the alias)

    def support(self, excluded: tuple[str, ...] = ()) -> tuple[int, int]:
        kept = [v for c, v in self.counts.items() if c not in excluded]
        return sum(s for s, _ in kept), sum(h for _, h in kept)


def _parse_counts(field: str) -> dict[str, tuple[int, int]]:
    out = {}
    for part in field.split(";"):
        country, _, nums = part.rpartition(":")
        support, _, hits = nums.partition("/")
        out[country] = (int(support), int(hits))
    return out


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[Alias, ...]:
    return tuple(Alias(r[0], r[1] == "1", r[2], int(r[3]), _parse_counts(r[4]))
                 for r in _tsv_rows("named_actors.tsv"))


@functools.lru_cache(maxsize=8)
def _resolved(excluded: tuple[str, ...]) -> dict[tuple[str, bool], tuple[str, int]]:
    """(alias key, case-sensitive) -> (name, inter) of the best-supported name per alias,
    counting only the countries not ``excluded``."""
    best: dict[tuple[str, bool], tuple[int, str, int]] = {}
    for a in _rows():
        support, hits = a.support(excluded)
        if support < MIN_SUPPORT or not hits or support / hits < MIN_PRECISION:
            continue
        key = (a.text if a.case_sensitive else a.text.lower(), a.case_sensitive)
        if key not in best or support > best[key][0]:
            best[key] = (support, a.name, a.inter)
    return {k: (name, inter) for k, (_, name, inter) in best.items()}


def _alternation(aliases: list[str]) -> str:
    return "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _patterns(excluded: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    table = _resolved(excluded)
    sensitive = [k for k, cs in table if cs]
    insensitive = [k for k, cs in table if not cs]
    return (re.compile(rf"(?<![\w-])(?:{_alternation(sensitive)})(?![\w-])") if sensitive else None,
            re.compile(rf"(?<![\w-])(?:{_alternation(insensitive)})(?![\w-])", re.I) if insensitive else None)


def find_named_actor(text: str) -> tuple[int, int, str, int] | None:
    """The first named actor in ``text``: (start, end, ACLED name, inter code), else None.
    The name may hold ``{country}`` for the event's country."""
    excluded = tuple(_EXCLUDED)
    table = _resolved(excluded)
    found = []
    for pattern, cs in zip(_patterns(excluded), (True, False)):
        m = pattern.search(text) if pattern is not None else None
        if m:
            key = m.group(0) if cs else m.group(0).lower()
            found.append((m.start(), -(m.end() - m.start()), m.end(), *table[(key, cs)]))
    if not found:
        return None
    start, _, end, name, inter = min(found)
    return start, end, name, inter


@contextlib.contextmanager
def excluding(country: str | None) -> Iterator[None]:
    """Within the block, the table forgets what it learned from ``country``'s notes (a
    leave-one-country-out fold scores that country as one never seen)."""
    if country:
        _EXCLUDED.append(country)
    try:
        yield
    finally:
        if country:
            _EXCLUDED.remove(country)
