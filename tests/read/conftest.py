"""A local HTTP server on 127.0.0.1 (in a thread) for the URL-reading tests."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

PAGES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, content_type, body, headers = PAGES.get(self.path, (404, "text/plain", b"not found", {}))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the log
        return


@pytest.fixture(scope="session")
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def pages() -> Iterator[dict[str, tuple[int, str, bytes, dict[str, str]]]]:
    """Register pages for the server: path -> (status, content type, body, extra headers)."""
    PAGES.clear()
    yield PAGES
    PAGES.clear()
