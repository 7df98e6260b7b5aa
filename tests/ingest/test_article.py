import datetime as dt

from clamor.ingest import read, read_text
from clamor.ingest.article import article_id
from clamor.models import ArticleStatus

STORY = ("Hundreds of traders marched through the centre of Nakuru on Tuesday to protest "
         "against new market levies introduced by the county government.")


def test_id_ignores_case_and_whitespace_but_not_words():
    assert article_id(STORY) == article_id("  " + STORY.upper().replace(" ", "  \n"))
    assert article_id(STORY) != article_id(STORY.replace("Hundreds", "Dozens"))


def test_same_story_from_two_sources_gets_one_id():
    a = read_text(STORY, url="https://a.example/1")
    b = read_text("Share | Tweet\n\n" + STORY, url="https://b.example/2")
    assert a.article_id == b.article_id


def test_not_english_is_kept_with_status_and_language():
    article = read_text("Plusieurs centaines de personnes ont manifesté samedi à Abidjan pour réclamer la baisse du prix de l'électricité.")
    assert article.status is ArticleStatus.NOT_ENGLISH
    assert article.language == "fr"


def test_all_caps_wire_copy_is_english():
    assert read_text(STORY.upper()).status is ArticleStatus.OK


def test_very_short_text_is_marked_too_short():
    assert read_text("Protest today.").status is ArticleStatus.TOO_SHORT


def test_seed_article(seed_path):
    [article] = read([str(seed_path)])
    assert "728 x 90" not in article.text
    caption = "A huge gathering of Kazerun people, a show of force and solidarity against the regime"
    assert article.text.count(caption) == 1
    assert article.title == "Iranian protests: The lessons of Kazerun"
    assert article.published == dt.date(2018, 5, 23)
    assert article.publisher == "PMOI/MEK" and article.author == "PMOI/MEK"
    assert article.dateline_place == "Iran"
    assert article.language == "en" and article.status is ArticleStatus.OK
    assert {r.reason for r in article.removed} == {"ad_slot", "duplicate_line", "byline"}
    assert "\u00a0" not in article.text
