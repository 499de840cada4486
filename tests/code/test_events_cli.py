"""`diplograph code`: JSON Lines in, one line out per input line; --text; --format table; --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


def test_code_text_one_sentence() -> None:
    result = runner.invoke(app, ["code", "--text", "Pakistan accused India of violating the ceasefire.", "--date", "2024-02-01"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip().splitlines()[-1])
    event = line["events"][0]
    assert (event["event"], event["actor"], event["recipient"]) == ("ACCUSE", ["PAK"], ["IND"])
    assert event["date"] == "2024-02-01" and event["quad_class"] == 3 and event["cameo_root"] == "11"


def test_code_input_file_with_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "1", "text": "Egypt called on Israel to open the crossing."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "3", "text": ""}) + "\n"
        + json.dumps(["a", "list"]) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["code", "--input", str(src), "--output", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["1", "line-2", "3", "line-4"]
    assert lines[0]["events"][0]["event"] == "REQUEST"
    assert all("error" in x for x in lines[1:])


def test_code_table_and_usage_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", "--text", "Cuba released five political prisoners.", "--format", "table"])
    assert result.exit_code == 0 and "RETREAT" in result.stdout
    assert runner.invoke(app, ["code"]).exit_code != 0
    assert runner.invoke(app, ["code", "--text", "x", "--format", "xml"]).exit_code != 0
    assert runner.invoke(app, ["code", "--input", str(tmp_path / "missing.jsonl")]).exit_code != 0
