"""Ingest: find inputs, sniff their format, decode, read and clean them into Articles.

``read`` never raises for a user's bad input: each failure comes back as a
:class:`~clamor.models.ReadError` naming the input (and line), and the batch goes on.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from clamor.errors import BinaryInputError, FormatError, InputError, TooLargeError
from clamor.ingest.article import build_article
from clamor.ingest.decode import decode_bytes
from clamor.ingest.raw import RawDocument
from clamor.ingest.sniff import Format, binary_kind, looks_binary, sniff
from clamor.ingest.sources import iter_sources
from clamor.models import Article, ReadError
from clamor.options import Options

__all__ = ["read", "read_bytes", "read_text", "build_article", "RawDocument"]

#: A compressed input may expand to at most this multiple of the size limit (gzip bombs).
MAX_GZIP_EXPANSION = 20


def to_read_error(exc: InputError) -> ReadError:
    """The record form of an input error."""
    return ReadError(source=exc.source, line=exc.line, message=exc.message)


def read(paths: Iterable[str], options: Options | None = None,
         stdin: BinaryIO | None = None) -> Iterator[Article | ReadError]:
    """Read every article in ``paths`` (files, directories, globs, ``-`` for stdin)."""
    options = options or Options()
    for source in iter_sources(paths):
        if isinstance(source, InputError):
            yield to_read_error(source)
            continue
        try:
            data = source.load(options.max_bytes, stdin=stdin)
        except InputError as exc:
            yield to_read_error(exc)
            continue
        yield from read_bytes(data, source.name, options)


def read_bytes(data: bytes, name: str, options: Options | None = None,
               keep: Callable[[int], bool] | None = None) -> Iterator[Article | ReadError]:
    """Read the articles in one input's bytes; errors are yielded, never raised.

    ``keep(i)`` selects records by index (a shard of a multi-record input); an error about
    the whole input goes with the selection that holds record 0, so it is reported once.
    """
    options = options or Options()
    keep = keep or (lambda i: True)
    try:
        for i, item in enumerate(_documents(data, name, options)):
            if not keep(i):
                continue
            if isinstance(item, InputError):
                yield to_read_error(item)
                continue
            try:
                yield build_article(item, options)
            except InputError as exc:
                yield to_read_error(exc)
    except InputError as exc:
        if keep(0):
            yield to_read_error(exc)


def read_text(text: str, options: Options | None = None, **meta) -> Article:
    """Clean a string into an Article; ``meta`` sets RawDocument fields (url, title, ...)."""
    meta.setdefault("source_format", "text")
    return build_article(RawDocument(text=text, **meta), options)


def _gunzip(data: bytes, name: str, limit: int) -> tuple[bytes, bool]:
    """Decompress every complete gzip member; report whether the data ended early."""
    members: list[bytes] = []
    total = 0
    while data:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            chunk = inflater.decompress(data, limit - total + 1)
        except zlib.error as exc:
            raise FormatError(name, f"corrupt gzip data ({exc})") from None
        total += len(chunk)
        if total > limit:
            raise TooLargeError(name, f"expands to more than {limit:,} bytes")
        if not inflater.eof:
            return b"".join(members), True
        members.append(chunk)
        data = inflater.unused_data.lstrip(b"\x00")
    return b"".join(members), False


def _documents(data: bytes, name: str, options: Options) -> Iterator[RawDocument | InputError]:
    fmt = sniff(data, name)
    if fmt is Format.GZIP:
        data, truncated = _gunzip(data, name, options.max_bytes * MAX_GZIP_EXPANSION)
        if truncated and not data.startswith(b"WARC/"):
            raise FormatError(name, "truncated gzip file (the data ends before the archive does)")
        inner = name[:-3] if name.lower().endswith(".gz") else name
        yield from _documents(data, inner, options) if data else iter(())
        if truncated:
            yield FormatError(name, "truncated gzip file: read the complete records before the cut")
        return
    if fmt is Format.BINARY:
        raise BinaryInputError(name, f"binary file ({binary_kind(data)}), not text")
    if fmt is Format.WARC:
        from clamor.ingest.warc import read_warc

        yield from read_warc(data, name)
        return
    if fmt is Format.FEED:
        from clamor.ingest.feeds import read_feed

        yield from read_feed(data, name)
        return
    text, _ = decode_bytes(data)
    if looks_binary(text):
        raise BinaryInputError(name, "binary file, not text")
    yield from _text_documents(fmt, text, name, options)


def _text_documents(fmt: Format, text: str, name: str,
                    options: Options) -> Iterator[RawDocument | InputError]:
    if fmt is Format.HTML:
        from clamor.ingest.html import read_html

        yield read_html(text, name)
    elif fmt is Format.JSONL:
        from clamor.ingest.tables import read_jsonl

        yield from read_jsonl(text, name, options.columns)
    elif fmt is Format.CSV:
        from clamor.ingest.tables import read_csv

        yield from read_csv(text, name, options.columns)
    else:
        yield RawDocument(text=text, source_format="text", source_path=name)
