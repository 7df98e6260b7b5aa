"""Language signals on short passages the team wrote: one test per kind, exact offsets."""

import pytest

from clamor.assess.signals import (
    SIGNAL_KINDS,
    find_signals,
    quote_spans,
    sentence_spans,
    signal_rates,
    word_count,
)


def kinds(text, kind):
    found = [s for s in find_signals(text) if s.kind == kind]
    for s in found:
        assert text[s.start:s.end] == s.text
    return found


def texts(text, kind):
    return [s.text for s in kinds(text, kind)]


def test_loaded_terms_with_categories_and_offsets():
    text = "The regime's thugs answered peaceful marchers with savagery. Vermin, they called them."
    found = kinds(text, "loaded_term")
    assert [(s.text, s.category) for s in found] == [
        ("regime", "delegitimising"), ("thugs", "pejorative_label"),
        ("savagery", "emotive_violence"), ("Vermin", "dehumanising")]


def test_technical_regime_is_not_loaded():
    assert texts("The new tax regime and the visa regime took effect.", "loaded_term") == []


def test_intensifiers():
    text = "A massive crowd from all walks of life filled the square, very angry."
    assert texts(text, "intensifier") == ["massive", "all walks of life", "very"]


def test_hedges():
    text = "The strike, described by many as historic, reportedly closed every port."
    found = kinds(text, "hedge")
    assert [(s.text, s.category) for s in found] == [
        ("described by many as", "vague_attribution"), ("reportedly", "epistemic")]


def test_attributed_claims_named_and_unnamed():
    text = ("Police commander John Mwangi said 14 people were arrested. "
            "Two people died, sources said. "
            "According to the Interior Ministry, the curfew ends on Friday.")
    found = kinds(text, "attributed_claim")
    assert [(s.text, s.category) for s in found] == [
        ("commander John Mwangi said", "named"), ("sources said", "unnamed"),
        ("According to the Interior Ministry", "named")]


def test_unattributed_claims():
    text = ("Police said the march was calm. Clearly the government fears its people. "
            "The brutal crackdown will fail. Traders closed their shops.")
    found = kinds(text, "unattributed_claim")
    assert [(s.text, s.category) for s in found] == [
        ("Clearly the government fears its people.", "assertion"),
        ("The brutal crackdown will fail.", "evaluative")]


def test_first_person_advocacy_but_not_in_quotes_or_reported_speech():
    text = ("We demand the release of our brothers. "
            "\"We will not give up,\" one marcher shouted. "
            "We must keep calm, the governor said.")
    found = kinds(text, "first_person_advocacy")
    assert [(s.text, s.category) for s in found] == [
        ("We demand", "plural"), ("our brothers", "plural")]


def test_calls_to_action():
    text = ("Join us in the square on Friday. The international community must act now. "
            "Officials asked residents to join the clean-up.")
    found = kinds(text, "call_to_action")
    assert [s.text for s in found] == ["Join us", "The international community must"]


@pytest.mark.parametrize("transform", [str.lower, str.upper])
def test_case_robust(transform):
    text = ("The regime's thugs answered with savagery. We demand justice. "
            "Join us on Friday. Witnesses said the crowd was huge.")
    original = [(s.kind, s.start, s.end) for s in find_signals(text)]
    changed = [(s.kind, s.start, s.end) for s in find_signals(transform(text))]
    assert changed == original


def test_sentences_do_not_split_after_abbreviations_or_initials():
    text = "Mr. Smith met Gen. A. Khan in the U.S. capital. He left.\nNew line here"
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["Mr. Smith met Gen. A. Khan in the U.S. capital.", "He left.", "New line here"]


def test_quote_spans():
    text = 'He said "go home" and \u201cstay there\u201d and \'\'no\'\'.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['"go home"', "\u201cstay there\u201d", "''no''"]


def test_rates_per_thousand_words_for_every_kind():
    text = "Savagery. " + "word " * 199
    rates = signal_rates(find_signals(text), text)
    assert word_count(text) == 200
    assert set(rates) == set(SIGNAL_KINDS)
    assert rates["loaded_term"] == 5.0
    assert rates["call_to_action"] == 0.0
    assert signal_rates([], "") == {k: 0.0 for k in SIGNAL_KINDS}


def test_plain_wire_passage_has_no_loaded_terms(fixtures):
    text = (fixtures / "assess" / "wire_story.txt").read_text(encoding="utf-8")
    signals = find_signals(text)
    assert not [s for s in signals if s.kind in ("loaded_term", "first_person_advocacy",
                                                 "call_to_action", "unattributed_claim")]
    assert len([s for s in signals if s.kind == "attributed_claim"]) >= 4


def test_hard_wrapped_lines_stay_one_sentence():
    text = ("Thousands of workers marched through the centre of the capital on\n"
            "Monday, police said.\nStrike Spreads\nMore marches followed.")
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans[0].startswith("Thousands") and spans[0].endswith("police said.")
    assert spans[1:] == ["Strike Spreads", "More marches followed."]


def test_anchor_is_the_literal_start_of_a_term():
    from clamor.assess.signals import _anchor

    assert _anchor("cockroach*") == "cockroach"
    assert _anchor("^join us") == "join"
    assert _anchor("so-called") is None  # "so" is too short to be worth a test
    assert _anchor("re:\\bwe must\\b") is None


@pytest.mark.parametrize("text", [
    "The regime's thugs unleashed a massive, brutal crackdown. We demand justice!",
    "THE REGIME'S THUGS UNLEASHED A MASSIVE, BRUTAL CRACKDOWN. WE DEMAND JUSTICE!",
    "Sign the petition now. Described by many as barbaric, the so-called reform failed.",
    "Der Kelvin \u212a und das lange \u017f: savage vermin, cockroaches.",
])
def test_anchor_shortcut_finds_the_same_signals_as_scanning_every_term(monkeypatch, text):
    import clamor.assess.signals as signals

    with_shortcut = find_signals(text)
    monkeypatch.setattr(signals, "_anchor", lambda term: None)
    assert find_signals(text) == with_shortcut
