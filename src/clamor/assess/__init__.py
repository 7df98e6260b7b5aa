"""Source assessment: who published an article, their documented affiliation, and how the
text speaks (loaded terms, hedges, attribution, advocacy), each signal with its span.

The registry records documented affiliations, not verdicts on truthfulness.
"""

from clamor.assess.publisher import PublisherMatch, identify_publisher
from clamor.assess.registry import (
    PARTISAN_TYPES,
    PUBLISHER_TYPES,
    PublisherEntry,
    PublisherType,
    Registry,
    RegistryError,
    load_registry,
)
from clamor.assess.signals import SIGNAL_KINDS, find_signals, signal_rates
from clamor.assess.source import assess_source

__all__ = [
    "PARTISAN_TYPES",
    "PUBLISHER_TYPES",
    "SIGNAL_KINDS",
    "PublisherEntry",
    "PublisherMatch",
    "PublisherType",
    "Registry",
    "RegistryError",
    "assess_source",
    "find_signals",
    "identify_publisher",
    "load_registry",
    "signal_rates",
]
