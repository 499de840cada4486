"""Bad inputs (issue 2 item 7, reading side): each becomes a Rejected with a clear reason and
the batch goes on."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from diplograph.model import Rejected
from diplograph.read import RawRecord, iter_records
from diplograph.settings import Options

STORY = "Japan and Vietnam agreed on Monday to deepen their security cooperation, officials said."


def outcome(path: Path | str, options: Options | None = None) -> list[RawRecord | Rejected]:
    """The items for ``path`` followed by those of a good file: the good one must always come through."""
    good = Path(str(path) + ".good.txt") if not str(path).startswith("/nonexistent") else None
    items = list(iter_records([str(path)], options or Options()))
    if good is not None:
        good.write_text(STORY, encoding="utf-8")
        after = list(iter_records([str(path), str(good)], options or Options()))
        assert isinstance(after[-1], RawRecord) and after[-1].text == STORY
    return items


def reason_of(items: list[RawRecord | Rejected]) -> str:
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert rejected, items
    return rejected[-1].reason


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"  \n\n \t ")
    empty_jsonl = tmp_path / "empty.jsonl"
    empty_jsonl.write_bytes(b"\n\n")
    for path in (empty, blank, empty_jsonl):
        assert reason_of(outcome(path)) == "empty"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 40)
    assert reason_of(outcome(path)) == "binary"
    disguised = tmp_path / "notes.txt"
    disguised.write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    assert reason_of(outcome(disguised)) == "binary"


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress((STORY * 200).encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    assert reason_of(outcome(path)) == "truncated-gzip"


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": str(n), "text": f"{STORY} {n} {os.urandom(8).hex()}"}) + "\n" for n in range(5000))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = outcome(path)
    assert sum(isinstance(i, RawRecord) for i in items) > 1000
    assert isinstance(items[-1], Rejected) and items[-1].reason == "truncated-gzip"


def test_decompression_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"\x20" * (8 << 20), compresslevel=9))  # 8 MiB of spaces, ~8 KB
    assert path.stat().st_size < 100_000
    assert reason_of(outcome(path)) == "decompression-bomb"
    jsonl = tmp_path / "bomb.jsonl.gz"
    jsonl.write_bytes(gzip.compress(b'{"text": "' + b"a" * (8 << 20) + b'"}\n', compresslevel=9))
    assert reason_of(outcome(jsonl)) == "decompression-bomb"


def test_gzip_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(os.urandom(3000).hex().encode()))
    assert reason_of(outcome(path, Options(max_bytes=2000))) == "decompression-bomb"
    assert isinstance(outcome(path, Options(max_bytes=10_000))[0], RawRecord)


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100, encoding="utf-8")
    items = outcome(path, Options(max_bytes=1000))
    assert reason_of(items) == "too-large"
    assert "1000" in items[0].detail  # type: ignore[union-attr]


def test_malformed_html_still_yields_a_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(f"<html><body><div><p>{STORY}<div><b>unclosed <p>tags <<>> &bogus; </table>", encoding="utf-8")
    (record,) = outcome(path)
    assert isinstance(record, RawRecord) and record.html is not None


def test_missing_path() -> None:
    items = list(iter_records(["/nonexistent/diplograph/x.txt"], Options()))
    assert reason_of(items) == "not-found"
    assert items[0].input == "/nonexistent/diplograph/x.txt"


def test_unreadable_path_fifo(tmp_path: Path) -> None:
    # a FIFO is unreadable for us whoever runs the tests (root reads chmod-000 files); opening it
    # would block, so the reader must refuse it without opening it
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reason_of(outcome(fifo)) == "unreadable"


def test_unreadable_path_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:
        # root reads files whatever their mode: let access() answer as it would for a user
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == path else real_access(p, mode, **kw))
    try:
        assert reason_of(outcome(path)) == "unreadable"
    finally:
        path.chmod(0o644)


def test_malformed_jsonl_lines_each_rejected(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps({"text": STORY}), "{'single': 'quotes'}", "null", "[1,",
                               json.dumps({"text": STORY + " Two."})]) + "\n", encoding="utf-8")
    items = outcome(path)
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad-json"] * 3
    assert sum(isinstance(i, RawRecord) for i in items) == 2


def test_bad_inputs_in_one_batch(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.bin").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "c-good.txt").write_text(STORY, encoding="utf-8")
    items = list(iter_records([str(tmp_path), "/nonexistent/y"], Options()))
    assert [(type(i).__name__, getattr(i, "reason", None)) for i in items] == [
        ("Rejected", "empty"), ("Rejected", "binary"), ("RawRecord", None), ("Rejected", "not-found")]
