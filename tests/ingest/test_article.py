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


# A dateline printed without a year: the year comes from other date evidence, and says so.
WIRE = "NAIROBI, March 4 (Reuters) - " + STORY


def test_yearless_dateline_takes_the_year_of_the_page_date():
    article = read_text(WIRE, published=dt.date(2020, 1, 2), published_from="metadata")
    assert article.dateline_date == dt.date(2019, 3, 4)  # the latest 4 March not after it
    assert article.published == dt.date(2020, 1, 2) and article.published_from == "metadata"
    assert article.dateline_year_from == "metadata"


def test_yearless_dateline_takes_the_year_of_the_url():
    article = read_text(WIRE, url="https://news.example/world/2018/06/nairobi-traders")
    assert article.published == article.dateline_date == dt.date(2018, 3, 4)
    assert article.published_from == "dateline, year from url"
    assert any("year taken from the url" in w for w in article.warnings)


def test_yearless_dateline_takes_the_year_of_the_capture_date():
    from clamor.ingest import RawDocument, build_article

    article = build_article(RawDocument(text=WIRE, source_format="warc", captured=dt.date(2017, 2, 1)))
    assert article.published == dt.date(2016, 3, 4)
    assert article.published_from == "dateline, year from capture date"


def test_yearless_dateline_takes_the_year_of_a_saved_page(tmp_path):
    import os

    page = tmp_path / "saved.txt"
    page.write_text(WIRE, encoding="utf-8")
    saved = dt.datetime(2015, 7, 1, 12, tzinfo=dt.timezone.utc).timestamp()
    os.utime(page, (saved, saved))
    [article] = read([str(page)])
    assert article.published == dt.date(2015, 3, 4)
    assert article.published_from == "dateline, year from file time"


def test_yearless_dateline_in_live_input_is_the_latest_such_date_not_in_the_future(monkeypatch):
    import clamor.ingest.article as article_module

    monkeypatch.setattr(article_module, "_today", lambda: dt.date(2026, 3, 3))
    article = read_text(WIRE)
    assert article.published == dt.date(2025, 3, 4)
    assert article.published_from == "dateline, year from read date"
    monkeypatch.setattr(article_module, "_today", lambda: dt.date(2026, 3, 4))
    assert read_text(WIRE).published == dt.date(2026, 3, 4)


def test_dateline_with_its_year_infers_nothing():
    article = read_text("NAIROBI, March 4, 2011 (Reuters) - " + STORY)
    assert article.published == dt.date(2011, 3, 4) and article.published_from == "dateline"
    assert article.dateline_year_from is None
