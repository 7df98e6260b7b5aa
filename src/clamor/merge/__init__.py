"""One event from many articles: match article-level events and merge them.

Pure functions over :mod:`clamor.models` records (no database); the store calls them
when it ingests an article. The rules are documented in docs/merging.md.
"""

from clamor.merge.records import Disagreement, FieldChoice, MergedEvent, ReportedValue
from clamor.merge.rules import (
    PLACE_RADIUS_KM,
    TYPE_FAMILIES,
    best_match,
    canonical_id,
    match_reasons,
    merge_events,
    merge_group,
    type_family,
)

__all__ = [
    "PLACE_RADIUS_KM",
    "TYPE_FAMILIES",
    "Disagreement",
    "FieldChoice",
    "MergedEvent",
    "ReportedValue",
    "best_match",
    "canonical_id",
    "match_reasons",
    "merge_events",
    "merge_group",
    "type_family",
]
