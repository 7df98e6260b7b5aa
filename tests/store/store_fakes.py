"""Fake pipelines and hand-built extractions for the store tests.

``FixturePipeline`` returns, for each of the team-written articles under
tests/fixtures/store/articles, the events listed in tests/fixtures/store/events.json.
``SyntheticPipeline`` makes one distinct event (with evidence and a reaction) per
generated article, optionally slowly (``CLAMOR_FAKE_DELAY`` seconds per article), for the
crash and concurrency tests which run it in a subprocess via ``clamor ingest --pipeline``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path

from clamor.models import Article, Event, Evidence, Extraction, Reaction, SourceAssessment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "store"
ARTICLES = FIXTURES / "articles"


def fixture_specs() -> dict:
    return json.loads((FIXTURES / "events.json").read_text(encoding="utf-8"))


def article_from_file(path: Path) -> Article:
    """A minimal Article for a fixture file (no dependence on the reader's details)."""
    text = path.read_text(encoding="utf-8").strip()
    return Article(article_id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text,
                   title=text.splitlines()[0], source_path=str(path), source_format="text",
                   language="en")


def _evidence(article: Article, field: str, quote: str) -> list[Evidence]:
    start = article.text.find(quote)
    if start < 0:
        return []
    return [Evidence(field=field, start=start, end=start + len(quote), text=quote)]


def fixture_extraction(article: Article, name: str | None = None) -> Extraction:
    """The hand-written extraction for a fixture article (by file name)."""
    name = name or Path(article.source_path or "").name
    spec = fixture_specs()[name]
    events = []
    for n, raw in enumerate(spec["events"]):
        raw = dict(raw)
        evidence = [ev for item in raw.pop("evidence", [])
                    for ev in _evidence(article, item["field"], item["quote"])]
        events.append(Event(event_id=f"{article.article_id}:e{n}", article_id=article.article_id,
                            evidence=evidence, **raw))
    reactions = []
    for n, raw in enumerate(spec["reactions"]):
        reactions.append(Reaction(
            reaction_id=f"{article.article_id}:r{n}", article_id=article.article_id,
            actor=raw["actor"], stance=raw["stance"],
            target_event_id=events[raw["event"]].event_id,
            evidence=_evidence(article, "stance", raw["quote"])))
    return Extraction(article=article, events=events, reactions=reactions,
                      source=SourceAssessment(**spec["source"]))


def fixture_extractions() -> list[Extraction]:
    """The four fixture articles' extractions, Nakuru ones first."""
    order = ["nakuru_kenyawire.txt", "nakuru_lakeside.txt", "nakuru_tribune.txt",
             "eldoret_kenyawire.txt"]
    return [fixture_extraction(article_from_file(ARTICLES / name)) for name in order]


class FixturePipeline:
    """Stands in for clamor.pipeline.Pipeline on the fixture articles."""

    def __init__(self, options=None):
        self.options = options

    def process(self, article: Article) -> Extraction:
        return fixture_extraction(article)

    def pipe(self, articles, batch_size: int = 16):
        for article in articles:
            yield self.process(article)


def synthetic_text(i: int, variant: str = "a") -> str:
    """An English article about protest number ``i`` in its own town; variants "a" and
    "b" are two outlets' different reports of the same protest."""
    if variant == "a":
        return (f"Protest {i} in Testtown {i}\n\n"
                f"Hundreds of residents of Testtown {i} marched to the district office on "
                f"Monday to protest against water shortages, and police dispersed them with "
                f"tear gas. Organisers of march number {i} said they would return next week.\n")
    return (f"Police scatter Testtown {i} water marchers\n\n"
            f"Officers used tear gas on Monday to break up a crowd in Testtown {i}, where "
            f"people angry about dry taps had walked to the district office. It was the "
            f"protest residents call number {i} this year, a local councillor said.\n")


class SyntheticPipeline:
    """One distinct event per synthetic article; slow when CLAMOR_FAKE_DELAY is set."""

    def __init__(self, options=None):
        self.delay = float(os.environ.get("CLAMOR_FAKE_DELAY", "0"))

    def process(self, article: Article) -> Extraction:
        if self.delay:
            time.sleep(self.delay)
        match = re.search(r"Testtown (\d+)", article.text)
        i = int(match.group(1)) if match else 0
        quote = f"Testtown {i}"
        start = article.text.find(quote)
        event = Event(
            event_id=f"{article.article_id}:e0", article_id=article.article_id,
            event_type="Protests", sub_event_type="Protest with intervention",
            event_date="2024-03-04", time_precision=1, country="Kenya", country_code="KE",
            location=f"Testtown {i}", latitude=-4.0 + i * 0.1, longitude=34.0, geo_precision=1,
            actor1="Protesters (Kenya)", inter1=6, actor2="Police Forces of Kenya (2022-)",
            inter2=1, interaction=16,
            evidence=[Evidence(field="location", start=start, end=start + len(quote), text=quote)])
        reaction = Reaction(reaction_id=f"{article.article_id}:r0", article_id=article.article_id,
                            actor="Governor", stance="calls_for_restraint",
                            target_event_id=event.event_id)
        return Extraction(article=article, events=[event], reactions=[reaction],
                          source=SourceAssessment(publisher=f"Outlet {i % 7}"))

    def pipe(self, articles, batch_size: int = 16):
        for article in articles:
            yield self.process(article)


FAKE_PIPELINE = "tests.store.store_fakes:FixturePipeline"


def cli_ingested_db(tmp_path: Path) -> Path:
    """A SQLite store made by `clamor ingest` of the fixture articles (fake pipeline)."""
    from click.testing import CliRunner

    from clamor.cli import cli

    path = tmp_path / "events.db"
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLES), "--db", str(path), "--pipeline",
                                      FAKE_PIPELINE, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "read 4 articles, stored 4" in result.output
    assert "events: 2 new, 2 merged into stored events" in result.output
    return path
