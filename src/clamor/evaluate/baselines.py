"""The reference systems every figure is reported beside: majority class and keyword rules.

The keyword rules are data files (``clamor/data/evaluate/*.tsv``) written from the
codebooks, never tuned to the development data: they say what a naive coder gets.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from clamor.evaluate.taxonomy import SUB_TO_TYPE

DATA = Path(__file__).resolve().parent.parent / "data" / "evaluate"


def _rules(name: str) -> list[tuple[re.Pattern, str]]:
    rules = []
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        pattern, label = raw.split("\t")
        rules.append((re.compile(pattern), label.strip()))
    return rules


@functools.lru_cache(maxsize=None)
def keyword_rules() -> list[tuple[re.Pattern, str]]:
    """The ordered (regex, sub-event type) rules of the keyword baseline."""
    rules = _rules("keyword_baseline.tsv")
    unknown = [label for _, label in rules if label not in SUB_TO_TYPE]
    if unknown:
        raise ValueError(f"keyword_baseline.tsv: unknown sub-event types {unknown}")
    return rules


@functools.lru_cache(maxsize=None)
def detection_rules() -> list[tuple[re.Pattern, str]]:
    """(regex, label) rules of the detection keyword baseline (protest, kill, arrest, ...)."""
    return _rules("detection_baseline.tsv")


def majority(labels: Sequence[str | None]):
    """The most frequent label (ties: the first seen)."""
    return Counter(labels).most_common(1)[0][0] if labels else None


def keyword_sub_type(text: str, fallback: str | None) -> str | None:
    """The sub-event type of the first keyword rule matching ``text`` (else ``fallback``)."""
    low = text.lower()
    for pattern, label in keyword_rules():
        if pattern.search(low):
            return label
    return fallback


def keyword_detect(text: str) -> set[str]:
    """Labels whose detection keywords occur in ``text``."""
    low = text.lower()
    return {label for pattern, label in detection_rules() if pattern.search(low)}


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\s+(\d{{4}})\b", re.I)


def first_date(text: str):
    """Date baseline: the first ``D Month YYYY`` in the text, else None."""
    import datetime as dt

    for m in _DATE.finditer(text):
        try:
            return dt.datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%d %B %Y").date()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- whole articles

#: The lead a naive coder reads: the first paragraph, cut at this many sentences. A news
#: lead is one to three sentences; wire copy with no paragraph breaks (GLOCON's) is one
#: long "paragraph", so without the cut the baseline would read the whole article.
LEAD_SENTENCES = 3

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)")


def lead(text: str) -> str:
    """The first paragraph of ``text`` (blank-line separated), at most LEAD_SENTENCES long."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    first = paragraphs[0] if paragraphs else ""
    ends = [m.end() for m in _SENTENCE_END.finditer(first)]
    return first[:ends[LEAD_SENTENCES - 1]] if len(ends) >= LEAD_SENTENCES else first


def most_named_place(toponyms: Sequence):
    """The resolved place named most often (ties: the one named first), else None."""
    places = [t.place for t in toponyms if t.place is not None]
    counts = Counter(p.geonames_id for p in places)
    return max(places, key=lambda p: counts[p.geonames_id], default=None)
