import datetime as dt

import pytest

from clamor.ingest.clean import clean_lines
from clamor.ingest.metadata import (
    find_byline,
    find_dateline,
    find_title,
    looks_like_organisation,
    parse_date,
    url_date,
)


def test_title_is_first_headline_like_line():
    lines = clean_lines("Police clash with traders in Nakuru\n\nNAKURU, March 12, 2019 - Hundreds marched.").lines
    assert find_title(lines).text == "Police clash with traders in Nakuru"


def test_no_title_when_text_starts_with_a_sentence():
    lines = clean_lines("Hundreds of traders marched through Nakuru on Tuesday to protest levies.").lines
    assert find_title(lines) is None


@pytest.mark.parametrize(
    ("line", "author", "publisher"),
    [
        ("Analysis by PMOI/MEK", "PMOI/MEK", "PMOI/MEK"),
        ("By Jane Doe", "Jane Doe", None),
        ("By JOHN SMITH", "JOHN SMITH", None),
        ("By Wanjiru Kamau, Rift Valley Courier", "Wanjiru Kamau", "Rift Valley Courier"),
        ("By Jane Doe, Staff Writer", "Jane Doe", None),
        ("By Reuters Staff", "Reuters Staff", "Reuters Staff"),
    ],
)
def test_byline(line, author, publisher):
    byline = find_byline(clean_lines(f"Headline words here\n\n{line}\n\nBody text.").lines)
    assert (byline.author, byline.publisher) == (author, publisher)


def test_organisation_heuristic():
    assert looks_like_organisation("AFP")
    assert looks_like_organisation("Associated Press")
    assert not looks_like_organisation("Maryam Njeri")


@pytest.mark.parametrize(
    ("paragraph", "place", "date", "agency"),
    [
        ("Iran, May 23, 2018 - The recent protests", "Iran", dt.date(2018, 5, 23), None),
        ("NAIROBI, March 4 (Reuters) - Hundreds of traders", "NAIROBI", dt.date(2019, 3, 4), "Reuters"),
        ("KAZERUN, Iran — Protesters burned", "KAZERUN, Iran", None, None),
        ("Dhaka, Bangladesh, 12 January 2023: Police fired", "Dhaka, Bangladesh", dt.date(2023, 1, 12), None),
        ("GAZIPUR, Nov 2 (Delta Wire) - Thousands", "GAZIPUR", dt.date(2019, 11, 2), "Delta Wire"),
        ("new delhi: police said on monday that", "new delhi", None, None),
    ],
)
def test_dateline(paragraph, place, date, agency):
    dateline = find_dateline(paragraph, reference=dt.date(2019, 12, 1))
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)
    assert paragraph[dateline.end:][:1].isalpha()


@pytest.mark.parametrize(
    "paragraph",
    ["Interesting is the fact - that protests grew.", "Update - nothing new today.", "The people said: no more.",
     "police in the northern district of the state said: no arrests yet"],
)
def test_not_a_dateline(paragraph):
    assert find_dateline(paragraph) is None


def test_date_without_year_is_not_after_the_reference():
    assert parse_date("Dec 30", reference=dt.date(2020, 1, 2)) == dt.date(2019, 12, 30)
    assert parse_date("Dec 30") is None


@pytest.mark.parametrize(
    ("url", "date"),
    [("https://a.example/2019/03/04/story", dt.date(2019, 3, 4)),
     ("https://a.example/news/2019-03-04-protest", dt.date(2019, 3, 4)),
     ("https://a.example/20190304/protest", dt.date(2019, 3, 4)),
     ("https://a.example/2019/02/", dt.date(2019, 2, 28)),  # a month stands for its last day
     ("https://a.example/2019/12/protest", dt.date(2019, 12, 31)),
     ("https://a.example/2019/protest", None),  # a bare year may be an id
     ("https://a.example/story/201903", None),
     ("https://a.example/a/123456789.cms", None),
     (None, None)],
)
def test_url_date(url, date):
    assert url_date(url) == date


def test_dateline_says_when_its_year_was_inferred():
    assert find_dateline("NAIROBI, March 4 (Reuters) - x", dt.date(2020, 5, 1)).year_inferred
    assert not find_dateline("NAIROBI, March 4, 2019 (Reuters) - x", dt.date(2020, 5, 1)).year_inferred
