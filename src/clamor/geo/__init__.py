"""Gazetteer and geoparser: place names to GeoNames places, events to where they happened.

Nothing heavy loads at import: the gazetteer index and spaCy load on first use.
"""

from clamor.geo.events import locate_events
from clamor.geo.gazetteer import Gazetteer, get_gazetteer
from clamor.geo.geoparser import Geoparser, geoparse, get_geoparser

__all__ = ["Gazetteer", "Geoparser", "geoparse", "get_gazetteer", "get_geoparser", "locate_events"]
