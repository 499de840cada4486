"""The record a reader yields: one article as read, before cleaning."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from dataclasses import dataclass, field

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass
class RawRecord:
    """One article as read. ``input`` names where it came from: a path, a URL, ``path#line 12``,
    ``feed.xml#item 3`` or ``x.warc.gz#record 5``."""

    input: str
    record_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    text: str | None = None  # a plain-text body
    html: str | None = None  # or an HTML page (cleaned later with trafilatura)
    # what reading took out (control characters), carried into Document.removed
    removed: list[str] = field(default_factory=list)


def parse_date(value: object) -> dt.date | None:
    """A publication date from a record field: 'YYYY-MM-DD', an ISO timestamp, an RFC 2822
    date (feeds, HTTP), a ``time.struct_time`` or a date; None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        # a Unix timestamp (seconds)
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
