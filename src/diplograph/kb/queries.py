"""Questions answered from the stored facts and states (:mod:`.materialize`): the framework in
force between a pair on a date, a country's partners, and the facts of the store, of some
countries' pairs or of one pair.

The computation these answers come from lives below: :mod:`.consolidate` (facts from
observations) and :mod:`.asof` (a pair's state from its facts); :mod:`.materialize` stores both per
pair and rebuilds the pairs whose observations changed before it answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .. import ladders
from ..errors import InputError
from ..store import Store
from .asof import PairState, parse_day
from .consolidate import Fact
from .materialize import load_facts, load_state, load_states
from .names import resolve_actor


def state_of_pair(store: Store, a: str, b: str, as_of: str | dt.date | None = None, *,
                  include_reference: bool = True) -> PairState | None:
    """The framework in force between ``a`` and ``b`` on ``as_of`` (default: today), read from the
    pair's stored states (:mod:`.materialize`, rebuilt first when its observations changed)."""
    code_a, code_b = sorted((resolve_actor(a), resolve_actor(b)))
    day = parse_day(as_of, name="as_of") or dt.date.today()
    return load_state(store, code_a, code_b, day, include_reference=include_reference)


PARTNER_EVIDENCE = 3  # evidence records per partner in a partners answer (the pair's state has more)


def partners(
    store: Store,
    country: str,
    as_of: str | dt.date | None = None,
    *,
    tier: str | None = None,
    rung: int | None = None,
    include_reference: bool = True,
    evidence: bool | int = False,
) -> list[dict[str, Any]]:
    """``country``'s partners on ``as_of`` (default: today), ordered by ``country``'s ladder (best
    rung first, then the oldest), one record each: partner, tier, label, labels (layered), rung
    (the position on the country's ladder, 1 = top; None where the ladder does not rank the
    label), since, in_force_by, sources (+ name, status, pending, conflicts,
    conflicts_with_reference). ``country`` may be a code or a name; ``tier`` and ``rung`` keep
    only the partners at that tier or rung. ``evidence``: True for the first PARTNER_EVIDENCE
    evidence records of each (with ``evidence_total``), a number for that many."""
    code = resolve_actor(country)
    day = parse_day(as_of, name="as_of") or dt.date.today()
    wanted_tier = tier.upper() if tier else None
    if wanted_tier and wanted_tier not in ("CSP", "SP", "CP", "OTHER"):
        raise InputError(f"tier must be CSP, SP, CP or OTHER, not {tier!r}", reason="bad-tier")
    steps = len(ladders.ladder(code))
    if rung is not None and not 1 <= rung <= steps:
        raise InputError(f"rung must be between 1 and {steps} (the rungs of {code}'s ladder), not {rung}",
                         reason="bad-rung")
    cap: bool | int = PARTNER_EVIDENCE if evidence is True else evidence
    records = []
    for state in load_states(store, code, day, include_reference=include_reference):
        if state.tier is None or (wanted_tier and state.tier != wanted_tier):
            continue
        record = state.partner_record(code, evidence=cap)
        record["rung"] = ladders.rung(code, state.tier, state.label)
        if rung is None or record["rung"] == rung:
            records.append(record)
    records.sort(key=lambda r: (r["rung"] or steps + 1, r["since"] or r["in_force_by"] or "9999", r["partner"]))
    return records


def build_facts(
    store: Store,
    *,
    actors: Iterable[str] | None = None,
    pair: tuple[str, str] | None = None,
    include_reference: bool = True,
) -> list[Fact]:
    """Facts for the whole store, for the pairs involving ``actors``, or for one ``pair``: the
    pairs' stored facts (:mod:`.materialize`), rebuilt first where observations changed."""
    if pair is not None:
        return load_facts(store, pair=tuple(sorted(pair)), include_reference=include_reference)  # type: ignore[arg-type]
    codes = sorted(set(actors)) if actors is not None else None
    if codes is not None and len(codes) == 1:
        return load_facts(store, code=codes[0], include_reference=include_reference)
    facts = load_facts(store, include_reference=include_reference)
    if codes is not None:
        facts = [f for f in facts if f.a in codes or f.b in codes]
    return facts
