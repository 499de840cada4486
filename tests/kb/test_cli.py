"""The kb commands and exports through the command line (Typer's runner, no subprocess)."""

from __future__ import annotations

import json

import pytest
from kb_helpers import obs
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.kb.reference import load_reference, read_table
from diplograph.store import Store

runner = CliRunner()


@pytest.fixture
def db(store: Store, add_article) -> str:
    load_reference(store)
    add_article("Japan and Vietnam lifted ties in Tokyo on Monday.", "2023-11-28",
                [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    return store.db


def _json(args: list[str]) -> object:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_partners_json_contract(db: str) -> None:
    rows = _json(["partners", "Vietnam", "--db", db, "--as-of", "2023-11-30", "--format", "json", "--tier", "CSP"])
    assert {r["partner"] for r in rows} == {"CHN", "RUS", "IND", "KOR", "USA", "JPN"}
    for row in rows:
        assert {"partner", "tier", "label", "labels", "since", "in_force_by", "sources"} <= set(row)
    japan = next(r for r in rows if r["partner"] == "JPN")
    assert japan["sources"] == 2 and japan["since"] == "2023-11-27"


def test_partners_rung_follows_the_country_ladder(db: str) -> None:
    rows = _json(["partners", "Vietnam", "--db", db, "--as-of", "2023-11-30", "--format", "json"])
    # Vietnam's ladder: CSP 1 > SP 2 > CP 3, and the list follows it
    assert [r["rung"] for r in rows] == sorted(r["rung"] for r in rows)
    assert {r["tier"]: r["rung"] for r in rows} == {"CSP": 1, "SP": 2, "CP": 3}
    top = _json(["partners", "VNM", "--db", db, "--as-of", "2023-11-30", "--format", "json", "--rung", "1"])
    assert {r["partner"] for r in top} == {"CHN", "RUS", "IND", "KOR", "USA", "JPN"}
    china = _json(["partners", "China", "--db", db, "--as-of", "2023-11-30", "--format", "json", "--rung", "1"])
    assert china and all(r["tier"] == "OTHER" and r["rung"] == 1 for r in china)
    table = runner.invoke(app, ["partners", "CHN", "--db", db, "--as-of", "2023-11-30", "--rung", "1"])
    assert table.exit_code == 0 and "on rung 1" in table.stdout and "PAK" in table.stdout
    too_low = runner.invoke(app, ["partners", "VNM", "--db", db, "--rung", "4"])
    assert too_low.exit_code != 0 and "between 1 and 3" in str(too_low.exception)


def test_partners_no_reference(db: str) -> None:
    rows = _json(["partners", "VNM", "--db", db, "--as-of", "2023-11-30", "--format", "json", "--no-reference"])
    assert [r["partner"] for r in rows] == ["JPN"]


def test_partners_table_and_errors(db: str, tmp_path) -> None:
    result = runner.invoke(app, ["partners", "VNM", "--db", db, "--as-of", "2023-11-30"])
    assert result.exit_code == 0 and "JPN" in result.stdout
    unknown = runner.invoke(app, ["partners", "Atlantis", "--db", db, "--format", "json"])
    assert unknown.exit_code != 0 and isinstance(unknown.exception, Exception)
    missing = runner.invoke(app, ["partners", "VNM", "--db", str(tmp_path / "nothing" / "x.sqlite")])
    assert missing.exit_code != 0


def test_timeline_changes_check(db: str, tmp_path) -> None:
    timeline = _json(["timeline", "JPN", "Vietnam", "--db", db, "--format", "json"])
    changes = [e["change"] for e in timeline["entries"] if e["kind"] == "framework"]
    assert changes[0] == "new" and changes[-1] == "upgrade"
    result = _json(["changes", "--since", "2023-11-01", "--until", "2023-11-30", "--db", db, "--format", "json"])
    # the reference table's changes of November 2023, and Japan-Vietnam's from the news as well
    expected = {(r.a, r.b) for r in read_table().rows if r.date.startswith("2023-11")}
    got = [(e["a"], e["b"], e["change"]) for e in result["frameworks"]]
    assert {(a, b) for a, b, _ in got} == expected | {("JPN", "VNM")}
    assert ("IDN", "USA", "upgrade") in got and ("JPN", "VNM", "upgrade") in got
    news = _json(["changes", "--since", "2023-11-01", "--until", "2023-11-30", "--db", db, "--format", "json",
                  "--no-reference"])
    assert [(e["a"], e["b"], e["change"]) for e in news["frameworks"]] == [("JPN", "VNM", "new")]
    article = tmp_path / "claim.txt"
    article.write_text("Japan joins China, US, India as top-tier partners of Vietnam\nBody.\n", encoding="utf-8")
    report = _json(["check", str(article), "--db", db, "--published", "2023-11-28", "--format", "json"])
    assert report["verdict"] == "incomplete"
    stdin = runner.invoke(app, ["check", "-", "--db", db, "--format", "json"],
                          input=json.dumps({"title": "Japan joins China, US, India as top-tier partners of Vietnam",
                                            "text": "", "published": "2023-11-28"}))
    assert stdin.exit_code == 0 and json.loads(stdin.stdout)["verdict"] == "incomplete"


def test_export_commands(db: str, tmp_path) -> None:
    result = runner.invoke(app, ["export", "frameworks", "--db", db, "--format", "jsonl", "--no-reference"])
    assert result.exit_code == 0
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["news"]
    no_output = runner.invoke(app, ["export", "facts", "--db", db, "--format", "parquet"])
    assert no_output.exit_code != 0
    target = tmp_path / "facts.parquet"
    written = runner.invoke(app, ["export", "facts", "--db", db, "--format", "parquet", "--output", str(target)])
    assert written.exit_code == 0 and target.stat().st_size > 0
    graph = runner.invoke(app, ["export", "relations", "--db", db, "--format", "graphml", "--output",
                                str(tmp_path / "r.graphml"), "--as-of", "2024-01-01"])
    assert graph.exit_code == 0
