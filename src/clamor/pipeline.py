"""The pipeline: one cleaned :class:`Article` in, one :class:`Extraction` out.

The CLI, the API and the Dask runner call this module, never the stages one by one.
Stages, in order, each a typed function:

1. ``clamor.nlp.load_spacy``          the spaCy doc (sentences, entities), parsed once
2. ``clamor.extract.extract_events``  events and reactions, with evidence spans
3. ``clamor.geo.locate_events``       each event's place, resolved to GeoNames
4. ``clamor.extract.name_actors_by_country``  actor names given the resolved country
5. ``clamor.assess.assess_source``    publisher, affiliation and language signals
6. ``clamor.extract.notes.with_notes`` each event's notes, written from its final fields

Stages 2-6 are :func:`run_stages`, shared with the spaCy component ``nlp.add_pipe("clamor")``.

Articles whose status is not ``ok`` (not English, too short) come back with no events.
Every article's relevance decision (``clamor.extract.relevance``) is in
``Extraction.relevance``; with ``Options.relevance_gate`` on, whole articles it judges to
report no codable event come back with no events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from clamor.models import Article, ArticleStatus, Extraction
from clamor.options import Options


class Pipeline:
    """Holds the loaded resources (spaCy model, gazetteer) and runs the stages."""

    def __init__(self, options: Options | None = None, nlp: Any | None = None):
        self.options = options or Options()
        self._nlp = nlp

    @property
    def nlp(self):
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            from clamor.nlp import load_spacy

            self._nlp = load_spacy(self.options.spacy_model)
        return self._nlp

    def process(self, article: Article) -> Extraction:
        """Run every stage on one article."""
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        """Stream extractions; metadata travels with each doc via ``as_tuples``."""
        pending = ((a.text, a) for a in articles)
        for item in self._pipe_docs(pending, batch_size):
            yield item

    def _pipe_docs(self, pending, batch_size: int) -> Iterator[Extraction]:
        skipped: list[Article] = []

        def english_only():
            for text, article in pending:
                if article.status == ArticleStatus.OK:
                    yield text, article
                else:
                    skipped.append(article)

        for doc, article in self.nlp.pipe(english_only(), as_tuples=True, batch_size=batch_size):
            while skipped:
                yield self._assess_only(skipped.pop(0))
            yield self._run_stages(article, doc)
        while skipped:
            yield self._assess_only(skipped.pop(0))

    def _assess_only(self, article: Article) -> Extraction:
        return Extraction(article=article)

    def _run_stages(self, article: Article, doc) -> Extraction:
        return run_stages(article, doc, self.options)


def run_stages(article: Article, doc, options: Options | None = None) -> Extraction:
    """Every stage after parsing, on one article and its spaCy doc (parsed from
    ``article.text``): the pipeline and the spaCy component both call this."""
    from clamor.assess import assess_source
    from clamor.extract import extract_events, name_actors_by_country
    from clamor.extract.notes import with_notes
    from clamor.geo import locate_events

    options = options or Options()
    if article.status != ArticleStatus.OK:
        return Extraction(article=article)
    events, reactions = extract_events(article, doc, options)
    relevance = _relevance(article, options)
    if options.relevance_gate and relevance is not None and not relevance.relevant:
        events = []  # judged to report no codable event; the reason is on the Extraction
    events = locate_events(article, doc, events, options)
    # Actor names carry the country only once the geoparser has found it.
    events = name_actors_by_country(events)
    source = assess_source(article, options)
    if source.partisan:
        events = [e.model_copy(update={"partisan_sources_only": True}) for e in events]
    # Last: a note summarises the finished event (its place, actors, date and counts).
    events = with_notes(events)
    return Extraction(article=article, events=events, reactions=reactions, source=source,
                      relevance=relevance)


def _relevance(article: Article, options: Options):
    """The article-level relevance decision (None when no model ships)."""
    from clamor.extract.relevance import assess_relevance

    return assess_relevance("\n".join(filter(None, (article.title, article.text))),
                            options.relevance_model)


def extract(text_or_article: str | Article, options: Options | None = None) -> Extraction:
    """Extract events from a string (read as a plain-text article) or an :class:`Article`."""
    from clamor.ingest import read_text

    article = text_or_article
    if isinstance(text_or_article, str):
        article = read_text(text_or_article)
    return _default_pipeline(options).process(article)


_PIPELINES: dict[Options, Pipeline] = {}


def _default_pipeline(options: Options | None) -> Pipeline:
    options = options or Options()
    if options not in _PIPELINES:
        _PIPELINES[options] = Pipeline(options)
    return _PIPELINES[options]
