"""The record a reader yields: one article as read, before cleaning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
    # fields that could not be read, as {"input", "field", "value", "reason", "detail"} (a date that
    # is not a clear date: the record is kept without it), carried into Document.warnings
    warnings: list[dict[str, str]] = field(default_factory=list)
