"""Reading framework observations out of a store, with what consolidation needs to know about
each one's document (publication date, URL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select

from ..model import DateValue
from ..store import Store
from ..store import schema as t

REFERENCE = "reference"


@dataclass(frozen=True)
class Observation:
    """One framework observation as stored, with its document's publication date."""

    id: int
    doc_id: str | None
    a: str
    b: str
    label: str
    tier: str
    status: str
    date: DateValue
    evidence: str
    in_title: bool
    source: str
    url: str | None
    published: dt.date | None
    note: str | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)

    @property
    def is_reference(self) -> bool:
        return self.source == REFERENCE


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date_value(value: str | None, precision: str | None) -> DateValue:
    if not value or precision in (None, "none"):
        return DateValue()
    try:
        return DateValue.parse(value, precision)
    except ValueError:
        return DateValue()


def load_observations(
    store: Store,
    *,
    actors: Iterable[str] | None = None,
    pair: tuple[str, str] | None = None,
    include_reference: bool = True,
) -> list[Observation]:
    """Framework observations, all of them or those involving ``actors`` or one ``pair``."""
    fo = t.framework_observations
    query = select(fo, t.documents.c.url.label("doc_url"), t.documents.c.published.label("doc_published")).outerjoin(
        t.documents, t.documents.c.doc_id == fo.c.doc_id
    )
    if pair is not None:
        a, b = sorted(pair)
        query = query.where(fo.c.a == a, fo.c.b == b)
    elif actors is not None:
        codes = sorted(set(actors))
        query = query.where(or_(fo.c.a.in_(codes), fo.c.b.in_(codes)))
    if not include_reference:
        query = query.where(fo.c.source != REFERENCE)
    with store.engine.connect() as c:
        rows = c.execute(query.order_by(fo.c.id)).mappings().all()
    return [
        Observation(
            id=row["id"],
            doc_id=row["doc_id"],
            a=row["a"],
            b=row["b"],
            label=row["label"],
            tier=row["tier"],
            status=row["status"],
            date=_date_value(row["date"], row["date_precision"]),
            evidence=row["evidence"] or "",
            in_title=bool(row["in_title"]),
            source=row["source"] or "news",
            url=row["doc_url"] or row["source_url"],
            published=_date(row["doc_published"]),
            note=row["note"],
        )
        for row in rows
    ]
