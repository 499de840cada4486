"""What changed in a period: new, upgraded, relabelled, ended frameworks, announced intentions,
layered labels, and the notable events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from ..errors import InputError
from ..store import Store
from .asof import parse_day
from .consolidate import Fact, build_facts
from .events import event_facts
from .timeline import classify_changes, event_entry, framework_entry

# an event is notable when it is strongly cooperative or conflictual, or widely reported
NOTABLE_GOLDSTEIN = 5.0
NOTABLE_SOURCES = 2


def changes(store: Store, since: str | dt.date, until: str | dt.date | None = None, *,
            include_reference: bool = True, events: bool = True) -> dict[str, Any]:
    """Framework changes whose date falls in [since, until] (until: today) and notable asserted
    events of that period."""
    start = parse_day(since, name="--since")
    end = parse_day(until, name="--until") or dt.date.today()
    if start is None:
        raise InputError("--since is required", reason="bad-date")
    if end < start:
        raise InputError(f"--until {end} is before --since {start}", reason="bad-date")
    facts = build_facts(store, include_reference=include_reference)
    by_pair: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_pair[fact.pair].append(fact)
    frameworks = []
    for pair_facts in by_pair.values():
        kinds = classify_changes(pair_facts)
        for fact in pair_facts:
            if fact.status == "existing" or fact.start is None or not (start <= fact.start <= end):
                continue
            if kinds[fact.fact_id] == "reaffirmed":
                continue
            frameworks.append(framework_entry(fact, kinds[fact.fact_id]))
    frameworks.sort(key=lambda e: (e["date"] or "", e["a"], e["b"]))
    notable = []
    if events:
        for fact in event_facts(store, since=start.isoformat(), until=end.isoformat()):
            if fact.modality != "asserted":
                continue
            if abs(fact.goldstein or 0.0) >= NOTABLE_GOLDSTEIN or fact.sources >= NOTABLE_SOURCES:
                notable.append(event_entry(fact))
    return {"since": start.isoformat(), "until": end.isoformat(), "frameworks": frameworks, "events": notable}
