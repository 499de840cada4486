"""A pair's history: every framework change and event between two parties, in date order, with
sources, a page at a time, read from the stored facts (:mod:`.materialize`, with each change's
kind: new, upgrade, relabel, ..., see :func:`.asof.classify_changes`) and the events."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select

from ..errors import InputError
from ..store import Store
from ..store import schema as t
from .asof import parse_day
from .consolidate import Fact
from .events import EventFact, load_events, merge_events
from .materialize import day_window, fact_from_json, fact_rows_page
from .names import actor_name, resolve_actor
from .queries import state_of_pair


def framework_entry(fact: Fact, change: str) -> dict[str, Any]:
    return {
        "kind": "framework",
        "date": fact.date or fact.in_force_by,
        "date_precision": fact.date_precision if fact.date else ("in-force-by" if fact.in_force_by else "none"),
        "a": fact.a,
        "b": fact.b,
        "change": change,
        "status": fact.status,
        "tier": fact.tier,
        "label": fact.label,
        "sources": fact.sources,
        "articles": fact.articles,
        "reference": fact.reference,
        "first_reported": fact.first_reported,
        "conflicts": fact.conflicts,
        "conflicts_with_reference": fact.conflicts_with_reference,
        "evidence": fact.evidence,
        "fact_id": fact.fact_id,
    }


def event_entry(fact: EventFact) -> dict[str, Any]:
    return {
        "kind": "event",
        "date": fact.date,
        "date_precision": fact.date_precision,
        "event": fact.event,
        "mode": fact.mode,
        "actor": list(fact.actor),
        "recipient": list(fact.recipient),
        "modality": fact.modality,
        "contexts": fact.contexts,
        "goldstein": fact.goldstein,
        "quad_class": fact.quad_class,
        "sources": fact.sources,
        "articles": fact.articles,
        "evidence": fact.sentences,
        "event_id": fact.event_id,
    }


def _entry_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (entry["date"] or "9999", entry["kind"] != "framework", entry.get("event") or entry.get("tier") or "")


TIMELINE_LIMIT = 200  # items (framework facts + event observations) per page
ENTRY_EVIDENCE = 5  # evidence records per framework entry (the pair's facts have them all)
ENTRY_CONFLICTS = 10


def framework_entry_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A framework entry from a stored fact row: its first evidence records, with the totals."""
    fact = fact_from_json(row["record"])
    entry = framework_entry(fact, row["change"])
    total = json.loads(row["record"]).get("evidence_total", len(fact.evidence))
    entry["evidence"] = entry["evidence"][:ENTRY_EVIDENCE]
    entry["evidence_total"] = total
    entry["conflicts_with_reference"] = entry["conflicts_with_reference"][:ENTRY_CONFLICTS]
    return entry


def _event_days(store: Store, a: str, b: str, *, after: str | None, since: str | None, until: str | None,
                limit: int | None, through: str | None = None) -> list[tuple[str, int]]:
    """(day, event id) of the pair's events in day order, from the event_pairs index."""
    ep = t.event_pairs
    conditions = [ep.c.a == a, ep.c.b == b,
                  *day_window(ep.c.day, after=after, since=since, until=until, through=through)]
    query = select(ep.c.day, ep.c.event_id).where(*conditions).order_by(ep.c.day, ep.c.event_id)
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as c:
        return [(day, event_id) for day, event_id in c.execute(query)]


def event_months(store: Store, a: str, b: str, *, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """Per month, how many event reports link the pair, by QuadClass (1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict; 0 unknown): a density a
    client can draw before it pages through the events. Read from the counts the store keeps
    (store.derived); with since/until, the months that overlap the window."""
    em = t.event_months
    conditions = [em.c.a == a, em.c.b == b, em.c.events > 0]
    if since is not None:
        conditions.append(em.c.month >= since[:7])
    if until is not None:
        conditions.append(em.c.month <= until[:7])
    query = select(em.c.month, em.c.quad_class, em.c.events).where(*conditions).order_by(em.c.month, em.c.quad_class)
    months: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as c:
        for month, quad, n in c.execute(query):
            entry = months.setdefault(month, {"month": month, "events": 0, "quad": [0, 0, 0, 0, 0]})
            entry["quad"][quad if quad in (1, 2, 3, 4) else 0] += n
            entry["events"] += n
    return list(months.values())


def _page_boundary(days: list[str], limit: int) -> str | None:
    """The last day a page of ``limit`` items takes (a day is never split across pages, so that
    the reports of one event merge on one page); None when everything fits."""
    if len(days) <= limit:
        return None
    return sorted(days)[limit - 1]


def timeline(store: Store, a: str, b: str, *, include_reference: bool = True, events: bool = True,
             as_of: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
             limit: int | None = TIMELINE_LIMIT, after: str | None = None) -> dict[str, Any]:
    """The framework changes and (merged) events between ``a`` and ``b``, oldest first, one page
    at a time: about ``limit`` items (whole days: the page ends with the last day it touches)
    after the day ``after`` (the previous page's ``next_after``), within [since, until]; ``limit``
    None returns everything. With the pair's state on ``as_of`` (default today), any disagreement
    between news and the reference table and, on the first page, the events per month."""
    from .syndication import story_groups

    code_a, code_b = sorted((resolve_actor(a), resolve_actor(b)))
    first_day, last_day = parse_day(since, name="since"), parse_day(until, name="until")
    if first_day and last_day and last_day < first_day:
        raise InputError(f"until {last_day} is before since {first_day}", reason="bad-date")
    if limit is not None and limit < 1:
        raise InputError(f"limit must be at least 1, not {limit}", reason="bad-limit")
    since = first_day.isoformat() if first_day else None
    until = last_day.isoformat() if last_day else None
    window = {"after": after, "since": since, "until": until}
    fetch = None if limit is None else limit + 1
    fact_rows = fact_rows_page(store, code_a, code_b, include_reference=include_reference, limit=fetch, **window)
    event_days = _event_days(store, code_a, code_b, limit=fetch, **window) if events else []
    boundary = None if limit is None else _page_boundary([r["day"] for r in fact_rows] + [d for d, _ in event_days],
                                                         limit)
    more = False
    if boundary is not None:
        # complete the boundary day in each stream, then drop what lies beyond it
        facts_cut, events_cut = len(fact_rows) == fetch, len(event_days) == fetch
        more = any(r["day"] > boundary for r in fact_rows) or any(d > boundary for d, _ in event_days)
        if facts_cut:
            fact_rows = fact_rows_page(store, code_a, code_b, include_reference=include_reference, limit=None,
                                       through=boundary, **window)
        if events_cut:
            event_days = _event_days(store, code_a, code_b, limit=None, through=boundary, **window)
        beyond = {**window, "after": boundary}
        if not more and facts_cut:
            more = bool(fact_rows_page(store, code_a, code_b, include_reference=include_reference, limit=1, **beyond))
        if not more and events_cut:
            more = bool(_event_days(store, code_a, code_b, limit=1, **beyond))
        fact_rows = [r for r in fact_rows if r["day"] <= boundary]
        event_days = [(d, i) for d, i in event_days if d <= boundary]
    entries = [framework_entry_from_row(r) for r in fact_rows]
    if event_days:
        rows = load_events(store, ids=[i for _, i in event_days])
        doc_ids = {r.doc_id for r in rows}
        entries += [event_entry(e) for e in merge_events(rows, story_groups(store, doc_ids) if len(doc_ids) > 1 else {})]
    entries.sort(key=_entry_key)
    state = state_of_pair(store, code_a, code_b, as_of, include_reference=include_reference)
    result: dict[str, Any] = {
        "a": code_a,
        "b": code_b,
        "names": {code_a: actor_name(code_a), code_b: actor_name(code_b)},
        "state": state.to_record() if state else None,
        "entries": entries,
        "next_after": boundary if more else None,
        "conflicts_with_reference": state.conflicts_with_reference if state else [],
    }
    if after is None and events:
        result["months"] = event_months(store, code_a, code_b, since=since, until=until)
    return result
