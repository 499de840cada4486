"""Validation of a reference table (``diplograph reference check``).

Every problem is reported, not only the first, each with its line and a kind a test or a script
can match on:

* ``unknown-code``: a party that is not an ISO 3166-1 alpha-3 code, a historical state or an
  organisation code diplograph knows (``EU``, ``ASEAN``, ...);
* ``pair-order``: ``a`` not before ``b`` in plain string order (or the same party twice);
* ``bad-tier``, ``bad-status``: a tier outside CSP/SP/CP/OTHER; a status other than
  ``established`` or ``ended`` (the table records changes, not intentions or undated reports);
* ``label``: an empty label, or one not in lower case or with stray spaces;
* ``label-tier``: the tier disagrees with the label rules of ``tiers.json`` (a sectoral label,
  which is no tier, included);
* ``other-without-reason``: an ``OTHER`` row whose ``note`` does not say why;
* ``bad-date``: no date, a date that does not match its precision (``YYYY-MM-DD`` day,
  ``YYYY-MM`` month, ``YYYY`` year), an impossible date, or one in the future;
* ``missing-source``: no ``source_url``, or one that is not an http(s) URL;
* ``duplicate``: the same row twice, or a pair's level recorded again with the same label and
  tier with no ``ended`` row between (one framework entered twice, e.g. from two sources);
* ``same-date``: two frameworks of one pair starting at one date: their dates, as precise as
  they are, overlap, so the knowledge base would take them for one change. A layered label
  ("community with a shared future") beside a tier is allowed: it does not end the tier;
* ``upgrade-before-lower``: an upgrade dated before the lower-tier row it upgrades (a higher
  ranked tier followed by a lower one with no ``ended`` row between), unless a party's own
  ladder ranks the later label at or above the earlier one;
* ``ended-without-framework``: an ``ended`` row for a pair with no framework in force to end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ladders
from ..model import TIERS, DateValue
from .consolidate import Span, date_span
from .names import is_known_code
from .reference import ReferenceRow, read_table

TABLE_STATUSES = ("established", "ended")
DATE_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
PROBLEM_KINDS = (
    "unknown-code", "pair-order", "bad-tier", "bad-status", "label", "label-tier", "other-without-reason",
    "bad-date", "missing-source", "duplicate", "same-date", "upgrade-before-lower", "ended-without-framework",
)


@dataclass(frozen=True)
class Problem:
    """One problem of one row (``line``: its line in the file)."""

    line: int
    kind: str
    message: str
    pair: tuple[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "kind": self.kind, "pair": "-".join(self.pair), "message": self.message}


@dataclass(frozen=True)
class CheckReport:
    path: str
    version: str
    rows: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "version": self.version, "rows": self.rows, "ok": self.ok,
                "problems": [p.to_dict() for p in self.problems]}


def _row_date(row: ReferenceRow, today: dt.date) -> tuple[DateValue | None, str | None]:
    """The row's date, or the reason it is not a valid date of its precision."""
    if not row.date:
        return None, "no date (every row is a dated change)"
    pattern = DATE_PATTERNS.get(row.date_precision)
    if pattern is None:
        return None, f"date_precision {row.date_precision!r} is not day, month or year"
    if not pattern.match(row.date):
        return None, f"date {row.date!r} does not match its precision {row.date_precision!r}"
    try:
        value = DateValue.parse(row.date, row.date_precision)
    except ValueError as exc:
        return None, f"date {row.date!r} is not a calendar date ({exc})"
    if value.value is not None and value.value > today:
        return None, f"date {row.date} is in the future"
    return value, None


def _row_problems(row: ReferenceRow, today: dt.date) -> list[Problem]:
    out: list[Problem] = []

    def add(kind: str, message: str) -> None:
        out.append(Problem(row.line, kind, message, row.pair))

    for code in (row.a, row.b):
        if not code or code != code.upper() or not is_known_code(code):
            add("unknown-code", f"{code!r} is not a known state or organisation code")
    if row.a >= row.b:
        add("pair-order", f"a must come before b in string order ({row.a!r}, {row.b!r})")
    if row.tier not in TIERS:
        add("bad-tier", f"tier {row.tier!r} is not one of {', '.join(TIERS)}")
    if row.status not in TABLE_STATUSES:
        add("bad-status", f"status {row.status!r} is not established or ended")
    if not row.label:
        add("label", "no label")
    elif row.label != row.label.lower() or row.label != " ".join(row.label.split()):
        add("label", f"label {row.label!r} is not lower case with single spaces")
    if row.label and row.tier in TIERS:
        if ladders.is_sectoral(row.label):
            add("label-tier", f"{row.label!r} is a sectoral partnership: no tier, no row")
        else:
            ruled = ladders.tier_of_label(row.label)
            if ruled != row.tier:
                add("label-tier", f"the label rules give {ruled or 'no tier'} for {row.label!r}, the row says {row.tier}")
    if row.tier == "OTHER" and not row.note:
        add("other-without-reason", "an OTHER row must say why in note")
    _value, reason = _row_date(row, today)
    if reason:
        add("bad-date", reason)
    if not row.source_url:
        add("missing-source", "no source_url")
    elif not re.match(r"^https?://\S+$", row.source_url):
        add("missing-source", f"source_url {row.source_url!r} is not an http(s) URL")
    return out


@dataclass(frozen=True)
class _Dated:
    row: ReferenceRow
    date: DateValue
    span: Span
    layered: bool

    @property
    def start(self) -> dt.date:
        assert self.date.value is not None
        return self.date.value


def _rank(tier: str) -> int | None:
    ranked = ladders.default_ladder()
    return ranked.index(tier) if tier in ranked else None


def _ranked_at_or_above(item: _Dated, best: _Dated) -> bool:
    """True when a party's own ladder puts ``item``'s label at or above ``best``'s: a lower tier
    by the label rules can still be an upgrade where the party ranks labels (China's 2024
    'all-round strategic cooperative partnership' with South Africa, SP by its words, was
    announced as an elevation of their CSP, and China's ladder ranks it above the CSPs)."""
    for party in item.row.pair:
        if not ladders.has_own_ladder(party):
            continue
        new = ladders.rung(party, item.row.tier, item.row.label)
        old = ladders.rung(party, best.row.tier, best.row.label)
        if new is not None and old is not None and new <= old:
            return True
    return False


def _pair_problems(rows: list[_Dated]) -> list[Problem]:
    out: list[Problem] = []

    def add(item: _Dated, kind: str, message: str) -> None:
        out.append(Problem(item.row.line, kind, message, item.row.pair))

    # changes that overlap in time are one change to the knowledge base (kb.consolidate clusters
    # them): two of them at one date would leave one framework where the table says two
    groups: dict[tuple[str, bool], list[_Dated]] = defaultdict(list)
    for item in rows:
        groups[(item.row.status, item.layered)].append(item)
    for (status, _layered), members in groups.items():
        members.sort(key=lambda d: (d.span[0], d.row.line))
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                if second.span[0] > first.span[1]:
                    break
                add(second, "same-date", f"{status} {second.row.tier} {second.row.label!r} ({second.row.date}) "
                                         f"and {first.row.tier} {first.row.label!r} ({first.row.date}, line "
                                         f"{first.row.line}) start at one date: the knowledge base would merge them")

    base = sorted((d for d in rows if not d.layered), key=lambda d: (d.start, d.row.status == "established", d.row.line))
    best: _Dated | None = None  # the highest ranked level since the last 'ended' row
    previous: _Dated | None = None  # the level in force
    for item in base:
        if item.row.status == "ended":
            if previous is None:
                add(item, "ended-without-framework", f"ended {item.row.label!r} ({item.row.date}) ends no "
                                                     "framework of this pair dated before it")
            best = previous = None
            continue
        rank = _rank(item.row.tier)
        best_rank = _rank(best.row.tier) if best is not None else None
        if best is not None and rank is not None and best_rank is not None and rank > best_rank \
                and not _ranked_at_or_above(item, best):
            add(item, "upgrade-before-lower",
                f"{item.row.tier} {item.row.label!r} ({item.row.date}) comes after {best.row.tier} "
                f"{best.row.label!r} ({best.row.date}, line {best.row.line}): an upgrade dated before the "
                "lower-tier row it upgrades, or a downgrade without an ended row")
        if previous is not None and previous.row.tier == item.row.tier \
                and ladders.normalize_label(previous.row.label) == ladders.normalize_label(item.row.label):
            add(item, "duplicate", f"{item.row.label!r} ({item.row.date}) repeats the level of line "
                                   f"{previous.row.line} ({previous.row.date}) with no ended row between")
        if rank is not None and (best_rank is None or rank <= best_rank):
            best = item
        previous = item
    return out


def check_rows(rows: list[ReferenceRow], *, today: dt.date | None = None) -> list[Problem]:
    """Every problem of a table's rows, in line order."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], int] = {}
    by_pair: dict[tuple[str, str], list[_Dated]] = defaultdict(list)
    for row in rows:
        problems += _row_problems(row, today)
        key = (row.a, row.b, ladders.normalize_label(row.label), row.status, row.date)
        if key in seen:
            problems.append(Problem(row.line, "duplicate", f"the same framework as line {seen[key]}", row.pair))
            continue
        seen[key] = row.line
        date, reason = _row_date(row, today)
        span = date_span(date) if date is not None and reason is None else None
        if span is not None and date is not None and row.status in TABLE_STATUSES:
            by_pair[row.pair].append(_Dated(row, date, span, ladders.is_layered(row.label)))
    for pair_rows in by_pair.values():
        problems += _pair_problems(pair_rows)
    return sorted(problems, key=lambda p: (p.line, PROBLEM_KINDS.index(p.kind)))


def check_table(path: str | Path | None = None, *, today: dt.date | None = None) -> CheckReport:
    """Check the table at ``path`` (default: the shipped one)."""
    table = read_table(path)
    return CheckReport(path=table.path, version=table.version, rows=len(table.rows),
                       problems=check_rows(table.rows, today=today))
