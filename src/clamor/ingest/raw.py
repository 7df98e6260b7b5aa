"""The intermediate record every reader yields, before cleaning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """Text and metadata as a reader found them, before cleaning."""

    text: str
    source_format: str
    source_path: str | None = None
    source_record: int | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    #: the date the document was captured (WARC-Date): a fallback, not a publication date
    captured: dt.date | None = None
    given_id: str | None = None
    warnings: list[str] = field(default_factory=list)
