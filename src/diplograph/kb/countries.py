"""The countries and organisations the knowledge base knows something about: the parties of its
framework facts and of its events, with how much it holds on each (the web's country list)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select

from ..store import Store
from ..store import schema as t
from .materialize import ensure_fresh, scope_of
from .names import actor_name


def countries(store: Store, *, include_reference: bool = True) -> list[dict[str, Any]]:
    """Every party of a stored framework fact or of an event with another party, by name:
    ``{"code", "name", "partners": parties it has a framework with, "events": event reports
    that link it to another party}``. Read from the per-pair tables (pair facts, monthly event
    counts), never from the observations themselves."""
    unsaved = ensure_fresh(store)
    partners: dict[str, set[str]] = defaultdict(set)
    events: dict[str, int] = defaultdict(int)
    pf, em = t.pair_facts, t.event_months
    scope = scope_of(include_reference)
    with store.engine.connect() as c:
        for a, b in c.execute(select(pf.c.a, pf.c.b).where(pf.c.scope.in_(scope)).distinct()):
            if (a, b) not in unsaved:
                partners[a].add(b)
                partners[b].add(a)
        for a, b, n in c.execute(select(em.c.a, em.c.b, func.sum(em.c.events)).group_by(em.c.a, em.c.b)):
            events[a] += int(n or 0)
            events[b] += int(n or 0)
    for (a, b), build in unsaved.items():
        if any(r["scope"] in scope for r in build.fact_rows):
            partners[a].add(b)
            partners[b].add(a)
    codes = {code for code, n in events.items() if n > 0} | set(partners)
    rows = [{"code": code, "name": actor_name(code), "partners": len(partners.get(code, ())),
             "events": events.get(code, 0)} for code in codes]
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["code"]))
