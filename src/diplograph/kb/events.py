"""Event records for the knowledge base: stored PLOVER events, their CAMEO/QuadClass/Goldstein
crosswalk, and the merging of one real-world event reported by many articles (the same type,
mode, parties and date) into one row with NumMentions / NumSources / NumArticles."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ..code.plover import load_ontology
from ..store import Store, split_codes, split_sectors
from ..store import schema as t

logger = logging.getLogger(__name__)

COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)


def crosswalk(event: str, mode: str | None) -> tuple[str | None, float | None, int | None, float | None]:
    """(CAMEO root, Goldstein, QuadClass, intensity) of a PLOVER type and mode, from the coder's
    ontology data (diplograph/code/data/plover.json)."""
    try:
        ontology = load_ontology()
        root, goldstein, quad = ontology.crosswalk(event, mode)
        return root, goldstein, quad, ontology.info(event).intensity
    except KeyError:
        return None, None, None, None


@dataclass
class EventRow:
    """One stored event observation with its document's date and URL."""

    id: int
    doc_id: str
    doc_url: str | None
    published: dt.date | None
    sentence: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    event: str
    mode: str | None
    contexts: tuple[str, ...]
    modality: str
    date: str | None
    date_precision: str
    date_end: str | None
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    intensity: float | None
    # parallel to actor/recipient: CAMEO agent codes, None where the whole state acts
    actor_sectors: tuple[str | None, ...] = ()
    recipient_sectors: tuple[str | None, ...] = ()

    @property
    def when(self) -> str | None:
        """The event's date, else its article's publication date."""
        return self.date or (self.published.isoformat() if self.published else None)

    @property
    def parties(self) -> set[str]:
        return set(self.actor) | set(self.recipient)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def load_events(store: Store, *, actors: Iterable[str] | None = None, since: str | None = None,
                until: str | None = None, all_of: Iterable[str] | None = None,
                ids: Iterable[int] | None = None) -> list[EventRow]:
    """Stored events, optionally those involving any of ``actors`` and all of ``all_of``, or those
    with the row ``ids``; ``since``/``until`` filter on the event date (else the publication date),
    inclusive, by string prefix comparison."""
    ev = t.events
    query = select(ev, t.documents.c.url.label("doc_url"), t.documents.c.published.label("doc_published")).join(
        t.documents, t.documents.c.doc_id == ev.c.doc_id
    )
    if actors is not None:
        codes = sorted(set(actors))
        party_ids = select(t.event_actors.c.event_id).where(t.event_actors.c.code.in_(codes))
        query = query.where(ev.c.id.in_(party_ids))
    # each required party in SQL (index event_actors(code, role, event_id)): a pair's timeline
    # reads the pair's events only, not every event of either party
    if ids is not None:
        query = query.where(ev.c.id.in_(sorted(set(ids))))
    for code in sorted(set(all_of or ())):
        query = query.where(ev.c.id.in_(select(t.event_actors.c.event_id).where(t.event_actors.c.code == code)))
    rows: list[EventRow] = []
    with store.engine.connect() as c:
        for row in c.execute(query.order_by(ev.c.id)).mappings():
            record = event_row(row)
            if in_window(record.when, since, until):
                rows.append(record)
    return rows


def event_row(row: Any) -> EventRow:
    """An EventRow from an events row joined with its document's ``doc_url`` and ``doc_published``
    (the CAMEO root, Goldstein score and QuadClass from the ontology where the row has none)."""
    root, goldstein, quad, intensity = row["cameo_root"], row["goldstein"], row["quad_class"], row["intensity"]
    if root is None or goldstein is None or quad is None:
        root2, gold2, quad2, int2 = crosswalk(row["event"], row["mode"])
        root, goldstein, quad = root or root2, goldstein if goldstein is not None else gold2, quad or quad2
        intensity = intensity if intensity is not None else int2
    return EventRow(
        id=row["id"], doc_id=row["doc_id"], doc_url=row["doc_url"], published=_day(row["doc_published"]),
        sentence=row["sentence"], actor=tuple(split_codes(row["actor"])),
        recipient=tuple(split_codes(row["recipient"])), event=row["event"], mode=row["mode"],
        contexts=tuple(split_codes(row["contexts"])), modality=row["modality"], date=row["date"],
        date_precision=row["date_precision"] or "none", date_end=row["date_end"], cameo_root=root,
        quad_class=quad, goldstein=goldstein, intensity=intensity,
        # a query that does not select the sector columns gives no sectors
        actor_sectors=tuple(split_sectors(row.get("actor_sectors"), len(split_codes(row["actor"])))),
        recipient_sectors=tuple(split_sectors(row.get("recipient_sectors"), len(split_codes(row["recipient"])))),
    )


def in_window(when: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date (a day, or a partial date compared at its own precision: '2023-11' is within
    a window that starts on 2023-11-15) falls in [since, until]; no date is in no bounded window."""
    before = bool(since) and (when is None or when[:len(since)] < since[:len(when)])
    after = bool(until) and (when is None or when[:len(until)] > until[:len(when)])
    return not (before or after)


@dataclass
class EventFact:
    """One real-world event: the observations of it from every article that reported it."""

    event_id: str
    event: str
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    modality: str
    date: str | None
    date_precision: str
    date_from_publication: bool
    date_end: str | None
    contexts: list[str]
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    intensity: float | None
    mentions: int
    articles: int
    sources: int
    first_reported: str | None
    source_url: str | None
    sentences: list[dict[str, Any]] = field(default_factory=list)
    actor_sectors: tuple[str | None, ...] = ()
    recipient_sectors: tuple[str | None, ...] = ()

    def sector_of(self, code: str, which: str) -> str | None:
        """The sector of ``code`` on one side ("actor"/"recipient"), None when the whole state acts."""
        codes, sectors = (self.actor, self.actor_sectors) if which == "actor" else (self.recipient,
                                                                                    self.recipient_sectors)
        return next((s for c, s in zip(codes, sectors, strict=False) if c == code), None)

    def to_record(self, *, evidence: bool = True) -> dict[str, Any]:
        record = {
            "event_id": self.event_id, "event": self.event, "mode": self.mode, "actor": list(self.actor),
            "recipient": list(self.recipient), "actor_sectors": list(self.actor_sectors),
            "recipient_sectors": list(self.recipient_sectors), "modality": self.modality, "date": self.date,
            "date_precision": self.date_precision, "date_from_publication": self.date_from_publication,
            "date_end": self.date_end, "contexts": self.contexts, "cameo_root": self.cameo_root,
            "quad_class": self.quad_class, "goldstein": self.goldstein, "intensity": self.intensity,
            "mentions": self.mentions, "articles": self.articles, "sources": self.sources,
            "first_reported": self.first_reported, "source_url": self.source_url,
        }
        if evidence:
            record["evidence"] = list(self.sentences)
        return record


def merge_events(rows: Iterable[EventRow], stories: dict[str, str] | None = None) -> list[EventFact]:
    """One EventFact per (type, mode, actors, recipients, modality, date); undated events take their
    article's publication date. Order-independent: keys, counts and sort orders only."""
    stories = stories or {}
    groups: dict[tuple[Any, ...], list[EventRow]] = defaultdict(list)
    for row in rows:
        # (code, sector) pairs: police arresting protesters and a court sentencing an opposition
        # leader of one state are different events
        key = (row.event, row.mode or "", _sided(row.actor, row.actor_sectors),
               _sided(row.recipient, row.recipient_sectors), row.modality, row.when or "")
        groups[key].append(row)
    facts = []
    for key, members in groups.items():
        event, mode, actor_sided, recipient_sided, modality, when = key
        actor = tuple(code for code, _ in actor_sided)
        recipient = tuple(code for code, _ in recipient_sided)
        id_key = (event, mode, actor, recipient, modality, when)
        if any(s for _, s in actor_sided + recipient_sided):
            id_key += (actor_sided, recipient_sided)
        members.sort(key=lambda r: (r.published or dt.date.max, r.doc_id, r.sentence))
        first = members[0]
        dated = [r for r in members if r.date]
        published = sorted(r.published for r in members if r.published)
        facts.append(EventFact(
            event_id=hashlib.sha1("\x1f".join(map(str, id_key)).encode()).hexdigest()[:16],
            event=event, mode=mode or None, actor=actor, recipient=recipient, modality=modality,
            date=when or None, date_precision=dated[0].date_precision if dated else ("day" if when else "none"),
            date_from_publication=not dated and bool(when), date_end=next((r.date_end for r in dated if r.date_end), None),
            contexts=sorted({c for r in members for c in r.contexts}), cameo_root=first.cameo_root,
            quad_class=first.quad_class, goldstein=first.goldstein, intensity=first.intensity,
            mentions=len(members), articles=len({r.doc_id for r in members}),
            sources=len({stories.get(r.doc_id, r.doc_id) for r in members}),
            first_reported=published[0].isoformat() if published else None, source_url=first.doc_url,
            sentences=[{"doc_id": r.doc_id, "url": r.doc_url, "sentence": r.sentence,
                        "published": r.published.isoformat() if r.published else None} for r in members],
            actor_sectors=tuple(sector for _, sector in actor_sided),
            recipient_sectors=tuple(sector for _, sector in recipient_sided),
        ))
    facts.sort(key=lambda f: (f.date or "", f.event, f.actor, f.recipient, f.mode or "", f.modality))
    return facts


def _sided(codes: tuple[str, ...], sectors: tuple[str | None, ...]) -> tuple[tuple[str, str | None], ...]:
    padded = list(sectors) + [None] * (len(codes) - len(sectors))
    return tuple(sorted(zip(codes, padded, strict=False), key=lambda pair: (pair[0], pair[1] or "")))


def event_facts(store: Store, *, actors: Iterable[str] | None = None, since: str | None = None,
                until: str | None = None, pair: tuple[str, str] | None = None) -> list[EventFact]:
    """Merged events from ``store`` (syndicated copies count as one source)."""
    from .syndication import story_groups

    rows = load_events(store, actors=actors, since=since, until=until, all_of=pair)
    doc_ids = {r.doc_id for r in rows}
    return merge_events(rows, story_groups(store, doc_ids) if len(doc_ids) > 1 else {})


__all__ = ["COOPERATION_QUADS", "CONFLICT_QUADS", "EventFact", "EventRow", "crosswalk", "event_facts", "event_row",
           "in_window", "load_events", "merge_events"]
