"""A pair's state on a date, computed from the pair's facts, and what each fact did to it.

Pure computation over :class:`.consolidate.Fact` lists (no store): :mod:`.materialize` stores the
states per pair and :mod:`.queries` answers "the framework in force between a pair on a date" and
"a country's partners" from what it stored.

Rules (DESIGN.md, issue 5): the state is the latest *established* level on or before the date
unless a later *ended* closes it; ``since`` is the day that level began (a relabelling within the
same tier keeps it, and is reported as ``label_since``). An *existing* observation without a date
says "in force no later than the publication date" (``in_force_by``): it can lift the state above
what the dated changes show, never lower it (a lower one is kept as a conflict). *Intended* never
changes the state: it is listed as pending until a matching upgrade happens. A layered label
("community with a shared future") adds to the state without ending the tier beneath it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import ladders
from ..errors import InputError
from .consolidate import Fact
from .names import actor_name


def parse_day(value: str | dt.date | None, *, name: str = "date") -> dt.date | None:
    """'YYYY-MM-DD' (or a date) -> date; a clear InputError for anything else."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{name} must be YYYY-MM-DD, not {value!r}", reason="bad-date") from None


def ladder_country(a: str, b: str, country: str | None = None) -> str:
    """Whose ladder ranks a pair's tiers: the asked country, else the one with its own ladder."""
    if country:
        return country
    for code in (a, b):
        if ladders.has_own_ladder(code):
            return code
    return a


@dataclass
class PairState:
    """What binds a pair on a date."""

    a: str
    b: str
    as_of: dt.date
    tier: str | None
    label: str | None
    status: str | None  # how the level is known: 'established' (a dated change) or 'existing'
    since: str | None
    since_precision: str
    label_since: str | None
    in_force_by: str | None
    layered: list[str] = field(default_factory=list)
    sources: int = 0
    articles: int = 0
    reference: bool = False
    news: bool = False
    pending: list[dict[str, Any]] = field(default_factory=list)
    ended: dict[str, Any] | None = None
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    conflicts_with_reference: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    # full lengths of the lists above when a stored state keeps only their first items
    totals: dict[str, int] = field(default_factory=dict)

    def partner_record(self, country: str, *, evidence: bool | int = False) -> dict[str, Any]:
        """The state from ``country``'s side; ``evidence``: True for every kept evidence record,
        a number for at most that many (``evidence_total`` says how many there are)."""
        partner = self.b if country == self.a else self.a
        record: dict[str, Any] = {
            "partner": partner,
            "name": actor_name(partner),
            "tier": self.tier,
            "label": self.label,
            "labels": list(self.layered),
            "since": self.since,
            "since_precision": self.since_precision,
            "label_since": self.label_since,
            "in_force_by": self.in_force_by,
            "sources": self.sources,
            "articles": self.articles,
            "status": self.status,
            "reference": self.reference,
            "news": self.news,
            "pending": list(self.pending),
            "conflicts": list(self.conflicts),
            "conflicts_with_reference": list(self.conflicts_with_reference),
            "ended": self.ended,
            # the full lengths of lists a stored state keeps only the first items of
            "totals": dict(self.totals),
        }
        if evidence is not False:
            kept = self.evidence if evidence is True else self.evidence[:int(evidence)]
            record["evidence"] = list(kept)
            record["evidence_total"] = self.totals.get("evidence", len(self.evidence))
        return record

    def to_record(self) -> dict[str, Any]:
        record = self.partner_record(self.a, evidence=True)
        record.pop("partner")
        record.pop("name")
        return {"a": self.a, "b": self.b, "as_of": self.as_of.isoformat(), **record}


def _pending(fact: Fact) -> dict[str, Any]:
    return {"tier": fact.tier, "label": fact.label, "date": fact.date, "date_precision": fact.date_precision,
            "sources": fact.sources, "evidence": [e["sentence"] for e in fact.evidence if e["sentence"]][:3]}


def pair_state(facts: Iterable[Fact], as_of: dt.date, country: str | None = None, *,
               cap: int | None = None) -> PairState | None:
    """The state of one pair on ``as_of`` from that pair's facts; None when nothing is known.
    ``cap``: keep at most that many evidence records, conflicts and pending intentions."""
    facts = [f for f in facts if f.start is not None and f.start <= as_of]
    if not facts:
        return None
    a, b = facts[0].a, facts[0].b
    who = ladder_country(a, b, country)

    def rank(fact: Fact) -> int:
        return ladders.tier_rank(who, fact.tier, fact.label)

    base = [f for f in facts if not f.layered]
    changes = sorted((f for f in base if f.status in ("established", "ended")),
                     key=lambda f: (f.start, f.status == "established", f.weight))
    state = PairState(a=a, b=b, as_of=as_of, tier=None, label=None, status=None, since=None,
                      since_precision="none", label_since=None, in_force_by=None)
    support: list[Fact] = []
    cutoff: dt.date | None = None
    if changes:
        latest = changes[-1]
        cutoff = latest.start
        if latest.status == "ended":
            state.ended = {"date": latest.date, "label": latest.label, "sources": latest.sources}
        else:
            run = [latest]
            for fact in reversed(changes[:-1]):
                if fact.status != "established" or fact.tier != latest.tier:
                    break
                run.append(fact)
            first = run[-1]
            state.tier, state.label, state.status = latest.tier, latest.label, "established"
            state.since, state.since_precision = first.date, first.date_precision
            state.label_since = latest.date
            support = run

    existing = [f for f in base if f.status == "existing"]
    newer = [f for f in existing if cutoff is None or f.start > cutoff]
    if newer:
        best = min(newer, key=lambda f: (rank(f), -f.weight, f.start))
        if state.tier is None or rank(best) < ladders.tier_rank(who, state.tier, state.label):
            same = [f for f in newer if f.tier == best.tier]
            dated = sorted(f for f in (f.date for f in same) if f)
            state.tier, state.label, state.status = best.tier, best.label, "existing"
            state.since = dated[0] if dated else None
            state.since_precision = next((f.date_precision for f in same if f.date == state.since), "none")
            state.label_since = None
            state.in_force_by = min((f.in_force_by or f.start.isoformat()) for f in same)
            support = same
            state.ended = None
    lower_total = 0
    if state.tier is not None:
        current_rank = ladders.tier_rank(who, state.tier, state.label)
        # undated reports of the same level confirm it; lower ones disagree with it
        supported = {id(f) for f in support}  # identity: comparing facts field by field is slow
        support += [f for f in existing if f.tier == state.tier and id(f) not in supported]
        for fact in newer:
            if ladders.tier_rank(who, fact.tier, fact.label) > current_rank:
                lower_total += 1
                if cap is not None and len(state.conflicts) >= cap:
                    continue
                state.conflicts.append({"kind": "existing-lower-tier", "tier": fact.tier, "label": fact.label,
                                        "in_force_by": fact.in_force_by, "sources": fact.sources,
                                        "evidence": [e["sentence"] for e in fact.evidence if e["sentence"]][:3]})

    ended_on = state.ended["date"] if state.ended else None
    layered = sorted((f for f in facts if f.layered and f.status in ("established", "existing")
                      and (ended_on is None or (f.date or "") > ended_on)), key=lambda f: f.start)
    state.layered = list(dict.fromkeys(f.label for f in layered))
    if state.tier is None and layered:
        top = layered[-1]
        state.tier, state.label, state.status = top.tier, top.label, top.status
        state.since, state.since_precision, state.in_force_by = top.date, top.date_precision, top.in_force_by
    support += layered

    current_rank = ladders.tier_rank(who, state.tier, state.label) if state.tier else 99
    pending_total = 0
    last_established: dict[str, dt.date] = {}
    for fact in base:
        if fact.status == "established" and fact.start is not None:
            last_established[fact.tier] = max(fact.start, last_established.get(fact.tier, fact.start))
    for fact in sorted((f for f in facts if f.status == "intended"), key=lambda f: f.start):
        target = rank(fact)
        if target >= current_rank:
            continue  # already at (or above) the intended level
        realised = fact.tier in last_established and last_established[fact.tier] >= fact.start
        if not realised:
            pending_total += 1
            if cap is None or len(state.pending) < cap:
                state.pending.append(_pending(fact))

    if state.tier is None and not pending_total:
        return None
    stories = set().union(*(f.stories for f in support)) if support else set()
    state.sources = len(stories)
    state.articles = sum(f.articles for f in support)
    state.reference = "reference" in stories
    state.news = any(s != "reference" for s in stories)
    state.totals = {"evidence": sum(len(f.evidence) for f in support),
                    "conflicts": lower_total + sum(len(f.conflicts) for f in support),
                    "conflicts_with_reference": sum(len(f.conflicts_with_reference) for f in support),
                    "pending": pending_total}
    for fact in support:
        # up to ``cap`` items per list (the totals above count them all): a state supported by
        # thousands of reports is computed once per date it changes on (kb.materialize)
        if cap is None or len(state.conflicts) < cap:
            state.conflicts.extend({**c, "fact_id": fact.fact_id} for c in fact.conflicts[:cap])
        if cap is None or len(state.conflicts_with_reference) < cap:
            state.conflicts_with_reference.extend(fact.conflicts_with_reference[:cap])
        if cap is None or len(state.evidence) < evidence_cap(cap):
            state.evidence.extend(fact.evidence[:evidence_cap(cap)])
    return state


def evidence_cap(cap: int | None) -> int | None:
    """How many evidence records a state capped at ``cap`` list items keeps."""
    return cap


def states_by_pair(facts: Iterable[Fact], as_of: dt.date, country: str | None = None) -> dict[tuple[str, str], PairState]:
    by_pair: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_pair[fact.pair].append(fact)
    states = {}
    for pair, pair_facts in by_pair.items():
        state = pair_state(pair_facts, as_of, country)
        if state is not None:
            states[pair] = state
    return states


def reference_disagreement(news: PairState | None, reference: PairState | None) -> dict[str, Any] | None:
    """How the state from news alone differs from the state from the reference table alone."""
    if news is None or reference is None or news.tier is None or reference.tier is None:
        return None
    if news.tier == reference.tier:
        return None
    return {"problem": f"news says {news.tier}, the reference says {reference.tier}",
            "news": {"tier": news.tier, "label": news.label, "since": news.since, "in_force_by": news.in_force_by},
            "reference": {"tier": reference.tier, "label": reference.label, "since": reference.since}}


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
