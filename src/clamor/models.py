"""Typed records that flow through clamor's pipeline.

Every stage is a function from one of these records to another. Character offsets
(``start``/``end``) always index ``Article.text``, the cleaned canonical text.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for all records: reject unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- articles


class ArticleStatus(StrEnum):
    """Whether an article goes on to the English pipeline."""

    OK = "ok"
    NOT_ENGLISH = "not_english"
    TOO_SHORT = "too_short"
    #: skipped unparsed by the pre-parse relevance filter (``Options.prefilter``); the
    #: score and reason are in ``Extraction.relevance``
    NOT_RELEVANT = "not_relevant"


class Removal(Record):
    """One line the cleaner dropped, kept so a user can audit the cleaning."""

    line: int = Field(description="1-based line number in the raw text")
    text: str
    reason: str = Field(description="rule name, e.g. ad_slot, duplicate_line, share_widget")


class Article(Record):
    """A cleaned news article with where it came from."""

    article_id: str = Field(description="stable id: hash of the normalised clean text")
    url: str | None = None
    title: str | None = None
    text: str = Field(description="clean canonical text; every offset refers to it")
    published: dt.date | None = None
    published_from: str | None = Field(
        default=None, description="where the date came from: dateline, metadata, capture, feed, column; "
        "'dateline, year from url' (or capture date, file time, read date) when the year was inferred"
    )
    publisher: str | None = None
    author: str | None = None
    byline: str | None = Field(default=None, description="the byline line as printed")
    language: str | None = None
    language_score: float | None = None
    status: ArticleStatus = ArticleStatus.OK
    dateline_place: str | None = None
    dateline_date: dt.date | None = None
    dateline_year_from: str | None = Field(
        default=None,
        description="a dateline printed without a year took it from: the page's date (metadata, "
        "feed, column), url, capture date, file time or read date (the latest date not after it)",
    )
    source_path: str | None = None
    source_format: str | None = Field(
        default=None, description="text, html, warc, rss, atom, jsonl, csv"
    )
    source_record: int | None = Field(
        default=None, description="1-based line (JSONL, CSV) or record number (WARC, feed)"
    )
    removed: list[Removal] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ReadError(Record):
    """An input that could not be read, with a one-line message naming it."""

    source: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


# --------------------------------------------------------------------------- evidence


class Evidence(Record):
    """The span of clean text that supports one field of a record."""

    field: str
    start: int
    end: int
    text: str


class Quantity(Record):
    """A count as the text gives it: an exact number or a vague range ("dozens")."""

    text: str
    low: int | None = None
    high: int | None = None
    exact: int | None = None


# --------------------------------------------------------------------------- events


class Event(Record):
    """One event in ACLED's taxonomy, with the evidence for each filled field."""

    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    plover_type: str | None = None
    disorder_type: str | None = None
    event_date: dt.date | None = None
    time_precision: int | None = Field(default=None, description="1 day, 2 week, 3 month")
    country: str | None = None
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(default=None, description="1 town, 2 near/part, 3 region")
    geonames_id: int | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    participants: list[str] = Field(default_factory=list)
    tactics: list[str] = Field(default_factory=list)
    state_response: list[str] = Field(default_factory=list)
    demands: list[str] = Field(default_factory=list)
    fatalities: int | None = None
    fatalities_estimate: Quantity | None = None
    injuries: int | None = None
    injuries_estimate: Quantity | None = None
    arrests: int | None = None
    arrests_estimate: Quantity | None = None
    crowd_size: Quantity | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    merged_types: list[str] = Field(
        default_factory=list,
        description="event types of actions merged into this event by ACLED's precedence "
                    "(a protest at an attack's place and day), not its own type")
    notes: str = ""
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    partisan_sources_only: bool | None = None


class Stance(StrEnum):
    """What a third party's reaction says about the events."""

    SUPPORTS_PROTESTERS = "supports_protesters"
    CONDEMNS_REPRESSION = "condemns_repression"
    SUPPORTS_CRACKDOWN = "supports_crackdown"
    CALLS_FOR_INVESTIGATION = "calls_for_investigation"
    CALLS_FOR_RESTRAINT = "calls_for_restraint"
    OTHER = "other"


class Reaction(Record):
    """A third party's statement about the events an article reports."""

    reaction_id: str
    article_id: str
    actor: str
    actor_role: str | None = None
    actor_country: str | None = None
    stance: Stance
    target_event_id: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


# --------------------------------------------------------------------------- sources


class SourceSignal(Record):
    """One language signal in the article (a loaded term, a hedge, ...)."""

    kind: str
    category: str | None = None
    text: str
    start: int
    end: int


class SourceAssessment(Record):
    """Who published an article, their documented affiliation, and how they write."""

    publisher: str | None = None
    publisher_type: str | None = None
    affiliation_country: str | None = None
    party_to_conflict: bool = False
    partisan: bool = False
    citation: str | None = None
    publisher_evidence: str | None = Field(
        default=None, description="byline, site name, url or masthead that identified it"
    )
    signals: list[SourceSignal] = Field(default_factory=list)
    rates: dict[str, float] = Field(default_factory=dict, description="per 1,000 words")
    summary: str = ""


# --------------------------------------------------------------------------- places


class Place(Record):
    """A GeoNames place: a populated place, an admin region, a country or a continent."""

    geonames_id: int
    name: str
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    country: str | None = None
    admin1: str | None = Field(default=None, description="ACLED-style ASCII admin1 name")
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str = Field(description="GeoNames class: P place, A admin/country, L area")
    feature_code: str = Field(description="GeoNames code: PPL, PPLC, ADM1, ADM2, PCLI, CONT")
    population: int | None = None


class Toponym(Record):
    """A place name in the text and the GeoNames place it was resolved to."""

    text: str
    start: int
    end: int
    place: Place | None = None
    runner_up: Place | None = None
    score: float | None = Field(default=None, description="resolution margin, 0..1")
    precision: int | None = Field(default=None, description="1 town, 2 near/part, 3 region")
    source: str | None = Field(default=None, description="spaCy label or 'gazetteer'")


class Relevance(Record):
    """Whether a whole article reports at least one codable event (the relevance gate)."""

    score: float = Field(description="calibrated probability of at least one codable event")
    relevant: bool = Field(
        description="False: judged event-free (its events withheld when the gate is on)"
    )
    threshold: float
    reason: str = Field(description="one line: score against threshold and the strongest cues")


class Extraction(Record):
    """Everything clamor extracts from one article."""

    article: Article
    events: list[Event] = Field(default_factory=list)
    reactions: list[Reaction] = Field(default_factory=list)
    source: SourceAssessment | None = None
    relevance: Relevance | None = Field(
        default=None, description="the article-level relevance decision (None: not run)"
    )
