"""The API's own queries (api/queries.py) give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

from apidata import DISPUTE_BODY, build_database

from diplograph.api.queries import (
    EventFilter,
    document_view,
    list_documents,
    search_events,
    search_frameworks,
)
from diplograph.store import Store


def test_queries_on_both_backends(store_db: str) -> None:
    sample = build_database(store_db)
    store = Store(store_db)
    try:
        def kinds(where: EventFilter) -> list[str]:
            return [e["event"] for e in search_events(store, where, limit=200)["items"]]

        assert kinds(EventFilter(actor="PHL")) == ["PROTEST"]
        assert kinds(EventFilter(recipient="PHL", since="2024-03-05", until="2024-03-05")) == ["REJECT", "ACCUSE",
                                                                                              "COERCE"]
        assert kinds(EventFilter(context="territory")) == ["PROTEST", "COERCE"]
        assert kinds(EventFilter(text="water CANNON")) == ["COERCE"]
        assert kinds(EventFilter(text="100%")) == []
        assert kinds(EventFilter(since="2024-04-01")) == []
        first = search_events(store, EventFilter(), limit=4)
        rest = search_events(store, EventFilter(), limit=200, cursor=first["next_cursor"])
        assert len(first["items"]) + len(rest["items"]) == len(kinds(EventFilter()))
        news = search_frameworks(store, actor="VNM", include_reference=False)["items"]
        assert {f["status"] for f in news} == {"established", "intended"}
        assert len(list_documents(store)["items"]) == 3
        view = document_view(store, sample.dispute_id)
        assert {view["text"][e["start"]:e["end"]] for e in view["evidence"]} == set(DISPUTE_BODY.split("\n"))
    finally:
        store.close()
