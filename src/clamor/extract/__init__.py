"""Event and reaction extraction in ACLED's taxonomy, with evidence spans.

Public entry points:
- :func:`extract_events` (called by :class:`clamor.pipeline.Pipeline`)
- :func:`classify_document` (the type of a short single-event text)
- the spaCy component ``nlp.add_pipe("clamor")`` (registered lazily by
  :func:`register_component`, which importing this package calls).
"""

from clamor.extract.arguments import name_actors_by_country
from clamor.extract.component import register_component
from clamor.extract.core import extract_events
from clamor.extract.document import classify_document

register_component()

__all__ = ["classify_document", "extract_events", "name_actors_by_country", "register_component"]


class _CallableModule(__import__("types").ModuleType):
    """``clamor.extract`` is both this package and the function ``clamor.extract(text)``:
    importing the package rebinds the name on ``clamor``, so the package itself is callable
    and forwards to :func:`clamor.pipeline.extract`."""

    def __call__(self, text_or_article, options=None):
        from clamor.pipeline import extract

        return extract(text_or_article, options)


__import__("sys").modules[__name__].__class__ = _CallableModule
