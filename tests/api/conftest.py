"""API fixtures: a SQLite store holding the team-written store fixtures plus one hostile
article (script and event-handler payloads in its title, text and event fields)."""

from __future__ import annotations

import hashlib

import pytest

from clamor.models import Article, Event, Evidence, Extraction, SourceAssessment

TOKEN = "test-token-0123456789abcdef"
REVIEWER = "Ann Coder"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

#: Payloads that would run if any page put them into the DOM as HTML.
SCRIPT = "<script>window.__pwned = 1</script>"
HANDLER = '<img src=x onerror="window.__pwned = 1">'


def hostile_extraction() -> Extraction:
    text = (f"Marchers in Kisumu {SCRIPT} gathered on Tuesday.\n\n"
            f"Police said {HANDLER} nobody was hurt when the crowd dispersed peacefully.")
    article = Article(article_id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text,
                      title=f"Kisumu march {SCRIPT}", language="en", source_format="text",
                      publisher=f"Evil {HANDLER} Times")
    quote = "Marchers in Kisumu"
    start = text.index(quote)
    event = Event(event_id=f"{article.article_id}:e0", article_id=article.article_id,
                  event_type="Protests", sub_event_type="Peaceful protest",
                  event_date="2024-07-02", time_precision=1, country="Kenya",
                  country_code="KE", admin1="Kisumu", location=f"Kisumu {HANDLER}",
                  latitude=-0.0917, longitude=34.768, geo_precision=1,
                  actor1=f"Protesters {SCRIPT}", notes=f"A march {SCRIPT}.",
                  evidence=[Evidence(field="location", start=start, end=start + len(quote),
                                     text=quote)])
    return Extraction(article=article, events=[event],
                      source=SourceAssessment(publisher=f"Evil {HANDLER} Times"))


def fill(store) -> None:
    from tests.store.store_fakes import fixture_extractions

    store.ingest([*fixture_extractions(), hostile_extraction()])


@pytest.fixture
def api_store(tmp_path):
    from clamor.store import open_store

    store = open_store(tmp_path / "api.db")
    fill(store)
    yield store
    store.close()


@pytest.fixture
def client(api_store):
    from fastapi.testclient import TestClient

    from clamor.api import create_app
    from tests.store.store_fakes import FixturePipeline

    app = create_app(store=api_store, tokens={TOKEN: REVIEWER},
                     pipeline_factory=FixturePipeline)
    with TestClient(app) as c:
        yield c


def event_at(client, location: str) -> dict:
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    return next(e for e in events if e["location"] == location)
