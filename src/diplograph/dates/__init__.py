"""Dates: find the time expressions of a sentence and resolve them against the publication date;
give every sentence of a document its date. The rules are in docs/dates.md."""

from __future__ import annotations

from .expressions import EXPLICIT, RELATIVE, VAGUE, DateMatch, find_date_expressions, might_have_date
from .publication import parse_publication_date
from .sentences import SentenceTime, assign_sentence_dates, read_sentence_time, resolve_sentence_date
from .tense import has_future_cue, is_future_at

__all__ = [
    "EXPLICIT",
    "RELATIVE",
    "VAGUE",
    "DateMatch",
    "SentenceTime",
    "assign_sentence_dates",
    "find_date_expressions",
    "has_future_cue",
    "is_future_at",
    "might_have_date",
    "parse_publication_date",
    "read_sentence_time",
    "resolve_sentence_date",
]
