"""clamor: news articles to geocoded, evidence-linked records of protests and repression.

The public API is small and lazy: nothing heavy (spaCy, gazetteer) loads at import time.
"""

from clamor._version import __version__
from clamor.ingest import read, read_text
from clamor.models import Article, Event, Extraction, Reaction, SourceAssessment
from clamor.options import Options
from clamor.pipeline import extract
from clamor.store import open_store

__all__ = [
    "Article",
    "Event",
    "Extraction",
    "extract",
    "Options",
    "Reaction",
    "SourceAssessment",
    "__version__",
    "read",
    "read_text",
    "open_store",
    "geoparse",
]


def geoparse(text: str):
    """Every place name in ``text`` resolved to GeoNames (list of ``Toponym``); lazy."""
    from clamor.geo import geoparse as _geoparse

    return _geoparse(text)
