"""SQLite in WAL mode: an ingest running while `serve` answers queries causes no errors
(real processes: a `diplograph serve` server and a `diplograph ingest` writer)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from diplograph.store import Store

pytestmark = pytest.mark.model


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_queries_during_an_ingest_never_fail(tmp_path: Path) -> None:
    db = tmp_path / "wal.sqlite"
    Store(str(db)).close()
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for i in range(300):
            out.write(json.dumps({"id": f"w{i}", "published": "2024-04-02",
                                  "text": f"Vietnam and Japan held talks on Monday on maritime security, round {i}.\n\n"
                                          f"The two countries agreed to expand coast guard cooperation, item {i}."})
                      + "\n")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--db", str(db), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("serve did not start: " + server.stderr.read().decode()[-1000:])  # type: ignore[union-attr]
        writer = subprocess.Popen([sys.executable, "-m", "diplograph", "ingest", str(corpus), "--db", str(db),
                                   "--no-reference", "--jobs", "1", "--quiet"], stderr=subprocess.PIPE)
        statuses: list[int] = []
        with httpx.Client(base_url=base, timeout=30) as client:
            while writer.poll() is None and len(statuses) < 2000:
                for path in ("/api/countries/VNM/partners?as_of=2024-12-31", "/api/events?actor=JPN&limit=5",
                             "/api/pairs/JPN/VNM/timeline", "/api/documents?limit=5"):
                    statuses.append(client.get(path).status_code)
        _, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err.decode()[-2000:]
        assert statuses and set(statuses) == {200}, sorted(set(statuses))
        final = httpx.get(base + "/api/events?actor=JPN&limit=5", timeout=30).json()
        assert final["items"]
        assert len(statuses) >= 8
    finally:
        server.terminate()
        server.wait(timeout=30)
