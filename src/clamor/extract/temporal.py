"""Date expressions in a sentence, resolved against the publication date or dateline.

Precision follows ACLED: 1 the exact day, 2 a day within a known week, 3 only the month
(the month's middle day is used, never after the reference date).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(WEEKDAYS)
# "May" and "March" are also a modal verb and a verb: bare month names need a cue word.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "aug", "sep"}
MONTH_CUE = r"(?:in|during|since|early|late|mid|of|until|by|last|this|earlier this|through)"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    ("dmy", rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\.?(?:,?\s+(?P<y>\d{{4}}))?"),
    ("mdy", rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y>\d{{4}}))?"),
    ("month_pair", rf"(?P<mon>{_MONTH})\.?\s*/\s*(?P<mon2>{_MONTH})\.?"),
    ("month_year", rf"(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})"),
    ("cue_month", rf"(?P<cue>{MONTH_CUE})\s+(?P<mon>{_MONTH})(?![\w/])"),
    ("weekday", rf"(?:(?P<rel>last|this past|on|this|next|early|late)\s+)?(?P<wd>{_DAY})"),
    ("yesterday", r"yesterday|last night"),
    ("today", r"today|tonight|this (?:morning|afternoon|evening)"),
    ("tomorrow", r"tomorrow"),
    ("last_week", r"last week|earlier this week|this week|past week|past few days|recent days"),
    ("next_period", r"next (?:week|month|year)|coming (?:days|weeks)"),
    ("this_month", r"earlier this month|this month|earlier in the month"),
    ("last_month", r"last month"),
    ("last_year", r"last year"),
    ("ago", r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"),
    ("year", r"(?:in|since|during)\s+(?P<y>(?:19|20)\d\d)"),
]
_COMPILED = [(name, re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE)) for name, p in _PATTERNS]
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}


@dataclass(frozen=True)
class DateMention:
    """A date expression with absolute offsets and its resolution."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int | None
    future: bool = False


def _mid_month(year: int, month: int, ref: dt.date | None) -> dt.date:
    day = dt.date(year, month, 15)
    if ref is not None and day > ref and (ref.year, ref.month) == (year, month):
        return ref
    return day


def _year_for(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year that puts month/day closest before the reference date."""
    if ref is None:
        return None
    year = ref.year
    try:
        candidate = dt.date(year, month, min(day, 28))
    except ValueError:
        return year
    if (candidate - ref).days > 31:
        year -= 1
    return year


def _resolve(name: str, m: re.Match[str], ref: dt.date | None) -> tuple[dt.date | None, int | None, bool]:
    g = m.groupdict()
    if name == "iso":
        try:
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])), 1, False
        except ValueError:
            return None, None, False
    if name in ("dmy", "mdy"):
        month, day = MONTHS[g["mon"].lower()], int(g["d"])
        if not 1 <= day <= 31:
            return None, None, False
        year = int(g["y"]) if g.get("y") else _year_for(month, day, ref)
        if year is None:
            return None, None, False
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None, None, False
        return date, 1, bool(ref and date > ref)
    if name == "month_pair":
        month = MONTHS[g["mon"].lower()]
        year = _year_for(month, 15, ref)
        return (dt.date(year, month, 15), 3, False) if year else (None, 3, False)
    if name == "month_year":
        return _mid_month(int(g["y"]), MONTHS[g["mon"].lower()], ref), 3, False
    if name == "cue_month":
        month = MONTHS[g["mon"].lower()]
        year = _year_for(month, 15, ref)
        return (_mid_month(year, month, ref), 3, False) if year else (None, 3, False)
    if ref is None:
        return None, None, name in ("tomorrow", "next_period")
    if name == "weekday":
        rel = (g.get("rel") or "").lower()
        target = WEEKDAYS[g["wd"].lower()]
        if rel == "next":
            delta = (target - ref.weekday()) % 7 or 7
            return ref + dt.timedelta(days=delta), 1, True
        back = (ref.weekday() - target) % 7
        if rel in ("last", "this past") and back == 0:
            back = 7
        return ref - dt.timedelta(days=back), 1, False
    if name == "yesterday":
        return ref - dt.timedelta(days=1), 1, False
    if name == "today":
        return ref, 1, False
    if name == "tomorrow":
        return ref + dt.timedelta(days=1), 1, True
    if name == "last_week":
        text = m.group(0).lower()
        back = 7 if text.startswith("last") else 3
        return ref - dt.timedelta(days=back), 2, False
    if name == "next_period":
        return ref + dt.timedelta(days=7), 2, True
    if name == "this_month":
        return _mid_month(ref.year, ref.month, ref), 3, False
    if name == "last_month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return dt.date(first.year, first.month, 15), 3, False
    if name == "last_year":
        return dt.date(ref.year - 1, 7, 1), 3, False
    if name == "ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else _SMALL.get(n, 1)
        unit = g["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
        return ref - dt.timedelta(days=days), {"day": 1, "week": 2}.get(unit, 3), False
    if name == "year":
        return dt.date(int(g["y"]), 7, 1), 3, False
    return None, None, False


_CALENDAR_DAY = [p for name, p in _COMPILED if name in ("iso", "dmy", "mdy")]


def first_calendar_day(text: str) -> int | None:
    """Where ``text`` first names a calendar day ("21 February 2022", "14 July", "September
    28"), with or without its year (with no reference date :func:`find_dates` cannot resolve
    a day without a year, but it is still a day and month); None when it names none."""
    starts = [m.start() for p in _CALENDAR_DAY for m in [p.search(text)] if m is not None]
    return min(starts) if starts else None


def find_dates(text: str, offset: int = 0, ref: dt.date | None = None) -> list[DateMention]:
    """Date expressions in ``text`` (a sentence starting at ``offset``), left to right."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name == "cue_month" and m.group("mon").lower() in ("may",) and m.group("cue").lower() in ("of", "by"):
                continue
            if name == "weekday" and not m.group("rel") and m.group("wd")[0].islower() and not text.islower():
                continue
            if name == "mdy" and m.group("mon").lower() in _AMBIGUOUS_MONTHS and not m.group("mon")[0].isupper() \
                    and not text.islower():
                continue
            date, precision, future = _resolve(name, m, ref)
            if date is None and precision is None and not future:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(offset + m.start(), offset + m.end(), m.group(0), date, precision, future))
    return sorted(found, key=lambda d: d.start)
