"""Fixtures for the extraction tests: the shared spaCy model and an article builder."""

from __future__ import annotations

import datetime as dt

import pytest

from clamor.models import Article


@pytest.fixture(scope="session")
def nlp():
    from clamor.nlp import load_spacy

    return load_spacy()


@pytest.fixture
def make_article():
    def build(text: str, published: dt.date | None = dt.date(2019, 6, 14), **meta) -> Article:
        return Article(article_id="t1", text=text, published=published, **meta)

    return build


@pytest.fixture
def run(nlp, make_article):
    """extract_events on ``text`` (published Friday 14 June 2019 unless told)."""
    from clamor.extract import extract_events

    def go(text: str, **meta):
        article = make_article(text, **meta)
        events, reactions = extract_events(article, nlp(text))
        for record in [*events, *reactions]:
            for ev in record.evidence:
                assert article.text[ev.start:ev.end] == ev.text, ev
        return events, reactions

    return go
