"""One error body for every error, input limits, security headers, and who may write."""

from __future__ import annotations

import pytest
from apidata import TOKEN

from diplograph.settings import Options


def assert_error(response, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert {"status", "code", "message"} <= set(body)
    assert body["status"] == status
    assert body["message"]
    if code:
        assert body["code"] == code
    return body


def test_unknown_route_and_wrong_method(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")
    assert_error(client.put("/api/check", json={}), 405)


def test_bad_dates_and_unknown_countries(client) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(client.get("/api/countries/VNM/partners", params={"as_of": "2023-02-30"}), 422, "bad_input")
    assert "as_of" in body["message"] and "2023-02-30" in body["message"]
    body = assert_error(client.get("/api/countries/VNM/partners", params={"as_of": "last week"}), 422)
    assert "as_of" in body["message"]
    body = assert_error(client.get("/api/countries/Atlantis/partners"), 404, "unknown_actor")
    assert "Atlantis" in body["message"]
    assert_error(client.get("/api/pairs/JPN/Atlantis/timeline"), 404)


def test_request_bodies_are_strict(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.post("/api/check", json={"text": 42}), 422)
    assert_error(client.post("/api/check", json={"text": "x", "published": 20231128}), 422)
    assert_error(client.post("/api/check", json={"text": "x", "colour": "red"}), 422)
    assert_error(client.post("/api/check", json={"text": "x", "published": "2023-02-30"}), 422)
    body = assert_error(client.post("/api/check", content=b"{not json",
                                    headers={"content-type": "application/json"}), 422)
    assert "JSON" in body["message"]


def test_oversize_bodies_are_refused(client, options: Options) -> None:  # type: ignore[no-untyped-def]
    big = "a" * (options.api_max_body + 10)
    body = assert_error(client.post("/api/check", json={"text": big}), 413, "too_large")
    assert str(options.api_max_body) in body["message"]

    def chunks():  # type: ignore[no-untyped-def]
        # no Content-Length: the limit applies while reading
        yield b'{"text": "'
        for _ in range(options.api_max_body // 1000 + 2):
            yield b"a" * 1000
        yield b'"}'

    assert_error(client.post("/api/check", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_security_headers_on_pages_and_api(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/country/VNM", "/api/health", "/api/nothing-here", "/static/common.js"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy, path
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_and_vendored_libraries_are_served(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/country/VNM", "/pair/JPN/VNM", "/events", "/document/abc", "/changes", "/check"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        assert "<script>" not in response.text  # every script is a file (the CSP allows no inline script)
    for path in ("/static/vendor/cytoscape/cytoscape.min.js", "/static/vendor/cytoscape/LICENSE",
                 "/static/vendor/vis-timeline/vis-timeline-graph2d.min.js",
                 "/static/vendor/vis-timeline/LICENSE.md"):
        assert client.get(path).status_code == 200, path
    assert "http" not in "".join(
        line for line in client.get("/pair/JPN/VNM").text.splitlines() if "<script" in line or "<link" in line)


def test_openapi_schema(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/documents" in schema["paths"]
    assert "/country/{country}" not in schema["paths"]  # pages are not API
    responses = schema["paths"]["/api/countries/{country}/partners"]["get"]["responses"]
    assert {"404", "422"} <= set(responses)


# ---------------------------------------------------------------- writes


def write_client(options: Options, host: str = "127.0.0.1"):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from diplograph.api import create_app

    return TestClient(create_app(options), client=(host, 40000))


def test_writes_need_a_configured_token(options: Options) -> None:
    client = write_client(options.replace(api_token=""))
    assert not client.app.state.options.api_token
    body = assert_error(client.post("/api/documents", json={"text": "Japan and Vietnam met."},
                                    headers={"Authorization": "Bearer anything"}), 403, "forbidden")
    assert "api_token" in body["message"]


def test_writes_need_the_right_token(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/documents", json={"text": "Japan and Vietnam met."})
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/documents", json={"text": "Japan and Vietnam met."},
                             headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(client.post("/api/documents", json={"text": "x"}, headers={"Authorization": f"Basic {TOKEN}"}), 401)


def test_writes_from_other_hosts_are_refused_unless_enabled(options: Options) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    remote = write_client(options, host="203.0.113.7")
    body = assert_error(remote.post("/api/documents", json={"url": "http://127.0.0.1/a"}, headers=auth), 403)
    assert "203.0.113.7" in body["message"]
    allowed = write_client(options.replace(api_allow_remote_writes=True), host="203.0.113.7")
    # past the host check, the private-address rule refuses this URL
    body = assert_error(allowed.post("/api/documents", json={"url": "http://127.0.0.1/a"}, headers=auth), 422)
    assert body["code"] == "fetch_failed" and "private" in body["message"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/news", "http://localhost/news", "http://10.1.2.3/x",
                                 "http://[::1]/x", "http://169.254.169.254/latest/meta-data"])
def test_posted_urls_obey_the_private_address_rule(client, url: str) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(client.post("/api/documents", json={"url": url}, headers={"Authorization": f"Bearer {TOKEN}"}),
                        422, "fetch_failed")
    assert "private" in body["message"]


def test_write_body_is_validated(client) -> None:  # type: ignore[no-untyped-def]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert "text, html or url" in assert_error(client.post("/api/documents", json={}, headers=auth), 422)["message"]
    assert_error(client.post("/api/documents", json={"text": "a", "html": "<p>a</p>"}, headers=auth), 422)
    assert_error(client.post("/api/documents", json={"text": "a", "url": "ftp://example.org/a"}, headers=auth), 422)
    assert_error(client.post("/api/documents", json={"text": "a", "published": "28/11/2023"}, headers=auth), 422)
