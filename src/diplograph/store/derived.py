"""Keeping the derived tables in step with the observations, inside the writing transaction.

- ``pair_status``: the pairs whose framework observations changed (their stored facts are rebuilt
  by diplograph.kb.materialize);
- ``event_months``: event reports per pair, month and QuadClass, counted up and down as events are
  written and removed, so a timeline's density is a read of one row per month, not a count over
  every event of the pair.

A transaction collects its changes in one :class:`DerivedChanges` and applies them once at its end,
in sorted order: two concurrent writers then take the rows' locks in the same order (PostgreSQL
would otherwise deadlock two batches that touch the same pairs in different orders).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, delete, select, text, update

from . import schema as t

UNDATED = "undated"  # event_pairs.day of an event with neither a date nor a dated document
MonthKey = tuple[str, str, str, int]  # (a, b, 'YYYY-MM', quad class; 0 unknown)


def month_key(row: dict[str, Any]) -> MonthKey | None:
    day = row["day"]
    if day == UNDATED:
        return None
    return (row["a"], row["b"], day[:7], row["quad_class"] if row["quad_class"] in (1, 2, 3, 4) else 0)


@dataclass
class DerivedChanges:
    """What one transaction changed in the derived tables, applied by :meth:`apply`."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    months: Counter[MonthKey] = field(default_factory=Counter)

    def events_added(self, pair_rows: Iterable[dict[str, Any]], sign: int = 1) -> None:
        for row in pair_rows:
            key = month_key(row)
            if key is not None:
                self.months[key] += sign

    def events_removed(self, c: Connection, event_ids: Select[Any]) -> None:
        """Count down the months of the event_pairs rows of ``event_ids`` (before they go)."""
        ep = t.event_pairs
        rows = c.execute(select(ep.c.a, ep.c.b, ep.c.day, ep.c.quad_class).where(ep.c.event_id.in_(event_ids)))
        self.events_added((dict(r._mapping) for r in rows), sign=-1)

    def apply(self, c: Connection) -> None:
        _apply_months(c, self.months)
        mark_pairs_changed(c, self.pairs)
        self.months.clear()
        self.pairs.clear()


def _upsert(c: Connection) -> Any:
    if c.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    return upsert


def _apply_months(c: Connection, months: Counter[MonthKey]) -> None:
    em = t.event_months
    deltas = sorted((key, n) for key, n in months.items() if n)
    if not deltas:
        return
    statement = _upsert(c)(em)
    statement = statement.on_conflict_do_update(
        index_elements=[em.c.a, em.c.b, em.c.month, em.c.quad_class],
        set_={"events": em.c.events + statement.excluded.events})
    c.execute(statement, [{"a": a, "b": b, "month": month, "quad_class": quad, "events": n}
                          for (a, b, month, quad), n in deltas])
    if any(n < 0 for _, n in deltas):
        c.execute(delete(em).where(em.c.events <= 0))


def mark_pairs_changed(c: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Bump ``pair_status.changed`` of ``pairs`` so that readers rebuild their facts."""
    ps = t.pair_status
    statement = _upsert(c)(ps)
    statement = statement.on_conflict_do_update(index_elements=[ps.c.a, ps.c.b],
                                                set_={"changed": ps.c.changed + 1})
    rows = [{"a": a, "b": b, "changed": 1, "built": 0} for a, b in sorted(set(pairs))]
    if rows:
        c.execute(statement, rows)


def redate_undated_events(c: Connection, changes: DerivedChanges, doc_id: str, published: str) -> None:
    """A document's publication date moved: its undated events now fall on the new date."""
    undated = select(t.events.c.id).where(t.events.c.doc_id == doc_id, t.events.c.date.is_(None))
    changes.events_removed(c, undated)
    c.execute(update(t.event_pairs).where(t.event_pairs.c.event_id.in_(undated)).values(day=published))
    ep = t.event_pairs
    rows = c.execute(select(ep.c.a, ep.c.b, ep.c.day, ep.c.quad_class).where(ep.c.event_id.in_(undated)))
    changes.events_added(dict(r._mapping) for r in rows)


REBUILD_EVENT_MONTHS = (
    "INSERT INTO event_months (a, b, month, quad_class, events) "
    "SELECT a, b, substr(day, 1, 7), CASE WHEN quad_class IN (1, 2, 3, 4) THEN quad_class ELSE 0 END, count(*) "
    "FROM event_pairs WHERE day <> 'undated' "
    "GROUP BY a, b, substr(day, 1, 7), CASE WHEN quad_class IN (1, 2, 3, 4) THEN quad_class ELSE 0 END"
)


def rebuild_event_months(c: Connection) -> None:
    """Recount event_months from event_pairs (bulk loads; the migration that added it)."""
    c.execute(delete(t.event_months))
    c.execute(text(REBUILD_EVENT_MONTHS))


