"""`diplograph clean`: the contract's JSON Lines, the readable form, rejects on stderr."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import diplograph.cli  # noqa: F401 - registers the commands
from diplograph.cli.app import app
from diplograph.errors import InputError

STORY = ("Japan and Vietnam agreed on Monday to deepen their security cooperation, officials said.\n\n"
         "The leaders met in Tokyo for two hours.")
TEASER = "Brazil, Argentina vow to revive trade bloc talks before year end"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["clean", *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_jsonl_contract(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text("\n".join([
        json.dumps({"id": "n1", "title": "Japan, Vietnam deepen ties", "published": "2023-11-28",
                    "url": "https://example.org/n1", "text": f"Japan, Vietnam deepen ties\n\n{STORY}\n\n{TEASER}\n\nSource link"}),
        "{broken",
    ]) + "\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Japan, Vietnam deepen ties\n\n{STORY}\n", encoding="utf-8")
    code, out, err = run(str(news), str(plain), "--format", "jsonl")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["id"] == "n1"
    assert first["title"] == "Japan, Vietnam deepen ties"
    assert first["text"] == STORY
    assert first["removed"] == [TEASER, "Source link"]
    assert first["published"] == "2023-11-28" and first["url"] == "https://example.org/n1"
    assert first["language"] == "en"
    # same text, no record id: the id is the content hash, equal to the JSONL record's
    assert second["id"] == second["doc_id"] == first["doc_id"]
    assert f"rejected: {news}#line 2: bad-json:" in err


def test_clean_text_format_and_output_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Japan, Vietnam deepen ties\n\n{STORY}\n\n{TEASER}\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    code, out, _ = run(str(plain), "--format", "text", "--output", str(target), "--published", "2024-01-02")
    assert code == 0 and out == ""
    written = target.read_text(encoding="utf-8")
    assert "title: Japan, Vietnam deepen ties" in written and "published: 2024-01-02" in written
    assert f"   - {TEASER}" in written


def test_clean_bad_options_and_missing_input(tmp_path: Path) -> None:
    code, _, _ = run(str(tmp_path), "--published", "28/11/2023")
    assert code != 0
    code, _, _ = run(str(tmp_path), "--format", "xml")
    assert code != 0
    # one missing path among others is that input's reject; nothing there at all is the run's error
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Japan, Vietnam deepen ties\n\n{STORY}\n", encoding="utf-8")
    code, out, err = run("/nonexistent/diplograph.txt", str(plain))
    assert code == 0 and len(out.splitlines()) == 1
    assert "not-found" in err
    result = CliRunner().invoke(app, ["clean", "/nonexistent/diplograph.txt"])
    assert isinstance(result.exception, InputError) and result.exception.exit_code == 3
    assert result.stdout == ""
