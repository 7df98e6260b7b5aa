"""The attribute ruler's matches, found by table look-up instead of spaCy's Matcher.

The packaged English pipelines map fine-grained tags to part of speech and morphology with
an ``attribute_ruler`` of ~180 one- or two-token patterns (TAG, LOWER, DEP, IS_SPACE). Its
Matcher tries every pattern at every token and took a fifth of the whole pipeline's time
on news articles (issue 15: 2.4 s of 11.8 s on 40 event articles, more than the parser).
:class:`IndexedMatches` indexes the patterns by their first token's TAG or LOWER, so each
token is checked against the few patterns that can start there, and returns the matches
in the Matcher's order; the ruler's own ``set_annotations`` then writes them, so the
annotations are the same (tests/nlp/test_attributes.py compares both on real text).
A ruler holding a pattern this module does not know keeps spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Distinct token rows (tag, lowercase form, dependency, is-space) whose one-token verdicts
#: are kept; a few hundred thousand bound the memory (~100 MB) on an endless stream.
ROW_CACHE_SIZE = 200_000

#: Token attributes a pattern may test here, in the order of the rows of ``Doc.to_array``.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnsupportedPattern(ValueError):
    """An attribute-ruler pattern this module cannot index (an operator, an unknown key)."""


def _predicate(key: str, value, strings) -> Callable:
    """A test on one token's row of ``Doc.to_array(_COLUMNS)`` (string attributes as hashes)."""
    if key not in _COLUMNS:
        raise UnsupportedPattern(f"attribute {key!r}")
    col = _COLUMNS.index(key)
    if key == "IS_SPACE":
        return lambda row: bool(row[col]) == bool(value)
    if isinstance(value, dict):
        if set(value) == {"REGEX"}:
            rx, seen = re.compile(value["REGEX"]), {}

            def search(row):  # memoised per string hash: a regex per token is slow
                h = row[col]
                if h not in seen:
                    seen[h] = bool(rx.search(strings[h])) if h in strings else False
                return seen[h]
            return search
        if set(value) in ({"IN"}, {"NOT_IN"}):
            hashes = frozenset(strings.add(v) for v in next(iter(value.values())))
            if "IN" in value:
                return lambda row: row[col] in hashes
            return lambda row: row[col] not in hashes
        raise UnsupportedPattern(f"{key}: {value!r}")
    wanted = strings.add(value)
    return lambda row: row[col] == wanted


class IndexedMatches:
    """A drop-in for ``AttributeRuler.match``: same matches, same order."""

    def __init__(self, ruler):
        self.ruler = ruler
        # Rules indexed by their first token's TAG or LOWER hash ([0]: one-token rules,
        # [1]: longer ones), and those that can start anywhere.
        self.by_tag: tuple[dict, dict] = ({}, {})
        self.by_lower: tuple[dict, dict] = ({}, {})
        self.anywhere: tuple[list, list] = ([], [])
        self._one_token: dict[tuple, list] = {}
        strings = ruler.vocab.strings
        for attr_id, patterns in enumerate(_patterns_by_rule(ruler)):
            match_id = strings[str(attr_id)]
            for pattern in patterns:
                tests = [[_predicate(k, v, strings) for k, v in spec.items()] for spec in pattern]
                rule = (attr_id, match_id, len(pattern), tests)
                first, longer = pattern[0], int(len(pattern) > 1)
                if isinstance(first.get("TAG"), str):
                    self.by_tag[longer].setdefault(strings.add(first["TAG"]), []).append(rule)
                elif isinstance(first.get("LOWER"), str):
                    self.by_lower[longer].setdefault(strings.add(first["LOWER"]), []).append(rule)
                else:
                    self.anywhere[longer].append(rule)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import IDS

        rows = [tuple(r) for r in doc.to_array([IDS[c] for c in _COLUMNS]).tolist()]
        n, found = len(rows), set()
        for i, row in enumerate(rows):
            # One-token rules depend on the row alone, and rows repeat ("the", ","), so their
            # verdicts are cached per row; longer rules are tried where they can start.
            hits = self._one_token.get(row)
            if hits is None:
                if len(self._one_token) > ROW_CACHE_SIZE:
                    self._one_token.clear()
                hits = self._one_token[row] = [
                    (a, m) for a, m, _, tests in self._candidates(row, 0)
                    if all(t(row) for t in tests[0])]
            found.update((a, m, i, i + 1) for a, m in hits)
            for attr_id, match_id, length, tests in self._candidates(row, 1):
                if length <= n - i and all(all(t(rows[i + k]) for t in token_tests)
                                               for k, token_tests in enumerate(tests)):
                    found.add((attr_id, match_id, i, i + length))
        return sorted(found)

    def _candidates(self, row, longer: int) -> tuple:
        return (*self.by_tag[longer].get(row[0], ()), *self.by_lower[longer].get(row[1], ()),
                *self.anywhere[longer])


def _patterns_by_rule(ruler) -> list[list[list[dict]]]:
    """Each rule's token patterns, in the order the rules were added (their attribute id)."""
    rules: list[list[list[dict]]] = [[] for _ in ruler.attrs]
    for attr_id in range(len(ruler.attrs)):
        patterns = ruler.matcher.get(ruler.vocab.strings[str(attr_id)])[1]
        for pattern in patterns:
            if any("OP" in spec for spec in pattern):
                raise UnsupportedPattern("operator in a pattern")
            rules[attr_id].append(pattern)
    return rules


def use_indexed_matches(nlp) -> bool:
    """Give the pipeline's ``attribute_ruler`` (if any) the indexed matcher; False when it
    has none or holds a pattern this module does not know (spaCy's Matcher stays)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = IndexedMatches(ruler)
    except UnsupportedPattern:
        return False
    return True
