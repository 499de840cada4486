"""Each reader: plain text (encodings), HTML, JSON Lines, JSON, CSV, RSS/Atom, WARC, gzip, folders."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from diplograph.dates import parse_publication_date as parse_date
from diplograph.model import Rejected
from diplograph.read import RawRecord, iter_records
from diplograph.settings import Options

STORY = "Japan and Vietnam agreed on Monday to deepen their security cooperation, officials said."
OPTIONS = Options()


def read(*paths: Path | str, options: Options = OPTIONS) -> list[RawRecord | Rejected]:
    return list(iter_records([str(p) for p in paths], options))


def only_record(items: list[RawRecord | Rejected]) -> RawRecord:
    assert len(items) == 1, items
    assert isinstance(items[0], RawRecord), items[0]
    return items[0]


# --- plain text and encodings ---------------------------------------------------------------------

def test_plain_text_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Vietnam’s top-tier partners\n\n{STORY}\n", encoding="utf-8")
    record = only_record(read(path))
    assert record.text is not None and "Vietnam’s top-tier partners" in record.text
    assert record.input == str(path)


def test_plain_text_latin1_and_cp1252(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("São Paulo and Hà Nội? No: Besançon, Zürich and Malmö signed a café accord.".encode("latin-1", "replace"))
    cp = tmp_path / "cp.txt"
    cp.write_bytes("The minister called it a “historic” step – a new era for both nations’ ties.".encode("cp1252"))
    records = read(latin, cp)
    texts = [r.text for r in records if isinstance(r, RawRecord)]
    assert len(texts) == 2
    assert "Zürich" in texts[0] and "Besançon" in texts[0]
    assert "“historic”" in texts[1] and "nations’" in texts[1]


def test_plain_text_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(STORY.encode("utf-16"))
    assert only_record(read(path)).text == STORY


def test_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "story"
    page.write_text(f"<!DOCTYPE html><html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    text = tmp_path / "note"
    text.write_text(STORY, encoding="utf-8")
    records = read(page, text)
    assert isinstance(records[0], RawRecord) and records[0].html and not records[0].text
    assert isinstance(records[1], RawRecord) and records[1].text == STORY


# --- HTML -----------------------------------------------------------------------------------------------

def test_html_file_and_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(f'<html><head><meta charset="windows-1252"><title>Accord</title></head>'
                     f"<body><p>“{STORY}”</p></body></html>".encode("cp1252"))
    record = only_record(read(path))
    assert record.html is not None and f"“{STORY}”" in record.html


def test_txt_holding_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    assert only_record(read(path)).html is not None


# --- JSON Lines, JSON, CSV --------------------------------------------------------------------------------

def test_jsonl_contract_fields_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a1", "url": "https://example.org/a1", "title": "Accord", "published": "2023-11-28",
                    "text": STORY}),
        "{not json",
        json.dumps({"id": "a2", "title": "No body"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "html": f"<p>{STORY}</p>", "published": "2023-11-28T09:30:00+07:00"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["RawRecord", "Rejected", "Rejected", "Rejected", "RawRecord"]
    first, bad, empty, listed, last = items
    assert isinstance(first, RawRecord)
    assert (first.record_id, first.url, first.title, first.published, first.text) == (
        "a1", "https://example.org/a1", "Accord", dt.date(2023, 11, 28), STORY)
    assert first.input == f"{path}#line 1"
    assert isinstance(bad, Rejected) and bad.reason == "bad-json" and bad.input == f"{path}#line 2"
    assert isinstance(empty, Rejected) and empty.reason == "no-text" and empty.record_id == "a2"
    assert isinstance(listed, Rejected) and listed.reason == "bad-json"
    assert isinstance(last, RawRecord) and last.record_id == "7" and last.html and last.published == dt.date(2023, 11, 28)


def test_jsonl_streams_2000_lines(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(2000):
            out.write(json.dumps({"id": str(n), "text": f"{STORY} Item {n}."}) + "\n")
    stream = iter_records([str(path)], OPTIONS)
    first = next(stream)
    assert isinstance(first, RawRecord) and first.record_id == "0"
    assert sum(1 for _ in stream) == 1999


def test_jsonl_line_over_limit_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x" * 5000}) + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n",
                    encoding="utf-8")
    items = read(path, options=Options(max_bytes=1000))
    assert isinstance(items[0], Rejected) and items[0].reason == "too-large"
    assert isinstance(items[1], RawRecord) and items[1].record_id == "ok"


def test_json_array(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text(json.dumps([{"id": "x", "text": STORY}, {"id": "y", "body": STORY}]), encoding="utf-8")
    records = read(path)
    assert [r.record_id for r in records if isinstance(r, RawRecord)] == ["x", "y"]


def test_csv_with_header(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text('id,title,published,url,text\n1,Accord,2023-11-28,https://e.org/1,"' + STORY + ' ""Quoted"", yes."\n'
                    '2,Empty,,,\n', encoding="utf-8")
    items = read(path)
    first, second = items
    assert isinstance(first, RawRecord) and first.record_id == "1" and first.published == dt.date(2023, 11, 28)
    assert first.text is not None and '"Quoted", yes.' in first.text
    assert isinstance(second, Rejected) and second.reason == "no-text"


def test_csv_semicolon_cp1252_and_unknown_header(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(f"title;text\nCafé accord;{STORY} – “new era”\n".encode("cp1252"))
    record = only_record(read(path))
    assert record.title == "Café accord" and record.text is not None and "“new era”" in record.text
    bad = tmp_path / "other.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    (rejected,) = read(bad)
    assert isinstance(rejected, Rejected) and rejected.reason == "bad-csv"


# --- gzip, folders -----------------------------------------------------------------------------------------

def test_gzip_of_text_and_jsonl(tmp_path: Path) -> None:
    text = tmp_path / "a.txt.gz"
    text.write_bytes(gzip.compress(STORY.encode("utf-8")))
    lines = tmp_path / "b.jsonl.gz"
    lines.write_bytes(gzip.compress((json.dumps({"id": "g", "text": STORY}) + "\n").encode("utf-8")))
    unnamed = tmp_path / "c.gz"
    unnamed.write_bytes(gzip.compress(f"<html><body><p>{STORY}</p></body></html>".encode()))
    first, second, third = read(text, lines, unnamed)
    assert isinstance(first, RawRecord) and first.text == STORY
    assert isinstance(second, RawRecord) and second.record_id == "g"
    assert isinstance(third, RawRecord) and third.html is not None


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY + " Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY + " One.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": STORY + " Three."}) + "\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("secret", encoding="utf-8")
    records = read(tmp_path)
    assert [r.text.split()[-1] for r in records if isinstance(r, RawRecord) and r.text] == ["One.", "Two.", "Three."]


def test_overrides_apply_to_every_record(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "2020-01-01", "url": "https://old", "text": STORY}) + "\n",
                    encoding="utf-8")
    record = only_record(read(path, options=Options(published="2023-11-28", url="https://new")))
    assert record.published == dt.date(2023, 11, 28) and record.url == "https://new"


def test_parse_date_forms() -> None:
    assert parse_date("2023-11-28") == dt.date(2023, 11, 28)
    assert parse_date("2023-11-28T23:10:00Z") == dt.date(2023, 11, 28)
    assert parse_date("Tue, 28 Nov 2023 08:00:00 GMT") == dt.date(2023, 11, 28)
    assert parse_date("28/11/2023") == dt.date(2023, 11, 28)  # 28 cannot be a month
    assert parse_date("03/11/2023") is None  # 3 November or 11 March: not guessed
    assert parse_date("2023-02-30") is None
    assert parse_date(None) is None


def test_pretty_printed_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "p", "title": "Accord", "text": STORY}, indent=2), encoding="utf-8")
    record = only_record(read(path))
    assert record.record_id == "p" and record.text == STORY
    unnamed = tmp_path / "one"
    unnamed.write_text(json.dumps({"id": "q", "text": STORY}, indent=2), encoding="utf-8")
    assert only_record(read(unnamed)).record_id == "q"
