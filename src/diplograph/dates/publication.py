"""Publication dates as records give them: the one parser for every input and command.

ISO dates and datetimes, "2023/11/28", "20231128" (as text or as a JSON number), "Nov 28, 2023",
"28 November 2023", RFC 2822 ("Tue, 28 Nov 2023 10:00:00 GMT"), feed timestamps; "28/11/2023"
only when the day and month cannot be swapped. Anything else is not guessed: it gives no date and a
reason (a warning in the ingest report), never a date that may be wrong."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from dataclasses import dataclass

from ..errors import ConfigError
from .lexicon import load_lexicon

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s]\d{1,2}:\d{2}|T|Z)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_SLASH_YEAR_FIRST = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")
_SLASH_YEAR_LAST = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")
_MONTH_FIRST = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(
    r"^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})\b"
)
_NUMBER = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?\s*$")
_YEAR_OR_MONTH = re.compile(r"^\s*(?:\d{4}(?:[-/.]\d{1,2})?|[A-Za-z]+\.?,?\s+\d{4})\s*$")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


@dataclass(frozen=True)
class PublicationDate:
    """What a record's date field says: a date, or why it gives none (``reason`` a short code,
    ``detail`` a sentence). Both None: the field was absent or empty."""

    date: dt.date | None = None
    reason: str | None = None
    detail: str | None = None


_ABSENT = PublicationDate()


def _problem(reason: str, detail: str) -> PublicationDate:
    return PublicationDate(None, reason, detail)


def _date(year: int, month: int, day: int) -> PublicationDate:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return _problem("year-out-of-range", f"year {year} is outside {_MIN_YEAR}-{_MAX_YEAR}")
    try:
        return PublicationDate(dt.date(year, month, day))
    except ValueError:
        return _problem("no-such-day", f"there is no day {year:04d}-{month:02d}-{day:02d}")


def _month(name: str) -> int | None:
    return load_lexicon().months.get(name.lower())


def parse_publication_date(value: object) -> dt.date | None:
    """A record's publication date as a date; None when absent or not a clear date."""
    return read_publication_date(value).date


def publication_date_option(value: str | None, name: str = "--published") -> dt.date | None:
    """A publication date given on purpose (a command-line option, a setting): the same forms,
    and ConfigError for anything that is not a clear date."""
    reading = read_publication_date(value)
    if reading.reason is not None:
        raise ConfigError(f"{name} {value!r} is not a clear date ({reading.reason}): give YYYY-MM-DD",
                          detail=reading.detail)
    return reading.date


def read_publication_date(value: object) -> PublicationDate:
    """A record's publication date, or the reason it gives none (see the module's docstring).

    A JSON number is a date only when it has 8 digits and reads as YYYYMMDD (20240101); any other
    number (a Unix timestamp, a count) is not guessed at. "03/04/2024" is ambiguous (3 April or
    4 March): no date."""
    if value is None:
        return _ABSENT
    if isinstance(value, bool):
        return _problem("not-a-date", f"{str(value).lower()} is not a date")
    if isinstance(value, dt.datetime):
        return PublicationDate(value.date())
    if isinstance(value, dt.date):
        return PublicationDate(value)
    if isinstance(value, time.struct_time):
        return _date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        return _number(value)
    if not isinstance(value, str):
        return _problem("not-a-date", f"a {type(value).__name__}, not a date")
    text = value.strip()
    if not text:
        return _ABSENT
    if len(text) > 100:
        return _problem("not-a-date", "over 100 characters: not a date")
    return _text_date(text)


def _number(value: int | float) -> PublicationDate:
    if isinstance(value, int) and 10_000_000 <= value <= 99_999_999:
        reading = _date(value // 10_000, value // 100 % 100, value % 100)
        if reading.date is not None:
            return reading
    return _problem("number-not-a-date", f"the number {value} is not a YYYYMMDD date "
                                         "(a timestamp or another number is not read as a date)")


def _text_date(text: str) -> PublicationDate:
    if match := _ISO.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _COMPACT.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if _NUMBER.match(text):
        return _problem("number-not-a-date", f"the number {text} is not a YYYYMMDD date")
    if match := _SLASH_YEAR_FIRST.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _SLASH_YEAR_LAST.match(text):
        return _day_month(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _MONTH_FIRST.match(text):
        month = _month(match[1])
        if month is not None:
            return _date(int(match[3]), month, int(match[2]))
    if match := _DAY_FIRST.match(text):
        month = _month(match[2])
        if month is not None:
            return _date(int(match[3]), month, int(match[1]))
    if _YEAR_OR_MONTH.match(text):
        return _problem("no-day", f"{text!r} names a year or a month, not a day")
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        return _problem("not-a-date", f"{text[:40]!r} does not read as a date")
    return _date(parsed.year, parsed.month, parsed.day)


def _day_month(first: int, second: int, year: int, text: str) -> PublicationDate:
    """'28/11/2023' (day first) or '11/28/2023' (month first): a date only when one of the two
    cannot be a month, or both are the same number."""
    if first == second or (first > 12 >= second):
        return _date(year, second, first)
    if second > 12 >= first:
        return _date(year, first, second)
    if first <= 12 and second <= 12:
        return _problem("ambiguous-day-month", f"{text!r} may be day/month or month/day: not guessed")
    return _problem("no-such-day", f"{text!r}: neither {first} nor {second} is a month")
