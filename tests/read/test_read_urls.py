"""Reading http(s) URLs against a local server on 127.0.0.1, and the private-address guard."""

from __future__ import annotations

import json
import socket

import pytest

from diplograph.errors import FetchError
from diplograph.model import Rejected
from diplograph.read import RawRecord, fetch, iter_records
from diplograph.read.urls import check_host
from diplograph.settings import Options

STORY = "Japan and Vietnam agreed on Monday to deepen their security cooperation, officials said."
PRIVATE_OK = Options(allow_private=True, fetch_timeout=5)


def test_url_html_page(local_server: str, pages: dict) -> None:
    pages["/news/story"] = (200, "text/html; charset=utf-8", f"<html><body><p>{STORY}</p></body></html>".encode(), {})
    (record,) = iter_records([f"{local_server}/news/story"], PRIVATE_OK)
    assert isinstance(record, RawRecord) and record.html is not None and STORY in record.html
    assert record.url == f"{local_server}/news/story"
    assert record.input == f"{local_server}/news/story"


def test_url_jsonl_by_content_type(local_server: str, pages: dict) -> None:
    body = (json.dumps({"id": "u1", "text": STORY}) + "\n").encode()
    pages["/feed"] = (200, "application/x-ndjson", body, {})
    (record,) = iter_records([f"{local_server}/feed"], PRIVATE_OK)
    assert isinstance(record, RawRecord) and record.record_id == "u1"


def test_url_redirect_is_followed(local_server: str, pages: dict) -> None:
    pages["/old"] = (301, "text/plain", b"", {"Location": "/new.txt"})
    pages["/new.txt"] = (200, "text/plain; charset=utf-8", STORY.encode(), {})
    (record,) = iter_records([f"{local_server}/old"], PRIVATE_OK)
    assert isinstance(record, RawRecord) and record.text == STORY
    assert record.url == f"{local_server}/new.txt"


def test_private_url_refused_without_allow_private(local_server: str, pages: dict) -> None:
    pages["/x"] = (200, "text/plain", STORY.encode(), {})
    (rejected,) = iter_records([f"{local_server}/x"], Options())
    assert isinstance(rejected, Rejected) and rejected.reason == "private-address"
    assert "127.0.0.1" in rejected.detail


def test_every_redirect_hop_is_checked(local_server: str, pages: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    # pretend 127.0.0.1 is public so the first hop passes; the redirect to 127.0.0.2 must be refused
    monkeypatch.setattr("diplograph.read.urls._address_is_public", lambda address: address == "127.0.0.1")
    port = local_server.rsplit(":", 1)[1]
    pages["/hop"] = (302, "text/plain", b"", {"Location": f"http://127.0.0.2:{port}/secret"})
    pages["/plain"] = (200, "text/plain", STORY.encode(), {})
    (ok,) = iter_records([f"{local_server}/plain"], Options())
    assert isinstance(ok, RawRecord)
    (rejected,) = iter_records([f"{local_server}/hop"], Options())
    assert isinstance(rejected, Rejected) and rejected.reason == "private-address"
    assert "127.0.0.2" in rejected.detail


def test_a_name_that_rebinds_to_a_private_address_is_not_connected_to(local_server: str, pages: dict,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # DNS rebinding: the name answers with a public address when checked, then with the local
    # server's address; the fetch must connect to the address it checked or refuse, never to 127.0.0.1
    pages["/secret"] = (200, "text/plain", b"internal data", {})
    port = int(local_server.rsplit(":", 1)[1])
    answers = iter(["93.184.216.34"] + ["127.0.0.1"] * 10)

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(FetchError) as err:
        fetch(f"http://rebind.example:{port}/secret", Options(fetch_timeout=3))
    assert err.value.reason == "private-address"
    assert "127.0.0.1" in err.value.detail


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fd00::1", "0.0.0.0",
                                     "::ffff:127.0.0.1", "100.64.0.1", "224.0.0.1"])
def test_private_addresses_refused(address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [(family, socket.SOCK_STREAM, 6, "", (address, 80))])
    with pytest.raises(FetchError) as err:
        check_host("http://news.example/a", Options())
    assert err.value.reason == "private-address"


def test_public_address_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))])
    check_host("https://news.example/a", Options())  # no exception


def test_http_error_and_size_limit(local_server: str, pages: dict) -> None:
    pages["/big"] = (200, "text/plain", b"x" * 5000, {})
    items = list(iter_records([f"{local_server}/missing", f"{local_server}/big"], Options(allow_private=True,
                                                                                            max_bytes=1000)))
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["fetch-failed", "too-large"]


def test_unreachable_host_fails_fast() -> None:
    # a port nobody listens on
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (rejected,) = iter_records([f"http://127.0.0.1:{port}/"], PRIVATE_OK)
    assert isinstance(rejected, Rejected) and rejected.reason == "fetch-failed"


def test_fetch_function_returns_body(local_server: str, pages: dict) -> None:
    pages["/f"] = (200, "text/html; charset=iso-8859-1", "Café".encode("latin-1"), {})
    page = fetch(f"{local_server}/f", PRIVATE_OK)
    assert page.content == "Café".encode("latin-1") and page.charset == "iso-8859-1"
