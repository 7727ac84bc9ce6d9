"""Planned periods with their precision, and the one reading of dates in deliveries.

A delivery often says only "2027" or "Q3 2027". We keep that precision: the stored
start is the first day of the unit and the stored end the last day of its unit, so
a year-precise period covers the whole year, and the precision says how it is shown.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial

from .interpretation import fold, is_empty


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


FIRST_YEAR, LAST_YEAR = 1900, 2199  # a work's end may not reach the open end (2200)


class DateError(ValueError):
    """A value not read as a date; `code` says why, for the adapter's own sentence:
    unreadable, no_such_date, year_out_of_range, a_number (an Excel day number?),
    ambiguous (03-04-05: day-month-year or year-month-day; "winter 2027": which
    winter) or end_before_start (a range such as "2028-2027")."""

    def __init__(self, code: str, value):
        super().__init__("{}: {!r}".format(code, value))
        self.code = code
        self.value = value


@dataclass(frozen=True)
class Period:
    """From the first day of the start's unit to the last day of the end's unit, each
    with its precision (one of schema PRECISIONS: day, month, quarter, year)."""

    start: date
    start_precision: str
    end: date
    end_precision: str

    @classmethod
    def of(cls, day: date, precision: str) -> Period:
        """The whole unit of a moment: 2027-08-14 by month is August 2027."""
        return cls(first_day(day, precision), precision, last_day(day, precision), precision)

    def moment(self) -> tuple[date, str] | None:
        """(start, precision) when the period is one unit of its precision, else None."""
        precision = self.start_precision
        if precision == self.end_precision and self == Period.of(self.start, precision):
            return self.start, precision
        return None


#: The explicit formats a caller may name; "jj" is a two-digit year (20jj). Day and
#: month may have one or two digits and the separator may be -, / or . in each, and a
#: time of day may follow (it is left out). "iso" is ISO 8601's yyyy-mm-dd, optionally
#: with a time and a zone; the date is the one written, not converted to UTC.
DATE_FORMATS = ("dd-mm-jjjj", "d-m-jj", "jjjj/mm/dd", "iso", "mm/dd/jjjj", "jjjj")
FORMAT_ALIASES = {
    "d-m-jjjj": "dd-mm-jjjj",
    "dd-mm-jj": "d-m-jj",
    "jjjj-mm-dd": "jjjj/mm/dd",
    "dd-mm-yyyy": "dd-mm-jjjj",
    "d-m-yy": "d-m-jj",
    "dd-mm-yy": "d-m-jj",
    "yyyy/mm/dd": "jjjj/mm/dd",
    "yyyy-mm-dd": "jjjj/mm/dd",
    "mm/dd/yyyy": "mm/dd/jjjj",
    "yyyy": "jjjj",
}
SERIAL_SYSTEMS = ("1900", "1904")
SERIAL_FROM = 10000  # below it a number is a year: day 10000 is in 1927 (1900) or 1931

_TIME = r"(?:(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?)?"
_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})" + _TIME)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_YEAR = re.compile(r"(\d{4})")
_NUMBER = re.compile(r"(\d+)(?:[.,](\d+))?")
_ISO_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")

_MONTH_WORDS = {
    1: ("jan", "januari", "january", "janvier", "janv", "januar", "janner"),
    2: ("feb", "febr", "februari", "february", "fevrier", "fev", "fevr", "februar"),
    3: ("mrt", "maart", "mar", "march", "mars", "marz", "mrz"),
    4: ("apr", "april", "avril", "avr"),
    5: ("mei", "may", "mai"),
    6: ("jun", "juni", "june", "juin"),
    7: ("jul", "juli", "july", "juillet", "juil"),
    8: ("aug", "augustus", "august", "aout"),
    9: ("sep", "sept", "september", "septembre"),
    10: ("okt", "oktober", "oct", "october", "octobre"),
    11: ("nov", "november", "novembre"),
    12: ("dec", "december", "decembre", "dez", "dezember"),
}
MONTH_NUMBERS = {word: month for month, words in _MONTH_WORDS.items() for word in words}
_MONTH = "({})".format("|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)))
_ORDINAL = r"(?:e|de|ste|st|nd|rd|th|er|ere|eme|ieme|\.)?"
_OF = r"(?:(?:van|of|de|du|des)\s+)?"
_MONTH_NAME_YEAR = re.compile(_MONTH + r"\.?[\s\-/]*(\d{4})")
_DAY_MONTH_NAME = re.compile(
    r"(\d{1,2})" + _ORDINAL + r"[\s\-/]*" + _MONTH + r"\.?[\s\-/,]*(\d{4}|\d{2})"
)
_MONTH_NAME_DAY = re.compile(_MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")

_QUARTERS = (
    (re.compile(r"[qkt]\s*([1-4])\s*[-/]?\s*(\d{4})"), 1, 2),
    (re.compile(r"(\d{4})\s*[-/]?\s*[qkt]\s*([1-4])"), 2, 1),
    (
        re.compile(
            r"([1-4])\s*"
            + _ORDINAL
            + r"\s*(?:kwartaal|quarter|trimestre|quartal)\s+"
            + _OF
            + r"(\d{4})"
        ),
        1,
        2,
    ),
    (re.compile(r"(?:kwartaal|quarter|quartal|trimestre)\s*([1-4])\s+(\d{4})"), 1, 2),
)
_HALF_WORD = r"(?:helft|half|halfjaar|semester|semestre|halbjahr)"
_HALVES = (
    (re.compile(r"[hs]\s*([12])\s*[-/]?\s*(\d{4})"), 1, 2),
    (re.compile(r"(\d{4})\s*[-/]?\s*[hs]\s*([12])"), 2, 1),
    (re.compile(r"([12])\s*" + _ORDINAL + r"\s*" + _HALF_WORD + r"\s+" + _OF + r"(\d{4})"), 1, 2),
    (
        re.compile(
            r"(eerste|tweede|first|second|premier|deuxieme|erstes|zweites)\s+"
            + _HALF_WORD
            + r"\s+"
            + _OF
            + r"(\d{4})"
        ),
        1,
        2,
    ),
)
_HALF_WORDS = {
    "eerste": 1,
    "first": 1,
    "premier": 1,
    "erstes": 1,
    "tweede": 2,
    "second": 2,
    "deuxieme": 2,
    "zweites": 2,
}
_SEASON_WORDS = {  # meteorological seasons: whole months, so a month precision covers them
    "voorjaar": 3, "lente": 3, "spring": 3, "printemps": 3, "fruhling": 3, "fruhjahr": 3,
    "zomer": 6, "summer": 6, "ete": 6, "sommer": 6,
    "najaar": 9, "herfst": 9, "autumn": 9, "fall": 9, "automne": 9, "herbst": 9,
    "winter": 12, "hiver": 12,
}  # fmt: skip
_SEASON = re.compile(
    r"({})\s+{}(\d{{4}})(?:\s*[-/]\s*(\d{{4}}|\d{{2}}))?".format("|".join(_SEASON_WORDS), _OF)
)
_WEEKS = (
    (
        re.compile(
            r"(?:week|wk|w|kw|semaine|sem|woche)\.?\s*(\d{1,2})[\s,\-/]*" + _OF + r"(\d{4})"
        ),
        1,
        2,
    ),
    (re.compile(r"(\d{4})\s*-?\s*w\s*(\d{1,2})"), 2, 1),
)
_RANGE_SEPARATOR = re.compile(
    r"\s*(?:-|/|–|—|\bt/m\b|\btot en met\b|\btot\b|\bto\b|\buntil\b|\btill\b|\bbis\b|\bau\b)\s*"
)


def parse_period(
    value, date_format: str | None = None, serial_system: str | None = None
) -> Period | None:
    """The period a delivery's value means, with its precision; None when empty.

    Without a date_format every reading below is tried; one that two readings fit
    differently raises DateError("ambiguous"), never guessed. With one of DATE_FORMATS
    only that format is read ("03-04-05" with "d-m-jj" is 3 April 2005).
    - a date or datetime (any zone: the date as written); a year "2027"; "2027-2028"
      and any two readings joined by -, –, /, t/m, tot, to, until, bis: from the
      first's start to the second's end;
    - day-month-year "14-09-2027", "3-4-27" (two-digit years are 20jj) and
      year-month-day "2027-09-14", "2020/06/01", with or without a time and zone;
      "14 sep 2027", "1er mars 2027", "March 14, 2027"; these have precision day;
    - months "mrt 2027", "maart 2027", "March 2027", "März 2027", "03-2027", "2027-03",
      "2027/06";
    - quarters "Q3 2027", "2027-Q3", "3e kwartaal 2027", "T3 2027" (trimestre);
    - half years "H2 2027", "2e helft 2027", "second half 2027", "2. Halbjahr 2027":
      two quarters, precision quarter;
    - seasons "najaar 2027", "voorjaar", "zomer", "summer", "automne", "Herbst" as
      the meteorological three months (autumn September to November), precision
      month; "winter 2027/2028" from December to February ("winter 2027" is ambiguous);
    - ISO weeks "week 12 2027", "wk 12 2027", "KW 12 2027", "2027-W12": Monday to
      Sunday, precision day (there is no week precision);
    - numbers: a whole number below 10000 is a year; from 10000 up an Excel day
      number when serial_system is "1900" (with Lotus's 29 February 1900) or "1904"
      (Mac), else DateError("a_number"). Text numbers ("45000", "45000,5") likewise.
    """
    if date_format is not None:
        date_format = FORMAT_ALIASES.get(date_format, date_format)
        if date_format not in DATE_FORMATS:
            raise ValueError("unknown date format {!r}".format(date_format))
    if serial_system is not None and serial_system not in SERIAL_SYSTEMS:
        raise ValueError("unknown serial system {!r}".format(serial_system))
    return _read(value, date_format, serial_system, True)


def parse_moment(value) -> tuple[date, str] | None:
    """A date with its precision, read as parse_period reads it without a format, for
    a value that is one unit of a precision: a date, a year (2027 or "2027"), a month,
    "Q3 2027", ISO "2027-09-14" (also 2027/09/14) or Dutch day-month-year "14-09-2027"
    and "3-4-27". None when empty; DateError when it cannot be read, when it spans
    more than one unit (a range, week, season or half year: "unreadable"), or when two
    readings are possible: "03-04-05" is refused, never guessed."""
    period = _read(value, None, None, False)
    if period is None:
        return None
    moment = period.moment()
    if moment is None:
        raise DateError("unreadable", value)
    return moment


def excel_date(serial: float, system: str) -> date:
    """The day of an Excel day number. In the 1900 system day 1 is 1 January 1900 and
    day 60 is 29 February 1900, a day that never was (kept from Lotus 1-2-3 so that
    later days are one further on); in the 1904 system day 0 is 1 January 1904. A
    fraction is the time of day and is left out."""
    day = math.floor(serial)
    if system == "1904":
        first = date(1904, 1, 1)
    elif system == "1900":
        if day == 60:
            raise DateError("no_such_date", serial)
        first = date(1899, 12, 31 if day < 60 else 30)
    else:
        raise ValueError("unknown serial system {!r}".format(system))
    if day < (1 if system == "1900" else 0):
        raise DateError("no_such_date", serial)
    try:
        return _in_range(first + timedelta(days=day), serial)
    except OverflowError:
        raise DateError("year_out_of_range", serial) from None


def _read(value, date_format, serial_system, ranges: bool) -> Period | None:
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return Period.of(_in_range(value.date(), value), "day")
    if isinstance(value, date):
        return Period.of(_in_range(value, value), "day")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise DateError("unreadable", value)
        found = _number(value, date_format, serial_system)
    else:
        found = _read_text(fold(str(value)), date_format, serial_system, ranges)
    if isinstance(found, str):
        raise DateError(found, value)
    return found


def _number(number: float, date_format, serial_system) -> Period | str:
    """A number's period, or the code of why it is none."""
    if serial_system is not None and number >= SERIAL_FROM:
        return _attempt(lambda: Period.of(excel_date(number, serial_system), "day"))
    if number >= SERIAL_FROM:
        return "a_number"
    if number != int(number) or date_format not in (None, "jjjj"):
        return "unreadable"
    return _attempt(lambda: Period.of(_day(int(number), 1, 1), "year"))


def _attempt(read) -> Period | str:
    try:
        return read()
    except DateError as problem:
        return problem.code


@lru_cache(maxsize=16384)
def _read_text(text: str, date_format, serial_system, ranges: bool) -> Period | str:
    """A text's period, or the code of why it is none; cached, as a column repeats its
    dates. A range is tried only when the whole is no single reading."""
    readers: tuple[Callable, ...] = _READERS
    if date_format is not None:
        readers = (_FORMATS[date_format], partial(_text_number, date_format=date_format))
    found = _single(text, readers, serial_system)
    if found != "unreadable" or not ranges:
        return found
    return _range(text, readers, serial_system)


def _single(text: str, readers, serial_system) -> Period | str:
    for reader in readers:
        found = _attempt(lambda reader=reader: reader(text, serial_system))
        if found is not None:
            return found
    return "unreadable"


def _range(text: str, readers, serial_system) -> Period | str:
    """Two readings joined by a separator. Every place a separator could split the
    text is tried; splits that read differently make the text ambiguous."""
    readings, problem = set(), "unreadable"
    for separator in _RANGE_SEPARATOR.finditer(text):
        first, last = text[: separator.start()], text[separator.end() :]
        if not first or not last:
            continue
        start = _single(first, readers, serial_system)
        end = _single(last, readers, serial_system)
        if isinstance(start, str) or isinstance(end, str):
            codes = [side for side in (start, end) if isinstance(side, str)]
            problem = next((c for c in codes if c != "unreadable"), problem)
            continue
        if end.end < start.start:
            problem = "end_before_start"
            continue
        readings.add(Period(start.start, start.start_precision, end.end, end.end_precision))
    if len(readings) > 1:
        return "ambiguous"
    return readings.pop() if readings else problem


def _ymd(text, _serial, pattern=_YMD):
    if match := pattern.fullmatch(text):
        groups = match.groups()
        year, month, day = int(groups[0]), int(groups[-2]), int(groups[-1])
        return Period.of(_day(year, month, day), "day")
    return None


def _iso(text, _serial):
    return _ymd(text, _serial, _ISO)


def _dmy(text, _serial, digits=(2, 4), month_first=False):
    """Day-month-year (or month-day-year); a two-digit year is 20jj. Without a format
    (digits (2, 4)) "03-04-05" also reads as year-month-day 2003-04-05: ambiguous."""
    match = _DMY.fullmatch(text)
    if not match or len(match.group(4)) not in digits:
        return None
    first, month, year_text = int(match.group(1)), int(match.group(3)), match.group(4)
    day = first
    if month_first:
        day, month = month, first
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    found = _day(year, month, day)
    if digits == (2, 4) and len(match.group(1)) == len(year_text) == 2:
        other = _valid(2000 + first, month, int(year_text))
        if other is not None and other != found:
            raise DateError("ambiguous", text)
    return Period.of(found, "day")


def _year(text, _serial):
    if match := _YEAR.fullmatch(text):
        return Period.of(_day(int(match.group(1)), 1, 1), "year")
    return None


def _text_number(text, serial_system, date_format=None):
    """A number written as text ("2027.0", "45000,5") read as the number it is."""
    match = _NUMBER.fullmatch(text)
    if not match:
        return None
    number = float("{}.{}".format(match.group(1), match.group(2) or "0"))
    found = _number(number, date_format, serial_system)
    if isinstance(found, str):
        raise DateError(found, text)
    return found


def _month(text, _serial):
    for pattern, month_at, year_at in (
        (_ISO_MONTH, 2, 1),
        (_MONTH_YEAR, 1, 2),
        (_MONTH_NAME_YEAR, 1, 2),
    ):
        if match := pattern.fullmatch(text):
            month = match.group(month_at)
            number = MONTH_NUMBERS[month] if month in MONTH_NUMBERS else int(month)
            return Period.of(_day(int(match.group(year_at)), number, 1), "month")
    return None


def _named_day(text, _serial):
    if match := _DAY_MONTH_NAME.fullmatch(text):
        day, month, year = match.groups()
    elif match := _MONTH_NAME_DAY.fullmatch(text):
        month, day, year = match.groups()
    else:
        return None
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    return Period.of(_day(full_year, MONTH_NUMBERS[month], int(day)), "day")


def _numbered(text, patterns):
    """(number, year) from the first pattern that reads the text."""
    for pattern, number_at, year_at in patterns:
        if match := pattern.fullmatch(text):
            return match.group(number_at), int(match.group(year_at))
    return None


def _quarter(text, _serial):
    if found := _numbered(text, _QUARTERS):
        quarter, year = found
        return Period.of(_day(year, 3 * int(quarter) - 2, 1), "quarter")
    return None


def _half(text, _serial):
    """A half year as its two quarters."""
    if found := _numbered(text, _HALVES):
        half, year = found
        half_number = _HALF_WORDS[half] if half in _HALF_WORDS else int(half)
        first = _day(year, 6 * half_number - 5, 1)
        return Period(
            first, "quarter", last_day(first.replace(month=first.month + 3), "quarter"), "quarter"
        )
    return None


def _season(text, _serial):
    """A meteorological season by its months; a winter needs both its years."""
    match = _SEASON.fullmatch(text)
    if not match:
        return None
    word, year_text, next_text = match.groups()
    year, month = int(year_text), _SEASON_WORDS[word]
    if month == 12:
        if next_text is None:
            raise DateError("ambiguous", text)
        if int(next_text) % 10 ** len(next_text) != (year + 1) % 10 ** len(next_text):
            return None
    elif next_text is not None:
        return None
    last_year, last_month = divmod(12 * year + month + 1, 12)
    last = _day(last_year, last_month + 1, 1)
    return Period(_day(year, month, 1), "month", last_day(last, "month"), "month")


def _week(text, _serial):
    """An ISO week as its days, Monday to Sunday."""
    if found := _numbered(text, _WEEKS):
        week, year = found
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DateError("year_out_of_range", text)
        try:
            monday = date.fromisocalendar(year, int(week), 1)
        except ValueError:
            raise DateError("no_such_date", text) from None
        return Period(monday, "day", monday + timedelta(days=6), "day")
    return None


_READERS = (_ymd, _dmy, _year, _text_number, _quarter, _month, _named_day, _week, _half, _season)
_FORMATS: dict[str, Callable] = {
    "dd-mm-jjjj": lambda text, serial: _dmy(text, serial, digits=(4,)),
    "d-m-jj": lambda text, serial: _dmy(text, serial, digits=(2,)),
    "jjjj/mm/dd": _ymd,
    "iso": _iso,
    "mm/dd/jjjj": lambda text, serial: _dmy(text, serial, digits=(4,), month_first=True),
    "jjjj": _year,
}


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError("year_out_of_range", year)
    moment = _valid(year, month, day)
    if moment is None:
        raise DateError("no_such_date", (year, month, day))
    return moment


def _in_range(moment: date, value) -> date:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateError("year_out_of_range", value)
    return moment
