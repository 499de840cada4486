"""Control characters and lone surrogates: taken out of every record as it is read.

A NUL (JSON ``"\\u0000"``, a stray byte in a CSV cell, an HTML page) cannot be stored in a
PostgreSQL text field, and a lone surrogate (JSON ``"\\ud800"``) cannot be encoded for either
database: one such character used to fail the whole batch it was in. C0 and C1 controls other than
tab, newline and carriage return carry no text either. They are removed before the content hash is
taken, so a text gets the same ``doc_id`` on every backend, and what was removed is recorded in the
document's ``removed`` list. Controls that end a line (vertical tab, form feed, the information
separators U+001C-U+001E, NEL U+0085) become a newline, so that the words on either side stay apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Rejected
from .record import RawRecord

# C0 controls but tab, newline and carriage return; DEL; C1 controls; lone UTF-16 surrogates
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_ENDING = frozenset("\x0b\x0c\x1c\x1d\x1e\x85")
_RECORD_FIELDS = ("text", "html", "title", "url", "record_id")


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character that :func:`strip_controls` would take out."""
    return _UNWANTED.search(text) is not None


def strip_controls(text: str, found: Counter[str] | None = None) -> str:
    """``text`` without its control characters and lone surrogates; each one is counted in
    ``found`` (by character) when given."""
    if _UNWANTED.search(text) is None:
        return text

    def substitute(match: re.Match[str]) -> str:
        char = match.group()
        if found is not None:
            found[char] += 1
        return "\n" if char in _LINE_ENDING else ""

    return _UNWANTED.sub(substitute, text)


def describe_controls(found: Counter[str]) -> str:
    """One ``removed`` entry: 'control characters: U+0000 x2, U+0085 x1'."""
    parts = [f"U+{ord(char):04X} x{count}" for char, count in sorted(found.items())]
    return "control characters: " + ", ".join(parts)


def scrub_record(record: RawRecord) -> RawRecord:
    """The record with control characters taken out of its text, HTML, title, URL and id, and a
    note of what went in ``record.removed`` (the record is changed in place and returned)."""
    found: Counter[str] = Counter()
    for name in _RECORD_FIELDS:
        value = getattr(record, name)
        if isinstance(value, str):
            setattr(record, name, strip_controls(value, found))
    if found:
        record.removed.append(describe_controls(found))
    return record


def scrub_rejected(rejected: Rejected) -> Rejected:
    """A reject's id and detail without control characters (they are stored too)."""
    record_id = strip_controls(rejected.record_id) if rejected.record_id is not None else None
    detail = strip_controls(rejected.detail)
    if record_id == rejected.record_id and detail == rejected.detail:
        return rejected
    return replace(rejected, record_id=record_id, detail=detail)
