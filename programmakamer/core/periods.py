"""Planned periods with their precision.

A delivery often says only "2027" or "Q3 2027". We keep that precision: the stored
start is the first day of the unit and the stored end the last day of its unit, so
a year-precise period covers the whole year, and the precision says how it is shown.
"""

from __future__ import annotations

import calendar
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
_DUTCH = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_moment(value) -> tuple[date, str] | None:
    """A date with its precision from what deliveries hold: a date, a year (2027 or
    "2027"), "Q3 2027", ISO "2027-09-14" or Dutch "14-09-2027". None when empty;
    ValueError when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN
            return None
        return date(int(value), 1, 1), "year"
    text = str(value)
    if match := _QUARTER.match(text):
        return date(int(match.group(2)), 3 * int(match.group(1)) - 2, 1), "quarter"
    if match := _YEAR.match(text):
        return date(int(match.group(1)), 1, 1), "year"
    if match := _ISO.match(text):
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))), "day"
    if match := _DUTCH.match(text):
        year = int(match.group(3))
        year += 2000 if year < 100 else 0
        return date(year, int(match.group(2)), int(match.group(1))), "day"
    raise ValueError(text)
