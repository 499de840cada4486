"""Sentence-level dates: the date of the event a sentence reports, and the document-level rule
that gives every sentence a date (its own, the story's, or none for background)."""

from __future__ import annotations

import datetime as dt
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


@dataclass(frozen=True)
class SentenceTime:
    """What a sentence says about time: its own date (None when it has no event-like date
    expression) and whether it speaks of background time ("in recent years", "has been")."""

    own: DateValue | None
    background: bool


def read_sentence_time(text: str, published: dt.date | None) -> SentenceTime:
    matches = find_date_expressions(text, published)
    own = next((match.value for match in matches if match.kind != VAGUE), None)
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


def assign_sentence_dates(sentences: list[Sentence], published: dt.date | None) -> None:
    """Fill ``Sentence.date`` for every sentence of one document (see docs/dates.md).

    A sentence's own date wins. An undated sentence speaking of background time ("in recent
    years", "has been") gets no date. Any other undated sentence inherits the story date: the date
    of the last dated sentence before it that reports the day's news; before the first one, the
    lede and the title take the first such date of the body (the lede only when it comes within
    the first few body sentences); failing all that, the publication date at day precision."""
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
            first_story, first_story_position = time.own, body_position
            break
        body_position += 1
    lede_date = first_story if first_story is not None and first_story_position < LEDE_SENTENCES else None

    story: DateValue | None = None
    for sentence, time in zip(sentences, times, strict=True):
        if time.own is not None:
            sentence.date = time.own
            if not sentence.is_title and _is_story_date(time.own, published):
                story = time.own
            continue
        if sentence.is_title:
            sentence.date = _undated(first_story or publication)
        elif time.background:
            sentence.date = DateValue()
        elif story is not None:
            sentence.date = _undated(story)
        elif lede_date is not None:
            sentence.date = _undated(lede_date)
        else:
            sentence.date = publication


def _undated(story: DateValue) -> DateValue:
    """The date an undated sentence inherits: the story's day, without the story's range end."""
    return DateValue(story.value, story.precision) if story.end is not None else story
