import pytest

from clamor.geo import get_gazetteer
from clamor.geo.recognize import is_lowercased, is_near, recognize
from clamor.nlp import load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def test_spacy_entities_and_gazetteer_and_propagation(nlp):
    text = ("Kazerun residents marched on Friday. Security forces in Shiraz were sent to "
            "Kazerun, and Senator Marco Rubio spoke about it.")
    mentions = recognize(nlp(text), get_gazetteer())
    names = [m.text for m in mentions]
    assert names.count("Kazerun") == 2
    assert "Shiraz" in names
    assert "Marco Rubio" not in names and "Marco" not in names


def test_common_words_are_not_places(nlp):
    text = "On Monday in March the Police said Hope and Justice would win, the Mayor said."
    names = [m.text for m in recognize(nlp(text), get_gazetteer())]
    assert names == []


def test_demonyms_are_country_mentions(nlp):
    mentions = recognize(nlp("Israeli troops met Russian officials."), get_gazetteer())
    assert [m.text for m in mentions] == ["Israeli", "Russian"]


def test_lowercased_text_helpers():
    assert is_lowercased("police fired at protesters in ahmedabad on monday " * 3)
    assert not is_lowercased("Police fired at protesters in Ahmedabad on Monday. " * 3)
    assert is_near("clashes on the outskirts of ", len("clashes on the outskirts of "))
    assert not is_near("clashes in ", len("clashes in "))


def test_kind_hint():
    from clamor.geo.recognize import kind_hint

    text = "in Matuu town and Helmand province and Singra upazila"
    assert kind_hint(text, text.index(" town")) == "PPL"
    assert kind_hint(text, text.index(" province")) == "ADM1"
    assert kind_hint(text, text.index(" upazila")) == "ADM2"
    assert kind_hint(text, len("in Matuu town and")) is None


def test_locative_overrides_a_wrong_label(nlp):
    text = "Nurses went on strike and protested in Migori over non-payment of arrears."
    names = [m.text for m in recognize(nlp(text), get_gazetteer())]
    assert "Migori" in names


def test_abbreviation_keeps_its_period(nlp):
    text = "The crash happened near Charleston, W.Va. on Sunday."
    names = [m.text for m in recognize(nlp(text), get_gazetteer())]
    assert "W.Va." in names
