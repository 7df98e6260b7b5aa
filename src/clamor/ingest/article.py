"""Turn a reader's :class:`RawDocument` into a cleaned, described :class:`Article`."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata

from clamor.errors import EmptyInputError
from clamor.ingest.clean import CleanedLines, Line, clean_lines, join_lines
from clamor.ingest.metadata import HEAD_LINES, find_byline, find_dateline, find_title, url_date
from clamor.ingest.raw import RawDocument
from clamor.models import Article, ArticleStatus, Removal
from clamor.nlp.language import MIN_CONFIDENT_SCORE, identify_language
from clamor.options import Options

#: Length of the hex article id: 64 bits make an accidental collision in a corpus of
#: millions of articles vanishingly unlikely while keeping ids readable.
ARTICLE_ID_HEX_CHARS = 16


def article_id(text: str) -> str:
    """A stable id from the normalised text: the same story from two files gets one id."""
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:ARTICLE_ID_HEX_CHARS]


def build_article(raw: RawDocument, options: Options | None = None) -> Article:
    """Clean ``raw``, find its title, byline and dateline, identify its language."""
    options = options or Options()
    cleaned = clean_lines(raw.text)
    title_line = find_title(cleaned.lines)
    byline = find_byline(cleaned.lines)
    if byline is not None:
        _drop(cleaned, byline.line, "byline")
    text = join_lines(cleaned.lines)
    if not text:
        raise EmptyInputError(_where(raw), "no text left after cleaning", raw.source_record)

    reference, reference_from = _date_reference(raw)
    dateline = _find_dateline(cleaned.lines, title_line, reference)
    year_from = reference_from if dateline and dateline.year_inferred else None
    published, published_from = raw.published, raw.published_from
    warnings = list(raw.warnings)
    if year_from:
        warnings.append(f"the dateline gives no year; year taken from the {year_from}")
    if published is None and dateline and dateline.date:
        published = dateline.date
        published_from = f"dateline, year from {year_from}" if year_from else "dateline"
    if published is None and raw.captured is not None:
        published, published_from = raw.captured, "capture"
        warnings.append("no publication date found; using the capture date")

    language, score = identify_language(text, prefer=options.languages)
    status = _status(text, language, options)
    if language and score < MIN_CONFIDENT_SCORE:
        warnings.append(f"language uncertain ({language}, p={score:.2f})")

    return Article(
        article_id=article_id(text),
        url=raw.url,
        title=raw.title or (title_line.text if title_line else None),
        text=text,
        published=published,
        published_from=published_from,
        publisher=raw.publisher or (byline.publisher if byline else None),
        author=raw.author or (byline.author if byline else None),
        byline=byline.line.text if byline else None,
        language=language,
        language_score=round(score, 4),
        status=status,
        dateline_place=dateline.place if dateline else None,
        dateline_date=dateline.date if dateline else None,
        dateline_year_from=year_from,
        source_path=raw.source_path,
        source_format=raw.source_format,
        source_record=raw.source_record,
        removed=cleaned.removed,
        warnings=warnings,
    )


def _where(raw: RawDocument) -> str:
    return raw.source_path or raw.url or "<text>"


def _drop(cleaned: CleanedLines, line: Line, reason: str) -> None:
    index = cleaned.lines.index(line)
    del cleaned.lines[index]
    # Do not leave two paragraph breaks where the line stood.
    if index < len(cleaned.lines) and cleaned.lines[index] is None and (
        index == 0 or cleaned.lines[index - 1] is None
    ):
        del cleaned.lines[index]
    cleaned.removed.append(Removal(line=line.number, text=line.text, reason=reason))
    cleaned.removed.sort(key=lambda r: r.line)


def _find_dateline(lines: list[Line | None], title: Line | None, reference: dt.date):
    """The dateline opening one of the first lines after the title (captions come first)."""
    head = [ln for ln in lines if ln is not None and ln is not title][:HEAD_LINES]
    for line in head:
        dateline = find_dateline(line.text, reference)
        if dateline is not None:
            return dateline
    return None


def _date_reference(raw: RawDocument) -> tuple[dt.date, str]:
    """The date a year-less dateline ('NAIROBI, March 4 -') is read against, and where it
    came from: the page's own date, else a date in its URL, its capture date (WARC), the
    file's modification time (a saved page), else today (live input). The dateline's date
    is the latest one not after it."""
    if raw.published is not None:
        return raw.published, raw.published_from or "metadata"
    from_url = url_date(raw.url)
    if from_url is not None:
        return from_url, "url"
    if raw.captured is not None:
        return raw.captured, "capture date"
    saved = _file_date(raw.source_path)
    if saved is not None:
        return saved, "file time"
    return _today(), "read date"


def _file_date(path: str | None) -> dt.date | None:
    if not path or not os.path.isfile(path):
        return None
    return dt.datetime.fromtimestamp(os.path.getmtime(path), tz=dt.timezone.utc).date()


def _today() -> dt.date:
    """Today's date (UTC); its own function so tests can fix it."""
    return dt.datetime.now(tz=dt.timezone.utc).date()


def _status(text: str, language: str | None, options: Options) -> ArticleStatus:
    if len(text.split()) < options.min_words:
        return ArticleStatus.TOO_SHORT
    if language not in options.languages:
        return ArticleStatus.NOT_ENGLISH
    return ArticleStatus.OK
