"""`export ... --output FILE` is all or nothing (issue 16 item 4): a refused or failed export leaves an
existing FILE as it was and no partial file behind; a successful one replaces it whole. Both backends."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from kb_helpers import event, obs
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.store import Store

runner = CliRunner()
PREVIOUS = '{"an": "earlier export that must survive a failed one"}\n'


@pytest.fixture
def db(store: Store, add_article) -> str:
    add_article("Japan and Vietnam lifted ties in Tokyo on Monday and Japan offered patrol boats.", "2023-11-28",
                [obs("JPN", "VNM", "CSP", date="2023-11-27")],
                [event("AID", ["JPN"], ["VNM"], "2023-11-27")])
    return store.db


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "export.jsonl"
    path.parent.mkdir()
    path.write_text(PREVIOUS, encoding="utf-8")
    path.chmod(0o640)
    return path


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


@pytest.mark.parametrize(("args", "message"), [
    (["export", "events", "--format", "graphml"], "GraphML"),  # graphml does not fit events
    (["export", "frameworks", "--format", "xml"], "unknown format"),
    (["export", "relations", "--format", "jsonl", "--as-of", "2023-13-45"], "as_of must be"),  # fails once writing began
])
def test_a_failed_export_leaves_the_file_untouched(db: str, existing: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", db, "--output", str(existing)])
    assert result.exit_code != 0
    assert message.lower() in (str(result.exception) + result.output).lower()
    assert existing.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(existing) == []


def test_a_database_failure_half_way_leaves_the_file_untouched(db: str, existing: Path) -> None:
    """The events table goes away after the export has opened its output: the rename never happens."""
    from sqlalchemy import text

    store = Store(db)
    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE event_pairs"))
        connection.execute(text("DROP TABLE event_actors"))
        connection.execute(text("DROP TABLE events"))
    store.close()
    result = runner.invoke(app, ["export", "events", "--db", db, "--format", "jsonl", "--output", str(existing)])
    assert result.exit_code != 0
    assert existing.read_text(encoding="utf-8") == PREVIOUS and leftovers(existing) == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "parquet"])
def test_a_successful_export_replaces_the_file_and_keeps_its_permissions(db: str, existing: Path, fmt: str) -> None:
    kind = "frameworks"
    result = runner.invoke(app, ["export", kind, "--db", db, "--format", fmt, "--no-reference",
                                 "--output", str(existing)])
    assert result.exit_code == 0, result.output
    content = existing.read_bytes()
    assert content and content != PREVIOUS.encode()
    if fmt == "jsonl":
        assert [json.loads(line)["a"] for line in content.decode().splitlines()] == ["JPN"]
    assert os.stat(existing).st_mode & 0o777 == 0o640
    assert leftovers(existing) == []
