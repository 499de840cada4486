"""Observations -> facts: one fact per real-world framework change.

Observations of the same change (same pair, same status, dates compatible within each one's
precision) from many articles become one :class:`Fact` with its independent source count
(syndicated copies count once, see :mod:`.syndication`), its earliest and latest report and every
evidence sentence. A fact is a pure function of the set of observations (nothing depends on the
order they arrived in), so rebuilding after new documents arrive gives the same answer as building
once. Disagreements are kept: the fact's tier, label and date are chosen by evidence weight (body
over headline, more independent sources over fewer, explicit date over publication date, the
reference table over news), and the minority readings stay on the fact as ``conflicts``.

Pure computation (no store): :mod:`.materialize` stores each pair's facts and
:func:`.queries.build_facts` reads them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import ladders
from ..model import DateValue
from .observations import Observation

CHANGE_STATUSES = ("established", "ended", "intended")
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
# two reports of one summit may differ by a day (time zones, the day a statement is dated)
DAY_TOLERANCE = dt.timedelta(days=1)
# an undated report of a change refers to the days before its publication
PUBLICATION_WINDOW = dt.timedelta(days=7)
REFERENCE_WEIGHT = 10.0
HEADLINE_WEIGHT = 0.5
UNDATED_WEIGHT = 0.75
TIER_ORDER = {"CSP": 0, "SP": 1, "CP": 2, "OTHER": 3}
CONFLICT_EVIDENCE = 5

Span = tuple[dt.date, dt.date]


def period_end(value: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(value.year, 12, 31)
    if precision == "month":
        return dt.date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    if precision == "week":
        return value + dt.timedelta(days=6)
    return value


def explicit_span(obs: Observation) -> Span | None:
    """The days an observation's own date allows, or None when it has no date."""
    return date_span(obs.date)


def date_span(date: DateValue) -> Span | None:
    """The days a date allows (a day one either side, for time zones), or None when unknown:
    two changes of one pair whose spans overlap are taken for one change."""
    if date.value is None or date.precision not in PRECISION_ORDER:
        return None
    if date.precision == "day":
        end = date.end or date.value
        return (date.value - DAY_TOLERANCE, end + DAY_TOLERANCE)
    return (date.value, max(period_end(date.value, date.precision), date.end or date.value))


def observation_span(obs: Observation) -> Span | None:
    span = explicit_span(obs)
    if span is None and obs.published is not None:
        return (obs.published - PUBLICATION_WINDOW, obs.published)
    return span


def observation_weight(obs: Observation) -> float:
    if obs.is_reference:
        return REFERENCE_WEIGHT
    weight = HEADLINE_WEIGHT if obs.in_title else 1.0
    if obs.status in CHANGE_STATUSES and explicit_span(obs) is None:
        weight *= UNDATED_WEIGHT
    return weight


@dataclass
class Fact:
    """One real-world framework change (or state, for ``existing``) with its evidence."""

    fact_id: str
    a: str
    b: str
    status: str
    tier: str
    label: str
    layered: bool
    date: str | None
    date_precision: str
    date_from_publication: bool
    start: dt.date | None  # the first day the fact can be in force (for as-of questions)
    in_force_by: str | None
    first_reported: str | None
    last_reported: str | None
    sources: int
    articles: int
    reference: bool
    weight: float
    labels: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    conflicts_with_reference: list[dict[str, Any]] = field(default_factory=list)
    stories: frozenset[str] = frozenset()

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)

    def other(self, code: str) -> str:
        return self.b if code == self.a else self.a

    def to_record(self, *, evidence: bool = True) -> dict[str, Any]:
        record: dict[str, Any] = {
            "fact_id": self.fact_id,
            "a": self.a,
            "b": self.b,
            "status": self.status,
            "tier": self.tier,
            "label": self.label,
            "layered": self.layered,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_from_publication": self.date_from_publication,
            "in_force_by": self.in_force_by,
            "first_reported": self.first_reported,
            "last_reported": self.last_reported,
            "sources": self.sources,
            "articles": self.articles,
            "reference": self.reference,
            "weight": round(self.weight, 3),
            "labels": list(self.labels),
            "conflicts": list(self.conflicts),
            "conflicts_with_reference": list(self.conflicts_with_reference),
        }
        if evidence:
            record["evidence"] = list(self.evidence)
        return record


def _story(obs: Observation, stories: dict[str, str]) -> str:
    if obs.is_reference:
        return "reference"
    if obs.doc_id is None:
        return f"obs:{obs.a}:{obs.b}:{obs.label}:{obs.evidence}"
    return stories.get(obs.doc_id, obs.doc_id)


def _sort_key(obs: Observation) -> tuple[Any, ...]:
    span = explicit_span(obs)
    if span is not None:
        rank = PRECISION_ORDER[obs.date.precision]
    else:
        rank = 4 if obs.published is not None else 5
    return (
        rank,
        obs.date.value or obs.published or dt.date.min,
        TIER_ORDER.get(obs.tier, 9),
        obs.label,
        obs.doc_id or "",
        obs.evidence,
        obs.in_title,
        obs.source,
    )


def _overlaps(x: Span, y: Span) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


@dataclass
class _Cluster:
    anchor: Span | None
    members: list[Observation] = field(default_factory=list)


def _cluster_changes(observations: list[Observation]) -> list[_Cluster]:
    """Group observations of one (pair, status) into changes by date compatibility. The most
    precise observations anchor clusters; vaguer ones join a compatible cluster (preferring one
    with the same tier) or start their own."""
    clusters: list[_Cluster] = []
    undated = _Cluster(anchor=None)
    for obs in sorted(observations, key=_sort_key):
        span = observation_span(obs)
        if span is None:
            undated.members.append(obs)
            continue
        compatible = [c for c in clusters if c.anchor is not None and _overlaps(c.anchor, span)]
        if not compatible:
            clusters.append(_Cluster(anchor=span, members=[obs]))
            continue
        same_tier = [c for c in compatible if any(m.tier == obs.tier for m in c.members)]
        target = min(same_tier or compatible, key=lambda c: c.anchor[0] if c.anchor else dt.date.min)
        target.members.append(obs)
    if undated.members:
        clusters.append(undated)
    return clusters


def _vote(members: list[Observation], stories: dict[str, str], key: Any) -> dict[Any, float]:
    """Weight of each value of ``key``: per independent story the best observation counts once."""
    best: dict[tuple[Any, str], float] = {}
    for obs in members:
        value = key(obs)
        if value is None:
            continue
        story = _story(obs, stories)
        best[(value, story)] = max(best.get((value, story), 0.0), observation_weight(obs))
    totals: dict[Any, float] = defaultdict(float)
    for (value, _story_id), weight in best.items():
        totals[value] += weight
    return dict(totals)


def _evidence(obs: Observation, stories: dict[str, str]) -> dict[str, Any]:
    return {
        "doc_id": obs.doc_id,
        "url": obs.url,
        "published": obs.published.isoformat() if obs.published else None,
        "sentence": obs.evidence,
        "label": obs.label,
        "tier": obs.tier,
        "date": obs.date.iso(),
        "in_title": obs.in_title,
        "source": obs.source,
        "story": _story(obs, stories),
    }


def _evidence_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return (record["source"] != "reference", record["published"] or "", record["doc_id"] or "",
            record["in_title"], record["sentence"], record["label"])


def _fact_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _build_fact(a: str, b: str, status: str, layered: bool, members: list[Observation],
                stories: dict[str, str]) -> Fact:
    tier_weights = _vote(members, stories, lambda o: o.tier)
    tier = max(tier_weights, key=lambda k: (tier_weights[k], -TIER_ORDER.get(k, 9)))
    winners = [o for o in members if o.tier == tier]
    label_weights = _vote(winners, stories, lambda o: ladders.normalize_label(o.label) or o.label)
    label = max(label_weights, key=lambda k: (label_weights[k], len(k), k))

    dated = [o for o in members if explicit_span(o) is not None]
    date_from_publication = False
    if dated:
        finest = min(PRECISION_ORDER[o.date.precision] for o in dated)
        finest_obs = [o for o in dated if PRECISION_ORDER[o.date.precision] == finest]
        date_weights = _vote(finest_obs, stories, lambda o: o.date.iso())
        date = max(date_weights, key=lambda k: (date_weights[k], [-ord(ch) for ch in k]))
        precision = finest_obs[0].date.precision
        start = next(o.date.value for o in finest_obs if o.date.iso() == date)
        date_conflicts = [
            {"kind": "date", "date": d, "weight": round(w, 3)} for d, w in sorted(date_weights.items()) if d != date
        ]
    else:
        published = sorted(o.published for o in members if o.published is not None)
        start = published[0] if published else None
        date = start.isoformat() if start and status != "existing" else None
        precision = "day" if date else "none"
        date_from_publication = date is not None
        date_conflicts = []

    news_published = sorted(o.published for o in members if o.published is not None and not o.is_reference)
    win_stories = frozenset(_story(o, stories) for o in winners)
    in_force_by = None
    if status == "existing" and news_published:
        in_force_by = news_published[0].isoformat()
    conflicts: list[dict[str, Any]] = []
    for other_tier, weight in sorted(tier_weights.items()):
        if other_tier == tier:
            continue
        minority = [o for o in members if o.tier == other_tier]
        conflicts.append({
            "kind": "tier",
            "tier": other_tier,
            "labels": sorted({o.label for o in minority}),
            "weight": round(weight, 3),
            "sources": len({_story(o, stories) for o in minority}),
            "headline_only": all(o.in_title for o in minority),
            # a few sentences: the fact's own evidence list has them all
            "evidence": sorted({o.evidence for o in minority if o.evidence})[:CONFLICT_EVIDENCE],
        })
    conflicts.extend(date_conflicts)

    with_reference = _reference_conflicts(members, tier, date, precision)
    evidence = sorted((_evidence(o, stories) for o in members), key=_evidence_key)
    return Fact(
        fact_id=_fact_id(a, b, status, layered, tier, date, label if status == "existing" else ""),
        a=a,
        b=b,
        status=status,
        tier=tier,
        label=label,
        layered=layered,
        date=date,
        date_precision=precision,
        date_from_publication=date_from_publication,
        start=start,
        in_force_by=in_force_by,
        first_reported=news_published[0].isoformat() if news_published else None,
        last_reported=news_published[-1].isoformat() if news_published else None,
        sources=len(win_stories),
        articles=len({o.doc_id for o in winners if o.doc_id}) + (1 if any(o.is_reference for o in winners) else 0),
        reference=any(o.is_reference for o in members),
        weight=tier_weights[tier],
        labels=sorted({o.label for o in winners}),
        evidence=evidence,
        conflicts=conflicts,
        conflicts_with_reference=with_reference,
        stories=win_stories,
    )


def _reference_conflicts(members: list[Observation], tier: str, date: str | None,
                         precision: str) -> list[dict[str, Any]]:
    reference = [o for o in members if o.is_reference]
    news = [o for o in members if not o.is_reference]
    if not reference or not news:
        return []
    ref = reference[0]
    out: list[dict[str, Any]] = []
    for obs in sorted(news, key=_sort_key):
        problems = []
        if obs.tier != ref.tier:
            problems.append(f"tier {obs.tier} where the reference has {ref.tier}")
        if obs.date.value is not None and obs.date.precision == "day" and ref.date.precision == "day" \
                and obs.date.value != ref.date.value:
            problems.append(f"date {obs.date.iso()} where the reference has {ref.date.iso()}")
        if problems:
            out.append({"doc_id": obs.doc_id, "url": obs.url, "sentence": obs.evidence, "label": obs.label,
                        "news": {"tier": obs.tier, "date": obs.date.iso()},
                        "reference": {"tier": ref.tier, "date": ref.date.iso(), "url": ref.url},
                        "problem": "; ".join(problems)})
    return out


def consolidate(observations: Iterable[Observation], stories: dict[str, str] | None = None) -> list[Fact]:
    """Facts from observations. ``stories`` maps doc_id -> story id (near-duplicates share one);
    without it every document is its own story."""
    stories = stories or {}
    groups: dict[tuple[str, str, str, bool], list[Observation]] = defaultdict(list)
    for obs in observations:
        if obs.status not in (*CHANGE_STATUSES, "existing"):
            continue
        layered = ladders.is_layered(obs.label)
        groups[(obs.a, obs.b, obs.status, layered)].append(obs)
    facts: list[Fact] = []
    for (a, b, status, layered), members in groups.items():
        if status == "existing":
            # an undated "X and Y are comprehensive strategic partners" is a state seen at the
            # publication date, not a change: one fact per tier; dated ones cluster like changes
            undated = [o for o in members if explicit_span(o) is None]
            by_tier: dict[str, list[Observation]] = defaultdict(list)
            for obs in undated:
                by_tier[obs.tier].append(obs)
            for tier_members in by_tier.values():
                facts.append(_build_fact(a, b, status, layered, tier_members, stories))
            clusters = _cluster_changes([o for o in members if explicit_span(o) is not None])
        else:
            clusters = _cluster_changes(members)
        for cluster in clusters:
            facts.append(_build_fact(a, b, status, layered, cluster.members, stories))
    facts.sort(key=fact_sort_key)
    return facts


def fact_sort_key(fact: Fact) -> tuple[Any, ...]:
    return (fact.a, fact.b, fact.start or dt.date.min, fact.status, TIER_ORDER.get(fact.tier, 9), fact.label)
