"""RSS and Atom feeds: one document per entry. Links are recorded, never fetched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from clamor.errors import FormatError, InputError
from clamor.ingest.html import html_to_text
from clamor.ingest.raw import RawDocument


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_text(entry) -> str:
    parts = entry.get("content") or []
    value = parts[0].get("value", "") if parts else entry.get("summary", "")
    return html_to_text(value) if "<" in value else value


def read_feed(data: bytes, name: str) -> Iterator[RawDocument | InputError]:
    """Entries with their title, link, author, date and content (or summary)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise FormatError(name, f"feed has no entries{f' ({reason})' if reason else ''}")
    publisher = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        text = _entry_text(entry)
        if not text.strip():
            yield InputError(name, "feed entry has no content or summary", number)
            continue
        title = entry.get("title")
        date = _entry_date(entry)
        yield RawDocument(
            text=f"{title}\n\n{text}" if title and not text.startswith(title) else text,
            source_format="feed",
            source_path=name,
            source_record=number,
            url=entry.get("link"),
            title=title,
            author=entry.get("author"),
            publisher=publisher,
            published=date,
            published_from="feed" if date else None,
        )
