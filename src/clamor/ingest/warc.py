"""WARC archives: each HTML response (or resource) record becomes a document."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

from clamor.errors import FormatError, InputError
from clamor.ingest.html import read_html
from clamor.ingest.raw import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def read_warc(data: bytes, name: str) -> Iterator[RawDocument | InputError]:
    """HTML records with their target URL and capture date; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type not in ("response", "resource"):
                continue
            if not _content_type(record).startswith(_HTML_TYPES):
                continue
            payload = record.content_stream().read()
            url = record.rec_headers.get_header("WARC-Target-URI")
            from clamor.ingest.decode import decode_bytes

            html, _ = decode_bytes(payload)
            try:
                doc = read_html(html, name, url=url, record=number, source_format="warc")
            except InputError as exc:
                yield exc
                continue
            doc.captured = _warc_date(record.rec_headers.get_header("WARC-Date"))
            yield doc
    except (ArchiveLoadFailed, ValueError, EOFError) as exc:
        yield FormatError(name, f"broken WARC after record {number}: {exc}".splitlines()[0], number + 1)
