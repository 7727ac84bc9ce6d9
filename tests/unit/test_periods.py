from datetime import date

import pytest

from programmakamer.core.periods import first_day, format_period, last_day, parse_moment


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
    assert format_period(None, None, date(2028, 3, 31), "day") == "? – 31 Mar 2028"


def test_dates_are_written_the_way_the_reader_writes_them():
    from datetime import datetime

    from programmakamer.core.periods import format_moment_time

    assert format_period(date(2027, 9, 14), "day", date(2028, 3, 31), "day", "nl") == (
        "14-09-2027 – 31-03-2028"
    )
    assert format_period(date(2027, 10, 1), "month", date(2027, 10, 31), "month", "nl") == (
        "okt 2027"
    )
    assert format_period(date(2027, 10, 1), "month", None, None, "en") == "Oct 2027 – ?"
    assert format_moment_time(datetime(2026, 11, 12, 14, 5), "nl") == "12-11-2026 14:05"
    assert format_moment_time(datetime(2026, 11, 12, 14, 5), "en") == "12 Nov 2026 14:05"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2027, (date(2027, 1, 1), "year")),
        ("2027", (date(2027, 1, 1), "year")),
        ("Q3 2027", (date(2027, 7, 1), "quarter")),
        ("q1-2028", (date(2028, 1, 1), "quarter")),
        ("2027-09-14", (date(2027, 9, 14), "day")),
        ("14-09-2027", (date(2027, 9, 14), "day")),
        ("3-4-27", (date(2027, 4, 3), "day")),
        (date(2027, 2, 1), (date(2027, 2, 1), "day")),
        (None, None),
        ("", None),
    ],
)
def test_delivery_dates_are_read_with_their_precision(value, expected):
    assert parse_moment(value) == expected


@pytest.mark.parametrize("value", ["volgend jaar", "31-02-2027", "Q5 2027"])
def test_unreadable_dates_are_refused_not_guessed(value):
    with pytest.raises(ValueError):
        parse_moment(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05-06-2027", date(2027, 6, 5)),  # Dutch: 5 June, never 6 May
        ("5/6/2027", date(2027, 6, 5)),
        ("05.06.2027", date(2027, 6, 5)),
        ("2027/06/05", date(2027, 6, 5)),  # NWB writes year/month/day
        ("2027-06-05T08:00:00+02:00", date(2027, 6, 5)),
        ("05-05-05", date(2005, 5, 5)),  # both readings give the same day
        ("27-02-31", date(2031, 2, 27)),  # 2027-02-31 does not exist: one reading only
        (2027.0, date(2027, 1, 1)),
    ],
)
def test_dates_are_read_in_their_explicit_formats(value, expected):
    assert parse_moment(value)[0] == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("03-04-05", "ambiguous"),  # 3 April 2005 or 5 April 2003
        ("14-09-27", "ambiguous"),  # 14 Sep 2027 or 27 Sep 2014
        ("13-13-2027", "no_such_date"),
        ("31-02-2027", "no_such_date"),
        ("2027/13/01", "no_such_date"),
        (46000, "a_number"),  # an Excel day number, not a year
        ("46000", "a_number"),
        (1850, "year_out_of_range"),
        ("Q1 2300", "year_out_of_range"),
        (date(1899, 12, 31), "year_out_of_range"),
        (2027.5, "unreadable"),
        (float("inf"), "unreadable"),
        ("2027-09-145", "unreadable"),
        ("volgend jaar", "unreadable"),
    ],
)
def test_date_problems_carry_a_code_for_the_users_own_sentence(value, code):
    from programmakamer.core.periods import DateError

    with pytest.raises(DateError) as problem:
        parse_moment(value)
    assert problem.value.code == code
    assert problem.value.value == value


def test_blank_text_is_an_empty_date():
    assert parse_moment("   ") is None
