"""Planned periods with their precision.

A delivery often says only "2027" or "Q3 2027". We keep that precision: the stored
start is the first day of the unit and the stored end the last day of its unit, so
a year-precise period covers the whole year, and the precision says how it is shown.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime


def first_day(day: date, precision: str) -> date:
    if precision == "day":
        return day
    if precision == "month":
        return day.replace(day=1)
    if precision == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if precision == "year":
        return date(day.year, 1, 1)
    raise ValueError(precision)


def last_day(day: date, precision: str) -> date:
    if precision == "day":
        return day
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "quarter":
        month = 3 * ((day.month - 1) // 3) + 3
        return date(day.year, month, calendar.monthrange(day.year, month)[1])
    if precision == "year":
        return date(day.year, 12, 31)
    raise ValueError(precision)


MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}


def format_moment(day: date | None, precision: str | None, lang: str = "en") -> str:
    """Show a moment as precisely as it is known, the way the reader writes dates:
    2027, Q3 2027, Sep 2027 / sep 2027, 14 Sep 2027 / 14-09-2027."""
    if day is None:
        return "?"
    months = MONTHS["nl" if lang == "nl" else "en"]
    if precision == "year":
        return str(day.year)
    if precision == "quarter":
        return "Q{} {}".format((day.month - 1) // 3 + 1, day.year)
    if precision == "month":
        return "{} {}".format(months[day.month - 1], day.year)
    if lang == "nl":
        return "{:02d}-{:02d}-{}".format(day.day, day.month, day.year)
    return "{} {} {}".format(day.day, months[day.month - 1], day.year)


def format_moment_time(moment: datetime | None, lang: str = "en") -> str:
    """A decision's date and time: 12-11-2026 14:00 in Dutch, 12 Nov 2026 14:00 in English."""
    if moment is None:
        return "?"
    return "{} {:02d}:{:02d}".format(
        format_moment(moment.date(), "day", lang), moment.hour, moment.minute
    )


def format_period(
    start: date | None,
    start_precision: str | None,
    end: date | None,
    end_precision: str | None,
    lang: str = "en",
) -> str:
    first = format_moment(start, start_precision, lang)
    last = format_moment(end, end_precision, lang)
    return first if first == last else "{} – {}".format(first, last)


_QUARTER = re.compile(r"^\s*[Qq]([1-4])\s*[-/ ]?\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_DUTCH = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\s*$")
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?\s*$")
_NUMBER = re.compile(r"^\s*\d{5,}\s*$")
FIRST_YEAR, LAST_YEAR = 1900, 2199  # a work's end may not reach the open end (2200)


class DateError(ValueError):
    """A value not read as a date; `code` says why, for the adapter's own sentence:
    unreadable, no_such_date, year_out_of_range, a_number (an Excel day number?) or
    ambiguous (03-04-05: day-month-year or year-month-day)."""

    def __init__(self, code: str, value):
        super().__init__("{}: {!r}".format(code, value))
        self.code = code
        self.value = value


def parse_moment(value) -> tuple[date, str] | None:
    """A date with its precision from what deliveries hold: a date, a year (2027 or
    "2027"), "Q3 2027", ISO "2027-09-14" (also 2027/09/14) or Dutch day-month-year
    "14-09-2027" and "3-4-27". None when empty; DateError when it cannot be read, or
    when two readings are possible: a two-digit year behind two-digit day and month
    ("03-04-05") is refused, never guessed."""
    if value is None or value == "" or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return _in_range(value.date(), value), "day"
    if isinstance(value, date):
        return _in_range(value, value), "day"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN
            return None
        if not math.isfinite(value) or value != int(value):
            raise DateError("unreadable", value)
        if value >= 10000:
            raise DateError("a_number", value)
        return _day(value, int(value), 1, 1), "year"
    text = str(value)
    if match := _QUARTER.match(text):
        return _day(text, int(match.group(2)), 3 * int(match.group(1)) - 2, 1), "quarter"
    if match := _YEAR.match(text):
        return _day(text, int(match.group(1)), 1, 1), "year"
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return _day(text, year, month, day), "day"
    if match := _DUTCH.match(text):
        day_text, month_text, year_text = match.groups()
        short = len(day_text) == len(year_text) == 2
        if short and _ambiguous(int(day_text), int(month_text), int(year_text)):
            raise DateError("ambiguous", text)
        full_year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _day(text, full_year, int(month_text), int(day_text)), "day"
    raise DateError("a_number" if _NUMBER.match(text) else "unreadable", text)


def _ambiguous(day: int, month: int, year: int) -> bool:
    """Whether year-month-day ("05-04-03" as 2005-04-03) reads as another real date."""
    dutch = _valid(2000 + year, month, day)
    return dutch is not None and _valid(2000 + day, month, year) not in (None, dutch)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(value, year: int, month: int, day: int) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError("year_out_of_range", value)
    moment = _valid(year, month, day)
    if moment is None:
        raise DateError("no_such_date", value)
    return moment


def _in_range(moment: date, value) -> date:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateError("year_out_of_range", value)
    return moment
