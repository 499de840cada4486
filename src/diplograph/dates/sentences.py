"""Sentence-level dates: the date of the event a sentence reports, and the document-level rule
that gives every sentence a date (its own, the story's, or none for background)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import DateValue, Sentence
from .expressions import VAGUE, find_date_expressions
from .patterns import date_patterns

# A dated sentence sets the story date when its date is the news of the day: day or week
# precision, on or before the publication date, and no further back than this.
STORY_DATE_MAX_AGE = dt.timedelta(days=31)
# The lede (undated body sentences before the first dated one) takes the story date when the
# first dated sentence comes this early in the body; otherwise the publication date.
LEDE_SENTENCES = 3


# A wire dateline opening the lede: "KYIV, July 8 (DG Wire) - ", "ISLAMABAD/NEW DELHI, April 24
# (Reuters) - ", "PORT-AU-PRINCE — ". Its date is the day the story was filed, not the day of
# the events the sentence reports.
DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’.\-]{2,}(?:[ /][A-Z][A-Z'’.\-]+)*"  # the place, in capitals
    r"(?:\s*,\s*[A-Z][A-Za-z]{2,9}\.?\s+\d{1,2}|\s*,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
    r"|\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?"  # the filing date
    r"(?:\s*\([^()]{1,40}\))?"  # the agency
    r"\s*(?:-{1,2}|–|—)\s+")


def dateline_end(text: str) -> int:
    """Where the wire dateline that opens ``text`` ends (0 when there is none)."""
    match = DATELINE.match(text)
    return match.end() if match else 0


# Time named by reference to an earlier sentence's date: "that day", "the same day", "earlier that
# month", "the next day", "the day before", "hours later". Resolved against the date of the last
# sentence before it that has a date of its own.
ANAPHORIC = re.compile(
    r"\b(?:(?:earlier|later)\s+)?that\s+(?P<that>day|morning|afternoon|evening|night|week|month|year)\b"
    r"|\bthe\s+same\s+(?P<same>day|morning|evening|night|week|month)\b"
    r"|\bthe\s+(?P<dir>next|following|previous|preceding)\s+(?P<dir_unit>day|morning|evening|night|week)\b"
    r"|\bthe\s+day\s+(?P<rel>before|after)(?=\s*(?:[,.;:)]|$))"  # "the day before." (not "the day after speaking")
    r"|\b(?:within\s+hours|hours\s+(?:later|earlier))\b",
    re.I)
_PRECISION_OF = {"day": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day",
                 "week": "week", "month": "month", "year": "year"}


def anaphoric_date(text: str, previous: DateValue | None) -> DateValue | None:
    """The date an expression like "that day" or "the next day" gives, from the previous dated
    sentence's date; None when the text has none or there is nothing to refer to."""
    if previous is None or previous.value is None or previous.precision == "none":
        return None
    match = ANAPHORIC.search(text)
    if match is None:
        return None
    unit = match["that"] or match["same"] or match["dir_unit"] or ("day" if match["rel"] else "day")
    precision = _PRECISION_OF[unit.lower()]
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    if order.get(previous.precision, 3) > order[precision]:
        precision = previous.precision  # "that day" after "in March": no finer than March
    value = previous.value
    step = 0
    direction = (match["dir"] or "").lower()
    if direction in {"next", "following"} or (match["rel"] or "").lower() == "after":
        step = 1
    elif direction in {"previous", "preceding"} or (match["rel"] or "").lower() == "before":
        step = -1
    if step and precision == "day":
        value = value + dt.timedelta(days=step)
    elif step and precision == "week":
        value = value + dt.timedelta(weeks=step)
    if precision == "week":
        value = value - dt.timedelta(days=value.weekday())
    elif precision == "month":
        value = value.replace(day=1)
    elif precision == "year":
        value = value.replace(month=1, day=1)
    return DateValue(value, precision)


@dataclass(frozen=True)
class SentenceTime:
    """What a sentence says about time: its own date (None when it has no event-like date
    expression) and whether it speaks of background time ("in recent years", "has been")."""

    own: DateValue | None
    background: bool


def read_sentence_time(text: str, published: dt.date | None) -> SentenceTime:
    skip = dateline_end(text)
    found = find_date_expressions(text, published)
    matches = [match for match in found if match.start >= skip]
    own = next((match.value for match in matches if match.kind != VAGUE), None)
    if own is None:
        # a lede that names no day reports the day it was filed on ("BEIJING, March 6 (Wire) -
        # China accused ...")
        own = next((match.value for match in found if match.start < skip and match.kind != VAGUE), None)
    background = any(match.kind == VAGUE for match in matches)
    if not background and own is None:
        background = date_patterns().background.search(text) is not None
    return SentenceTime(own=own, background=background)


def resolve_sentence_date(text: str, published: dt.date | None) -> DateValue:
    """The date of the event ``text`` reports: its first event-like date expression.

    DateValue() (precision "none") when the sentence has none, only vague ones ("in recent
    years"), or a relative one that cannot be resolved without a publication date."""
    own = read_sentence_time(text, published).own
    return own if own is not None else DateValue()


def _is_story_date(value: DateValue | None, published: dt.date | None) -> bool:
    if value is None or value.value is None or value.precision not in ("day", "week"):
        return False
    if published is None:
        return value.precision == "day"
    return published - STORY_DATE_MAX_AGE <= value.value <= published


def _story_day(value: DateValue, published: dt.date | None) -> DateValue:
    """The story's day from a dated lede: a range ("talks from 6 to 10 March") ends on the day the
    story reports, its last day (not after the publication date)."""
    if value.end is None or value.precision != "day":
        return value
    end = value.end if published is None or value.end <= published else published
    return DateValue(max(end, value.value), "day")


def assign_sentence_dates(sentences: list[Sentence], published: dt.date | None) -> None:
    """Fill ``Sentence.date`` for every sentence of one document (see docs/dates.md).

    A sentence's own date wins (a wire dateline's date is not the sentence's own: it is the day
    the story was filed). An undated sentence speaking of background time ("in recent years",
    "has been") gets no date. Any other undated sentence takes the story date: the first date of
    the body that reports the day's news when it comes within the first few body sentences (the
    lede's day), else the publication date at day precision. ``Sentence.story_date`` is set on
    every sentence: the date its events take when the clause that reports them names no date."""
    if isinstance(published, dt.datetime):
        published = published.date()
    publication = DateValue(published, "day") if published is not None else DateValue()
    times = [read_sentence_time(sentence.text, published) for sentence in sentences]

    first_story: DateValue | None = None
    first_story_position = -1
    body_position = 0
    for sentence, time in zip(sentences, times, strict=True):
        if sentence.is_title:
            continue
        if _is_story_date(time.own, published):
            first_story, first_story_position = _story_day(time.own, published), body_position
            break
        body_position += 1
    lede_date = first_story if first_story is not None and first_story_position < LEDE_SENTENCES else None

    previous: DateValue | None = None  # the last body sentence's own date, for "that day"
    carried: DateValue | None = None  # the last body date that reports the day's news
    heading: DateValue | None = None  # the last date heading of a live blog or timeline
    for sentence, time in zip(sentences, times, strict=True):
        if sentence.is_title:
            story = _undated(first_story or publication)
        elif heading is not None:
            story = heading
            sentence.under_date_heading = True
        elif lede_date is not None:
            story = _undated(lede_date)
        else:
            story = publication
        if not sentence.is_title and time.own is not None and _date_heading(sentence.text, published):
            heading = carried = _undated(time.own)
        referred = None if sentence.is_title or time.own is not None else anaphoric_date(sentence.text, previous)
        if referred is not None:
            story = referred
        sentence.story_date = story
        if time.own is not None:
            sentence.date = time.own
            if not sentence.is_title:
                previous = _undated(time.own)
                if _is_story_date(time.own, published):
                    carried = _undated(time.own)
        elif time.background and not sentence.is_title and referred is None:
            sentence.date = DateValue()
        elif sentence.is_title or referred is not None or carried is None:
            sentence.date = story
        else:
            # the sentence's date (what framework observations take) carries the last news date on;
            # events take the lede's day instead (story_date, event_dates.py): measured separately
            sentence.date = carried


HEADING_MAX_CHARS = 40


def _date_heading(text: str, published: dt.date | None) -> bool:
    """A sentence that is only a day ("Monday, Sept. 8", "Tuesday, June 24"): a heading of a live
    blog or a timeline, dating what follows it until the next heading."""
    if len(text) > HEADING_MAX_CHARS:
        return False
    rest = text
    for match in find_date_expressions(text, published):
        if match.value.precision == "day":
            rest = rest[:match.start] + " " * (match.end - match.start) + rest[match.end:]
    return rest != text and not any(ch.isalnum() for ch in rest)


def _undated(story: DateValue) -> DateValue:
    """The date an undated sentence inherits: the story's day, without the story's range end."""
    return DateValue(story.value, story.precision) if story.end is not None else story
