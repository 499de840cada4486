"""Control characters through the API, on both backends (issue 16 item 1): a posted text with a NUL
is stored, a query parameter with a control character is a 422, and no error body shows SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from apidata import TOKEN, build_database

from diplograph.settings import Options

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = ("Kenya and Uganda signed a rail agreement in Nairobi on Wednesday, officials said.\u0000\n"
        "The two governments will share the cost of the line, the statement said.")


@contextmanager
def client_for(db: str) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from diplograph.api import create_app

    app = create_app(Options(db=db, api_token=TOKEN, jobs=1))
    with TestClient(app, client=("127.0.0.1", 40001)) as client:
        yield client


@pytest.mark.parametrize("value", ["\x00", "Japan\x00", "\x01", "\x1f", "\x7f", "\x85", "\x9f"])
def test_a_control_character_in_a_query_parameter_is_a_422(store_db: str, value: str) -> None:
    build_database(store_db)
    with client_for(store_db) as client:
        for path, name in (("/api/events", "q"), ("/api/documents", "q"), ("/api/events", "actor"),
                           ("/api/frameworks", "actor")):
            response = client.get(path, params={name: value})  # type: ignore[attr-defined]
            assert response.status_code == 422, (path, name, response.text)
            body = response.json()
            assert body["code"] == "bad_input" and name in body["message"]
        # tab, newline and ordinary text still go through
        assert client.get("/api/events", params={"q": "water\tcannon"}).status_code == 200  # type: ignore[attr-defined]
        assert client.get("/api/events", params={"q": "água"}).status_code == 200  # type: ignore[attr-defined]


@pytest.mark.model
def test_a_posted_text_with_a_nul_is_stored(store_db: str, nlp_model) -> None:  # type: ignore[no-untyped-def]
    build_database(store_db)
    with client_for(store_db) as client:
        response = client.post("/api/documents", json={"text": TEXT, "id": "k\u0000u", "published": "2024-05-15"},
                               headers=AUTH)  # type: ignore[attr-defined]
        assert response.status_code == 201, response.text
        result = response.json()
        assert (result["stored"], result["rejected"]) == (1, [])
        doc = client.get(f"/api/documents/{result['documents'][0]['doc_id']}").json()  # type: ignore[attr-defined]
        assert "\x00" not in doc["text"] and "officials said.\nThe two" in doc["text"]
        assert doc["removed"][0] == "control characters: U+0000 x2"
        assert doc["sources"][0]["record_id"] == "ku"


@pytest.mark.model
def test_a_store_failure_answers_without_sql(store_db: str, nlp_model) -> None:  # type: ignore[no-untyped-def]
    """A write that the database refuses (here: a table gone) is a 503 whose body names the problem
    but never the SQL statement or its parameters (which hold the article)."""
    from sqlalchemy import text

    from diplograph.store import Store

    build_database(store_db)
    store = Store(store_db)
    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE document_sources"))
    store.close()
    with client_for(store_db) as client:
        response = client.post("/api/documents", json={"text": TEXT.replace("\u0000", "")}, headers=AUTH)  # type: ignore[attr-defined]
        assert response.status_code == 503, response.text
        body = response.text
        assert response.json()["code"] == "store_error"
        for leak in ("[SQL", "INSERT", "SELECT", "parameters", "Kenya", "%(", "::VARCHAR"):
            assert leak not in body, (leak, body)
