"""Hand-built outcomes and a canonical dump of a database, shared by the scale tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from diplograph.ingest import Outcome
from diplograph.model import Analysis, DateValue, Document, Event, FrameworkObservation, Mention, Rejected
from diplograph.store import Store
from diplograph.store import schema as t


def document_outcome(n: int, text: str | None = None, url: str | None = None) -> Outcome:
    """A coded document with one mention, one dated event and one framework observation."""
    body = text or f"Peru and Chile signed a fisheries accord on Tuesday, item {n}."
    document = Document(
        doc_id=f"doc{n:04d}" if text is None else "doc-" + str(abs(hash(text)) % 10**8),
        text=f"Accord {n}\n\n{body}",
        title=f"Accord {n}",
        url=url or f"https://example.org/{n}",
        published=dt.date(2024, 5, 14),
        record_id=f"r{n}",
        input=f"corpus.jsonl#line {n}",
        language="en",
        removed=["Share this story"],
        title_span=(0, len(f"Accord {n}")),
    )
    analysis = Analysis(
        mentions=[Mention(start=12, end=16, text="Peru", codes=("PER",)),
                  Mention(start=21, end=26, text="Chile", codes=("CHL", "PER"), kind="group", via="pair")],
        events=[Event(sentence=body, event="AGREE", actor=["PER"], recipient=["CHL"], mode="sign",
                      contexts=["economic"], date=DateValue(dt.date(2024, 5, 14), "day"),
                      quad_class=1, goldstein=4.0, confidence=0.75, sentence_index=1, sentence_start=12,
                      extractor="test")],
        frameworks=[FrameworkObservation(a="PER", b="CHL", label="strategic partnership", tier="SP",
                                         status="intended", date=DateValue(dt.date(2025, 1, 1), "year",
                                                                           dt.date(2025, 12, 31)),
                                         evidence=body, sentence_index=1, extractor="test")],
        sentences_total=2,
        sentences_parsed=1,
        extractor="test-extractor",
    )
    return Outcome(document=document, analysis=analysis)


def rejected_outcome(n: int) -> Outcome:
    return Outcome(rejected=Rejected(f"corpus.jsonl#line {n}", "bad-json", "not JSON", None))


def dump_database(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a run writes, without row ids and timestamps, in a canonical order."""
    store = Store(db, create=False)
    try:
        with store.engine.connect() as c:
            def rows(table: Any, skip: tuple[str, ...] = ("id", "added_at")) -> list[tuple[Any, ...]]:
                cols = [col for col in table.c if col.name not in skip]
                # (column, value) pairs: a failing comparison names the column that differs
                return sorted((tuple(zip(r._fields, r, strict=True)) for r in c.execute(select(*cols))), key=repr)

            events = sorted(
                (tuple(sorted((k, repr(v)) for k, v in e.items() if k != "id")) for e in store.iter_events()),
            )
            frameworks = sorted(
                (tuple(sorted((k, repr(v)) for k, v in f.items() if k != "id")) for f in store.iter_frameworks()),
            )
            parties = sorted(
                tuple(r) for r in c.execute(
                    select(t.events.c.doc_id, t.events.c.sentence_index, t.events.c.event, t.event_actors.c.role,
                           t.event_actors.c.code, t.event_actors.c.date)
                    .join(t.events, t.events.c.id == t.event_actors.c.event_id))
            )
            return {
                "documents": rows(t.documents),
                "sources": rows(t.document_sources),
                "rejects": rows(t.rejects),
                "mentions": rows(t.mentions),
                "events": events,
                "event_actors": parties,
                "frameworks": frameworks,
            }
    finally:
        store.close()


def assert_same_database(got: dict[str, list[tuple[Any, ...]]], expected: dict[str, list[tuple[Any, ...]]]) -> None:
    """Table by table; on a difference, say which table, row and columns differ."""
    assert got.keys() == expected.keys()
    for name in expected:
        left, right = got[name], expected[name]
        if left == right:
            continue
        detail = f"{name}: {len(left)} rows vs {len(right)} expected"
        for a, b in zip(left, right, strict=False):
            if a != b:
                columns = [f"{x[0]}: {x[1]!r:.80} != {y[1]!r:.80}" for x, y in zip(a, b, strict=False)
                           if isinstance(x, tuple) and x != y]
                detail += f"; first differing row: {columns or (a, b)}"
                break
        raise AssertionError(detail)
