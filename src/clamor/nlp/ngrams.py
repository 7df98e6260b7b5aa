"""py3langid's feature counts in numpy: the same numbers as its per-byte Python loop.

py3langid scores a text from the counts of the byte n-grams it knows, found by walking an
Aho-Corasick automaton over the UTF-8 bytes one byte at a time in Python (``visit_counts``:
about two thirds of ``identify_language``'s time). The automaton's state after a byte is the
longest suffix of the bytes read so far that is a node of its trie, and no node is longer
than the trie's depth D (6 bytes in the shipped model), so the state after byte i depends
only on bytes i-D+1..i: walking every position's D-byte window from the start state gives
the same state. numpy walks all windows at once, D steps in all, and the counts come back
in the loop's order (first occurrence), so the naive Bayes sum adds the same float32
numbers in the same order: identical scores (``tests/nlp/test_ngrams.py``).
"""

from __future__ import annotations

import functools

import numpy as np


#: The trie depth of py3langid 0.4.0's shipped model (``trie_depth``, ~3 s to measure) and
#: the automaton's size that identifies that model: a model of another size is measured.
KNOWN_DEPTHS = {(9816576, 104583): 6}

#: States expanded at once while measuring the trie's depth (x 256 moves each): bounds the
#: memory of one step to a few MB.
DEPTH_BLOCK = 4096


def trie_depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """The length of the automaton's longest trie node: the number of breadth-first steps
    from the start state (0) that still reach a new state."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier, depth, moves = np.array([0]), 0, np.arange(256)
    while True:
        new = []
        for at in range(0, len(frontier), DEPTH_BLOCK):
            reached = nextmove[(rowbase[frontier[at:at + DEPTH_BLOCK]][:, None] + moves).ravel()]
            reached = np.unique(reached[~seen[reached]])
            seen[reached] = True
            new.append(reached)
        frontier = np.concatenate(new)
        if not len(frontier):
            return depth
        depth += 1


def window_states(text: bytes, nextmove: np.ndarray, rowbase: np.ndarray,
                  depth: int) -> np.ndarray:
    """The automaton's state after each byte of ``text``, walking each byte's window of the
    ``depth`` bytes ending at it from the start state (shorter windows at the start)."""
    data = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
    n = len(data)
    states = np.zeros(n, dtype=np.int64)
    for back in range(min(depth, n) - 1, -1, -1):  # oldest byte of the window first
        # position i reads byte i-back; positions before the text's start have none
        live = slice(back, n)
        states[live] = nextmove[rowbase[states[live]] + data[:n - back]]
    return states


def visit_counts(text: bytes, nextmove: np.ndarray, rowbase: np.ndarray,
                 output: np.ndarray, depth: int) -> dict[int, int] | None:
    """{feature index: count} in order of first occurrence, as py3langid's ``visit_counts``
    returns them; None for a text with no feature."""
    if not text:
        return None
    features = output[window_states(text, nextmove, rowbase, depth)]
    features = features[features >= 0]
    if not len(features):
        return None
    found, first, counts = np.unique(features, return_index=True, return_counts=True)
    order = np.argsort(first)
    return dict(zip(found[order].tolist(), counts[order].tolist()))


@functools.lru_cache(maxsize=1)
def vector_identifier_class():
    """py3langid's ``LanguageIdentifier`` with the numpy counts (a class made on first use,
    so importing clamor does not import py3langid)."""
    from py3langid.langid import LanguageIdentifier

    class VectorIdentifier(LanguageIdentifier):
        """Counts features with :func:`visit_counts`; everything else is py3langid's."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._np_nextmove = np.frombuffer(self.tk_nextmove, dtype=self.tk_nextmove.typecode
                                              ).astype(np.int64)
            self._np_rowbase = np.asarray(self._rowbase, dtype=np.int64)
            self._np_output = np.asarray(self.tk_output, dtype=np.int64)
            size = (len(self.tk_nextmove), len(self.tk_output))
            self._depth = KNOWN_DEPTHS.get(size) or trie_depth(self._np_nextmove,
                                                               self._np_rowbase)

        def _raw_score(self, text):
            visits = visit_counts(text, self._np_nextmove, self._np_rowbase,
                                  self._np_output, self._depth)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(b"")  # py3langid's own answer for no feature

    return VectorIdentifier
