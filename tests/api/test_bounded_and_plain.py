"""Bounded answers and plain errors (issue 17): /api/facts sends each fact's first evidence records
with their total and a cursor for the rest; /api/changes is paged; the country list; errors name
no command-line flag, say in plain words what is wrong, and a body that is not JSON gets 415."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apidata import TOKEN
from test_errors_and_security import assert_error

from diplograph.settings import Options

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from busy_pair import REPORTS, build_busy_pair  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def busy_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from diplograph.api import create_app

    db = build_busy_pair(str(tmp_path_factory.mktemp("busy-api") / "busy.sqlite"))
    with TestClient(create_app(Options(db=db)), client=("127.0.0.1", 50001)) as client:
        yield client


def test_a_fact_sends_five_evidence_records_and_a_cursor_for_the_rest(busy_client) -> None:  # type: ignore[no-untyped-def]
    facts = busy_client.get("/api/facts", params={"a": "FRA", "b": "IND"}).json()["items"]
    assert all(len(f["evidence"]) <= 5 for f in facts)
    assert sum(f["evidence_total"] for f in facts) == REPORTS  # every report, though few are sent
    (busy,) = [f for f in facts if f["evidence_total"] > 5]
    assert busy["evidence_cursor"]
    assert all(f["evidence_cursor"] is None for f in facts if f["evidence_total"] <= len(f["evidence"]))
    records, cursor = list(busy["evidence"]), busy["evidence_cursor"]
    pages = 0
    while cursor:
        page = busy_client.get(f"/api/facts/{busy['fact_id']}/evidence", params={"limit": 7, "cursor": cursor}).json()
        assert page["fact_id"] == busy["fact_id"] and page["evidence_total"] == busy["evidence_total"]
        assert len(page["items"]) <= 7
        records += page["items"]
        cursor, pages = page["next_cursor"], pages + 1
    assert pages == -(-(busy["evidence_total"] - 5) // 7)
    assert len(records) == len({r["doc_id"] for r in records}) == busy["evidence_total"]
    assert_error(busy_client.get("/api/facts/0123456789abcdef/evidence"), 404, "not_found")
    assert_error(busy_client.get(f"/api/facts/{busy['fact_id']}/evidence", params={"cursor": "bm9wZQ"}), 422)


def test_changes_are_paged(client) -> None:  # type: ignore[no-untyped-def]
    whole = client.get("/api/changes", params={"since": "2023-11-01", "until": "2023-12-31"}).json()
    entries = whole["frameworks"] + whole["events"]
    assert len(entries) >= 4 and whole["next_cursor"] is None
    seen: list[str] = []
    params: dict[str, Any] = {"since": "2023-11-01", "until": "2023-12-31", "limit": 1}
    while True:
        body = client.get("/api/changes", params=params).json()
        page = body["frameworks"] + body["events"]
        assert len(page) == 1
        seen += [e.get("fact_id") or e["event_id"] for e in page]
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert sorted(seen) == sorted(e.get("fact_id") or e["event_id"] for e in entries)
    assert len(set(seen)) == len(seen)
    assert_error(client.get("/api/changes", params={"since": "2023-01-01", "limit": 101}), 422, "bad_input")
    assert_error(client.get("/api/changes", params={"since": "2023-01-01", "cursor": "bm9wZQ"}), 422)


def test_the_country_list(client) -> None:  # type: ignore[no-untyped-def]
    rows = client.get("/api/countries").json()["countries"]
    by_code = {row["code"]: row for row in rows}
    facts = client.get("/api/facts", params={"actor": "VNM", "limit": 200}).json()["items"]
    assert by_code["VNM"]["partners"] == len({f["b"] if f["a"] == "VNM" else f["a"] for f in facts})
    assert by_code["VNM"]["name"] == "Vietnam"
    assert by_code["PHL"]["events"] > 0  # a party of events only counts too
    assert [row["name"].casefold() for row in rows] == sorted(row["name"].casefold() for row in rows)
    news_only = {row["code"] for row in client.get("/api/countries", params={"include_reference": "false"}).json()
                 ["countries"]}
    assert news_only < set(by_code) and {"JPN", "VNM", "PHL", "CHN"} <= news_only


BAD_REQUESTS = [
    ("/api/changes", {"since": "2024-03-01", "until": "2024-01-01"}),
    ("/api/pairs/JPN/VNM/timeline", {"since": "2024-03-01", "until": "2024-01-01"}),
    ("/api/pairs/JPN/VNM/timeline", {"since": "2024-02-30"}),
    ("/api/events", {"since": "2024-03-01", "until": "2024-01-01"}),
    ("/api/countries/VNM/partners", {"as_of": "2023-02-30"}),
    ("/api/countries/VNM/partners", {"tier": "TOP"}),
    ("/api/pairs/JPN/VNM", {"as_of": "yesterday"}),
    ("/api/changes", {}),
]


@pytest.mark.parametrize(("path", "params"), BAD_REQUESTS)
def test_api_errors_name_no_command_line_flag(client, path: str, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(client.get(path, params=params), 422, "bad_input")
    assert "--" not in body["message"], body


def test_api_errors_in_plain_words(client) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ({"json": {"text": 42}}, 'field "text" must be a string, got a number'),
        ({"json": {"text": "x", "published": "28/11/2023"}}, 'field "published" must be a YYYY-MM-DD date'),
        ({"json": {"text": "x", "colour": "red"}}, 'field "colour" is not a field this endpoint takes'),
        ({"json": {"title": "x"}}, 'field "text" is required'),
        ({"json": ["x"]}, "the request body must be a JSON object"),
        ({"content": b'{"text": "unfinished', "headers": {"content-type": "application/json"}},
         "the request body is not valid JSON (the line ends inside a string)"),
    ]
    for request, words in cases:
        body = assert_error(client.post("/api/check", **request), 422, "bad_input")
        assert words in body["message"], (request, body)
    body = assert_error(client.get("/api/events", params={"limit": 0}), 422)
    assert body["message"].startswith('query parameter "limit" must be at least 1')


def test_a_body_that_is_not_json_is_415(client) -> None:  # type: ignore[no-untyped-def]
    payload = json.dumps({"text": "Japan and Vietnam met."}).encode()
    for path, headers in (("/api/check", {}), ("/api/documents", AUTH)):
        body = assert_error(client.post(path, content=payload, headers={**headers, "content-type": "text/plain"}),
                            415, "unsupported_media_type")
        assert "application/json" in body["message"] and "text/plain" in body["message"]
    # JSON declared with a charset, or a +json type, is JSON
    assert client.post("/api/check", content=payload,
                       headers={"content-type": "application/json; charset=utf-8"}).status_code == 200


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<p>hi</p>", "ftp://example.org/a.txt",
                                 "JavaScript:void(0)"])
def test_a_url_that_is_not_http_is_an_unsupported_scheme(client, url: str) -> None:  # type: ignore[no-untyped-def]
    for body in ({"text": "Japan and Vietnam met.", "url": url}, {"url": url}):
        error = assert_error(client.post("/api/documents", json=body, headers=AUTH), 422, "unsupported_url_scheme")
        assert "http" in error["message"] and url.split(":")[0] in error["message"]
