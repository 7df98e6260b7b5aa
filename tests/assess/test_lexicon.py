"""Lexicon files: the term syntax and the shipped files."""

import re

import pytest

from clamor.assess.lexicon import (
    LEXICON_FILES,
    LexiconError,
    compile_pattern,
    country_regex,
    load_attribution,
    load_lexicon,
    parse_lexicon,
    term_regex,
)


def matches(term, text):
    return [m.group() for m in re.finditer(term_regex(term), text, re.IGNORECASE)]


def test_wildcard_ends_a_word_only():
    assert matches("savag*", "Savagery and savages, not ravage") == ["Savagery", "savages"]
    assert matches("regime", "regimes") == []


def test_hyphen_and_apostrophe_variants():
    assert matches("so-called", "so-called, so called and socalled") == [
        "so-called", "so called", "socalled"]
    assert matches("mullahs'", "the mullahs’ regime") == ["mullahs’"]


def test_raw_regex_and_sentence_initial_marker():
    assert compile_pattern("re:\\bwe (?:must|urge)\\b", "plural").regex.search("WE MUST act")
    assert compile_pattern("^join us", "imperative").sentence_initial


@pytest.mark.parametrize("kind", sorted(LEXICON_FILES))
def test_shipped_lexicons_load_with_categories(kind):
    patterns = load_lexicon(kind)
    assert len(patterns) >= 5
    assert all(p.category for p in patterns)


def test_attribution_cues_load():
    cues = load_attribution()
    assert cues.reporting.search("police SAID on Monday")
    assert cues.according.search("according to the ministry")
    assert "sources" in cues.unnamed


def test_malformed_lexicon_line_names_file_and_line():
    with pytest.raises(LexiconError, match="x.tsv:2"):
        parse_lexicon("# comment\nterm without category\n", "x.tsv")
    with pytest.raises(LexiconError, match="bad lexicon pattern"):
        parse_lexicon("re:(unclosed\tcat\n", "x.tsv")


def test_country_terms_include_demonyms_and_fall_back_to_the_name():
    assert country_regex("Iran").search("IRANIAN students")
    assert country_regex("Atlantis").search("in atlantis today")
