"""Publisher identification: byline, site name, URL, masthead; a mention is not a masthead."""

import pytest

from clamor.assess.publisher import byline_candidates, identify_publisher, text_byline
from clamor.assess.registry import load_registry
from clamor.models import Article

BODY = "Hundreds of people marched in the city on Tuesday against higher fuel prices."


def art(text=BODY, **meta):
    return Article(article_id="t", text=text, **meta)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_byline_candidates():
    assert byline_candidates("Analysis by PMOI/MEK") == ["PMOI/MEK"]
    assert "Reuters" in byline_candidates("By Jane Doe, Reuters")
    assert "Al Jazeera" in byline_candidates("John Smith for Al Jazeera")
    assert "Reuters" in byline_candidates("By Reuters Staff")


def test_author_extracted_by_the_reader(registry):
    match = identify_publisher(art(author="PMOI/MEK", byline="Analysis by PMOI/MEK"), registry)
    assert match.name == "PMOI/MEK"
    assert match.entry.party_to_conflict
    assert match.evidence == "byline: Analysis by PMOI/MEK"


def test_byline_line_in_the_text_when_the_reader_found_none(registry):
    text = "Protests spread\n\nAnalysis by PMOI/MEK\n\n" + BODY
    assert text_byline(text) == "Analysis by PMOI/MEK"
    assert identify_publisher(art(text), registry).name == "PMOI/MEK"


def test_prose_by_phrase_is_not_a_byline(registry):
    text = BODY + " The march was organised by local traders and joined by Reuters readers."
    assert text_byline(text) is None


def test_site_name_and_url(registry):
    assert identify_publisher(art(publisher="Press TV"), registry).entry.type == "state_run_outlet"
    match = identify_publisher(art(url="https://www.aljazeera.com/news/2024/1/1/x"), registry)
    assert match.name == "Al Jazeera" and match.evidence == "url: aljazeera.com"


@pytest.mark.parametrize("text,name", [
    ("TEHRAN (Reuters) - " + BODY, "Reuters"),
    ("NAIROBI, Kenya (AP) \u2014 " + BODY, "Associated Press"),
    ("RUSTENBURG, October 24 (ANA) - " + BODY, "African News Agency"),
    ("LONDON (REUTERS) - " + BODY.upper(), "Reuters"),
    (BODY + " Sapa-AFP /np", "Agence France-Presse"),
])
def test_dateline_and_closing_mastheads(registry, text, name):
    match = identify_publisher(art(text), registry)
    assert match.name == name and match.evidence.startswith("masthead")


def test_a_mention_is_not_a_masthead(registry):
    text = BODY + " IRNA reported that 12 people were arrested, and Reuters could not verify it."
    match = identify_publisher(art(text), registry)
    assert match.entry is None and match.name is None


def test_unknown_site_is_reported_without_a_type(registry):
    match = identify_publisher(art(publisher="Nakuru Weekly"), registry)
    assert match.name == "Nakuru Weekly" and match.entry is None
    match = identify_publisher(art(url="https://news.example.org/a/1"), registry)
    assert match.name == "news.example.org" and match.entry is None


def test_byline_wins_over_site_name(registry):
    match = identify_publisher(art(author="Reuters", publisher="Yahoo News"), registry)
    assert match.name == "Reuters"


def test_lower_case_last_word_is_not_a_closing_credit(registry):
    text = BODY.lower() + " the minister then left for the spa"
    assert identify_publisher(art(text), registry).entry is None


def test_inline_byline_in_text_without_line_breaks(registry):
    text = "Ennis-Hill out of meeting By The Associated Press Olympic champion Jessica withdrew."
    match = identify_publisher(art(text), registry)
    assert match.name == "Associated Press" and match.evidence == "byline: By The Associated Press"
    assert identify_publisher(art("Marchers were led By Grace Wanjiku on Monday."),
                              registry).entry is None


def test_press_release_issuer_is_named_without_a_type(registry):
    text = ("Issued by: Office of the Premier Attention: News Editors For immediate release: "
            "the premier visited the flooded district.")
    match = identify_publisher(art(text), registry)
    assert match.name == "Office of the Premier" and match.entry is None


@pytest.mark.parametrize("site,name", [("IRNA English", "IRNA"), ("Reuters.com", "Reuters"),
                                       ("BBC News - Home", "BBC")])
def test_site_name_variants(registry, site, name):
    assert identify_publisher(art(publisher=site), registry).name == name
