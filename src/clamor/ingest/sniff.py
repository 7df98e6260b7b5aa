"""Tell what an input is from its content (and, only to break ties, its name)."""

from __future__ import annotations

import json
import re
from enum import StrEnum


class Format(StrEnum):
    """Input formats clamor reads, and the binary ones it refuses by name."""

    TEXT = "text"
    HTML = "html"
    WARC = "warc"
    FEED = "feed"
    JSONL = "jsonl"
    CSV = "csv"
    GZIP = "gzip"
    BINARY = "binary"


#: Magic numbers of binary files people drop into news folders by mistake.
BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"PK\x05\x06": "an empty zip archive",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"RIFF": "a media file (RIFF)",
    b"\x00\x00\x00": "a media or binary file",
    b"SQLite format 3": "an SQLite database",
}

GZIP_MAGIC = b"\x1f\x8b"

#: Share of control characters (other than whitespace) above which decoded text is
#: taken to be binary: real text, even badly scraped, has almost none.
MAX_CONTROL_SHARE = 0.05

_HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article)[\s>]", re.I)
_FEED_RE = re.compile(rb"<rss[\s>]|<feed[\s>][^>]*|<rdf:RDF[\s>]", re.I)


def binary_kind(data: bytes) -> str | None:
    """A description of the binary format ``data`` starts with, or None."""
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (a binary file)."""
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample) > MAX_CONTROL_SHARE


def sniff(data: bytes, name: str = "") -> Format:
    """Guess the format of ``data``; ``name`` only decides between JSONL, CSV and text."""
    if data.startswith(GZIP_MAGIC):
        return Format.GZIP
    if data.startswith(b"WARC/"):
        return Format.WARC
    if binary_kind(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Format.BINARY
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and _FEED_RE.search(data[:8192]):
        return Format.FEED
    if head.startswith(b"<") and _HTML_RE.search(data[:65536]):
        return Format.HTML
    if head.startswith(b"{") and _first_line_is_json(head):
        return Format.JSONL
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return Format.JSONL
    if lower.endswith((".csv", ".tsv")):
        return Format.CSV
    if lower.endswith((".html", ".htm", ".xhtml")) and b"<" in head:
        return Format.HTML
    return Format.TEXT


def _first_line_is_json(head: bytes) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A first record longer than the sniffed head still starts with '{"'.
        return line.startswith(b'{"')
