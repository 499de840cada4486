"""A pair's history: every framework change and event between two parties, in date order,
with sources; and the classification of a framework change (new, upgrade, relabel, ...)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .. import ladders
from ..store import Store
from .asof import ladder_country, state_of_pair
from .consolidate import Fact, consolidate
from .events import EventFact, event_facts
from .names import actor_name, resolve_actor
from .observations import load_observations


def classify_changes(facts: Iterable[Fact], country: str | None = None) -> dict[str, str]:
    """fact_id -> what the fact did to its pair: 'new', 'upgrade', 'downgrade', 'relabel',
    'reaffirmed', 'ended', 'intention', 'layered' or 'reported' (an undated existing level)."""
    ordered = sorted(facts, key=lambda f: (f.start or dt.date.min, f.status != "ended"))
    out: dict[str, str] = {}
    current: Fact | None = None
    for fact in ordered:
        who = ladder_country(fact.a, fact.b, country)
        if fact.status == "intended":
            out[fact.fact_id] = "intention"
        elif fact.layered:
            out[fact.fact_id] = "layered"
        elif fact.status == "existing":
            out[fact.fact_id] = "reported"
        elif fact.status == "ended":
            out[fact.fact_id] = "ended"
            current = None
        else:
            if current is None:
                kind = "new"
            else:
                before = ladders.tier_rank(who, current.tier, current.label)
                after = ladders.tier_rank(who, fact.tier, fact.label)
                if after < before:
                    kind = "upgrade"
                elif after > before:
                    kind = "downgrade"
                else:
                    kind = "relabel" if ladders.normalize_label(fact.label) != ladders.normalize_label(current.label) \
                        else "reaffirmed"
            out[fact.fact_id] = kind
            current = fact
    return out


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


def timeline(store: Store, a: str, b: str, *, include_reference: bool = True, events: bool = True,
             as_of: str | None = None) -> dict[str, Any]:
    """Every framework change and (merged) event between ``a`` and ``b``, oldest first, with the
    pair's current state and any disagreement between news and the reference table."""
    from .syndication import story_groups

    code_a, code_b = sorted((resolve_actor(a), resolve_actor(b)))
    observations = load_observations(store, pair=(code_a, code_b), include_reference=include_reference)
    doc_ids = {o.doc_id for o in observations if o.doc_id and not o.is_reference}
    facts = consolidate(observations, story_groups(store, doc_ids) if len(doc_ids) > 1 else {})
    changes = classify_changes(facts)
    entries = [framework_entry(f, changes[f.fact_id]) for f in facts]
    if events:
        entries += [event_entry(e) for e in event_facts(store, pair=(code_a, code_b))]
    entries.sort(key=_entry_key)
    state = state_of_pair(store, code_a, code_b, as_of, include_reference=include_reference)
    return {
        "a": code_a,
        "b": code_b,
        "names": {code_a: actor_name(code_a), code_b: actor_name(code_b)},
        "state": state.to_record() if state else None,
        "entries": entries,
        "conflicts_with_reference": state.conflicts_with_reference if state else [],
    }
