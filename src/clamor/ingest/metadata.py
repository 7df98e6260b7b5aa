"""Find the title, the byline and the dateline in cleaned lines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from clamor.ingest.clean import Line

#: Title and byline sit at the top of a page: look no further than this many lines.
HEAD_LINES = 8

#: A title is a short line; anything longer is the first paragraph.
MAX_TITLE_CHARS = 200

_BYLINE = re.compile(
    r"^(?:by|analysis by|written by|reported by|report by|reporting by|posted by|story by|"
    r"words by|opinion by|commentary by|editorial by|compiled by|author\s*:|from)\s+(?P<name>.{2,100})$",
    re.IGNORECASE,
)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\||\s-\s|\s–\s|\s—\s|\bfor\b)\s*")
_ORG_WORDS = re.compile(
    r"\b(?:news|agency|press|staff|desk|committee|organi[sz]ation|council|reporters?|"
    r"correspondents?|times|post|network|service|media|bureau|editorial board|"
    r"foundation|institute|centre|center|watch|international|mojahedin|wire)\b",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|correspondent|reporter|editor|contributor|columnist|analyst|"
    r"special to|in [A-Z][a-z]+|\d)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,7}(?:/[A-Z0-9&.]{2,8})*$")

_MONTHS = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    "Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DATE = (
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_PLACE_PART = r"[A-Z][A-Za-z\u00C0-\u024F'’.\-]*(?:\s+[A-Za-z\u00C0-\u024F'’.\-]+){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_PART}(?:,\s*{_PLACE_PART}){{0,2}}?)"
    rf"(?:\s*,\s*(?P<date>{_DATE}))?"
    rf"\s*(?:\((?P<agency>[^()]{{2,40}})\))?"
    rf"\s*(?:-{{1,2}}|–|—|:)\s+(?=\S)",
)

# Lower-cased wire copy ('surat: the overall situation ...') keeps its dateline, but
# without capitals only a short place followed by a colon or dash can be trusted.
_DATELINE_LOWER = re.compile(r"^(?P<place>[a-z][a-z .'-]{1,30}?)\s*(?::|\s-{1,2}|\s–|\s—)\s+(?=\S)")
_LOWER_PLACE_MAX_WORDS = 3


@dataclass(frozen=True)
class Byline:
    """A byline as printed and what it names."""

    line: Line
    author: str
    publisher: str | None


@dataclass(frozen=True)
class Dateline:
    """The place, date and agency credit that open a news story."""

    place: str
    date: dt.date | None
    agency: str | None
    end: int
    #: the date printed no year ('NAIROBI, March 4 (Reuters) -'): its year is the reference's
    year_inferred: bool = False


def looks_like_organisation(name: str) -> bool:
    """True for 'PMOI/MEK', 'AFP', 'Reuters Staff'; False for 'Jane Doe', 'JOHN SMITH'."""
    tokens = name.split()
    if _ORG_WORDS.search(name):
        return True
    if len(tokens) == 1 and ("/" in name or _ACRONYM.match(name)):
        return True
    return any("/" in t and _ACRONYM.match(t) for t in tokens)


def find_title(lines: list[Line | None]) -> Line | None:
    """The first short line that reads as a headline, among the first few lines."""
    for line in [ln for ln in lines if ln is not None][:HEAD_LINES]:
        if _BYLINE.match(line.text) or find_dateline(line.text):
            return None
        words = line.text.split()
        if len(line.text) <= MAX_TITLE_CHARS and len(words) >= 2 and not line.text.endswith("."):
            return line
        if len(words) >= 2:
            return None
    return None


def find_byline(lines: list[Line | None]) -> Byline | None:
    """The byline among the first lines: 'By Jane Doe, Reuters', 'Analysis by PMOI/MEK'."""
    for line in [ln for ln in lines if ln is not None][:HEAD_LINES]:
        match = _BYLINE.match(line.text)
        if not match:
            continue
        parts = [p.strip(" .") for p in _BYLINE_SPLIT.split(match.group("name")) if p.strip(" .")]
        if not parts:
            continue
        author = parts[0]
        # 'By Jane Doe, Rift Valley Courier': what follows the name is the outlet, unless
        # it is the writer's role ('By Jane Doe, Staff Writer').
        publisher = next((p for p in parts[1:] if not _ROLE_WORDS.search(p) and p[:1].isupper()), None)
        if publisher is None and looks_like_organisation(author):
            publisher = author
        return Byline(line=line, author=author, publisher=publisher)
    return None


def find_dateline(paragraph: str, reference: dt.date | None = None) -> Dateline | None:
    """Parse a dateline such as 'Iran, May 23, 2018 - ' or 'NAIROBI (Reuters) -'."""
    match = _DATELINE.match(paragraph)
    if not match:
        return _lowercase_dateline(paragraph)
    place = match.group("place").strip()
    date_text, agency = match.group("date"), match.group("agency")
    # Without a date or agency credit, only an all-caps place ('KAZERUN, Iran —') is a
    # dateline; otherwise 'Update - ...' or 'Note: ...' would pass for one.
    if not date_text and not agency and not place.split(",")[0].isupper():
        return None
    if len(place.split(",")[0].split()) > 4:
        return None
    date = parse_date(date_text, reference) if date_text else None
    return Dateline(place=place, date=date, agency=agency.strip() if agency else None, end=match.end(),
                    year_inferred=date is not None and not _has_year(date_text))


def _lowercase_dateline(paragraph: str) -> Dateline | None:
    if any(ch.isupper() for ch in paragraph[:500]):
        return None
    match = _DATELINE_LOWER.match(paragraph)
    if not match or len(match.group("place").split()) > _LOWER_PLACE_MAX_WORDS:
        return None
    return Dateline(place=match.group("place").strip(), date=None, agency=None, end=match.end())


def parse_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """Parse a dateline date; a date without a year takes the year of ``reference``."""
    has_year = _has_year(text)
    if not has_year and reference is None:
        return None
    default = dt.datetime.combine(reference or dt.date(2000, 1, 1), dt.time())
    try:
        parsed = date_parser.parse(text, default=default, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
    if not has_year and reference and parsed > reference:
        # 'Dec 30' in an article published on Jan 2 is last year's.
        parsed = parsed.replace(year=parsed.year - 1)
    return parsed


def _has_year(text: str) -> bool:
    return re.search(r"\d{4}", text) is not None


#: Dates in a URL path: /2019/03/04/, /2019-03-04, /20190304, or a month alone (/2019/03/).
#: A bare year (/2019/) is too often an id or a section to trust.
_URL_DATE = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])"
    r"(?:(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]))?(?![\d])"
)


def url_date(url: str | None) -> dt.date | None:
    """The latest day a URL's date allows: '/2019/03/04/' -> 4 March 2019, '/2019/03/' ->
    31 March 2019 (a month alone stands for its last day: no day of it is in the future)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer(path):
        year, month, day = int(match["y"]), int(match["m"]), match["d"]
        if not match["sep"] and not day:
            continue  # '201903' alone reads as well as a number as a month
        if day is None:
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        try:
            return dt.date(year, month, int(day))
        except ValueError:  # 31 February
            continue
    return None
