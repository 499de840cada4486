"""What changed in a period: new, upgraded, relabelled, ended frameworks, announced intentions,
layered labels, and the notable events."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..errors import InputError
from ..store import Store
from .asof import parse_day
from .events import event_facts
from .materialize import fact_from_json, fact_rows_between
from .timeline import event_entry, framework_entry

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
    frameworks = []
    for row in fact_rows_between(store, start.isoformat(), end.isoformat(), include_reference=include_reference):
        fact = fact_from_json(row["record"])
        if fact.status == "existing" or fact.start is None or not (start <= fact.start <= end):
            continue
        if row["change"] == "reaffirmed":
            continue
        entry = framework_entry(fact, row["change"])
        entry["evidence_total"] = json.loads(row["record"]).get("evidence_total", len(fact.evidence))
        frameworks.append(entry)
    frameworks.sort(key=lambda e: (e["date"] or "", e["a"], e["b"]))
    notable = []
    if events:
        for fact in event_facts(store, since=start.isoformat(), until=end.isoformat()):
            if fact.modality != "asserted":
                continue
            if abs(fact.goldstein or 0.0) >= NOTABLE_GOLDSTEIN or fact.sources >= NOTABLE_SOURCES:
                notable.append(event_entry(fact))
    return {"since": start.isoformat(), "until": end.isoformat(), "frameworks": frameworks, "events": notable}
