"""HTML pages: trafilatura for the main text and metadata, lxml as the fallback."""

from __future__ import annotations

import datetime as dt
import logging

from clamor.errors import EmptyInputError
from clamor.ingest.raw import RawDocument

_BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "td", "th", "figcaption", "dd")
_NOISE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")

# trafilatura logs every page it finds too short; the reader reports what matters itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def html_to_text(html: str) -> str:
    """Visible block text of an HTML page or fragment, a paragraph per block (the fallback)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for element in tree.iter(*_NOISE):
        element.drop_tree() if element.getparent() is not None else None
    blocks = [" ".join(el.text_content().split()) for el in tree.iter(*_BLOCKS)]
    blocks = [b for b in blocks if b]
    if not blocks:
        blocks = [" ".join(line.split()) for line in tree.text_content().splitlines()]
    return "\n\n".join(b for b in blocks if b)


def read_html(html: str, name: str, url: str | None = None, record: int | None = None,
              source_format: str = "html") -> RawDocument:
    """Main text and metadata (title, author, site name, date, url) of an HTML page."""
    import trafilatura

    warnings: list[str] = []
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True,
    )
    meta = extracted.as_dict() if extracted is not None else {}
    text = (meta.get("text") or "").replace("\n", "\n\n")
    if not text.strip():
        text = html_to_text(html)
        warnings.append("main-text extraction found nothing; used the plain HTML text")
    if not text.strip():
        raise EmptyInputError(name, "HTML page has no readable text", record)
    date = _iso_date(meta.get("date"))
    return RawDocument(
        text=text,
        source_format=source_format,
        source_path=name,
        source_record=record,
        url=url or meta.get("url"),
        title=meta.get("title"),
        author=meta.get("author"),
        publisher=meta.get("sitename"),
        published=date,
        published_from="metadata" if date else None,
        warnings=warnings,
    )
