"""The numpy feature counts give py3langid's own counts and scores, exactly."""

from __future__ import annotations

import random

import numpy as np
import pytest

from clamor.nlp import ngrams
from clamor.nlp.language import _identifier, identify_language

TEXTS = [
    "", "a", "ab", "Police fired tear gas at protesters in Nairobi on Monday.",
    "THE MINISTER SAID NOTHING.", "Zürich – Straße, ça va? «Да» 東京 🙂",
    "line one\n\nline two\x00with a NUL byte", "ab" * 3000,
    "Les manifestants ont bloqué la route nationale pendant trois heures.",
]


def _random_texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghij klmnop,.!?éüß—\n東京0123"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(n)]


@pytest.mark.parametrize("text", TEXTS + _random_texts(40))
def test_counts_equal_py3langids_loop_in_its_order(text):
    from py3langid.langid import visit_counts

    ident = _identifier()
    data = ident._encode(text)
    expected = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)
    got = ngrams.visit_counts(data, ident._np_nextmove, ident._np_rowbase, ident._np_output,
                              ident._depth)
    assert got == expected
    assert list((got or {}).items()) == list((expected or {}).items())  # same order


def test_a_window_shorter_than_the_trie_gives_other_counts():
    """The equality above depends on walking whole windows: one byte short differs."""
    ident = _identifier()
    data = ident._encode("Police fired tear gas at protesters in Nairobi on Monday.")
    full = ngrams.visit_counts(data, ident._np_nextmove, ident._np_rowbase, ident._np_output,
                               ident._depth)
    short = ngrams.visit_counts(data, ident._np_nextmove, ident._np_rowbase,
                                ident._np_output, ident._depth - 3)
    assert short != full


def test_scores_identical_to_py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in TEXTS[1:]:
        assert _identifier().rank(text.lower()) == plain.rank(text.lower())


def test_known_depth_is_the_measured_depth():
    ident = _identifier()
    size = (len(ident.tk_nextmove), len(ident.tk_output))
    assert size in ngrams.KNOWN_DEPTHS, "py3langid's model changed: measure its depth"
    assert ngrams.trie_depth(ident._np_nextmove, ident._np_rowbase) == ngrams.KNOWN_DEPTHS[size]


def test_trie_depth_of_a_small_automaton():
    # states: 0 root, 1 "a", 2 "ab", 3 "abc"; every other move goes back to the root
    rowbase = np.arange(4) * 256
    nextmove = np.zeros(4 * 256, dtype=np.int64)
    nextmove[0 * 256 + ord("a")] = 1
    nextmove[1 * 256 + ord("b")] = 2
    nextmove[2 * 256 + ord("c")] = 3
    nextmove[[1 * 256 + ord("a"), 2 * 256 + ord("a"), 3 * 256 + ord("a")]] = 1
    assert ngrams.trie_depth(nextmove, rowbase) == 3


def test_language_codes_and_scores_unchanged_on_dev_documents(shared_data, monkeypatch):
    """identify_language on dev documents: the same (code, score) with py3langid's loop."""
    from py3langid import langid

    from clamor.evaluate.gold import read_glocon_documents, read_india_police_events

    texts = [d.text for d in read_glocon_documents(
        shared_data / "glocon_sample/document_Sabinet_R.json")][:60]
    texts += [d.text for d in read_india_police_events(
        shared_data / "india_police_events/docs.csv")][:60]
    fast = [identify_language(t) for t in texts]
    plain = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    monkeypatch.setattr("clamor.nlp.language._identifier", lambda: plain)
    assert fast == [identify_language(t) for t in texts]
