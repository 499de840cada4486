"""Framework extraction: bullet lists and tables. A lead-in ("India's partnerships in the Gulf
so far:", "China's main partnership frameworks in Latin America:") names the owner of the rows
below it and, sometimes, their tier ("Indonesia's comprehensive strategic partners so far:"); a
table's header row can name the tier too. Each row that starts with a party ("- Oman: strategic
partnership since 2008", "| Peru | comprehensive strategic partnership | 2013 | ... |") states
the owner's framework with that party, with the row's label (else the lead-in's) and the row's
date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Sentence
from .frameworks_pairs import Party
from .frameworks_text import LabelHit

# "- item", "* item", "• item", "1. item", "| cell | cell |"
ROW = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]\s+|\d{1,2}[.)]\s+|\|)")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass
class ListContext:
    """What a lead-in says about the rows below it."""

    owner: str | None
    hit: LabelHit | None  # the lead-in's (or the header's) label, for rows that name none


def is_row(sentence: Sentence) -> bool:
    return ROW.match(sentence.text) is not None


def is_table_separator(sentence: Sentence) -> bool:
    return _TABLE_SEPARATOR.match(sentence.text) is not None


def is_lead_in(sentence: Sentence, following: Sentence | None) -> bool:
    """A sentence ending in ':', or a heading (short, no closing punctuation, not the headline)
    right above a list or a table."""
    text = sentence.text.rstrip()
    if text.endswith(":"):
        return True
    return (following is not None and is_row(following) and not sentence.is_title and len(text) <= 100
            and not ROW.match(text) and text[-1:] not in ".!?\"'\u201d")


def lead_in_owner(low: str, parties: list[Party]) -> str | None:
    """The party whose frameworks a lead-in lists: 'India's partnerships ...:', '... with which New
    Delhi has upgraded ties ...:', 'partners of Japan:', or its only party."""
    for p in parties:
        if re.match(r"'s?\s", low[p.end:p.end + 3]):
            return p.code
    for p in parties:
        if re.search(r"\b(?:with|of)\s+(?:which|whom)\s+(?:the\s+)?$", low[max(0, p.start - 20):p.start]):
            return p.code
    for p in parties:
        if re.search(r"\b(?:partners?|partnerships?|frameworks?|ties|relations)\s+(?:of|with)\s+(?:the\s+)?$",
                     low[max(0, p.start - 30):p.start]):
            return p.code
    codes = {p.code for p in parties}
    return parties[0].code if len(codes) == 1 else None


def row_party(low: str, parties: list[Party], owner: str | None) -> Party | None:
    """The party a row is about: the first thing in it after the bullet or the first pipe, set
    off like a heading ('- Oman: ...', '- China, since 2013', '| Peru | ...'), else the only
    party the row names ('| 2016 | India | ... |', '- September 2023 - United States')."""
    marker = ROW.match(low)
    start = marker.end() if marker else 0
    others = [p for p in parties if p.code != owner]
    if not others:
        return None
    first = others[0]
    if first.start >= start and low[start:first.start].strip(" *_") == "" and re.match(
            r"\s*(?:[:,|(\u2013\u2014-]|$)", low[first.end:]):
        return first
    if len({p.code for p in others}) == 1 and first.kind != "group":
        return first
    return None


def synthetic_hit(context: ListContext, party: Party) -> LabelHit | None:
    """A row that names no label takes the lead-in's, placed right after the row's party."""
    if context.hit is None:
        return None
    h = context.hit
    return LabelHit(party.end, party.end, h.label, h.tier, h.kind)
