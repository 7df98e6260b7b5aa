"""clamor: news articles to geocoded, evidence-linked records of protests and repression.

The public API is small and lazy: nothing heavy (spaCy, gazetteer) loads at import time.
"""

from clamor._version import __version__
from clamor.ingest import read, read_text
from clamor.models import Article, Event, Extraction, Reaction, SourceAssessment
from clamor.options import Options

__all__ = [
    "Article",
    "Event",
    "Extraction",
    "Options",
    "Reaction",
    "SourceAssessment",
    "__version__",
    "read",
    "read_text",
]
