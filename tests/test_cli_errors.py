"""Mistakes a new user makes get one readable line on stderr and the exit code of errors.py (never a
traceback), read commands never create a database, and the options are checked (issue 17)."""

from __future__ import annotations

import inspect
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph import errors
from diplograph.cli import app
from diplograph.errors import ConfigError, InputError, NotFoundError, StoreError
from diplograph.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "news"


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed command as a user runs it: a new process, its real exit code and stderr."""
    return subprocess.run([sys.executable, "-m", "diplograph", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "250", **(env or {})})


def assert_one_line_error(run: subprocess.CompletedProcess[str], exit_code: int, *words: str) -> str:
    assert run.returncode == exit_code, (run.returncode, run.stdout[-500:], run.stderr[-2000:])
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _read_commands(db: str) -> list[list[str]]:
    return [
        ["partners", "VNM", "--db", db],
        ["timeline", "JPN", "VNM", "--db", db],
        ["changes", "--since", "2023-01-01", "--db", db],
        ["export", "events", "--db", db, "--format", "jsonl"],
        ["check", str(ROOT / "examples" / "claims" / "japan-joins-top-tier.txt"), "--db", db],
        ["serve", "--db", db, "--port", str(_free_port())],
    ]


@pytest.mark.parametrize("kind", ["folder", "not a database", "unreachable PostgreSQL"])
def test_a_bad_database_is_one_line_and_the_store_exit_code(tmp_path: Path, kind: str) -> None:
    if kind == "folder":
        db, words = str(tmp_path), ("is a folder",)
    elif kind == "not a database":
        (tmp_path / "notes.sqlite").write_text("these are my notes, not a database\n", encoding="utf-8")
        db, words = str(tmp_path / "notes.sqlite"), ("is not a SQLite database",)
    else:
        db, words = f"postgresql://reader:s3cret@127.0.0.1:{_free_port()}/kb", ("PostgreSQL", "refused")
    for command in _read_commands(db):
        line = assert_one_line_error(run_cli(*command, timeout=60), StoreError.exit_code, *words)
        assert "s3cret" not in line  # a password in the URL is not shown


def test_read_commands_never_create_a_database(tmp_path: Path) -> None:
    db = tmp_path / "typo.sqlite"
    for command in _read_commands(str(db)) + [["recode", "--db", str(db)]]:
        assert_one_line_error(run_cli(*command, timeout=60), NotFoundError.exit_code, "no diplograph database")
        assert sorted(p.name for p in tmp_path.iterdir()) == [], command


def test_train_with_too_few_examples(tmp_path: Path) -> None:
    data = tmp_path / "few.jsonl"
    data.write_text('{"text": "Japan and Vietnam held talks.", "event": "CONSULT"}\n'
                    '{"text": "China protested to the Philippines.", "event": "PROTEST"}\n', encoding="utf-8")
    run = run_cli("train", "--data", str(data), "--output", str(tmp_path / "model.zip"))
    assert_one_line_error(run, InputError.exit_code, "too few training examples", "AGREE")
    assert not (tmp_path / "model.zip").exists()


def test_the_readme_lists_every_exit_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Exit codes"):]
    rows = {}
    for line in section.splitlines()[1:]:
        if line.startswith("#"):
            break
        match = re.match(r"\|\s*(\d+)\s*\|(.*)\|", line)
        if match:
            rows[int(match.group(1))] = match.group(2)
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.DiplographError)]
    for cls in classes:
        assert cls.exit_code in rows, cls
        assert cls.__name__ in rows[cls.exit_code], (cls.__name__, rows[cls.exit_code])
    assert {0, 2, 130} <= set(rows)  # success; usage errors (also Typer's own); interrupted


def test_no_input_that_exists_is_an_input_error_before_anything_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    run = run_cli("ingest", str(tmp_path / "nope.txt"), str(tmp_path / "nope.jsonl"), "--db", str(db))
    assert_one_line_error(run, InputError.exit_code, "nothing to read", "nope.txt")
    assert not db.exists()  # not even the reference table was loaded
    run = run_cli("ingest", str(tmp_path / "nope.txt"), "--db", str(db), "--engine", "ray")
    assert_one_line_error(run, InputError.exit_code, "nothing to read")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.model
def test_a_bad_date_option_is_a_usage_error_and_a_bad_line_date_a_line_error(tmp_path: Path) -> None:
    run = run_cli("code", "--text", "Japan and Vietnam held talks on Monday.", "--date", "2023-02-30")
    assert_one_line_error(run, ConfigError.exit_code, "--date", "2023-02-30")
    assert run.stdout == ""
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": "a", "text": "Japan and Vietnam held talks on Monday.", "date": "2023-02-30"}\n'
                     '{"id": "b", "text": 42}\n'
                     '{"id": "c", "text": "Japan and Vietnam held talks on Monday.", "date": "2023-11-28"}\n'
                     '{"id": "d", "text": "unfinished\n', encoding="utf-8")
    run = run_cli("code", "--input", str(lines))
    assert run.returncode == 0, run.stderr
    import json

    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", "line-4"]
    assert out[0]["error"] == ("line 1: field \"date\" must be a clear date (YYYY-MM-DD), got '2023-02-30': "
                               "there is no day 2023-02-30")
    assert out[1]["error"] == 'line 2: field "text" must be a string, got a number'
    assert "error" not in out[2] and out[2]["events"][0]["date"] == "2023-11-27"
    assert out[3]["error"] == "line 4: not valid JSON (the line ends inside a string)"


def test_negative_jobs_are_refused(tmp_path: Path) -> None:
    for command in (["ingest", str(FIXTURES), "--db", str(tmp_path / "x.sqlite")], ["code", "--text", "x"],
                    ["recode", "--db", str(tmp_path / "x.sqlite")]):
        run = run_cli(*command, "--jobs", "-3")
        assert run.returncode == 2 and "--jobs" in run.stderr, (command, run.stderr)
    run = run_cli("ingest", str(FIXTURES), "--db", str(tmp_path / "x.sqlite"), env={"DIPLOGRAPH_JOBS": "-3"})
    assert_one_line_error(run, ConfigError.exit_code, "jobs must be 0")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_ingest_help_names_the_ray_extra() -> None:
    run = run_cli("ingest", "--help")
    assert run.returncode == 0
    assert "pip install 'diplograph[ray]'" in run.stdout


def test_serve_on_every_address_says_where_and_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    db = str(tmp_path / "kb.sqlite")
    Store(db).close()
    listened: list[tuple[str, int]] = []
    # nothing is bound here (servers in tests bind to 127.0.0.1 only): the command's messages are the test
    monkeypatch.setattr(uvicorn, "run", lambda _app, host, port, **_kw: listened.append((host, port)))
    result = CliRunner().invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert listened == [("0.0.0.0", 8123)]
    assert "0.0.0.0:8123" in result.stdout and "http://127.0.0.1:8123/" in result.stdout
    assert "reachable from other machines" in result.stderr
    result = CliRunner().invoke(app, ["serve", "--db", db, "--port", "8124"])
    assert "http://127.0.0.1:8124/" in result.stdout and "reachable" not in result.stderr
