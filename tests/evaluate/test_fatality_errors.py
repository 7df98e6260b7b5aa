"""Fatality error categories: no event (and the check that stopped it), too high, too low."""

from types import SimpleNamespace

import pytest

from clamor.evaluate import fatality_errors as fe
from clamor.models import Evidence


def _event(fatalities, phrase=None, start=0):
    evidence = [] if phrase is None else [Evidence(field="fatalities", start=start,
                                                   end=start + len(phrase), text=phrase)]
    return SimpleNamespace(fatalities=fatalities, evidence=evidence)


def test_categories_read_a_missing_count_as_zero():
    assert fe.category(3, None) == "no event"
    assert fe.category(0, _event(None)) == "right"
    assert fe.category(None, _event(0)) == "right"
    assert fe.category(2, _event(5)) == "too high"
    assert fe.category(2, _event(None)) == "too low"


def test_phrase_is_the_evidence_or_what_the_rules_read_elsewhere():
    text = "Gunmen attacked a village. Four people were killed."
    assert fe.count_phrase(text, _event(4, "Four people were killed", 27)) == "Four people were killed"
    assert fe.count_phrase(text, _event(None)).startswith("not given to the event: Four")
    assert fe.count_phrase("Gunmen attacked a village.", _event(None)) == "no count read"


def test_tally_counts_each_note_once():
    texts = ["a", "b", "c"]
    out = fe.tally(texts, [0, 2, 1], [_event(0), _event(3, "3 killed"), _event(0)])
    assert out["categories"] == {"right": 1, "too high": 1, "too low": 1}
    assert out["wrong_count"] == {"too high: read from a phrase": 1, "too low: no count read": 1}
    assert [p["note"] for p in out["phrases"]] == [1, 2]


@pytest.mark.parametrize("text, reason", [
    ("Floods swept through the town on Monday, killing five people.", "out of taxonomy"),
    ("The weather was fine in the capital on Monday.", "no trigger word"),
])
def test_why_no_event_names_the_check(text, reason):
    pytest.importorskip("spacy")
    assert fe.why_no_event(text) == reason
