"""assess_source: the issue's done criteria on the seed, and no alarm on wire-style text."""

import pytest

from clamor.assess import assess_source
from clamor.assess.source import OWN_COUNTRY_MIN_MENTIONS
from clamor.models import Article
from clamor.options import Options


def seed_article(path) -> Article:
    text = path.read_text(encoding="utf-8")
    try:
        from clamor.ingest import read_text
    except ImportError:  # the reader is another stage; the assessment must not need it
        return Article(article_id="seed", text=text)
    return read_text(text)


@pytest.fixture
def wire(fixtures) -> Article:
    text = (fixtures / "assess" / "wire_story.txt").read_text(encoding="utf-8")
    return Article(article_id="wire", text=text)


def test_seed_is_pmoi_mek_opposition_and_party_to_the_conflict(seed_path):
    article = seed_article(seed_path)
    source = assess_source(article, Options())
    assert source.publisher == "PMOI/MEK"
    assert source.publisher_type == "opposition_or_advocacy"
    assert source.party_to_conflict and source.partisan
    assert source.affiliation_country == "Iran"
    assert source.citation.startswith("https://")
    loaded = [s for s in source.signals if s.kind == "loaded_term"]
    assert {"savagery", "corruptocrats"} <= {s.text.casefold() for s in loaded}
    for signal in source.signals:
        assert article.text[signal.start:signal.end] == signal.text
    assert "PMOI/MEK" in source.summary and "party to the conflict" in source.summary


def test_seed_raw_text_without_reader_also_identified(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    source = assess_source(Article(article_id="seed", text=text))
    assert source.publisher == "PMOI/MEK" and source.partisan


def test_wire_text_is_not_partisan_and_far_less_loaded(wire, seed_path):
    source = assess_source(wire)
    assert source.publisher == "Reuters" and source.publisher_type == "wire_service"
    assert not source.partisan and not source.party_to_conflict
    seed = assess_source(seed_article(seed_path))
    assert source.rates["loaded_term"] * 10 < seed.rates["loaded_term"]


def test_state_run_outlet_is_partisan_only_on_its_own_state():
    abroad = Article(article_id="a", text=(
        "JOHANNESBURG, May 5 (Xinhua) -- Mine workers in South Africa marched on Monday "
        "to demand higher wages, the union said."))
    home = Article(article_id="h", text=(
        "BEIJING, May 5 (Xinhua) -- China will expand rail links in western China, "
        "Chinese officials said on Monday."))
    assert OWN_COUNTRY_MIN_MENTIONS >= 2
    a, h = assess_source(abroad), assess_source(home)
    assert a.publisher == h.publisher == "Xinhua"
    assert not a.partisan and h.partisan


def test_user_registry_from_options(fixtures):
    options = Options(registry_paths=(str(fixtures / "assess" / "my_registry.json"),))
    article = Article(article_id="u", text="Fishermen protested in Mombasa on Monday.",
                      url="https://harbourvoice.example/2024/protest")
    source = assess_source(article, options)
    assert source.publisher == "Harbour Voice" and source.partisan
    assert assess_source(article).publisher == "harbourvoice.example"


def test_unknown_publisher_is_not_partisan_whatever_the_language():
    text = "We demand justice! The regime's thugs showed their savagery. Join us on Friday."
    source = assess_source(Article(article_id="x", text=text))
    assert source.publisher is None and not source.partisan
    assert source.rates["loaded_term"] > 100
    assert "Publisher not identified" in source.summary


@pytest.mark.parametrize("transform", [str.upper, str.lower])
def test_seed_in_other_case_gives_the_same_assessment(seed_path, transform):
    text = seed_path.read_text(encoding="utf-8")
    original = assess_source(Article(article_id="s", text=text))
    changed = assess_source(Article(article_id="s", text=transform(text)))
    assert changed.publisher == "PMOI/MEK" and changed.partisan
    assert changed.rates["loaded_term"] == original.rates["loaded_term"]
