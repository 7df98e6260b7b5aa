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
With ``Options.prefilter`` on, the relevance model first scores the raw text (no parse) and
an article below ``Options.prefilter_threshold`` comes back unparsed with status
``not_relevant`` and the decision in ``Extraction.relevance`` (issue 15's fast path).
With ``Options.fast_path`` on, spaCy parses only the sentences that can hold an event
(``clamor.nlp.scope``) and an article with no trigger word comes back unparsed with status
``not_relevant``.
Output order is input order.
Every article's relevance decision (``clamor.extract.relevance``) is in
``Extraction.relevance``; with ``Options.relevance_gate`` on, whole articles it judges to
report no codable event come back with no events. With ``Options.article_verifier`` on, the
article verifier (``clamor.extract.verifier``) reads the located events of a whole article
and may withhold them; its decision then is ``Extraction.relevance``.
"""

from __future__ import annotations

from collections import deque
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
        # Input order, kept: a finished Extraction (never parsed) or None (waiting for its
        # doc). nlp.pipe reads ahead a batch, so a finished one may stand before a parsed one.
        queue: deque[Extraction | None] = deque()

        def to_parse():
            for text, article in pending:
                done = self._before_parse(article)
                if done is None and _scope_applies(article, self.options):
                    text, done = self._scoped(article)
                queue.append(done)
                if done is None:
                    yield text, article

        for doc, article in self.nlp.pipe(to_parse(), as_tuples=True, batch_size=batch_size):
            while queue[0] is not None:
                yield queue.popleft()
            queue.popleft()
            yield self._run_stages(article, doc)
        while queue:
            yield queue.popleft()

    def _before_parse(self, article: Article) -> Extraction | None:
        """The Extraction of an article that is not parsed (not English, too short, or
        dropped by the pre-parse filter); None for one that goes on to spaCy."""
        if article.status != ArticleStatus.OK:
            return self._assess_only(article)
        if self.options.prefilter:
            relevance = prefilter(article, self.options)
            if relevance is not None and not relevance.relevant:
                skipped = article.model_copy(update={"status": ArticleStatus.NOT_RELEVANT})
                return Extraction(article=skipped, relevance=relevance)
        return None

    def _scoped(self, article: Article):
        """(the doc to parse, None), or (None, the Extraction of an article with no trigger
        word, not parsed): ``Options.fast_path`` parses only what can hold an event."""
        from clamor.models import Relevance
        from clamor.nlp.scope import parse_spans, scoped_doc

        spans = parse_spans(article.text)
        if spans:
            return scoped_doc(self.nlp, article.text, spans), None
        skipped = article.model_copy(update={"status": ArticleStatus.NOT_RELEVANT})
        reason = "fast path: no word of the trigger lexicon, no event to code, not parsed"
        return None, Extraction(article=skipped, relevance=Relevance(
            score=0.0, relevant=False, threshold=0.0, reason=reason))

    def _assess_only(self, article: Article) -> Extraction:
        return Extraction(article=article)

    def _run_stages(self, article: Article, doc) -> Extraction:
        return run_stages(article, doc, self.options)


def _scope_applies(article: Article, options: Options) -> bool:
    """Whether ``Options.fast_path`` may parse only the trigger sentences of ``article``.
    Not for a text the short-text fallback may code with no trigger (under
    ``THRESHOLD_MIN_WORDS`` words: an ACLED note, a snippet), nor with the sentence
    detector on (it reads sentences with no trigger): those are parsed whole."""
    from clamor.extract.assemble import THRESHOLD_MIN_WORDS

    return (options.fast_path and not options.sentence_detector
            and len(article.text.split()) >= THRESHOLD_MIN_WORDS)


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
    if options.article_verifier and events:
        verdict = _verify(article, events, relevance, options)
        if verdict is not None:
            relevance = verdict
            if not verdict.relevant:
                events = []  # judged to report no codable event; the reason is recorded
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


def _verify(article: Article, events, relevance, options: Options):
    """The article verifier's decision over the located events (None: it does not apply)."""
    from clamor.extract.verifier import verify_article

    text = "\n".join(filter(None, (article.title, article.text)))
    score = relevance.score if relevance is not None else 0.5
    return verify_article(text, events, article.published, score, options.verifier_model)


def prefilter(article: Article, options: Options):
    """The pre-parse relevance filter's decision: not relevant when no trigger word occurs
    (no event can be coded), else when the relevance score is below
    ``Options.prefilter_threshold`` (far below the gate's). None when no model ships.
    Texts shorter than the gate's minimum pass."""
    from clamor.extract.assemble import THRESHOLD_MIN_WORDS
    from clamor.extract.relevance import MIN_GATE_WORDS, load_relevance_model, tokens
    from clamor.models import Relevance

    model = load_relevance_model(options.relevance_model)
    if model is None:
        return None
    text = "\n".join(filter(None, (article.title, article.text)))
    threshold = options.prefilter_threshold
    # short texts pass: the short-text fallback codes them with no trigger, and the model
    # learned from whole articles (both bounds, counted as each counts words)
    if len(tokens(text)) < MIN_GATE_WORDS or len(article.text.split()) < THRESHOLD_MIN_WORDS:
        return Relevance(score=1.0, relevant=True, threshold=threshold,
                         reason=f"prefilter: short text (< {MIN_GATE_WORDS} words), not filtered")
    # The score (~2 ms) before the trigger search (~5 ms): most unrelated news stops there.
    score = model.score(text)
    if score < threshold:
        return Relevance(score=score, relevant=False, threshold=threshold,
                         reason=f"prefilter: relevance {score:.4f} < {threshold:g}: "
                                "no sign of a codable event, not parsed")
    if not _has_trigger_word(text):
        return Relevance(score=0.0, relevant=False, threshold=threshold,
                         reason="prefilter: no word of the trigger lexicon, not parsed")
    return Relevance(score=score, relevant=True, threshold=threshold,
                     reason=f"prefilter: relevance {score:.4f} >= {threshold:g}: parsed")


def _has_trigger_word(text: str) -> bool:
    """Whether any trigger pattern of the extraction lexicon matches the raw text: every
    event the extractor codes starts from a trigger in a sentence (clamor.extract.triggers),
    so an article with none yields no event (on examples/ and 100 IndiaPoliceEvents
    documents: 9 such articles, none with an event)."""
    from clamor.nlp.scope import has_trigger_word

    return has_trigger_word(text)


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
