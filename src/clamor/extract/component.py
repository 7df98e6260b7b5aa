"""The spaCy component ``nlp.add_pipe("clamor")``: sets ``doc._.clamor_events``,
``doc._.clamor_reactions`` and ``doc._.clamor_extraction`` (article, events, reactions,
source assessment). The factory is registered when ``clamor.extract`` is imported, which
spaCy does itself through the ``spacy_factories`` entry point in pyproject.toml."""

from __future__ import annotations

import functools

_EXTENSIONS = ("clamor_events", "clamor_reactions", "clamor_extraction")


class ClamorComponent:
    """Runs the same stages as :func:`clamor.extract` on each doc: the doc's text is read as
    a plain-text article (cleaned as ``clamor.read_text`` cleans it), then
    :func:`clamor.pipeline.run_stages` extracts, geocodes, names actors by country, assesses
    the source and writes the notes. ``published`` (ISO date) is the publication date."""

    def __init__(self, nlp, name: str, published: str | None = None):
        self.nlp = nlp
        self.name = name
        self.published = published

    def __call__(self, doc):
        from clamor.errors import InputError
        from clamor.pipeline import run_stages

        try:
            article = self._article(doc.text)
        except InputError:  # nothing left after cleaning: no article, so no events
            doc._.clamor_events, doc._.clamor_reactions = [], []
            return doc
        extraction = run_stages(article, self._parsed(doc, article.text))
        doc._.clamor_events = extraction.events
        doc._.clamor_reactions = extraction.reactions
        doc._.clamor_extraction = extraction
        return doc

    def _article(self, text: str):
        import datetime as dt

        from clamor.ingest import read_text

        if not self.published:
            return read_text(text)
        return read_text(text, published=dt.date.fromisoformat(self.published), published_from="config")

    def _parsed(self, doc, clean_text: str):
        """``doc`` itself when cleaning changed nothing; else the components before this
        one run on the cleaned text, since every offset refers to ``Article.text``."""
        if clean_text == doc.text:
            return doc
        parsed = self.nlp.make_doc(clean_text)
        for _, proc in self.nlp.pipeline:
            if proc is self:
                break
            parsed = proc(parsed)
        return parsed


@functools.lru_cache(maxsize=1)
def register_component() -> None:
    """Register the ``clamor`` factory and the Doc extensions (idempotent, cheap)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for ext in _EXTENSIONS:
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)
    if "clamor" not in Language.factories:
        Language.factory("clamor", default_config={"published": None})(
            lambda nlp, name, published: ClamorComponent(nlp, name, published)
        )
