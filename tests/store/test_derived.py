"""The derived tables the store keeps in its writing transactions (store.derived): event_months
counts up and down with the events, and equals a recount from event_pairs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from diplograph.model import Analysis, DateValue, Document, Event
from diplograph.store import Store
from diplograph.store import schema as t


def _document(text: str, published: str, record_id: str = "r1") -> Document:
    return Document(doc_id="d" + str(abs(hash(text)) % 10**12), text=text, published=dt.date.fromisoformat(published),
                    record_id=record_id, url=f"https://example.org/{record_id}")


def _event(kind: str, actor: list[str], recipient: list[str], day: str | None, quad: int) -> Event:
    return Event(sentence=f"{actor} {kind} {recipient}", event=kind, actor=actor, recipient=recipient,
                 date=DateValue.parse(day) if day else DateValue(), quad_class=quad)


def _months(store: Store) -> dict[tuple[str, str, str, int], int]:
    em = t.event_months
    with store.engine.connect() as c:
        return {(a, b, m, q): n for a, b, m, q, n in c.execute(select(em))}


def test_event_months_follow_writes_redating_and_replacement(store_db: str) -> None:
    store = Store(store_db)
    text = "Officials of three states met; one of them later protested."
    analysis = Analysis(events=[_event("CONSULT", ["USA", "JPN"], ["CHN"], "2024-03-02", 1),
                                _event("PROTEST", ["CHN"], ["USA"], None, 3)], extractor="x")
    store.write_document(_document(text, "2024-04-10"), analysis)
    assert _months(store) == {("CHN", "USA", "2024-03", 1): 1, ("CHN", "JPN", "2024-03", 1): 1,
                              ("JPN", "USA", "2024-03", 1): 1, ("CHN", "USA", "2024-04", 3): 1}
    # an earlier copy of the text: the undated protest now falls on the earlier publication date
    store.write_document(_document(text, "2024-02-20", record_id="r2"))
    assert _months(store)[("CHN", "USA", "2024-02", 3)] == 1
    assert ("CHN", "USA", "2024-04", 3) not in _months(store)
    counted = _months(store)
    store.rebuild_event_months()
    assert _months(store) == counted
    store.replace_analysis(_document(text, "2024-02-20").doc_id, Analysis(extractor="y"))
    assert _months(store) == {}
