"""A killed ingest leaves no worker behind, and SIGTERM ends it cleanly (issue 16 item 5). Real
processes: `diplograph ingest --jobs 2` as a subprocess, its workers found through /proc. Before the
fix the workers of a killed run kept running (for ten minutes and more, blocked on their queue)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from diplograph.errors import NotFoundError, StoreError
from diplograph.store import Store
from diplograph.store.schema import document_sources, documents

pytestmark = pytest.mark.model

DOCUMENTS = 600
COUNTRIES = ["Japan", "Vietnam", "India", "Brazil", "Kenya", "Norway", "Chile", "Egypt"]


def write_corpus(path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(DOCUMENTS):
            a, b = COUNTRIES[i % 8], COUNTRIES[(i * 3 + 1) % 8]
            text = (f"{a} and {b} held talks on trade on Monday, officials said in report number {i}.\n\n"
                    f"The ministers agreed to meet again next year to review item {i * 7}.")
            out.write(json.dumps({"id": f"s{i}", "published": "2024-05-14", "text": text}) + "\n")


def counts(db: str) -> tuple[int, int]:
    """(documents, document sources) stored so far; (0, 0) before the schema exists."""
    try:
        store = Store(db, create=False)
    except (NotFoundError, StoreError):
        return 0, 0
    try:
        with store.engine.connect() as c:
            return (int(c.execute(select(func.count()).select_from(documents)).scalar() or 0),
                    int(c.execute(select(func.count()).select_from(document_sources)).scalar() or 0))
    except Exception:  # noqa: BLE001 - a table being created or a locked file: not yet
        return 0, 0
    finally:
        store.close()


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc/PID/stat)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    write_corpus(path)
    return path


@pytest.fixture
def started(corpus: Path, store_db: str, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], list[int], list[str]]]:
    """An ingest with two workers, some documents stored; its workers are ended at teardown
    whatever the test did (a failing run must not leave processes behind)."""
    cmd = [sys.executable, "-m", "diplograph", "ingest", str(corpus), "--db", store_db, "--no-reference",
           "--jobs", "2", "--quiet", "--report", str(tmp_path / "report.json")]
    with open(tmp_path / "stderr.txt", "wb") as stderr:  # not a pipe: orphaned workers would hold it open
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None and counts(store_db)[0] < 32:
            time.sleep(0.1)
        workers = children(proc.pid)
        assert proc.poll() is None, "the ingest ended before it could be stopped: " + \
            (tmp_path / "stderr.txt").read_text()[-1000:]
        assert len(workers) == 2, workers
        yield proc, workers, cmd
    finally:
        for pid in [proc.pid, *workers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait(timeout=30)


def rerun_stores_the_rest(cmd: list[str], db: str, report_path: Path, stored_before: int) -> None:
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["interrupted"] is None
    assert (report["read"], report["stored"], report["duplicates"]) == (DOCUMENTS, DOCUMENTS - stored_before,
                                                                        stored_before)
    assert counts(db) == (DOCUMENTS, DOCUMENTS)  # every text once, every record once


def test_kill_9_of_the_parent_ends_its_workers(started, store_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    proc, workers, cmd = started
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert wait_until_gone(workers, 5) == [], "workers outlived their parent by 5 s"
    stored = counts(store_db)[0]
    assert 0 < stored < DOCUMENTS
    rerun_stores_the_rest(cmd, store_db, tmp_path / "report.json", stored)


def test_sigterm_ends_the_run_cleanly(started, store_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    proc, workers, cmd = started
    os.kill(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    assert wait_until_gone(workers, 5) == []
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["interrupted"] == "SIGTERM"
    stored, sources = counts(store_db)
    # what the report says was stored is what the database holds
    assert 0 < report["stored"] == stored == sources < DOCUMENTS
    assert report["read"] == report["stored"] + report["duplicates"] + len(report["rejected"])
    assert "interrupted by SIGTERM" in (tmp_path / "stderr.txt").read_text()
    rerun_stores_the_rest(cmd, store_db, tmp_path / "report.json", stored)
