"""POST /api/documents stores a document that the read endpoints then serve (needs the model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apidata import TOKEN

from diplograph.settings import Options

ARTICLE = (
    "Vietnam and Australia upgraded their relations to a comprehensive strategic partnership on Thursday, "
    "the two prime ministers said in a joint statement in Canberra.\n"
    "Australia will also provide new development aid to Vietnam, the statement said."
)


@pytest.mark.model
def test_posted_article_is_stored_coded_and_served(tmp_path: Path, nlp_model) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from diplograph.api import create_app

    options = Options(db=str(tmp_path / "write.sqlite"), api_token=TOKEN, jobs=1)
    with TestClient(create_app(options), client=("127.0.0.1", 40000)) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        body = {"title": "Vietnam, Australia lift ties", "text": ARTICLE, "published": "2024-03-08", "id": "au-1"}
        response = client.post("/api/documents", json=body, headers=auth)
        assert response.status_code == 201, response.text
        result = response.json()
        assert (result["read"], result["stored"], result["duplicates"]) == (1, 1, 0)
        doc_id = result["documents"][0]["doc_id"]
        again = client.post("/api/documents", json=body, headers=auth).json()
        assert (again["stored"], again["duplicates"]) == (0, 1)

        doc = client.get(f"/api/documents/{doc_id}").json()
        assert "Canberra" in doc["text"]
        assert doc["sources"][0]["record_id"] == "au-1"
        assert {tuple(m["codes"]) for m in doc["mentions"]} >= {("VNM",), ("AUS",)}
        frameworks = client.get("/api/frameworks", params={"a": "AUS", "b": "VNM"}).json()["items"]
        assert any(f["tier"] == "CSP" and f["doc_id"] == doc_id for f in frameworks)
        for span in doc["evidence"]:
            assert doc["text"][span["start"]:span["end"]].strip()
