"""The Python API for notebooks: ``diplograph.open(db)``.

    kb = diplograph.open("news.sqlite")
    kb.partners("Vietnam", as_of="2023-11-30")            # plain records (dicts)
    kb.partners("VNM").to_pandas()                       # a DataFrame when pandas is installed
    kb.timeline("JPN", "VNM"); kb.events(actor="VNM"); kb.facts(); kb.check("article.txt")
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..store import Store
from .changes import changes as changes_query
from .check import check as check_query
from .events import event_facts
from .names import resolve_actor
from .queries import build_facts, state_of_pair
from .queries import partners as partners_query
from .storeopen import open_store
from .timeline import timeline as timeline_query


class Records(list[dict[str, Any]]):
    """A list of plain records that can become a DataFrame."""

    def to_pandas(self) -> Any:
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtraError("pandas", "notebook") from None
        return pd.DataFrame.from_records(list(self))

    def to_polars(self) -> Any:
        try:
            import polars as pl
        except ImportError:
            raise MissingExtraError("polars", "notebook") from None
        return pl.from_dicts(list(self), infer_schema_length=None) if self else pl.DataFrame()

    def as_frame(self) -> Any:
        """A pandas DataFrame if pandas is installed, else a polars one, else the records themselves."""
        for convert in (self.to_pandas, self.to_polars):
            try:
                return convert()
            except MissingExtraError:
                continue
        return self


class KnowledgeBase:
    """A diplograph database opened for questions; every method returns plain records."""

    def __init__(self, db: str | Path, *, include_reference: bool = True) -> None:
        self.store: Store = open_store(str(db))
        self.include_reference = include_reference

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ref(self, include_reference: bool | None) -> bool:
        return self.include_reference if include_reference is None else include_reference

    def partners(self, country: str, as_of: str | dt.date | None = None, *, tier: str | None = None,
                 rung: int | None = None, include_reference: bool | None = None) -> Records:
        return Records(partners_query(self.store, country, as_of, tier=tier, rung=rung,
                                      include_reference=self._ref(include_reference)))

    def state(self, a: str, b: str, as_of: str | dt.date | None = None, *,
              include_reference: bool | None = None) -> dict[str, Any] | None:
        found = state_of_pair(self.store, a, b, as_of, include_reference=self._ref(include_reference))
        return found.to_record() if found else None

    def timeline(self, a: str, b: str, *, include_reference: bool | None = None) -> Records:
        return Records(timeline_query(self.store, a, b, include_reference=self._ref(include_reference),
                                      limit=None)["entries"])

    def events(self, actor: str | None = None, recipient: str | None = None, *, since: str | None = None,
               until: str | None = None, merged: bool = True) -> Records:
        """Events involving ``actor`` (and ``recipient``): merged across articles by default."""
        codes = [resolve_actor(x) for x in (actor, recipient) if x]
        facts = event_facts(self.store, actors=codes or None, since=since, until=until)
        records = []
        for fact in facts:
            if codes and not set(codes) <= (set(fact.actor) | set(fact.recipient)):
                continue
            if merged:
                records.append(fact.to_record())
            else:
                records.extend({**fact.to_record(evidence=False), **s} for s in fact.sentences)
        return Records(records)

    def facts(self, *, include_reference: bool | None = None) -> Records:
        return Records(f.to_record() for f in build_facts(self.store, include_reference=self._ref(include_reference)))

    def changes(self, since: str, until: str | None = None, *, include_reference: bool | None = None) -> dict[str, Any]:
        return changes_query(self.store, since, until, include_reference=self._ref(include_reference))

    def check(self, article: str | Path, *, published: str | None = None) -> Records:
        return Records(check_query(self.store, article, published=published, include_reference=self.include_reference))


def open(db: str | Path, *, include_reference: bool = True) -> KnowledgeBase:  # noqa: A001 - the API's name
    """Open a diplograph database for questions (see :class:`KnowledgeBase`)."""
    return KnowledgeBase(db, include_reference=include_reference)
