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


def _period(start, start_precision, end=None, end_precision=None):
    from programmakamer.core.periods import Period

    return Period(start, start_precision, end or start, end_precision or start_precision)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027", _period(date(2027, 1, 1), "year", date(2027, 12, 31))),
        ("Q3 2027", _period(date(2027, 7, 1), "quarter", date(2027, 9, 30))),
        ("2027-Q3", _period(date(2027, 7, 1), "quarter", date(2027, 9, 30))),
        ("3e kwartaal 2027", _period(date(2027, 7, 1), "quarter", date(2027, 9, 30))),
        ("2027-2028", _period(date(2027, 1, 1), "year", date(2028, 12, 31))),
        ("2027 t/m 2028", _period(date(2027, 1, 1), "year", date(2028, 12, 31))),
        ("Q3 2027 – Q1 2028", _period(date(2027, 7, 1), "quarter", date(2028, 3, 31))),
        (
            "01-03-2027 - 30-06-2027",
            _period(date(2027, 3, 1), "day", date(2027, 6, 30)),
        ),
        ("14-09-2027", _period(date(2027, 9, 14), "day")),
        ("3-4-27", _period(date(2027, 4, 3), "day")),
        ("2027-09-14", _period(date(2027, 9, 14), "day")),
        ("2020/06/01", _period(date(2020, 6, 1), "day")),
        ("2027-06-05T23:30:00-05:00", _period(date(2027, 6, 5), "day")),  # as written
        ("2027-06-05 08:00:00Z", _period(date(2027, 6, 5), "day")),
        ("14-09-2027 08:00", _period(date(2027, 9, 14), "day")),
        ("3 mrt 2025", _period(date(2025, 3, 3), "day")),
        ("1er mars 2027", _period(date(2027, 3, 1), "day")),
        ("March 14, 2027", _period(date(2027, 3, 14), "day")),
        ("mrt 2027", _period(date(2027, 3, 1), "month", date(2027, 3, 31))),
        ("Maart 2027", _period(date(2027, 3, 1), "month", date(2027, 3, 31))),
        ("March 2027", _period(date(2027, 3, 1), "month", date(2027, 3, 31))),
        ("März 2027", _period(date(2027, 3, 1), "month", date(2027, 3, 31))),
        ("févr. 2028", _period(date(2028, 2, 1), "month", date(2028, 2, 29))),
        ("03-2027", _period(date(2027, 3, 1), "month", date(2027, 3, 31))),
        ("2027-03", _period(date(2027, 3, 1), "month", date(2027, 3, 31))),
        ("2027/06", _period(date(2027, 6, 1), "month", date(2027, 6, 30))),
        # seasons are meteorological: whole months, so precision month covers them
        ("najaar 2027", _period(date(2027, 9, 1), "month", date(2027, 11, 30))),
        ("voorjaar 2027", _period(date(2027, 3, 1), "month", date(2027, 5, 31))),
        ("zomer 2027", _period(date(2027, 6, 1), "month", date(2027, 8, 31))),
        ("autumn 2027", _period(date(2027, 9, 1), "month", date(2027, 11, 30))),
        ("Herbst 2027", _period(date(2027, 9, 1), "month", date(2027, 11, 30))),
        ("été 2027", _period(date(2027, 6, 1), "month", date(2027, 8, 31))),
        ("winter 2027/2028", _period(date(2027, 12, 1), "month", date(2028, 2, 29))),
        ("hiver 2027-28", _period(date(2027, 12, 1), "month", date(2028, 2, 29))),
        # an ISO week is its days: there is no week precision
        ("week 12 2027", _period(date(2027, 3, 22), "day", date(2027, 3, 28))),
        ("wk 1 2027", _period(date(2027, 1, 4), "day", date(2027, 1, 10))),
        ("2026-W53", _period(date(2026, 12, 28), "day", date(2027, 1, 3))),
        ("KW 12 2027", _period(date(2027, 3, 22), "day", date(2027, 3, 28))),
        # a half year is two quarters
        ("H2 2027", _period(date(2027, 7, 1), "quarter", date(2027, 12, 31))),
        ("2e helft 2027", _period(date(2027, 7, 1), "quarter", date(2027, 12, 31))),
        ("eerste helft 2027", _period(date(2027, 1, 1), "quarter", date(2027, 6, 30))),
        ("1er semestre 2027", _period(date(2027, 1, 1), "quarter", date(2027, 6, 30))),
        (2027, _period(date(2027, 1, 1), "year", date(2027, 12, 31))),
        ("2027.0", _period(date(2027, 1, 1), "year", date(2027, 12, 31))),  # a float as text
        (date(2027, 2, 1), _period(date(2027, 2, 1), "day")),
        (None, None),
        ("  ", None),
        (float("nan"), None),
    ],
)
def test_delivery_values_are_read_into_periods_with_their_precision(value, expected):
    from programmakamer.core.periods import parse_period

    assert parse_period(value) == expected


def test_every_precision_read_is_one_the_schema_knows():
    from programmakamer.core.periods import parse_period
    from programmakamer.core.schema import PRECISIONS

    known = {p.value for p in PRECISIONS}
    for value in ("week 12 2027", "najaar 2027", "H2 2027", "mrt 2027", "2027-2028", "Q1 2027"):
        period = parse_period(value)
        assert {period.start_precision, period.end_precision} <= known, value


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("03-04-05", "ambiguous"),  # 3 April 2005 or 5 April 2003
        ("winter 2027", "ambiguous"),  # the winter that starts or the one that ends in 2027
        ("2027-03-2028", "ambiguous"),  # 2027 to March 2028, or March 2027 to 2028
        ("2028-2027", "end_before_start"),
        ("week 53 2027", "no_such_date"),  # 2027 has 52 ISO weeks
        ("2027 - 31-02-2028", "no_such_date"),
        ("45000", "a_number"),
        ("46000,5", "a_number"),
        ("27", "year_out_of_range"),
        ("zomer", "unreadable"),
        ("Q5 2027", "unreadable"),
        ("H3 2027", "unreadable"),
        ("volgend jaar", "unreadable"),
        ("2027-09-14 later", "unreadable"),
    ],
)
def test_periods_that_cannot_be_read_say_why_and_are_never_guessed(value, code):
    from programmakamer.core.periods import DateError, parse_period

    with pytest.raises(DateError) as problem:
        parse_period(value)
    assert (problem.value.code, problem.value.value) == (code, value)


@pytest.mark.parametrize(
    ("value", "date_format", "expected"),
    [
        ("03-04-05", "d-m-jj", date(2005, 4, 3)),
        ("03-04-05", "dd-mm-jj", date(2005, 4, 3)),
        ("14-09-27", "d-m-jj", date(2027, 9, 14)),
        ("14-09-2027", "dd-mm-jjjj", date(2027, 9, 14)),
        ("14/9/2027", "dd-mm-jjjj", date(2027, 9, 14)),
        ("2020/06/01", "jjjj/mm/dd", date(2020, 6, 1)),
        ("2027-06-05T08:00:00+02:00", "iso", date(2027, 6, 5)),
        ("06/05/2027", "mm/dd/jjjj", date(2027, 6, 5)),
        ("2027", "jjjj", date(2027, 1, 1)),
    ],
)
def test_an_explicit_format_reads_what_it_names(value, date_format, expected):
    from programmakamer.core.periods import parse_period

    assert parse_period(value, date_format).start == expected


@pytest.mark.parametrize(
    ("value", "date_format"),
    [
        ("2027", "dd-mm-jjjj"),
        ("14-09-27", "dd-mm-jjjj"),
        ("14-09-2027", "d-m-jj"),
        ("2027/06/01", "dd-mm-jjjj"),
        ("14-09-2027", "iso"),
        ("2027/06/01", "iso"),
        ("najaar 2027", "dd-mm-jjjj"),
        ("13/25/2027", "mm/dd/jjjj"),
    ],
)
def test_an_explicit_format_reads_nothing_else(value, date_format):
    from programmakamer.core.periods import DateError, parse_period

    with pytest.raises(DateError):
        parse_period(value, date_format)


def test_the_named_formats_are_the_ones_offered():
    from programmakamer.core.periods import DATE_FORMATS, parse_period

    assert DATE_FORMATS == ("dd-mm-jjjj", "d-m-jj", "jjjj/mm/dd", "iso", "mm/dd/jjjj", "jjjj")
    with pytest.raises(ValueError):
        parse_period("2027", "dd.mm.jjjj")
    with pytest.raises(ValueError):
        parse_period(45000, serial_system="1901")


@pytest.mark.parametrize(
    ("value", "system", "expected"),
    [
        (45000, "1900", date(2023, 3, 15)),
        (45000, "1904", date(2027, 3, 16)),
        ("45000", "1900", date(2023, 3, 15)),  # read as text from a CSV
        ("45000,75", "1900", date(2023, 3, 15)),  # 18:00 that day, decimal comma
        (46284.5, "1900", date(2026, 9, 19)),
        (2027, "1900", date(2027, 1, 1)),  # below 10000 a number stays a year
    ],
)
def test_excel_day_numbers_are_read_in_the_system_the_caller_names(value, system, expected):
    from programmakamer.core.periods import parse_period

    period = parse_period(value, serial_system=system)
    assert period.start == expected
    assert period.end == (expected if period.start_precision == "day" else date(2027, 12, 31))


def test_the_1900_system_keeps_excels_29_february_1900():
    from programmakamer.core.periods import DateError, excel_date

    assert excel_date(59, "1900") == date(1900, 2, 28)
    assert excel_date(61, "1900") == date(1900, 3, 1)
    assert excel_date(1, "1900") == date(1900, 1, 1)
    assert excel_date(0, "1904") == date(1904, 1, 1)
    with pytest.raises(DateError) as problem:
        excel_date(60, "1900")
    assert problem.value.code == "no_such_date"
    with pytest.raises(DateError) as problem:
        excel_date(10**7, "1900")
    assert problem.value.code == "year_out_of_range"


def test_a_moment_is_a_period_of_one_unit_and_longer_periods_are_not_moments():
    from programmakamer.core.periods import DateError

    assert parse_moment("mrt 2027") == (date(2027, 3, 1), "month")
    assert parse_moment("14 sep 2027") == (date(2027, 9, 14), "day")
    for value in ("2027-2028", "najaar 2027", "week 12 2027", "H2 2027"):
        with pytest.raises(DateError) as problem:
            parse_moment(value)
        assert problem.value.code == "unreadable"
