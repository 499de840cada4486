"""Queries the HTTP API needs that diplograph.kb does not offer: filtered event and framework
searches with cursor pagination, a document list, and the spans a document page highlights.

SQLAlchemy Core on the store's tables only (no SQLite-specific SQL), so they run on PostgreSQL too.
A cursor is the opaque, URL-safe encoding of the last row id a page returned."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select

from ..errors import InputError
from ..store import Store, split_codes
from ..store import schema as t
from ..store.store import event_record

MAX_LIMIT = 200


@dataclass(frozen=True)
class EventFilter:
    """What an event search asks for; every field is optional. Codes are resolved actor codes."""

    actor: str | None = None
    recipient: str | None = None
    party: str | None = None  # actor or recipient
    event: str | None = None
    context: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    doc_id: str | None = None


def encode_cursor(last: Any) -> str:
    raw = json.dumps([last], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> Any:
    """The value a cursor carries; InputError for anything this module did not make."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], int | str):
            return value[0]
    except (ValueError, UnicodeError, binascii.Error):
        pass
    raise InputError("cursor is not one this API returned: pass next_cursor from a previous page", reason="bad-cursor")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains_word(column: ColumnElement[Any], word: str) -> ColumnElement[bool]:
    """``column`` (space-separated codes) contains ``word`` as a whole item."""
    padded = literal(" ") + column + literal(" ")
    return padded.like(f"% {_like_escape(word)} %", escape="\\")


def _on_or_after(when: ColumnElement[Any], day: str) -> ColumnElement[bool]:
    """A partial date ('2023', '2023-11') is compared at its own precision: '2023-11' is on or
    after '2023-11-15' because the month contains that day (the kb's rule, see kb.events)."""
    return when >= func.substr(literal(day), 1, func.length(when))


def _on_or_before(when: ColumnElement[Any], day: str) -> ColumnElement[bool]:
    return when <= func.substr(literal(day), 1, func.length(when))


def _event_record(row: Any) -> dict[str, Any]:
    record = event_record(row)
    record.update(doc_title=row["doc_title"], published=row["doc_published"],
                  sentence_start=row["sentence_start"], trigger=row["trigger"])
    return record


def search_events(store: Store, where: EventFilter, *, limit: int = 50, cursor: str | None = None) -> dict[str, Any]:
    """One page of events matching ``where``, oldest stored first; ``next_cursor`` is None on
    the last page."""
    limit = max(1, min(limit, MAX_LIMIT))
    ev, ea, docs = t.events, t.event_actors, t.documents
    when = func.coalesce(ev.c.date, docs.c.published)
    conditions: list[ColumnElement[bool]] = []
    for code, roles in ((where.actor, ("a",)), (where.recipient, ("r",)), (where.party, ("a", "r"))):
        if code:
            ids = select(ea.c.event_id).where(ea.c.code == code, ea.c.role.in_(roles))
            conditions.append(ev.c.id.in_(ids))
    if where.event:
        conditions.append(ev.c.event == where.event)
    if where.modality:
        conditions.append(ev.c.modality == where.modality)
    if where.context:
        conditions.append(_contains_word(ev.c.contexts, where.context))
    if where.since:
        conditions.append(and_(when.is_not(None), _on_or_after(when, where.since)))
    if where.until:
        conditions.append(and_(when.is_not(None), _on_or_before(when, where.until)))
    if where.text:
        conditions.append(ev.c.sentence.ilike(f"%{_like_escape(where.text)}%", escape="\\"))
    if where.doc_id:
        conditions.append(ev.c.doc_id == where.doc_id)
    after = decode_cursor(cursor)
    if after is not None:
        if not isinstance(after, int):
            raise InputError("cursor is not one this API returned", reason="bad-cursor")
        conditions.append(ev.c.id > after)
    query = (
        select(ev, docs.c.url.label("doc_url"), docs.c.title.label("doc_title"),
               docs.c.published.label("doc_published"))
        .join(docs, docs.c.doc_id == ev.c.doc_id)
        .where(*conditions)
        .order_by(ev.c.id)
        .limit(limit + 1)
    )
    with store.engine.connect() as c:
        rows = [_event_record(r) for r in c.execute(query).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": rows, "next_cursor": encode_cursor(rows[-1]["id"]) if more and rows else None}


def search_frameworks(store: Store, *, actor: str | None = None, pair: tuple[str, str] | None = None,
                      tier: str | None = None, status: str | None = None, include_reference: bool = True,
                      doc_id: str | None = None, limit: int = 50, cursor: str | None = None) -> dict[str, Any]:
    """One page of framework observations (as stored, before consolidation)."""
    limit = max(1, min(limit, MAX_LIMIT))
    fo, docs = t.framework_observations, t.documents
    conditions: list[ColumnElement[bool]] = []
    if actor:
        conditions.append(or_(fo.c.a == actor, fo.c.b == actor))
    if pair:
        first, second = sorted(pair)
        conditions.append(and_(fo.c.a == first, fo.c.b == second))
    if tier:
        conditions.append(fo.c.tier == tier)
    if status:
        conditions.append(fo.c.status == status)
    if not include_reference:
        conditions.append(fo.c.source != "reference")
    if doc_id:
        conditions.append(fo.c.doc_id == doc_id)
    after = decode_cursor(cursor)
    if after is not None:
        if not isinstance(after, int):
            raise InputError("cursor is not one this API returned", reason="bad-cursor")
        conditions.append(fo.c.id > after)
    query = (
        select(fo, docs.c.url.label("doc_url"), docs.c.title.label("doc_title"))
        .outerjoin(docs, docs.c.doc_id == fo.c.doc_id)
        .where(*conditions)
        .order_by(fo.c.id)
        .limit(limit + 1)
    )
    items = []
    with store.engine.connect() as c:
        for row in c.execute(query).mappings():
            items.append({
                "id": row["id"], "doc_id": row["doc_id"], "doc_url": row["doc_url"] or row["source_url"],
                "doc_title": row["doc_title"], "a": row["a"], "b": row["b"], "label": row["label"],
                "tier": row["tier"], "status": row["status"], "date": row["date"],
                "date_precision": row["date_precision"], "evidence": row["evidence"],
                "sentence_start": row["sentence_start"], "in_title": bool(row["in_title"]),
                "source": row["source"], "note": row["note"],
            })
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "next_cursor": encode_cursor(items[-1]["id"]) if more and items else None}


def list_documents(store: Store, *, text: str | None = None, limit: int = 50,
                   cursor: str | None = None) -> dict[str, Any]:
    """One page of documents (no text), by doc_id; ``text`` searches titles."""
    limit = max(1, min(limit, MAX_LIMIT))
    docs = t.documents
    conditions: list[ColumnElement[bool]] = []
    if text:
        conditions.append(docs.c.title.ilike(f"%{_like_escape(text)}%", escape="\\"))
    after = decode_cursor(cursor)
    if after is not None:
        if not isinstance(after, str):
            raise InputError("cursor is not one this API returned", reason="bad-cursor")
        conditions.append(docs.c.doc_id > after)
    query = (select(docs.c.doc_id, docs.c.title, docs.c.url, docs.c.published, docs.c.language, docs.c.chars)
             .where(*conditions).order_by(docs.c.doc_id).limit(limit + 1))
    with store.engine.connect() as c:
        items = [dict(r) for r in c.execute(query).mappings()]
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "next_cursor": encode_cursor(items[-1]["doc_id"]) if more and items else None}


def _sentence_span(text: str, sentence: str, start: int | None) -> tuple[int, int] | None:
    """Where an evidence sentence sits in the document text: its stored offset when the text
    there matches, else the first occurrence; None when it cannot be found."""
    if not sentence:
        return None
    if start is not None and start >= 0 and text[start:start + len(sentence)] == sentence:
        return (start, start + len(sentence))
    found = text.find(sentence)
    if found >= 0:
        return (found, found + len(sentence))
    return None


def document_view(store: Store, doc_id: str) -> dict[str, Any]:
    """A document with what a reader needs to see why facts were drawn from it: the actor
    mentions and the evidence sentences of its events and framework observations, as character
    spans [start, end) into ``text``. NotFoundError when there is no such document."""
    record = store.get_document(doc_id)
    text: str = record["text"]
    mentions = [
        {"start": m["start"], "end": m["end"], "text": m["text"], "codes": split_codes(m["codes"]),
         "kind": m["kind"], "via": m["via"]}
        for m in record.pop("mentions")
        if 0 <= m["start"] < m["end"] <= len(text)
    ]
    events = search_events(store, EventFilter(doc_id=doc_id), limit=MAX_LIMIT)["items"]
    frameworks = search_frameworks(store, doc_id=doc_id, limit=MAX_LIMIT)["items"]
    evidence: list[dict[str, Any]] = []
    for ev in events:
        span = _sentence_span(text, ev["sentence"], ev["sentence_start"])
        if span:
            evidence.append({"start": span[0], "end": span[1], "kind": "event", "id": ev["id"],
                             "summary": f"{ev['event']} {' '.join(ev['actor'])} -> {' '.join(ev['recipient'])}"})
    for fw in frameworks:
        span = _sentence_span(text, fw["evidence"], fw["sentence_start"])
        if span:
            evidence.append({"start": span[0], "end": span[1], "kind": "framework", "id": fw["id"],
                             "summary": f"{fw['a']}-{fw['b']} {fw['label']} ({fw['tier']}, {fw['status']})"})
    evidence.sort(key=lambda e: (e["start"], e["end"], e["kind"]))
    return {
        "doc_id": record["doc_id"],
        "title": record["title"],
        "title_end": record["title_end"],
        "url": record["url"],
        "published": record["published"],
        "language": record["language"],
        "text": text,
        "removed": record["removed"],
        "sources": record["sources"],
        "mentions": mentions,
        "evidence": evidence,
        "events": events,
        "frameworks": frameworks,
    }
