from clamor.extract.sentences import split_sentences


def test_paragraph_break_ends_a_sentence_even_without_punctuation(nlp):
    text = "Protesters marched in Lagos\n\nPolice said nothing happened."
    sents = split_sentences(text, nlp(text))
    assert [s.text for s in sents] == ["Protesters marched in Lagos", "Police said nothing happened."]


def test_offsets_slice_the_text(nlp):
    text = "Title line\nFirst sentence here. Second one follows.\n\n  Indented paragraph."
    for s in split_sentences(text, nlp(text)):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_wrapped_lines_are_joined():
    text = "Hundreds of workers gathered outside the factory\nand demanded their unpaid wages."
    sents = split_sentences(text)
    assert len(sents) == 1


def test_list_items_stand_alone():
    text = "Events:\n- strike in Accra.\n- march in Kumasi."
    assert [s.text for s in split_sentences(text)][-2:] == ["- strike in Accra.", "- march in Kumasi."]


def test_fallback_without_doc_splits_on_punctuation():
    sents = split_sentences("One thing happened. Another thing happened.")
    assert len(sents) == 2


def test_a_related_stories_label_starts_a_link_list_to_the_end_of_its_paragraph():
    from clamor.extract.sentences import link_list_starts

    text = "Police arrested ten men. related stories: riots in vadodara\n\nThe next paragraph."
    sentences = split_sentences(text)
    assert link_list_starts(sentences) == {0: text.index("related")}
    assert link_list_starts(split_sentences("In related news, police arrested ten men.")) == {}
