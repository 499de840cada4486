"""Calendar arithmetic relative to a publication date: which Monday, which December, which year."""

from __future__ import annotations

import calendar
import datetime as dt


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February, month 13)."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and dt.MINYEAR <= year <= dt.MAXYEAR):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (ISO weeks)."""
    return day - dt.timedelta(days=day.weekday())


def shift_months(first_of_month: dt.date, months: int) -> dt.date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve_weekday(weekday: int, published: dt.date, *, modifier: str | None, future: bool) -> dt.date:
    """The day a weekday name refers to in an article published on ``published``.

    Same weekday as the publication day: that day, unless "last"/"next" is said. "last": the most
    recent one strictly before; "next"/"coming" or a future tense: the next one strictly after;
    otherwise the most recent one before the publication day."""
    delta = weekday - published.weekday()
    if modifier in ("last", "past", "previous"):
        back = (-delta) % 7 or 7
        return published - dt.timedelta(days=back)
    if modifier in ("next", "coming"):
        ahead = delta % 7 or 7
        return published + dt.timedelta(days=ahead)
    if delta == 0:
        return published
    if future:
        return published + dt.timedelta(days=delta % 7)
    return published - dt.timedelta(days=(-delta) % 7)


def year_for_month_day(month: int, day: int, published: dt.date, *, future: bool | None) -> dt.date | None:
    """A day given without its year: the year that puts it at or before the publication date
    (past), at or after it (future), or, when the tense is unknown (None), nearest to it (ties go
    to the past): "payable April 7" in a March article is next month, not eleven months ago."""
    candidates = [
        candidate
        for year in range(published.year - 4, published.year + 2)
        if (candidate := safe_date(year, month, day)) is not None
    ]
    past = [candidate for candidate in candidates if candidate <= published]
    coming = [candidate for candidate in candidates if candidate >= published]
    latest_past = max(past) if past else None
    next_coming = min(coming) if coming else None
    if future is True:
        return next_coming
    if future is False or next_coming is None:
        return latest_past
    if latest_past is None:
        return next_coming
    return latest_past if published - latest_past <= next_coming - published else next_coming


def year_for_month(month: int, published: dt.date, *, modifier: str | None, future: bool) -> dt.date:
    """A month named without its year ("in December"): the most recent such month at or before the
    publication month (past), the next one at or after it (future); "last December" is strictly
    before, "next December" strictly after, "this December" the publication year's."""
    year = published.year
    if modifier == "this":
        return dt.date(year, month, 1)
    if modifier in ("last", "past", "previous"):
        return dt.date(year if month < published.month else year - 1, month, 1)
    if modifier in ("next", "coming"):
        return dt.date(year if month > published.month else year + 1, month, 1)
    if future:
        return dt.date(year if month >= published.month else year + 1, month, 1)
    return dt.date(year if month <= published.month else year - 1, month, 1)
