"""Progress on a terminal: ingest shows a total and the time left where its inputs' size is known,
`recode --all` shows how far it is (issue 17). The commands run under a pseudo-terminal, as a user
sees them."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from diplograph.read.count import count_records

FIXTURES = Path(__file__).parent / "fixtures" / "news"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_in_terminal(*args: str, timeout: float = 300) -> tuple[int, str]:
    """Run ``diplograph ARGS`` with a 160-column pseudo-terminal as its stdout and stderr; its exit
    code and everything it drew (escape sequences removed)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("COLUMNS", None)
    proc = subprocess.Popen([sys.executable, "-m", "diplograph", *args], stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # the child closed its side
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, ANSI.sub("", b"".join(chunks).decode("utf-8", errors="replace"))


def test_count_records_where_it_can_be_known(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Japan and Vietnam held talks.\n", encoding="utf-8")
    (folder / "sub" / "b.html").write_text("<html><body><p>Chile and Peru met.</p></body></html>", encoding="utf-8")
    (folder / "c.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n   \n{broken\n', encoding="utf-8")
    (folder / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("skipped", encoding="utf-8")
    # 1 + 1 + 3 lines (a broken line is one reject) + 1 (an empty file is one reject) + 1 missing path
    assert count_records([str(folder), str(tmp_path / "missing.txt")]) == 7
    assert count_records([str(FIXTURES)]) == 1 + sum(1 for line in (FIXTURES / "feed.jsonl").open() if line.strip())
    (folder / "d.csv").write_text("id,text\n1,hello\n", encoding="utf-8")
    assert count_records([str(folder)]) is None  # a CSV's rows are not counted before reading
    assert count_records(["https://example.org/news"]) is None
    assert count_records([str(folder / "c.jsonl")], max_scan_bytes=10) is None  # too big to scan


@pytest.mark.model
def test_ingest_progress_has_a_total_and_the_time_left(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    code, drawn = run_in_terminal("ingest", str(FIXTURES), "--db", str(db), "--no-reference", "--jobs", "1",
                                  "--report", str(tmp_path / "report.json"))
    assert code == 0, drawn[-2000:]
    total = count_records([str(FIXTURES)])
    read = json.loads((tmp_path / "report.json").read_text())["read"]
    assert read == total
    assert re.search(rf"\b\d+ of {total} read\b", drawn), drawn[-2000:]
    assert "left" in drawn


@pytest.mark.model
def test_recode_all_shows_progress(tmp_path: Path) -> None:
    from diplograph.ingest import ingest
    from diplograph.recode import recode
    from diplograph.settings import load_options

    db = str(tmp_path / "r.sqlite")
    options = load_options(db=db, jobs=1)
    ingest([str(FIXTURES)], options, load_reference=False)
    seen: list[tuple[int, int]] = []
    report = recode(options, everything=True, progress=lambda done, total: seen.append((done, total)))
    n = report.recoded
    assert n >= 3 and seen == [(i, n) for i in range(n + 1)]
    code, drawn = run_in_terminal("recode", "--all", "--db", db)
    assert code == 0, drawn[-2000:]
    assert re.search(rf"\b\d+ of {n} re-coded\b", drawn), drawn[-2000:]
    assert f"re-coded {n} of {n} documents" in drawn
