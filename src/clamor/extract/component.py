"""The spaCy component ``nlp.add_pipe("clamor")``: sets ``doc._.clamor_events`` and
``doc._.clamor_reactions``. The factory is registered when ``clamor.extract`` is imported,
which spaCy does itself through the ``spacy_factories`` entry point in pyproject.toml."""

from __future__ import annotations

import functools


class ClamorComponent:
    """Runs :func:`clamor.extract.extract_events` on each doc (an Article is built from the text)."""

    def __init__(self, nlp, name: str, published: str | None = None):
        self.name = name
        self.published = published

    def __call__(self, doc):
        import datetime as dt
        import hashlib

        from clamor.extract.core import extract_events
        from clamor.models import Article

        article = Article(
            article_id=hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:16],
            text=doc.text,
            published=dt.date.fromisoformat(self.published) if self.published else None,
        )
        events, reactions = extract_events(article, doc)
        doc._.clamor_events = events
        doc._.clamor_reactions = reactions
        return doc


@functools.lru_cache(maxsize=1)
def register_component() -> None:
    """Register the ``clamor`` factory and the Doc extensions (idempotent, cheap)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for ext in ("clamor_events", "clamor_reactions"):
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)
    if "clamor" not in Language.factories:
        Language.factory("clamor", default_config={"published": None})(
            lambda nlp, name, published: ClamorComponent(nlp, name, published)
        )
