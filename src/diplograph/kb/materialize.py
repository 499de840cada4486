"""Persisted facts and as-of states per pair, rebuilt incrementally.

Consolidating a country's observations on every question is fine for a few thousand documents and
far too slow at a million events (issue 7: `partners USA` consolidated ~9k observations per call).
So the knowledge base keeps, per pair of parties, what the questions read:

- ``pair_facts``: the pair's consolidated facts (:func:`.consolidate.consolidate`) for the scopes
  ``all`` (news and the reference table) and ``news`` (news only), each with its change kind (a pair
  with no reference rows stores them once, as ``both``);
- ``pair_states``: the pair's as-of state (:func:`.asof.pair_state`) as date segments. The state can
  only change on a fact's start date, so it is computed once per start date and stored as
  [valid_from, valid_to); "partners of X on D" then reads one segment per pair.

Staleness: the store bumps ``pair_status.changed`` in the same transaction that writes or removes
a pair's observations (:meth:`Store._mark_pairs_changed`); ``built`` records the ``changed`` value
the stored rows were computed from. Readers rebuild the stale pairs they need first (ingest rebuilds
every stale pair when it finishes), so answers always reflect every committed observation. A pair is
rebuilt from its own observations only, so the result does not depend on arrival order. When the
rebuilt rows cannot be written (a read-only database, a writer holding SQLite's lock) the answer is
computed in memory for this process and the rows are written by the next reader or ingest.

Layers: this module stores what the computation below it produces (:mod:`.consolidate`,
:mod:`.asof`); the questions above it (:mod:`.queries`, :mod:`.timeline`, :mod:`.changes`,
:mod:`.countries`) read what it stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, insert, literal, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from .. import ladders
from ..errors import NotFoundError
from ..store import Store
from ..store import schema as t
from .asof import PairState, classify_changes, ladder_country, pair_state, reference_disagreement
from .consolidate import Fact, consolidate, fact_sort_key
from .observations import load_observations

logger = logging.getLogger(__name__)

SCOPES = ("all", "news")
OPEN_END = "9999-12-31"
UNDATED = "undated"
# the lists a stored state keeps (their full lengths are in ``totals``): a state supported by
# thousands of reports must not make every partners answer megabytes long
STATE_LIST_CAP = 10
STATE_EVIDENCE_CAP = STATE_LIST_CAP  # asof.evidence_cap
FACT_EVIDENCE_PREVIEW = 5


def scope_of(include_reference: bool) -> tuple[str, str]:
    """The stored scopes that answer with or without the reference table: a pair whose
    observations are all news stores its rows once, as 'both'."""
    return ("all", "both") if include_reference else ("news", "both")


# ------------------------------------------------------------------ (de)serialisation


def fact_to_json(fact: Fact) -> str:
    record = {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact) if f.name != "evidence"}
    record["start"] = fact.start.isoformat() if fact.start else None
    record["stories"] = sorted(fact.stories)
    record["evidence_total"] = len(fact.evidence)
    record["evidence_preview"] = fact.evidence[:FACT_EVIDENCE_PREVIEW]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def fact_from_json(record_json: str, evidence_json: str | None = None) -> Fact:
    record = json.loads(record_json)
    preview = record.pop("evidence_preview", [])
    record.pop("evidence_total", None)
    record["start"] = dt.date.fromisoformat(record["start"]) if record["start"] else None
    record["stories"] = frozenset(record["stories"])
    record["evidence"] = json.loads(evidence_json) if evidence_json is not None else preview
    return Fact(**record)


def state_to_record(state: PairState) -> dict[str, Any]:
    """A state for storage: as_of dropped (the segment gives it), long lists capped (``totals``
    keeps their full lengths). Shallow: the capped lists' items are shared, not copied."""
    record = {f.name: getattr(state, f.name) for f in dataclasses.fields(state) if f.name != "as_of"}
    totals = dict(state.totals)
    for key, cap in (("evidence", STATE_EVIDENCE_CAP), ("conflicts", STATE_LIST_CAP),
                     ("conflicts_with_reference", STATE_LIST_CAP), ("pending", STATE_LIST_CAP)):
        totals.setdefault(key, len(record[key]))
        record[key] = list(record[key][:cap])
    record["totals"] = totals
    record["layered"] = list(record["layered"])
    return record


def state_from_record(record: dict[str, Any], as_of: dt.date) -> PairState:
    return PairState(as_of=as_of, **record)


# ------------------------------------------------------------------ building one pair


@dataclass
class PairBuild:
    """Everything stored for one pair, as rows ready to insert."""

    a: str
    b: str
    version: int
    fact_rows: list[dict[str, Any]] = field(default_factory=list)
    state_rows: list[dict[str, Any]] = field(default_factory=list)


def _perspectives(a: str, b: str) -> list[str]:
    """Whose ladders rank the pair's tiers: each party's when either has its own ladder (the two
    may rank a label differently), else the default ladder ('')."""
    if ladders.has_own_ladder(a) or ladders.has_own_ladder(b):
        return [a, b]
    return [""]


def state_segments(facts: list[Fact], country: str | None, *, news: list[Fact] | None = None,
                   reference: list[Fact] | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(valid_from, valid_to, state record) for every stretch of days with a state. With ``news``
    and ``reference`` (the scope 'all' of a pair with both), each state also says where the two
    disagree (:func:`.asof.reference_disagreement`)."""
    points = sorted({f.start for f in [*facts, *(news or []), *(reference or [])] if f.start is not None})
    segments: list[tuple[str, str, dict[str, Any]]] = []
    previous: dict[str, Any] | None = None
    for i, point in enumerate(points):
        state = pair_state(facts, point, country, cap=STATE_LIST_CAP)
        if state is not None and news is not None and reference is not None:
            disagreement = reference_disagreement(pair_state(news, point, country, cap=STATE_LIST_CAP),
                                                  pair_state(reference, point, country, cap=STATE_LIST_CAP))
            if disagreement:
                state.conflicts_with_reference.insert(0, disagreement)
        record = state_to_record(state) if state is not None else None
        valid_to = points[i + 1].isoformat() if i + 1 < len(points) else OPEN_END
        if record is not None and record == previous:
            segments[-1] = (segments[-1][0], valid_to, record)
        elif record is not None:
            segments.append((point.isoformat(), valid_to, record))
        previous = record
    return segments


def fact_day(fact: Fact) -> str:
    return (fact.date or fact.in_force_by or UNDATED)[:10]


def build_pair(a: str, b: str, version: int, observations: list[Any], stories: dict[str, str]) -> PairBuild:
    """The facts and state segments of one pair from all of its observations."""
    build = PairBuild(a=a, b=b, version=version)
    news_obs = [o for o in observations if not o.is_reference]
    reference_obs = [o for o in observations if o.is_reference]
    every = consolidate(observations, stories)
    mixed = bool(news_obs) and bool(reference_obs)
    news = consolidate(news_obs, stories) if mixed else (every if not reference_obs else [])
    reference = consolidate(reference_obs, stories) if mixed else []
    if not reference_obs:
        scoped = [("both", every)]  # news only: the two scopes agree, store them once
    elif not news_obs:
        scoped = [("all", every)]  # the reference table only: nothing from news
    else:
        scoped = [("all", every), ("news", news)]
    for scope, facts in scoped:
        kinds = classify_changes(facts)
        build.fact_rows += [{"a": a, "b": b, "scope": scope, "day": fact_day(f), "fact_id": f.fact_id,
                             "change": kinds[f.fact_id], "record": fact_to_json(f),
                             "evidence": json.dumps(f.evidence, ensure_ascii=False, separators=(",", ":"))}
                            for f in facts]
        for country in _perspectives(a, b):
            segments = state_segments(facts, country or None, news=news if mixed and scope == "all" else None,
                                      reference=reference if mixed and scope == "all" else None)
            build.state_rows += [{"a": a, "b": b, "scope": scope, "country": country, "valid_from": start,
                                  "valid_to": end, "record": json.dumps(record, ensure_ascii=False,
                                                                         separators=(",", ":"))}
                                 for start, end, record in segments]
    return build


# ------------------------------------------------------------------ staleness and rebuilding

# rebuilt pairs that could not be written, kept for this process: (db, a, b) -> build
_unsaved: dict[tuple[str, str, str], PairBuild] = {}
_unsaved_lock = threading.Lock()


def _pair_filter(table: Any, code: str | None, pair: tuple[str, str] | None) -> ColumnElement[bool] | None:
    if pair is not None:
        return and_(table.c.a == pair[0], table.c.b == pair[1])
    if code is not None:
        return or_(table.c.a == code, table.c.b == code)
    return None


def stale_pairs(store: Store, *, code: str | None = None, pair: tuple[str, str] | None = None) -> list[tuple[str, str, int]]:
    """(a, b, changed) of the pairs whose stored facts are older than their observations."""
    ps = t.pair_status
    query = select(ps.c.a, ps.c.b, ps.c.changed).where(ps.c.built < ps.c.changed)
    condition = _pair_filter(ps, code, pair)
    if condition is not None:
        query = query.where(condition)
    with store.engine.connect() as c:
        return [(a, b, changed) for a, b, changed in c.execute(query.order_by(ps.c.a, ps.c.b))]


def rebuild_pair(store: Store, a: str, b: str, version: int) -> PairBuild:
    """Compute one pair's rows from its observations (as of ``version``) and store them; when
    they cannot be stored, keep them for this process's readers."""
    from .syndication import story_groups

    observations = load_observations(store, pair=(a, b))
    doc_ids = {o.doc_id for o in observations if o.doc_id and not o.is_reference}
    build = build_pair(a, b, version, observations, story_groups(store, doc_ids) if len(doc_ids) > 1 else {})
    try:
        _save(store, build)
        with _unsaved_lock:
            _unsaved.pop((store.db, a, b), None)
    except SQLAlchemyError as exc:
        logger.warning("could not store the rebuilt facts of %s-%s (answering from memory): %s", a, b, exc)
        with _unsaved_lock:
            _unsaved[(store.db, a, b)] = build
    return build


def _save(store: Store, build: PairBuild) -> None:
    ps = t.pair_status
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.engine.begin() as c:
        # the guard takes the row's lock: of two concurrent rebuilds of a pair only one writes, and
        # rows built from an older version never replace newer ones
        claimed = c.execute(update(ps).where(ps.c.a == build.a, ps.c.b == build.b, ps.c.built < build.version)
                            .values(built=build.version, built_at=now)).rowcount
        if not claimed:
            return
        for table in (t.pair_facts, t.pair_states):
            c.execute(delete(table).where(table.c.a == build.a, table.c.b == build.b))
        if build.fact_rows:
            c.execute(insert(t.pair_facts), build.fact_rows)
        if build.state_rows:
            c.execute(insert(t.pair_states), build.state_rows)


def ensure_fresh(store: Store, *, code: str | None = None, pair: tuple[str, str] | None = None) -> dict[tuple[str, str], PairBuild]:
    """Rebuild the stale pairs of ``code`` / ``pair`` (all pairs when neither is given). Returns the
    builds that could not be stored: readers use them instead of the stored rows."""
    for a, b, version in stale_pairs(store, code=code, pair=pair):
        with _unsaved_lock:
            cached = _unsaved.get((store.db, a, b))
        if cached is None or cached.version < version:
            rebuild_pair(store, a, b, version)
        else:
            try:  # the database may take them now
                _save(store, cached)
                with _unsaved_lock:
                    _unsaved.pop((store.db, a, b), None)
            except SQLAlchemyError:
                pass
    with _unsaved_lock:
        return {(a, b): build for (db, a, b), build in _unsaved.items()
                if db == store.db and (pair is None or (a, b) == pair) and (code is None or code in (a, b))}


def refresh_stale(store: Store) -> int:
    """Rebuild every stale pair (ingest calls this when it finishes). Returns how many."""
    stale = stale_pairs(store)
    for a, b, version in stale:
        rebuild_pair(store, a, b, version)
    if stale:
        logger.info("rebuilt the facts of %d pairs", len(stale))
    return len(stale)


# ------------------------------------------------------------------ reads


def _in_memory_states(unsaved: dict[tuple[str, str], PairBuild], scope: tuple[str, ...], day: str,
                      countries: Iterable[str]) -> list[dict[str, Any]]:
    wanted = set(countries)
    return [row for build in unsaved.values() for row in build.state_rows
            if row["scope"] in scope and row["country"] in wanted and row["valid_from"] <= day < row["valid_to"]]


def load_states(store: Store, code: str, as_of: dt.date, *, include_reference: bool = True) -> list[PairState]:
    """The state of every pair of ``code`` on ``as_of``, ranked by ``code``'s ladder."""
    unsaved = ensure_fresh(store, code=code)
    scope, day = scope_of(include_reference), as_of.isoformat()
    st = t.pair_states
    rows: list[dict[str, Any]] = []
    with store.engine.connect() as c:
        # one indexed range per side of the pair (an OR of the two would scan on SQLite)
        for side in (st.c.a, st.c.b):
            query = select(st.c.a, st.c.b, st.c.country, st.c.record).where(
                side == code, st.c.scope.in_(scope), st.c.valid_from <= day, st.c.valid_to > day,
                st.c.country.in_((code, "")))
            rows += [dict(r) for r in c.execute(query).mappings()]
    rows = [r for r in rows if (r["a"], r["b"]) not in unsaved]
    rows += _in_memory_states(unsaved, scope, day, (code, ""))
    return [state_from_record(json.loads(r["record"]), as_of) for r in rows]


def load_state(store: Store, a: str, b: str, as_of: dt.date, *, include_reference: bool = True) -> PairState | None:
    """The state of the pair (a, b), a < b, on ``as_of``, ranked as :func:`.asof.ladder_country` says."""
    unsaved = ensure_fresh(store, pair=(a, b))
    scope, day = scope_of(include_reference), as_of.isoformat()
    countries = (ladder_country(a, b), "")
    if (a, b) in unsaved:
        rows = _in_memory_states(unsaved, scope, day, countries)
    else:
        st = t.pair_states
        query = select(st.c.record).where(st.c.a == a, st.c.b == b, st.c.scope.in_(scope), st.c.valid_from <= day,
                                          st.c.valid_to > day, st.c.country.in_(countries))
        with store.engine.connect() as c:
            rows = [dict(r) for r in c.execute(query).mappings()]
    return state_from_record(json.loads(rows[0]["record"]), as_of) if rows else None


def load_facts(store: Store, *, code: str | None = None, pair: tuple[str, str] | None = None,
               include_reference: bool = True, evidence: bool = True) -> list[Fact]:
    """Stored facts of every pair, of ``code``'s pairs or of one ``pair`` (a < b)."""
    unsaved = ensure_fresh(store, code=code, pair=pair)
    scope = scope_of(include_reference)
    pf = t.pair_facts
    columns = [pf.c.a, pf.c.b, pf.c.record] + ([pf.c.evidence] if evidence else [])
    query = select(*columns).where(pf.c.scope.in_(scope))
    condition = _pair_filter(pf, code, pair)
    if condition is not None:
        query = query.where(condition)
    facts = []
    with store.engine.connect() as c:
        for row in c.execute(query.order_by(pf.c.id)).mappings():
            if (row["a"], row["b"]) not in unsaved:
                facts.append(fact_from_json(row["record"], row["evidence"] if evidence else None))
    for build in unsaved.values():
        facts += [fact_from_json(r["record"], r["evidence"] if evidence else None)
                  for r in build.fact_rows if r["scope"] in scope]
    facts.sort(key=fact_sort_key)
    return facts


def periods_of(day: str) -> tuple[str, ...]:
    """The partial dates whose period contains ``day`` ('2023-11-15' -> '2023', '2023-11'): they
    sort before the day but belong to a window that starts on it."""
    return tuple(p for p in (day[:4], day[:7]) if len(p) < len(day))


def day_window(day: ColumnElement[Any], *, after: str | None, since: str | None, until: str | None,
               through: str | None) -> list[ColumnElement[bool]]:
    """SQL conditions on a ``day`` column (a timeline's order): after the day ``after`` (the
    previous page's end), within [since, until] (partial dates whose period overlaps count,
    undated rows always), up to the day ``through``."""
    conditions: list[ColumnElement[bool]] = []
    if after is not None:
        conditions.append(day > after)
    if since is not None:
        conditions.append(or_(day >= since, day.in_(periods_of(since))))
    if until is not None:
        conditions.append(or_(day <= until, day == UNDATED))
    if through is not None:
        conditions.append(day <= through)
    return conditions


def fact_rows_page(store: Store, a: str, b: str, *, include_reference: bool, after: str | None,
                   since: str | None, until: str | None, limit: int | None,
                   through: str | None = None) -> list[dict[str, Any]]:
    """A pair's stored fact rows (day, change, record) in day order: after the day ``after``, within
    [since, until], up to ``limit`` rows or every row up to the day ``through``."""
    unsaved = ensure_fresh(store, pair=(a, b))
    scope = scope_of(include_reference)

    def keep(day: str) -> bool:
        return ((after is None or day > after) and (since is None or day >= since or day in periods_of(since))
                and (until is None or day <= until or day == UNDATED) and (through is None or day <= through))

    if (a, b) in unsaved:
        rows = sorted((r for r in unsaved[(a, b)].fact_rows if r["scope"] in scope and keep(r["day"])),
                      key=lambda r: r["day"])
        return rows[:limit] if limit is not None else rows
    pf = t.pair_facts
    conditions = [pf.c.a == a, pf.c.b == b, pf.c.scope.in_(scope),
                  *day_window(pf.c.day, after=after, since=since, until=until, through=through)]
    query = select(pf.c.day, pf.c.change, pf.c.record).where(*conditions).order_by(pf.c.day, pf.c.id)
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(query).mappings()]


def fact_page(store: Store, *, code: str | None = None, pair: tuple[str, str] | None = None,
              include_reference: bool = True, after: int | None = None,
              limit: int = 50) -> tuple[list[tuple[Fact, int]], int | None]:
    """One page of stored facts in storage order, after the row id ``after``: each fact with its
    first :data:`FACT_EVIDENCE_PREVIEW` evidence records and the number it has in all (the rest:
    :func:`fact_evidence`). Returns them and the id to continue after (None on the last page).
    Facts that could not be stored (see :func:`ensure_fresh`) come at the end of the last page."""
    unsaved = ensure_fresh(store, code=code, pair=pair)
    pf = t.pair_facts
    # the scope compared as an expression, not the column: SQLite would otherwise walk the index
    # pair_facts(scope, day), which nearly every row matches, and sort them all by id (100 ms at 1M
    # events); so it reads by id, or the pair indexes for a party (2 ms). PostgreSQL plans either well.
    scope_value = pf.c.scope + literal("")
    query = select(pf.c.id, pf.c.a, pf.c.b, pf.c.record).where(scope_value.in_(scope_of(include_reference)))
    condition = _pair_filter(pf, code, pair)
    if condition is not None:
        query = query.where(condition)
    if after is not None:
        query = query.where(pf.c.id > after)
    with store.engine.connect() as c:
        rows = [r for r in c.execute(query.order_by(pf.c.id).limit(limit + 1)).mappings()
                if (r["a"], r["b"]) not in unsaved]
    facts = [_previewed(r["record"]) for r in rows[:limit]]
    if len(rows) > limit:
        return facts, int(rows[limit - 1]["id"])
    scope = scope_of(include_reference)
    for build in unsaved.values():
        facts += [_previewed(r["record"]) for r in build.fact_rows if r["scope"] in scope]
    return facts, None


def _previewed(record_json: str) -> tuple[Fact, int]:
    total = json.loads(record_json).get("evidence_total")
    fact = fact_from_json(record_json)
    return fact, int(total) if total is not None else len(fact.evidence)


def fact_evidence(store: Store, fact_id: str, *, include_reference: bool = True, offset: int = 0,
                  limit: int = 50) -> tuple[Fact, list[dict[str, Any]], int, int | None]:
    """A stored fact's evidence records from ``offset`` on, ``limit`` of them: (the fact, the
    records, how many it has, the offset of the next page or None). NotFoundError for a fact id
    that is not stored (it may have changed since: facts are rebuilt when their pair's
    observations change)."""
    ensure_fresh(store)
    pf = t.pair_facts
    query = select(pf.c.a, pf.c.b, pf.c.record, pf.c.evidence).where(
        pf.c.fact_id == fact_id, pf.c.scope.in_(scope_of(include_reference))).limit(1)
    with store.engine.connect() as c:
        row = c.execute(query).mappings().first()
    if row is None:
        with _unsaved_lock:
            found = [r for (db, _a, _b), build in _unsaved.items() if db == store.db for r in build.fact_rows
                     if r["fact_id"] == fact_id and r["scope"] in scope_of(include_reference)]
        if not found:
            raise NotFoundError(f"no fact {fact_id} (its pair's facts may have been rebuilt since: "
                                "ask /api/facts again)")
        row = found[0]
    fact = fact_from_json(row["record"])
    evidence = json.loads(row["evidence"])
    page = evidence[offset:offset + limit]
    following = offset + limit if offset + limit < len(evidence) else None
    return fact, page, len(evidence), following


def fact_rows_between(store: Store, since: str, until: str, *, include_reference: bool = True) -> list[dict[str, Any]]:
    """Stored fact rows (a, b, day, change, record) of every pair whose day may fall in [since,
    until] (a partial date is kept when its period can overlap: the caller checks the start)."""
    unsaved = ensure_fresh(store)
    scope = scope_of(include_reference)
    pf = t.pair_facts
    query = select(pf.c.a, pf.c.b, pf.c.day, pf.c.change, pf.c.record).where(
        pf.c.scope.in_(scope), pf.c.day >= since[:4], pf.c.day <= until, pf.c.day != UNDATED)
    with store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(query.order_by(pf.c.id)).mappings() if (r["a"], r["b"]) not in unsaved]
    for build in unsaved.values():
        rows += [r for r in build.fact_rows if r["scope"] in scope and since[:4] <= r["day"] <= until]
    return rows
