"""JSON Lines and CSV dumps with id, url, title, text and published columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator

from dateutil import parser as date_parser

from clamor.errors import FormatError, InputError
from clamor.ingest.html import html_to_text
from clamor.ingest.raw import RawDocument
from clamor.options import ColumnNames

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _date(value, name: str, line: int, warnings: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        warnings.append(f"unreadable published date {str(value)[:40]!r}")
        return None


def _document(row: dict, columns: ColumnNames, name: str, line: int, fmt: str) -> RawDocument:
    text = row.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(name, f"no text in column {columns.text!r}", line)
    if "</p>" in text or "<br" in text:
        text = html_to_text(text)
    warnings: list[str] = []
    published = _date(row.get(columns.published), name, line, warnings)
    given_id = row.get(columns.id)
    return RawDocument(
        text=text,
        source_format=fmt,
        source_path=name,
        source_record=line,
        url=row.get(columns.url) or None,
        title=row.get(columns.title) or None,
        published=published,
        published_from="column" if published else None,
        given_id=str(given_id) if given_id not in (None, "") else None,
        warnings=warnings,
    )


def read_jsonl(text: str, name: str, columns: ColumnNames) -> Iterator[RawDocument | InputError]:
    """One document per JSON object line; a broken line is reported and skipped."""
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(name, f"not valid JSON ({exc.msg} at column {exc.colno})", line_number)
            continue
        if not isinstance(row, dict):
            yield InputError(name, "line is not a JSON object", line_number)
            continue
        try:
            yield _document(row, columns, name, line_number, "jsonl")
        except InputError as exc:
            yield exc


def read_csv(text: str, name: str, columns: ColumnNames) -> Iterator[RawDocument | InputError]:
    """One document per row; the header must name the text column."""
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or columns.text not in reader.fieldnames:
        raise FormatError(name, f"no {columns.text!r} column in the header (--text-column)", 1)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(name, f"broken CSV row ({exc})", reader.line_num)
            continue
        try:
            yield _document(row, columns, name, reader.line_num, "csv")
        except InputError as exc:
            yield exc
