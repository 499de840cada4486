"""Find the date expressions of a text and resolve them against the publication date."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import DateValue
from .lexicon import load_lexicon
from .patterns import DIGIT, date_patterns
from .periods import (
    resolve_weekday,
    safe_date,
    shift_months,
    week_start,
    year_for_month,
    year_for_month_day,
)
from .tense import FUTURE, PAST, tense_at

logger = logging.getLogger(__name__)

EXPLICIT = "explicit"  # a date the text states fully ("27 November 2023", "in 2016")
RELATIVE = "relative"  # needs the publication date ("on Monday", "in December", "last week")
VAGUE = "vague"  # a time reference with no date ("in recent years", "in the 1990s")

_NO_DATE = DateValue()


@dataclass(frozen=True)
class DateMatch:
    """One date expression: ``text`` is the expression, ``start``/``end`` its char offsets in the
    searched text, ``value`` what it resolves to (precision "none" when it cannot be resolved, or
    is vague). ``kind`` is explicit, relative or vague; ``future`` the tense read around it."""

    start: int
    end: int
    text: str
    value: DateValue
    kind: str = EXPLICIT
    future: bool = False

    @property
    def resolved(self) -> bool:
        return self.value.precision != "none"


class _Context:
    """What resolving one expression needs; the tense is read lazily, only when it matters."""

    __slots__ = ("text", "start", "end", "published", "_tense", "_tense_read")

    def __init__(
        self, text: str, match: re.Match[str], published: dt.date | None, future: bool | None
    ) -> None:
        self.text = text
        self.start = match.start()
        self.end = match.end()
        self.published = published
        self._tense: str | None = None if future is None else (FUTURE if future else PAST)
        self._tense_read = future is not None

    @property
    def tense(self) -> str | None:
        """ "future", "past", or None when the words around the expression say neither."""
        if not self._tense_read:
            self._tense = tense_at(self.text, self.start, self.end)
            self._tense_read = True
        return self._tense

    @property
    def future(self) -> bool:
        return self.tense == FUTURE

    @property
    def future_or_unknown(self) -> bool | None:
        """True for future, False for past, None when unknown (a day without year: the nearest)."""
        tense = self.tense
        return None if tense is None else tense == FUTURE


def _month_number(token: str | None) -> int | None:
    """The month of a month name as written; None for an uncapitalised one ("may", "august")."""
    if not token or not token[0].isupper():
        return None
    return load_lexicon().months.get(token.rstrip(".").lower())


def _day_number(token: str) -> int:
    return int(token.rstrip("stndrhSTNDRH"))


def _year_offset(word: str | None) -> int | None:
    if not word:
        return None
    return {"last": -1, "this": 0, "next": 1}.get(word.lower())


def _day(value: dt.date | None) -> DateValue | None:
    return DateValue(value, "day") if value is not None else None


# ----------------------------------------------------------------------------- explicit dates


def _iso(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    return _day(safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))), EXPLICIT


def _ymd(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    return _day(safe_date(int(m["ymd_y"]), int(m["ymd_m"]), int(m["ymd_d"]))), EXPLICIT


def _numeric(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    first, second, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
    if first == second:
        month, day = first, first
    elif first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:  # 11/10/2023 reads two ways: no date rather than a guess
        return None, EXPLICIT
    return _day(safe_date(year, month, day)), EXPLICIT


def _month_day(
    month: int | None, day: int, year: int | None, year_word: str | None, ctx: _Context
) -> tuple[DateValue | None, str]:
    if month is None:
        return None, EXPLICIT
    if year is not None:
        return _day(safe_date(year, month, day)), EXPLICIT
    if ctx.published is None:
        return (_NO_DATE if safe_date(2000, month, day) else None), RELATIVE
    offset = _year_offset(year_word)
    if offset is not None:
        return _day(safe_date(ctx.published.year + offset, month, day)), RELATIVE
    future = ctx.future_or_unknown
    if future is False and _after_deadline_word(ctx):
        # "cut the staff with effect from May 1", "committed to take the measures by May 14": a
        # start or a deadline is often ahead even in a past-tense clause; the nearest occurrence
        future = None
    return _day(year_for_month_day(month, day, ctx.published, future=future)), RELATIVE


# words that introduce a start date or a deadline ("from May 1", "by May 14", "effective June 3")
DEADLINE_WORDS = frozenset({"by", "from", "effective", "starting", "beginning", "until", "till", "before"})


def _after_deadline_word(ctx: _Context) -> bool:
    before = ctx.text[max(0, ctx.start - 16):ctx.start].lower().split()
    return bool(before) and before[-1] in DEADLINE_WORDS


def _md(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    year = int(m["md_y"]) if m["md_y"] else None
    return _month_day(_month_number(m["md_m"]), _day_number(m["md_d"]), year, m["md_yrel"], ctx)


def _dm(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    year = int(m["dm_y"]) if m["dm_y"] else None
    return _month_day(_month_number(m["dm_m"]), _day_number(m["dm_d"]), year, m["dm_yrel"], ctx)


def _day_range(
    parts: tuple[str | None, str, str | None, str | None, str, str | None], ctx: _Context
) -> tuple[DateValue | None, str]:
    """A range of days; the missing month or year of one end is taken from the other."""
    month1_text, day1_text, year1_text, month2_text, day2_text, year2_text = parts
    month2 = _month_number(month2_text) if month2_text else None
    month1 = _month_number(month1_text) if month1_text else month2
    if month2_text is None:
        month2 = month1
    if month1 is None or month2 is None:
        return None, EXPLICIT
    day1, day2 = _day_number(day1_text), _day_number(day2_text)
    year1 = int(year1_text) if year1_text else None
    year2 = int(year2_text) if year2_text else None
    wraps = (month2, day2) < (month1, day1)  # "December 30 to January 2"
    if year1 is None and year2 is not None:
        year1 = year2 - 1 if wraps else year2
    kind = EXPLICIT
    if year1 is None:
        kind = RELATIVE
        if ctx.published is None:
            return (_NO_DATE if safe_date(2000, month1, day1) else None), kind
        start = year_for_month_day(month1, day1, ctx.published, future=ctx.future_or_unknown)
        if start is None:
            return None, kind
        year1 = start.year
    if year2 is None:
        year2 = year1 + 1 if wraps else year1
    start, end = safe_date(year1, month1, day1), safe_date(year2, month2, day2)
    if start is None:
        return None, kind
    if end is None or end < start:
        return DateValue(start, "day"), kind
    return DateValue(start, "day", end if end != start else None), kind


def _mdr(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    return _day_range((m["mdr_m1"], m["mdr_d1"], m["mdr_y1"], m["mdr_m2"], m["mdr_d2"], m["mdr_y2"]), ctx)


def _dmr(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    return _day_range((m["dmr_m1"], m["dmr_d1"], m["dmr_y1"], m["dmr_m2"], m["dmr_d2"], m["dmr_y2"]), ctx)


def _my(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    month = _month_number(m["my_m"])
    if month is None:
        return None, EXPLICIT
    return DateValue(dt.date(int(m["my_y"]), month, 1), "month"), EXPLICIT


def _yy(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    return DateValue(dt.date(int(m["yy_y"]), 1, 1), "year"), EXPLICIT


def _yr(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    first = int(m["yr_1"])
    last_text = m["yr_2"]
    last = int(last_text)
    if len(last_text) == 2:  # "2016-19"
        last = first // 100 * 100 + last
        if last < first:
            last += 100
    if last < first:
        return None, EXPLICIT
    return DateValue(dt.date(first, 1, 1), "year", dt.date(last, 12, 31)), EXPLICIT


# ----------------------------------------------------------------------------- relative dates


def _modifier(word: str | None) -> str | None:
    if not word:
        return None
    word = " ".join(word.lower().split())
    return {"this coming": "next", "coming": "next", "past": "last", "previous": "last", "this": None}.get(
        word, word
    )


def _wd(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    if ctx.published is None:
        return _NO_DATE, RELATIVE
    weekday = load_lexicon().weekdays[m["wd_day"].lower()]
    modifier = _modifier(m["wd_mod"])
    future = ctx.future if modifier is None else False
    return _day(resolve_weekday(weekday, ctx.published, modifier=modifier, future=future)), RELATIVE


def _wdr(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    if ctx.published is None:
        return _NO_DATE, RELATIVE
    weekdays = load_lexicon().weekdays
    first, last = weekdays[m["wdr_1"].lower()], weekdays[m["wdr_2"].lower()]
    start = resolve_weekday(first, ctx.published, modifier=None, future=ctx.future)
    end = start + dt.timedelta(days=(last - first) % 7)
    return DateValue(start, "day", end if end != start else None), RELATIVE


_DAY_OFFSETS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _rd(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    if ctx.published is None:
        return _NO_DATE, RELATIVE
    offset = _DAY_OFFSETS[" ".join(m["rd_word"].lower().split())]
    return DateValue(ctx.published + dt.timedelta(days=offset), "day"), RELATIVE


_PERIOD_OFFSETS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def _rp(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    if ctx.published is None:
        return _NO_DATE, RELATIVE
    offset = _PERIOD_OFFSETS[m["rp_mod"].lower()]
    unit = m["rp_unit"].lower()
    published = ctx.published
    if unit == "week":
        return DateValue(week_start(published) + dt.timedelta(weeks=offset), "week"), RELATIVE
    if unit == "month":
        return DateValue(shift_months(published.replace(day=1), offset), "month"), RELATIVE
    return DateValue(dt.date(published.year + offset, 1, 1), "year"), RELATIVE


def _ago(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    quantity = " ".join(m["ago_n"].lower().split())
    count = int(quantity) if quantity.isdigit() else load_lexicon().number_words.get(quantity)
    unit = m["ago_unit"].lower().rstrip("s")
    if count is None or unit == "decade":  # "several years ago", "two decades ago"
        return _NO_DATE, VAGUE
    if ctx.published is None:
        return _NO_DATE, RELATIVE
    published = ctx.published
    if unit == "day":
        return DateValue(published - dt.timedelta(days=count), "day"), RELATIVE
    if unit == "week":
        return DateValue(week_start(published - dt.timedelta(weeks=count)), "week"), RELATIVE
    if unit == "month":
        return DateValue(shift_months(published.replace(day=1), -count), "month"), RELATIVE
    return DateValue(dt.date(published.year - count, 1, 1), "year"), RELATIVE


def _mo(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    month = _month_number(m["mo_m"])
    if month is None:
        return None, RELATIVE
    if ctx.published is None:
        return _NO_DATE, RELATIVE
    offset = _year_offset(m["mo_yrel"])
    if offset is not None:
        return DateValue(dt.date(ctx.published.year + offset, month, 1), "month"), RELATIVE
    prefix = " ".join(m["mo_pre"].lower().split())
    modifier = _modifier(prefix) if prefix in ("last", "next", "coming", "this") else None
    if prefix == "this":
        modifier = "this"
    future = ctx.future if modifier is None else False
    return DateValue(
        year_for_month(month, ctx.published, modifier=modifier, future=future), "month"
    ), RELATIVE


def _vague(m: re.Match[str], ctx: _Context) -> tuple[DateValue | None, str]:
    return _NO_DATE, VAGUE


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], tuple[DateValue | None, str]]] = {
    "iso": _iso,
    "ymd": _ymd,
    "num": _numeric,
    "mdr": _mdr,
    "dmr": _dmr,
    "md": _md,
    "dm": _dm,
    "my": _my,
    "wdr": _wdr,
    "vague": _vague,
    "wd": _wd,
    "rd": _rd,
    "mo": _mo,
    "rp": _rp,
    "ago": _ago,
    "dec": _vague,
    "yr": _yr,
    "yy": _yy,
}


# how many words before its anchor a date expression may start ("in the early 1990s")
_WORDS_BEFORE_ANCHOR = 4
_LOOKBACK_CHARS = 48
_WORD = re.compile(r"[a-z]+|\d+")


def _anchors(text: str, lower: str) -> list[int]:
    patterns = date_patterns()
    positions = []
    for anchor in patterns.anchors.finditer(lower):
        word = anchor.group()
        if (word in patterns.month_words or word[:-1] in patterns.month_words) and not text[
            anchor.start()
        ].isupper():
            continue  # "may", "march on", "an august body"
        positions.append(anchor.start())
    return positions


def might_have_date(text: str) -> bool:
    """The cheap pre-check: a digit, a month or weekday name, a relative or vague time word."""
    lower = text.lower()
    return len(lower) != len(text) or bool(_anchors(text, lower))


def _candidate_starts(lower: str, anchor: int, consumed: int) -> list[tuple[int, str]]:
    """The word starts from which an expression holding ``anchor`` may begin, farthest first."""
    window_start = max(consumed, anchor - _LOOKBACK_CHARS)
    words = [(word.start(), word.group()) for word in _WORD.finditer(lower, window_start, anchor)]
    if words and words[0][0] == window_start and window_start > 0 and lower[window_start - 1].isalnum():
        words.pop(0)  # the window cut a word in two
    words = words[-_WORDS_BEFORE_ANCHOR:]
    anchor_word = _WORD.match(lower, anchor)
    if anchor_word is not None:
        words.append((anchor, anchor_word.group()))
    return words


def _iter_raw_matches(text: str) -> Iterator[re.Match[str]]:
    """The date shapes' matches, tried only at the few word starts before each anchor and only
    for the shapes that can begin with the word there: the matches a scan of the whole text
    would find, at a fraction of the cost."""
    patterns = date_patterns()
    lower = text.lower()
    if len(lower) != len(text):  # lower-casing moved offsets (rare letters): scan the slow way
        yield from patterns.master.finditer(text)
        return
    by_first_word = patterns.by_first_word
    consumed = 0
    for anchor in _anchors(text, lower):
        if anchor < consumed:
            continue
        found = None
        for start, word in _candidate_starts(lower, anchor, consumed):
            for pattern in by_first_word.get(DIGIT if word[0].isdigit() else word, ()):
                match = pattern.match(text, start)
                if match is not None and match.end() > anchor:
                    found = match
                    break
            if found is not None:
                break
        if found is not None:
            yield found
            consumed = found.end()


def find_date_expressions(
    text: str, published: dt.date | None, *, future: bool | None = None
) -> list[DateMatch]:
    """Every date expression of ``text``, in order, resolved against ``published``.

    ``future`` forces the tense used to place weekdays, months and days given without a year;
    None reads it from the words around each expression. Without ``published`` relative
    expressions are returned unresolved (precision "none"); explicit dates still resolve."""
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    matches: list[DateMatch] = []
    for match in _iter_raw_matches(text):
        name = match.lastgroup
        if name is None:
            continue
        ctx = _Context(text, match, published, future)
        value, kind = _RESOLVERS[name](match, ctx)
        if value is None:
            continue
        matches.append(
            DateMatch(
                start=match.start(),
                end=match.end(),
                text=match.group(),
                value=value,
                kind=kind,
                future=ctx._tense == FUTURE,
            )
        )
    return matches
