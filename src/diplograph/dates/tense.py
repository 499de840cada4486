"""A cheap lexical tense check around a date expression: no parser.

The clause before the expression decides ("will meet on Monday", "is due to arrive on Monday");
when it is silent, the clause right after does ("On Monday, the leaders will..." is future, "On
Monday, Kishida said Japan will..." past: "said" comes before "will")."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lexicon, phrase_alternation

# clause boundaries: punctuation that separates clauses, and relative/complement openers
_BOUNDARY = re.compile(r"[,;:()\[\]—–\"“”]|\s-\s|\b(?:which|who|that|when|after|before|while)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_WINDOW = 90


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = load_lexicon()
    future = re.compile(rf"(?<![\w'’])(?:{phrase_alternation(lexicon.future_cues)})(?![\w])", re.I)
    reporting = re.compile(rf"\b(?:{phrase_alternation(lexicon.present_reporting_verbs)})\b", re.I)
    return future, reporting


def has_future_cue(text: str) -> bool:
    """Whether ``text`` contains a future cue (will, is due to, plans to, next, upcoming...)."""
    return _patterns()[0].search(text) is not None


def _first_past_marker(text: str) -> int | None:
    """Where the first past-tense verb of ``text`` starts, if any."""
    past = load_lexicon().past_markers
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in past:
            return match.start()
        # a lower-case "-ed" word is most likely a past verb or participle ("United" is not)
        if word[0].islower() and lower.endswith("ed") and len(lower) > 4:
            return match.start()
    return None


FUTURE = "future"
PAST = "past"


def tense_at(text: str, start: int, end: int) -> str | None:
    """The tense around the date expression ``text[start:end]``: "future", "past", or None when
    the words around it say neither.

    The clause before the expression decides first (a future cue, else a past verb); then the
    clause after it, whichever of a future cue or a past verb comes first. The clause after stops
    at a present-tense reporting verb ("On Monday, Kishida says Japan will..." says nothing of
    Monday's tense)."""
    future_cue, reporting = _patterns()
    before = text[max(0, start - _WINDOW) : start]
    boundaries = list(_BOUNDARY.finditer(before))
    clause_before = before[boundaries[-1].end() :] if boundaries else before
    if future_cue.search(clause_before):
        return FUTURE
    if _first_past_marker(clause_before) is not None:
        return PAST
    after = text[end : end + _WINDOW].lstrip(" ,")
    stop = _BOUNDARY.search(after)
    clause_after = after[: stop.start()] if stop else after
    stop = reporting.search(clause_after)
    if stop:
        clause_after = clause_after[: stop.start()]
    future_match = future_cue.search(clause_after)
    past_position = _first_past_marker(clause_after)
    if future_match is not None and (past_position is None or future_match.start() <= past_position):
        return FUTURE
    if past_position is not None:
        return PAST
    return None


def is_future_at(text: str, start: int, end: int) -> bool:
    """Whether the date expression ``text[start:end]`` is in a future-tense context."""
    return tense_at(text, start, end) == FUTURE
