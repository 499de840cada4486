"""The store: idempotent writes of documents, their sources and observations; rejects; runs;
plain reads for exports. Queries that answer questions live in diplograph.kb."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..errors import NotFoundError, StoreError
from ..model import Analysis, Document, Event, FrameworkObservation, Mention, Rejected
from . import schema as t
from .derived import UNDATED, DerivedChanges, mark_pairs_changed, rebuild_event_months, redate_undated_events
from .engine import check_location, database_error, database_problem, has_schema, make_engine, migrate

logger = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _key(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:32]


def _codes(values: Iterable[str]) -> str:
    return " ".join(values)


def split_codes(value: str | None) -> list[str]:
    return value.split() if value else []


NO_SECTOR = "-"


def sector_codes(sectors: Iterable[str | None]) -> str:
    """Sectors parallel to an event side's codes as stored: space-separated, "-" for none."""
    return " ".join(sector or NO_SECTOR for sector in sectors)


def split_sectors(value: str | None, count: int) -> list[str | None]:
    """The stored sectors of an event side as a list parallel to its ``count`` codes (all None on
    rows coded before sectors existed, or when the stored list does not fit the codes)."""
    parts = value.split() if value else []
    if len(parts) != count:
        return [None] * count
    return [None if part == NO_SECTOR else part for part in parts]


WRITE_ATTEMPTS = 4
_TRANSIENT_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure


def _is_transient(exc: OperationalError) -> bool:
    """A conflict with a concurrent writer that a retry resolves (not a broken database)."""
    state = getattr(exc.orig, "sqlstate", None)
    return state in _TRANSIENT_SQLSTATES or "database is locked" in str(exc.orig)


@dataclass
class WriteResult:
    doc_id: str
    stored: bool  # False: the text was already there (a duplicate); its source was still recorded


@dataclass(frozen=True)
class ReferenceWrite:
    """The reference rows written, and how many differ from the rows the store held before."""

    rows: int
    added: int
    removed: int


def event_row(doc_id: str, event: Event, extractor: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_start,
        "sentence": event.sentence,
        "actor": _codes(event.actor),
        "recipient": _codes(event.recipient),
        "actor_sectors": sector_codes(event.sectors_of("actor")),
        "recipient_sectors": sector_codes(event.sectors_of("recipient")),
        "event": event.event,
        "mode": event.mode,
        "contexts": _codes(event.contexts),
        "modality": event.modality,
        "date": event.date.iso(),
        "date_precision": event.date.precision,
        "date_end": event.date.end_iso(),
        "intensity": event.intensity,
        "quad_class": event.quad_class,
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "trigger": event.trigger,
        "confidence": event.confidence,
        "extractor": event.extractor or extractor,
    }


def framework_row(doc_id: str | None, obs: FrameworkObservation, extractor: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "a": obs.a,
        "b": obs.b,
        "label": obs.label,
        "tier": obs.tier,
        "status": obs.status,
        "date": obs.date.iso(),
        "date_precision": obs.date.precision,
        "evidence": obs.evidence,
        "sentence_index": obs.sentence_index,
        "sentence_start": obs.sentence_start,
        "in_title": bool(obs.in_title),
        "source": obs.source,
        "source_url": obs.source_url,
        "note": obs.note,
        "extractor": obs.extractor or extractor,
    }


def mention_row(doc_id: str, m: Mention) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "codes": _codes(m.codes),
        "kind": m.kind,
        "via": m.via,
        "sector": m.sector,
        "person": m.person,
        "role": m.role,
    }


def event_pair_rows(event_id: int, event: Event, when: str | None) -> list[dict[str, Any]]:
    """The event_pairs rows of one event: one per pair of its distinct parties (a < b)."""
    parties = sorted(set(event.actor) | set(event.recipient))
    day = (when or UNDATED)[:10]
    return [{"event_id": event_id, "a": x, "b": y, "day": day, "quad_class": event.quad_class}
            for i, x in enumerate(parties) for y in parties[i + 1:]]


def event_record(row: Any) -> dict[str, Any]:
    """An events row (joined with its document's URL as ``doc_url``) in the contract's shape
    (DESIGN.md), with the crosswalk columns, the extractor and the row id."""
    return {
        "doc_id": row["doc_id"],
        "doc_url": row["doc_url"],
        "sentence": row["sentence"],
        "actor": split_codes(row["actor"]),
        "recipient": split_codes(row["recipient"]),
        "actor_sectors": split_sectors(row["actor_sectors"], len(split_codes(row["actor"]))),
        "recipient_sectors": split_sectors(row["recipient_sectors"], len(split_codes(row["recipient"]))),
        "event": row["event"],
        "mode": row["mode"],
        "contexts": split_codes(row["contexts"]),
        "modality": row["modality"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_end": row["date_end"],
        "intensity": row["intensity"],
        "quad_class": row["quad_class"],
        "cameo_root": row["cameo_root"],
        "goldstein": row["goldstein"],
        "extractor": row["extractor"],
        "id": row["id"],
    }


class Store:
    """A diplograph database. ``Store(db)`` opens (and migrates) a SQLite path or PostgreSQL URL."""

    def __init__(self, db: str, *, create: bool = True, engine: Engine | None = None) -> None:
        self.db = db
        if engine is None:
            check_location(db, create=create)
        self.engine = engine or make_engine(db)
        if create:
            migrate(self.engine)
            return
        try:
            found = has_schema(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise database_error(db, exc) from None
        if not found:
            self.engine.dispose()
            raise NotFoundError(f"no diplograph database at {db} (run `diplograph ingest` first)")

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writes

    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(t.documents.c.doc_id).where(t.documents.c.doc_id == doc_id)).first() is not None

    def coded_extractor(self, doc_id: str) -> str | None:
        with self.engine.connect() as c:
            return c.execute(select(t.documents.c.extractor).where(t.documents.c.doc_id == doc_id)).scalar()

    def is_coded(self, doc_id: str, extractor: str, published: dt.date | None) -> bool:
        """Whether the stored copy of ``doc_id`` was coded by ``extractor`` against a publication
        date no later than ``published`` (an earlier copy re-anchors relative dates: re-code it)."""
        with self.engine.connect() as c:
            row = c.execute(
                select(t.documents.c.extractor, t.documents.c.published).where(t.documents.c.doc_id == doc_id)
            ).first()
        if row is None or row.extractor != extractor:
            return False
        if published is None or row.published is None:
            return row.published is not None or published is None
        return row.published <= published.isoformat()

    def write_document(self, document: Document, analysis: Analysis | None = None) -> WriteResult:
        """Store a document with its observations in one transaction; a document whose text is
        already stored only gains a source row (its URL, id and date are kept too)."""
        return self.write_documents([(document, analysis)])[0]

    def write_documents(self, items: Sequence[tuple[Document, Analysis | None]]) -> list[WriteResult]:
        """Store several documents in one transaction (all or none: a killed run redoes the batch)."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.engine.begin() as c:
                    changes = DerivedChanges()
                    results = [self._write_document(c, document, analysis, changes) for document, analysis in items]
                    changes.apply(c)
                    return results
            except IntegrityError:
                # another writer stored one of these texts between our check and our insert: retry,
                # which now finds it and records a source only
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
            except OperationalError as exc:
                # two writers whose batches hold the same texts in different orders can deadlock
                # (PostgreSQL aborts one); the aborted batch is rolled back whole: redo it
                if not _is_transient(exc) or attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError(f"cannot store documents: {database_problem(exc)}") from None
                logger.info("write conflict with another writer, retrying the batch: %s", exc.orig)
                time.sleep(0.05 * (attempt + 1))
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot store documents: {database_problem(exc)}") from None
        raise AssertionError("unreachable")

    def _write_document(self, c: Connection, document: Document, analysis: Analysis | None,
                        changes: DerivedChanges) -> WriteResult:
        published = document.published.isoformat() if document.published else None
        existing = c.execute(
            select(t.documents.c.published, t.documents.c.extractor).where(t.documents.c.doc_id == document.doc_id)
        ).first()
        source_key = _key(document.record_id, document.url, published, document.input)
        if existing is not None:
            self._add_source(c, document, published, source_key)
            earlier = bool(published) and (existing.published is None or published < existing.published)
            if earlier:
                # relative dates resolve against the earliest publication date of the copies: the
                # observations must be redone against it (now, or by the next ingest/recode)
                c.execute(update(t.documents).where(t.documents.c.doc_id == document.doc_id)
                          .values(published=published, extractor=None))
                # the facts of its pairs date undated reports by publication: they change too
                changes.pairs |= self._framework_pairs(c, document.doc_id)
                redate_undated_events(c, changes, document.doc_id, published)
            if analysis is not None and (existing.extractor is None or earlier):
                self._replace_analysis(c, document.doc_id, analysis, changes)
            return WriteResult(document.doc_id, stored=False)
        c.execute(
            insert(t.documents).values(
                doc_id=document.doc_id,
                title=document.title,
                text=document.text,
                language=document.language,
                published=published,
                url=document.url,
                removed=json.dumps(document.removed, ensure_ascii=False),
                title_end=document.title_span[1] if document.title_span else None,
                chars=len(document.text),
                extractor=analysis.extractor if analysis is not None else None,
                added_at=_now(),
            )
        )
        self._insert_source(c, document, published, source_key)
        if analysis is not None:
            self._insert_analysis(c, document.doc_id, analysis, published, changes)
        return WriteResult(document.doc_id, stored=True)

    def _add_source(self, c: Connection, document: Document, published: str | None, source_key: str) -> None:
        seen = c.execute(
            select(t.document_sources.c.id).where(
                t.document_sources.c.doc_id == document.doc_id, t.document_sources.c.source_key == source_key
            )
        ).first()
        if seen is None:
            self._insert_source(c, document, published, source_key)

    def _insert_source(self, c: Connection, document: Document, published: str | None, source_key: str) -> None:
        c.execute(
            insert(t.document_sources).values(
                doc_id=document.doc_id,
                record_id=document.record_id,
                url=document.url,
                published=published,
                input=document.input,
                source_key=source_key,
                added_at=_now(),
            )
        )

    def replace_analysis(self, doc_id: str, analysis: Analysis) -> None:
        """Replace a document's observations (``recode``)."""
        with self.engine.begin() as c:
            changes = DerivedChanges()
            self._replace_analysis(c, doc_id, analysis, changes)
            changes.apply(c)

    def _replace_analysis(self, c: Connection, doc_id: str, analysis: Analysis,
                          changes: DerivedChanges) -> None:
        event_ids = select(t.events.c.id).where(t.events.c.doc_id == doc_id)
        changes.pairs |= self._framework_pairs(c, doc_id)
        changes.events_removed(c, event_ids)
        c.execute(delete(t.event_pairs).where(t.event_pairs.c.event_id.in_(event_ids)))
        c.execute(delete(t.event_actors).where(t.event_actors.c.event_id.in_(event_ids)))
        c.execute(delete(t.events).where(t.events.c.doc_id == doc_id))
        c.execute(delete(t.mentions).where(t.mentions.c.doc_id == doc_id))
        c.execute(
            delete(t.framework_observations).where(
                t.framework_observations.c.doc_id == doc_id, t.framework_observations.c.source == "news"
            )
        )
        published = c.execute(select(t.documents.c.published).where(t.documents.c.doc_id == doc_id)).scalar()
        self._insert_analysis(c, doc_id, analysis, published, changes)
        c.execute(update(t.documents).where(t.documents.c.doc_id == doc_id).values(extractor=analysis.extractor))

    def mark_pairs_changed(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Mark pairs' stored facts stale: for bulk loaders that insert observations directly."""
        with self.engine.begin() as c:
            mark_pairs_changed(c, {tuple(sorted(p)) for p in pairs})  # type: ignore[misc]

    def rebuild_event_months(self) -> None:
        """Recount the per-month event counts from event_pairs: for bulk loaders that insert
        events directly."""
        with self.engine.begin() as c:
            rebuild_event_months(c)

    @staticmethod
    def _framework_pairs(c: Connection, doc_id: str) -> set[tuple[str, str]]:
        fo = t.framework_observations
        return {(a, b) for a, b in c.execute(select(fo.c.a, fo.c.b).where(fo.c.doc_id == doc_id).distinct())}

    def _insert_analysis(self, c: Connection, doc_id: str, analysis: Analysis, published: str | None,
                         changes: DerivedChanges) -> None:
        if analysis.mentions:
            c.execute(insert(t.mentions), [mention_row(doc_id, m) for m in analysis.mentions])
        if analysis.events:
            rows = [event_row(doc_id, event, analysis.extractor) for event in analysis.events]
            ids = c.execute(insert(t.events).returning(t.events.c.id, sort_by_parameter_order=True), rows).scalars().all()
            parties = [
                {"event_id": event_id, "role": role, "code": code, "date": row["date"]}
                for event_id, row, event in zip(ids, rows, analysis.events, strict=True)
                for role, codes in (("a", event.actor), ("r", event.recipient))
                for code in codes
            ]
            if parties:
                c.execute(insert(t.event_actors), parties)
            pairs = [pair for event_id, row, event in zip(ids, rows, analysis.events, strict=True)
                     for pair in event_pair_rows(event_id, event, row["date"] or published)]
            if pairs:
                c.execute(insert(t.event_pairs), pairs)
                changes.events_added(pairs)
        if analysis.frameworks:
            changes.pairs |= {(o.a, o.b) for o in analysis.frameworks}
            c.execute(
                insert(t.framework_observations),
                [framework_row(doc_id, o, analysis.extractor) for o in analysis.frameworks],
            )

    def record_reject(self, rejected: Rejected) -> bool:
        """Record a rejected input once (a re-run does not duplicate it). True when new."""
        reject_key = _key(rejected.input, rejected.record_id, rejected.reason)
        try:
            with self.engine.begin() as c:
                if c.execute(select(t.rejects.c.id).where(t.rejects.c.reject_key == reject_key)).first():
                    return False
                c.execute(
                    insert(t.rejects).values(
                        input=rejected.input,
                        record_id=rejected.record_id,
                        reason=rejected.reason,
                        detail=rejected.detail,
                        reject_key=reject_key,
                        added_at=_now(),
                    )
                )
                return True
        except IntegrityError:
            return False

    def clear_reject(self, input_name: str, record_id: str | None) -> None:
        """An input that now reads fine is no longer rejected."""
        with self.engine.begin() as c:
            cond = t.rejects.c.input == input_name
            c.execute(delete(t.rejects).where(cond, t.rejects.c.record_id.is_(record_id) if record_id is None
                                              else t.rejects.c.record_id == record_id))

    def write_reference(self, observations: Iterable[FrameworkObservation],
                        extractor: str = "reference") -> ReferenceWrite:
        """Replace the reference rows (source 'reference') with ``observations``: rows the new
        table no longer has (corrected or dropped) go, new ones come, none is duplicated."""
        rows = [framework_row(None, o, extractor) for o in observations]
        fo = t.framework_observations
        with self.engine.begin() as c:
            old = c.execute(select(fo.c.a, fo.c.b, fo.c.label, fo.c.tier, fo.c.status, fo.c.date, fo.c.date_precision,
                                   fo.c.source_url, fo.c.note).where(fo.c.source == "reference")).all()
            old_keys = Counter(tuple(r) for r in old)
            new_keys = Counter((r["a"], r["b"], r["label"], r["tier"], r["status"], r["date"], r["date_precision"],
                                r["source_url"], r["note"]) for r in rows)
            result = ReferenceWrite(rows=len(rows), added=sum((new_keys - old_keys).values()),
                                    removed=sum((old_keys - new_keys).values()))
            if old_keys == new_keys:
                return result  # the same table again (every ingest loads it): nothing to rebuild
            c.execute(delete(fo).where(fo.c.source == "reference"))
            if rows:
                c.execute(insert(fo), rows)
            mark_pairs_changed(c, {(r[0], r[1]) for r in old} | {(r["a"], r["b"]) for r in rows})
        return result

    def start_run(self, command: str) -> int:
        with self.engine.begin() as c:
            return int(c.execute(insert(t.runs).values(started_at=_now(), command=command)).inserted_primary_key[0])

    def finish_run(self, run_id: int, report: dict[str, Any]) -> None:
        with self.engine.begin() as c:
            c.execute(
                update(t.runs).where(t.runs.c.id == run_id).values(finished_at=_now(), report=json.dumps(report))
            )

    # ------------------------------------------------------------------ reads

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {
                name: int(c.execute(select(func.count()).select_from(table)).scalar() or 0)
                for name, table in (
                    ("documents", t.documents),
                    ("sources", t.document_sources),
                    ("rejects", t.rejects),
                    ("mentions", t.mentions),
                    ("events", t.events),
                    ("frameworks", t.framework_observations),
                )
            }

    def count_recodable(self, *, outdated_from: str | None = None) -> int:
        """English (or undetected) documents, those not coded by ``outdated_from`` when given: what
        `recode` will re-code."""
        d = t.documents
        query = select(func.count()).select_from(d).where(or_(d.c.language.is_(None), d.c.language == "en"))
        if outdated_from is not None:
            query = query.where(or_(d.c.extractor.is_(None), d.c.extractor != outdated_from))
        with self.engine.connect() as c:
            return int(c.execute(query).scalar() or 0)

    def iter_documents(self, *, with_text: bool = True) -> Iterator[dict[str, Any]]:
        cols = [c for c in t.documents.c if with_text or c.name != "text"]
        with self.engine.connect() as c:
            sources: dict[str, list[dict[str, Any]]] = {}
            for row in c.execute(select(t.document_sources).order_by(t.document_sources.c.id)).mappings():
                sources.setdefault(row["doc_id"], []).append(
                    {"id": row["record_id"], "url": row["url"], "published": row["published"], "input": row["input"]}
                )
            for row in c.execute(select(*cols).order_by(t.documents.c.added_at, t.documents.c.doc_id)).mappings():
                record = dict(row)
                record["removed"] = json.loads(record.get("removed") or "[]")
                record["sources"] = sources.get(record["doc_id"], [])
                yield record

    def get_document(self, doc_id: str) -> dict[str, Any]:
        with self.engine.connect() as c:
            row = c.execute(select(t.documents).where(t.documents.c.doc_id == doc_id)).mappings().first()
            if row is None:
                raise NotFoundError(f"no document {doc_id}")
            record = dict(row)
            record["removed"] = json.loads(record.get("removed") or "[]")
            record["sources"] = [
                dict(r)
                for r in c.execute(
                    select(t.document_sources.c.record_id, t.document_sources.c.url, t.document_sources.c.published,
                           t.document_sources.c.input).where(t.document_sources.c.doc_id == doc_id)
                ).mappings()
            ]
            record["mentions"] = [
                dict(r) for r in c.execute(select(t.mentions).where(t.mentions.c.doc_id == doc_id)
                                           .order_by(t.mentions.c.start)).mappings()
            ]
            return record

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every event in the contract's shape (DESIGN.md)."""
        query = (
            select(t.events, t.documents.c.url.label("doc_url"))
            .join(t.documents, t.documents.c.doc_id == t.events.c.doc_id)
            .order_by(t.events.c.id)
        )
        with self.engine.connect() as c:
            for row in c.execute(query).mappings():
                yield event_record(row)

    def iter_frameworks(self, *, include_reference: bool = True) -> Iterator[dict[str, Any]]:
        """Every framework observation in the contract's shape."""
        fo = t.framework_observations
        query = select(fo, t.documents.c.url.label("doc_url")).outerjoin(t.documents, t.documents.c.doc_id == fo.c.doc_id)
        if not include_reference:
            query = query.where(fo.c.source != "reference")
        with self.engine.connect() as c:
            for row in c.execute(query.order_by(fo.c.id)).mappings():
                yield {
                    "doc_id": row["doc_id"],
                    "doc_url": row["doc_url"] or row["source_url"],
                    "a": row["a"],
                    "b": row["b"],
                    "label": row["label"],
                    "tier": row["tier"],
                    "status": row["status"],
                    "date": row["date"],
                    "date_precision": row["date_precision"],
                    "evidence": row["evidence"],
                    "source": row["source"],
                    "in_title": bool(row["in_title"]),
                    "note": row["note"],
                    "extractor": row["extractor"],
                    "id": row["id"],
                }

    def iter_rejects(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for row in c.execute(select(t.rejects).order_by(t.rejects.c.id)).mappings():
                yield {"input": row["input"], "record_id": row["record_id"], "reason": row["reason"],
                       "detail": row["detail"]}
