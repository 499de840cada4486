"""What the reference table covers (``diplograph reference coverage``) and one pair's history in
it (``diplograph reference show``), read from the file itself, without a database.

A pair's state on a date comes from the knowledge base's own rules (:mod:`.consolidate`,
:func:`.asof.states_by_pair`), so the counts here are the ones ``partners`` gives on a database
that holds only the reference table."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .. import ladders
from ..errors import ConfigError
from ..model import TIERS
from .asof import parse_day, states_by_pair
from .consolidate import Fact, consolidate
from .names import actor_name, resolve_actor
from .observations import Observation
from .reference import REFERENCE_SOURCE, ReferenceRow, read_table, row_observation


def reference_facts(rows: list[ReferenceRow]) -> list[Fact]:
    """The table's rows as the knowledge base's facts (a malformed row is a ConfigError)."""
    observations = []
    for i, row in enumerate(rows):
        try:
            obs = row_observation(row)
        except ValueError as exc:
            raise ConfigError(f"reference table line {row.line}: {exc}") from None
        observations.append(Observation(id=i, doc_id=None, a=obs.a, b=obs.b, label=obs.label, tier=obs.tier,
                                        status=obs.status, date=obs.date, evidence="", in_title=False,
                                        source=REFERENCE_SOURCE, url=obs.source_url, published=None,
                                        note=obs.note))
    return consolidate(observations)


def coverage(path: str | Path | None = None, as_of: str | dt.date | None = None) -> dict[str, Any]:
    """The table's version and size, and per party: its partners on ``as_of`` (default today) by
    tier, its rows, and the newest date among them. Parties with the most partners come first."""
    table = read_table(path)
    day = parse_day(as_of, name="--as-of") or dt.date.today()
    rows = table.rows
    states = states_by_pair(reference_facts(rows), day)
    tiers_of: dict[str, Counter[str]] = defaultdict(Counter)
    for (a, b), state in states.items():
        if state.tier is None:
            continue
        tiers_of[a][state.tier] += 1
        tiers_of[b][state.tier] += 1
    rows_of: Counter[str] = Counter()
    newest: dict[str, str] = {}
    for row in rows:
        for code in row.pair:
            rows_of[code] += 1
            newest[code] = max(newest.get(code, ""), row.date)
    parties = []
    for code in sorted(rows_of, key=lambda c: (-sum(tiers_of[c].values()), c)):
        by_tier = {tier: tiers_of[code][tier] for tier in TIERS}
        parties.append({"party": code, "name": actor_name(code), "partners": sum(by_tier.values()),
                        "by_tier": by_tier, "rows": rows_of[code], "newest": newest[code],
                        "own_ladder": ladders.has_own_ladder(code)})
    return {
        "path": table.path,
        "version": table.version,
        "as_of": day.isoformat(),
        "rows": len(rows),
        "pairs": len({r.pair for r in rows}),
        "parties": len(rows_of),
        "by_tier": dict(Counter(r.tier for r in rows)),
        "newest": max((r.date for r in rows), default=None),
        "party_rows": parties,
    }


def pair_history(a: str, b: str, path: str | Path | None = None) -> dict[str, Any]:
    """Every row of the table for one pair (codes or names, in either order), oldest first, each
    with whether its label is layered on the tier beneath it."""
    code_a, code_b = sorted((resolve_actor(a), resolve_actor(b)))
    table = read_table(path)
    rows = sorted((r for r in table.rows if r.pair == (code_a, code_b)), key=lambda r: (r.date, r.line))
    return {
        "a": code_a,
        "b": code_b,
        "names": {code_a: actor_name(code_a), code_b: actor_name(code_b)},
        "version": table.version,
        "rows": [{**r.to_dict(), "layered": ladders.is_layered(r.label)} for r in rows],
    }
