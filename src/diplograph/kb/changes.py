"""What changed in a period: new, upgraded, relabelled, ended frameworks, announced intentions,
layered labels, and the notable events, oldest first, a page at a time.

A period of two years at a million events holds tens of thousands of notable events, so nothing
here reads the whole period: the framework changes (stored facts, index ``pair_facts(scope,
day)``) and the events (index ``events(date)``, and ``documents(published)`` for undated events)
are read in date order, a few whole days at a time, until a page is full. A day is read whole
because the reports of one event, which merge into one entry, share its date. An entry is never
longer than its first :data:`ENTRY_EVIDENCE` evidence records (``evidence_total`` counts them all).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, select

from ..errors import InputError
from ..store import Store
from ..store import schema as t
from .asof import parse_day
from .events import EventRow, event_row, in_window, merge_events
from .materialize import UNDATED, ensure_fresh, fact_from_json, scope_of
from .timeline import ENTRY_EVIDENCE, event_entry, framework_entry_from_row

# an event is notable when it is strongly cooperative or conflictual, or widely reported
NOTABLE_GOLDSTEIN = 5.0
NOTABLE_SOURCES = 2
CHANGES_PAGE = 100  # entries (framework changes and notable events together) per page
ENTRY_CONFLICTS = 10
READ_BATCH = 500  # rows read at a time from each source (then completed to a whole day)

Row = dict[str, Any]
# (lo, lo_inclusive, limit, through) -> rows with lo <(=) day <= through, in day order, at most limit
Fetch = Callable[[str, bool, int | None, str | None], list[Any]]
_POSITION = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\|([01])\|([0-9A-Za-z_-]{1,80})$")


def changes(store: Store, since: str | dt.date, until: str | dt.date | None = None, *,
            include_reference: bool = True, events: bool = True, limit: int | None = CHANGES_PAGE,
            after: str | None = None) -> dict[str, Any]:
    """Framework changes whose start falls in [since, until] (until: today) and the notable
    asserted events of that period, in date order: at most ``limit`` entries in all (None: every
    one) after the position ``after`` (the previous page's ``next_after``). ``next_after`` is
    None on the last page."""
    start = parse_day(since, name="since")
    end = parse_day(until, name="until") or dt.date.today()
    if start is None:
        raise InputError("since is required", reason="bad-date")
    if end < start:
        raise InputError(f"the period ends (until {end}) before it starts (since {start})", reason="bad-date")
    if limit is not None and limit < 1:
        raise InputError(f"limit must be at least 1, not {limit}", reason="bad-limit")
    position = _parse_position(after)
    window = (start.isoformat(), end.isoformat())
    first = position[0] if position else window[0][:4]
    streams = [_framework_entries(store, window, first, include_reference)]
    if events:
        streams.append(_notable_event_entries(store, window, first))
    page: list[dict[str, Any]] = []
    for key, entry in heapq.merge(*streams, key=lambda item: item[0]):
        if position is not None and key <= position:
            continue
        page.append(entry)
        if limit is not None and len(page) > limit:
            break
    more = limit is not None and len(page) > limit
    page = page[:limit] if limit is not None else page
    return {
        "since": window[0],
        "until": window[1],
        "frameworks": [e for e in page if e["kind"] == "framework"],
        "events": [e for e in page if e["kind"] == "event"],
        "next_after": _format_position(_entry_key(page[-1])) if more else None,
    }


# ------------------------------------------------------------------ positions


def _entry_key(entry: dict[str, Any]) -> tuple[str, int, str]:
    """Where an entry stands in a period's order: its date, frameworks before events, then its id."""
    if entry["kind"] == "framework":
        return (entry["date"] or "", 0, f"{entry['a']}_{entry['b']}_{entry['fact_id']}")
    return (entry["date"] or "", 1, entry["event_id"])


def _format_position(key: tuple[str, int, str]) -> str:
    return f"{key[0]}|{key[1]}|{key[2]}"


def _parse_position(after: str | None) -> tuple[str, int, str] | None:
    if after is None:
        return None
    match = _POSITION.match(after)
    if match is None:
        raise InputError("cursor is not one this API returned: pass next_cursor from a previous page",
                         reason="bad-cursor")
    return (match.group(1), int(match.group(2)), match.group(3))


# ------------------------------------------------------------------ reading whole days


def whole_days(fetchers: list[Fetch], day_of: Callable[[Any], str], first: str,
               batch: int | None = None) -> Iterator[list[Any]]:
    """The rows of ``fetchers`` from the day ``first`` on, in batches that hold whole days, in day
    order: each source is read ``batch`` rows at a time, and a day a source cut is completed (or
    read alone, when it is all a batch holds) before it is given out."""
    batch = batch or READ_BATCH
    lo, inclusive = first, True
    while True:
        parts = [fetch(lo, inclusive, batch, None) for fetch in fetchers]
        cut = [day_of(rows[-1]) for rows in parts if len(rows) >= batch]
        if not cut:
            rows = [row for part in parts for row in part]
            if rows:
                yield sorted(rows, key=day_of)
            return
        horizon = min(cut)
        complete = sorted((row for part in parts for row in part if day_of(row) < horizon), key=day_of)
        if complete:
            yield complete
            lo, inclusive = horizon, True
        else:  # the batch held nothing but the day ``horizon``: read that day alone, in full
            yield [row for fetch in fetchers for row in fetch(horizon, True, None, horizon)]
            lo, inclusive = horizon, False


def _bounds(column: ColumnElement[Any], lo: str, inclusive: bool, through: str | None,
            until: str) -> list[ColumnElement[bool]]:
    """``column`` from ``lo`` on, up to ``through`` and to the period's end ``until``."""
    return [column >= lo if inclusive else column > lo, column <= min(through or until, until)]


# ------------------------------------------------------------------ framework changes


def _framework_entries(store: Store, window: tuple[str, str], first: str,
                       include_reference: bool) -> Iterator[tuple[tuple[str, int, str], dict[str, Any]]]:
    """(key, entry) of every framework change in the period, in key order."""
    since, until = window
    unsaved = ensure_fresh(store)  # pairs whose rebuilt facts could not be stored: read from memory
    scope = scope_of(include_reference)
    pf = t.pair_facts

    def stored(lo: str, inclusive: bool, limit: int | None, through: str | None) -> list[Row]:
        query = select(pf.c.a, pf.c.b, pf.c.day, pf.c.change, pf.c.record).where(
            pf.c.scope.in_(scope), pf.c.day != UNDATED, *_bounds(pf.c.day, lo, inclusive, through, until)
        ).order_by(pf.c.day, pf.c.id)
        if limit is not None:
            query = query.limit(limit)
        with store.engine.connect() as c:
            return [{**r, "stored": True} for r in c.execute(query).mappings()]

    in_memory = sorted((r for build in unsaved.values() for r in build.fact_rows
                        if r["scope"] in scope and r["day"] != UNDATED), key=lambda r: r["day"])

    def from_memory(lo: str, inclusive: bool, limit: int | None, through: str | None) -> list[Row]:
        rows = [r for r in in_memory if (r["day"] >= lo if inclusive else r["day"] > lo)
                and r["day"] <= min(through or until, until)]
        return rows[:limit] if limit is not None else rows

    start, end = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
    for rows in whole_days([stored, from_memory], lambda r: r["day"], first):
        entries = []
        for row in rows:
            if row.get("stored") and (row["a"], row["b"]) in unsaved:
                continue  # an outdated stored row of a pair whose current facts are in memory
            if row["change"] == "reaffirmed":
                continue
            fact = fact_from_json(row["record"])
            if fact.status == "existing" or fact.start is None or not (start <= fact.start <= end):
                continue
            entry = framework_entry_from_row(row)
            entry["conflicts_total"] = len(entry["conflicts"])
            entry["conflicts"] = entry["conflicts"][:ENTRY_CONFLICTS]
            entries.append((_entry_key(entry), entry))
        yield from sorted(entries, key=lambda item: item[0])


# ------------------------------------------------------------------ notable events


def _notable_event_entries(store: Store, window: tuple[str, str],
                           first: str) -> Iterator[tuple[tuple[str, int, str], dict[str, Any]]]:
    """(key, entry) of every notable event of the period, in key order: asserted, and strongly
    cooperative or conflictual or reported by several independent sources."""
    from .syndication import story_groups

    since, until = window
    ev, docs = t.events, t.documents
    columns = (ev, docs.c.url.label("doc_url"), docs.c.published.label("doc_published"))

    def dated(lo: str, inclusive: bool, limit: int | None, through: str | None) -> list[EventRow]:
        query = select(*columns).join(docs, docs.c.doc_id == ev.c.doc_id).where(
            ev.c.date.is_not(None), ev.c.modality == "asserted", *_bounds(ev.c.date, lo, inclusive, through, until)
        ).order_by(ev.c.date, ev.c.id)
        return _rows(store, query, limit)

    def undated(lo: str, inclusive: bool, limit: int | None, through: str | None) -> list[EventRow]:
        # an undated event happened when its article says: the publication date (kb.events)
        query = select(*columns).join(docs, docs.c.doc_id == ev.c.doc_id).where(
            ev.c.date.is_(None), ev.c.modality == "asserted",
            *_bounds(docs.c.published, lo, inclusive, through, until)
        ).order_by(docs.c.published, ev.c.id)
        return _rows(store, query, limit)

    for rows in whole_days([dated, undated], lambda r: r.when or "", first):
        rows = [r for r in rows if in_window(r.when, since, until)]
        facts = merge_events(rows)
        # syndicated copies are one source: group the articles of the events several reported
        shared = {d["doc_id"] for f in facts if f.articles > 1 for d in f.sentences}
        if shared:
            facts = merge_events(rows, story_groups(store, shared))
        entries = []
        for fact in facts:
            if abs(fact.goldstein or 0.0) >= NOTABLE_GOLDSTEIN or fact.sources >= NOTABLE_SOURCES:
                entry = event_entry(fact)
                entry["evidence_total"] = len(entry["evidence"])
                entry["evidence"] = entry["evidence"][:ENTRY_EVIDENCE]
                entries.append((_entry_key(entry), entry))
        yield from sorted(entries, key=lambda item: item[0])


def _rows(store: Store, query: Any, limit: int | None) -> list[EventRow]:
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as c:
        return [event_row(row) for row in c.execute(query).mappings()]
