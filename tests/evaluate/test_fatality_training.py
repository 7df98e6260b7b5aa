"""Training the fatality selector: sentence-wise examples, a fit that learns the dead."""

import pytest

from clamor.evaluate import fatality_training as ft


def test_split_sentences_keeps_offsets():
    text = "On 3 May, gunmen killed 2 people. 4 were injured."
    parts = ft.split_sentences(text)
    assert [s for _, s in parts] == ["On 3 May, gunmen killed 2 people.", "4 were injured."]
    assert all(text[o:o + len(s)] == s for o, s in parts)


def test_fit_learns_to_pick_the_dead_over_the_injured():
    pytest.importorskip("sklearn")
    texts, gold = [], []
    for i in range(2, 40):
        texts.append(f"On {i % 28 + 1} May, gunmen killed {i} people in Alpha. {i + 3} were injured.")
        gold.append(i)
        texts.append(f"On {i % 28 + 1} June, police wounded {i} protesters in Beta.")
        gold.append(0)
    ex = ft.Examples.build(texts, gold)
    model, info = ft.fit(ex, range(len(texts)))
    assert ft.exact(ex, range(len(texts)), ex.predict(model, range(len(texts)))) > 0.9
    assert info["n_notes"] == len(texts) and 0.2 <= info["threshold"] <= 0.9
