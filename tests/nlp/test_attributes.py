from pathlib import Path

import pytest

from clamor.nlp.attributes import IndexedMatches, UnsupportedPattern, use_indexed_matches
from clamor.nlp.model import load_spacy

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Pattern-rich text: contractions, quotes, "I" as subject, list markers, spaces, numbers.
TEXT = ("\u201cI can't believe it,\u201d said Ms. Otieno, 45, who'd walked  2.5 km.\n\n"
        "They're gonna march again -- 'We won't stop!' -- on Friday; police didn't comment.")


def _texts() -> list[str]:
    return [TEXT] + [p.read_text(errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]


def _annotated_without_ruler():
    nlp = load_spacy()
    return nlp, [nlp(t) for t in _texts()]


def test_load_spacy_uses_the_indexed_matches():
    ruler = load_spacy().get_pipe("attribute_ruler")
    assert isinstance(ruler.match, IndexedMatches)


def test_same_matches_as_spacy_matcher():
    nlp, docs = _annotated_without_ruler()
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = ruler.match
    for doc in docs:
        expected = type(ruler).match(ruler, doc)
        assert expected and indexed(doc) == expected


def test_same_annotations_as_spacy_matcher():
    nlp = load_spacy()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = [[(t.pos_, str(t.morph)) for t in nlp(text)] for text in _texts()]
    del ruler.match  # back to the class's method, spaCy's Matcher
    try:
        slow = [[(t.pos_, str(t.morph)) for t in nlp(text)] for text in _texts()]
    finally:
        use_indexed_matches(nlp)
    assert fast == slow


def test_unknown_pattern_keeps_the_matcher():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"NORM": "a"})
    with pytest.raises(UnsupportedPattern):
        IndexedMatches(ruler)
    assert use_indexed_matches(nlp) is False
    assert "match" not in vars(ruler)
