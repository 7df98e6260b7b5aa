import datetime as dt

import pytest

from clamor.extract.temporal import find_dates, first_calendar_day

REF = dt.date(2019, 6, 14)  # a Friday


@pytest.mark.parametrize("text,date,precision", [
    ("on Tuesday police fired", dt.date(2019, 6, 11), 1),
    ("last Friday students marched", dt.date(2019, 6, 7), 1),
    ("protests on Friday", dt.date(2019, 6, 14), 1),
    ("yesterday", dt.date(2019, 6, 13), 1),
    ("earlier this month", dt.date(2019, 6, 14), 3),
    ("last month", dt.date(2019, 5, 15), 3),
    ("on 5 June 2019", dt.date(2019, 6, 5), 1),
    ("on June 5", dt.date(2019, 6, 5), 1),
    ("in December", dt.date(2018, 12, 15), 3),
    ("the Dec/Jan uprising", dt.date(2018, 12, 15), 3),
    ("two weeks ago", dt.date(2019, 5, 31), 2),
    ("last week", dt.date(2019, 6, 7), 2),
])
def test_relative_and_absolute_dates(text, date, precision):
    found = find_dates(text, 0, REF)
    assert found and found[0].date == date and found[0].precision == precision


def test_may_the_modal_is_not_a_month():
    assert find_dates("Protesters may march again", 0, REF) == []


def test_next_week_is_future():
    (d,) = find_dates("they will rally next week", 0, REF)
    assert d.future


def test_offsets_are_absolute():
    (d,) = find_dates("xx on Tuesday", 100, REF)
    assert (d.start, d.end, d.text) == (103, 113, "on Tuesday")


def test_lower_case_text():
    (d,) = find_dates("the mob struck on march 3 in the old city", 0, REF)
    assert d.date == dt.date(2019, 3, 3)


def test_without_reference_date_only_absolute_dates_resolve():
    assert find_dates("on Tuesday", 0, None) == []
    assert find_dates("On 3 March 2020, protesters", 0, None)[0].date == dt.date(2020, 3, 3)


@pytest.mark.parametrize("text, start", [
    ("On 21 February 2022, soldiers fired", 3), ("14 July. A mob in the village", 0),
    ("police raided on September 28", 17), ("on Monday police raided", None),
    ("in March 2022 prices rose", None), ("yesterday", None),
])
def test_first_calendar_day_with_or_without_a_year(text, start):
    assert first_calendar_day(text) == start
