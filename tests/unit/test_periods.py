from datetime import date

import pytest

from programmakamer.core.periods import first_day, format_period, last_day


@pytest.mark.parametrize(
    ("precision", "first", "last"),
    [
        ("day", date(2027, 8, 14), date(2027, 8, 14)),
        ("month", date(2027, 8, 1), date(2027, 8, 31)),
        ("quarter", date(2027, 7, 1), date(2027, 9, 30)),
        ("year", date(2027, 1, 1), date(2027, 12, 31)),
    ],
)
def test_a_period_covers_its_whole_unit(precision, first, last):
    assert first_day(date(2027, 8, 14), precision) == first
    assert last_day(date(2027, 8, 14), precision) == last


def test_february_of_a_leap_year_ends_on_the_29th():
    assert last_day(date(2028, 2, 3), "month") == date(2028, 2, 29)


def test_periods_are_shown_as_precisely_as_they_are_known():
    assert format_period(date(2027, 1, 1), "year", date(2027, 12, 31), "year") == "2027"
    assert (
        format_period(date(2027, 7, 1), "quarter", date(2028, 3, 31), "quarter")
        == "Q3 2027 – Q1 2028"
    )
    assert format_period(None, None, date(2028, 3, 31), "day") == "? – 2028-03-31"
