"""Publication dates as records give them: ISO dates and datetimes, "Nov 28, 2023", RFC 2822."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from .lexicon import load_lexicon

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s]\d{1,2}:\d{2}|T|Z)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_SLASH_YEAR_FIRST = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")
_SLASH_YEAR_LAST = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")
_MONTH_FIRST = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(
    r"^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})\b"
)
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return load_lexicon().months.get(name.lower())


def parse_publication_date(value: str | dt.date | None) -> dt.date | None:
    """A record's publication date as a date; None when absent or not a clear date.

    Accepts dates and datetimes, "2023-11-28" and ISO datetimes (the local date as written),
    "2023/11/28", "20231128", "Nov 28, 2023", "November 28th 2023", "28 November 2023",
    "Tue, 28 Nov 2023 10:00:00 GMT"; "28/11/2023" only when the day and month cannot be swapped.
    Never guesses: ambiguous or malformed input gives None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    if match := _ISO.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _COMPACT.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _SLASH_YEAR_FIRST.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _SLASH_YEAR_LAST.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first == second or (first > 12 >= second):
            return _date(year, second, first)
        if second > 12 >= first:
            return _date(year, first, second)
        return None
    if match := _MONTH_FIRST.match(text):
        month = _month(match[1])
        if month is not None:
            return _date(int(match[3]), month, int(match[2]))
    if match := _DAY_FIRST.match(text):
        month = _month(match[2])
        if month is not None:
            return _date(int(match[3]), month, int(match[1]))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return _date(parsed.year, parsed.month, parsed.day)
