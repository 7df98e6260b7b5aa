from clamor.extract.sentences import split_sentences
from clamor.nlp.model import load_spacy
from clamor.nlp.scope import LEAD_SENTENCES, blanked, parse_spans, scoped_doc

# Lead (3 sentences), quiet filler, one report with a trigger, more filler.
TEXT = ("NAIROBI, Kenya - The weather was fine.\n\nThe market opened at nine. Traders sold fruit. "
        "Bananas were cheap. Shares rose in Tokyo. The bus was late. "
        "Police fired tear gas at protesters in Nakuru on Friday. "
        "Schools reopened in Mombasa. The library lent books. The train left on time.")


def _sentence(text, start_of):
    return next(s for s in split_sentences(text) if s.text.startswith(start_of))


def test_spans_cover_lead_and_trigger_sentence_with_its_neighbours_only():
    spans = parse_spans(TEXT)
    kept = " ".join(TEXT[s:e] for s, e in spans)
    assert "Police fired tear gas" in kept
    assert "The bus was late." in kept and "Schools reopened" in kept  # one either side
    assert "Shares rose in Tokyo" not in kept and "The train left" not in kept
    lead = split_sentences(TEXT)[:LEAD_SENTENCES]
    assert all(s.text in kept for s in lead)


def test_no_trigger_word_nothing_to_parse():
    assert parse_spans("The market opened at nine. Traders sold fruit in the square.") == []


def test_blanking_keeps_offsets_and_line_breaks():
    spans = [(0, 5)]
    out = blanked("Hello world\nagain", spans)
    assert out == "Hello      \n     "
    assert len(out) == len("Hello world\nagain")


def test_scoped_doc_offsets_refer_to_the_text_and_blank_runs_stand_alone():
    nlp = load_spacy()
    spans = parse_spans(TEXT)
    doc = nlp(scoped_doc(nlp, TEXT, spans))
    assert len(doc.text) == len(TEXT)
    for ent in doc.ents:  # every entity is real text at its own offsets
        assert TEXT[ent.start_char:ent.end_char] == ent.text
    assert any(e.text == "Nakuru" for e in doc.ents)
    assert not any(e.text == "Tokyo" for e in doc.ents)  # blanked, never parsed
    for sent in doc.sents:  # no sentence mixes parsed text with a blank run
        assert not sent.text.strip() or not any(t.is_space and len(t.text) > 3 for t in sent)


def test_split_sentences_on_a_scoped_doc_gives_the_blanked_sentences_too():
    nlp = load_spacy()
    doc = nlp(scoped_doc(nlp, TEXT, parse_spans(TEXT)))
    texts = [s.text for s in split_sentences(TEXT, doc)]
    assert "Shares rose in Tokyo." in texts and "The train left on time." in texts
    assert _sentence(TEXT, "Police").text in texts


def test_one_lower_cased_trigger_pattern_agrees_with_the_lexicon_patterns_one_by_one():
    from clamor.extract.lexicon import load_lexicon
    from clamor.nlp.scope import has_trigger_word

    patterns = load_lexicon().triggers.values()
    texts = [TEXT, "The market opened at nine.", "POLICE FIRED TEAR GAS AT PROTESTERS.",
             "Rebels Attacked the town; the Army Retook it.", "A sit-in, a march 5 km long.",
             "Shares rose; the weather was fine.", "", "multi-talented armed-men",
             "R\u0130OTERS KILLED", "ri\u0131ot", "protes\u017f in \u0130stanbul"]
    texts += [s.text for s in split_sentences(TEXT)]
    for text in texts:
        assert has_trigger_word(text) == any(p.search(text) for p in patterns), text


def test_sentence_trigger_test_is_the_uncached_one_and_remembered():
    from clamor.nlp.scope import has_trigger_word, sentence_has_trigger_word

    sentences = ["Police fired tear gas at the marchers.", "The weather was fine.",
                 "Hundreds PROTESTED outside parliament.", "Shares rose 3 per cent."]
    sentence_has_trigger_word.cache_clear()
    assert [sentence_has_trigger_word(s) for s in sentences] == [
        has_trigger_word(s) for s in sentences]
    assert [sentence_has_trigger_word(s) for s in sentences] == [True, False, True, False]
    assert sentence_has_trigger_word.cache_info().hits == len(sentences)
