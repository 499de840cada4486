"""The app behind a real uvicorn on 127.0.0.1: the same answers over a socket, and the
loopback rule seeing the real peer address."""

from __future__ import annotations

import httpx
from apidata import TOKEN


def test_partners_over_http(live_server) -> None:  # type: ignore[no-untyped-def]
    response = httpx.get(f"{live_server.url}/api/countries/Vietnam/partners", params={"as_of": "2023-11-30"})
    assert response.status_code == 200
    top = {row["partner"] for row in response.json()["partners"] if row["tier"] == "CSP"}
    assert top == {"CHN", "RUS", "IND", "KOR", "USA", "JPN"}
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_errors_over_http(live_server) -> None:  # type: ignore[no-untyped-def]
    response = httpx.get(f"{live_server.url}/api/countries/VNM/partners", params={"as_of": "2023-02-30"})
    assert response.status_code == 422 and response.json()["code"] == "bad_input"
    response = httpx.post(f"{live_server.url}/api/check", content=b"x" * 300_000,
                          headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_loopback_client_passes_the_host_rule(live_server) -> None:  # type: ignore[no-untyped-def]
    # from 127.0.0.1 with the token, the request gets as far as the private-address rule
    response = httpx.post(f"{live_server.url}/api/documents", json={"url": "http://127.0.0.1:1/x"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
    assert response.json()["code"] == "fetch_failed"


def test_pages_over_http(live_server) -> None:  # type: ignore[no-untyped-def]
    response = httpx.get(f"{live_server.url}/country/VNM")
    assert response.status_code == 200 and "/static/country.js" in response.text
