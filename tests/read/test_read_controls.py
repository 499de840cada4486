"""Control characters are removed from every record at reading, recorded, and taken out before the
content hash (issue 16 item 1). The store side, on both backends, is in tests/test_ingest_controls.py."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from diplograph.clean import clean_inputs, clean_record, document_id
from diplograph.model import Document, Rejected
from diplograph.read import RawRecord, iter_records
from diplograph.read.controls import has_controls, strip_controls
from diplograph.settings import Options

STORY = "Chile and Peru agreed on Monday to share fisheries data, the two foreign ministries said."
OPTIONS = Options()


def records(*paths: Path) -> list[RawRecord | Rejected]:
    return list(iter_records([str(p) for p in paths], OPTIONS))


def documents(*paths: Path) -> list[Document | Rejected]:
    return list(clean_inputs([str(p) for p in paths], OPTIONS))


def test_strip_controls_keeps_tab_newline_and_carriage_return() -> None:
    found: Counter[str] = Counter()
    text = "a\tb\nc\rd\x00e\x01f\x7fg\x85h\x9fi\x0cj\ud800k"
    # NEL (U+0085) and form feed end a line: they become a newline, the others go
    assert strip_controls(text, found) == "a\tb\nc\rdefg\nhi\njk"
    assert found == Counter({"\x00": 1, "\x01": 1, "\x7f": 1, "\x85": 1, "\x9f": 1, "\x0c": 1, "\ud800": 1})
    assert not has_controls("Señor Muñoz\t“quoted”\r\n") and has_controls("x\x00")


def test_jsonl_escapes_are_removed_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    lines = [
        {"id": "n\u00001", "title": "Fisheries\u0000 deal", "text": STORY.replace("Monday", "Mon\u0000day")},
        {"id": "n2", "text": STORY.replace("data", "data\u0085") + " \ud83d"},  # NEL and a lone surrogate
        {"id": "n3", "text": STORY + " Second copy."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    read = records(path)
    assert [type(r).__name__ for r in read] == ["RawRecord"] * 3
    first, second, third = read
    assert isinstance(first, RawRecord) and isinstance(second, RawRecord) and isinstance(third, RawRecord)
    assert first.record_id == "n1" and first.title == "Fisheries deal" and "Monday" in (first.text or "")
    assert first.removed == ["control characters: U+0000 x3"]
    assert not has_controls(second.text or "") and "data\n" in (second.text or "")
    assert second.removed == ["control characters: U+0085 x1, U+D83D x1"]
    assert third.removed == []


def test_raw_control_bytes_in_a_json_line_do_not_lose_the_record(tmp_path: Path) -> None:
    path = tmp_path / "raw.jsonl"
    path.write_bytes(b'{"id": "r1", "text": "' + STORY.encode().replace(b"Monday", b"Mon\x00day\x01") + b'"}\n')
    (record,) = records(path)
    assert isinstance(record, RawRecord) and record.text == STORY
    assert record.removed == ["control characters: U+0000 x1, U+0001 x1"]


def test_csv_html_and_text_with_nul_bytes_are_read(tmp_path: Path) -> None:
    csv_path = tmp_path / "rows.csv"
    csv_path.write_bytes(b"id,title,text\nc1,Fisheries deal," + STORY.encode().replace(b"data", b"da\x00ta") + b"\n")
    html_path = tmp_path / "page.html"
    html_path.write_bytes(b"<html><head><title>Fisheries\x00 deal</title></head><body><article><p>"
                          + STORY.encode().replace(b"Peru", b"Pe\x00ru") + b"</p></article></body></html>")
    text_path = tmp_path / "story.txt"
    text_path.write_bytes(b"Fisheries deal\n\n" + STORY.encode().replace(b"said", b"sa\x00id\x0c"))
    read = records(csv_path, html_path, text_path)
    assert all(isinstance(r, RawRecord) for r in read), read
    for record in read:
        assert isinstance(record, RawRecord)
        for value in (record.text, record.html, record.title):
            assert value is None or not has_controls(value)
        assert record.removed and record.removed[0].startswith("control characters: U+0000")
    docs = documents(csv_path, html_path, text_path)
    assert all(isinstance(d, Document) for d in docs), docs
    for doc in docs:
        assert isinstance(doc, Document)
        assert "Peru agreed" in doc.text and not has_controls(doc.text)
        assert any(line.startswith("control characters:") for line in doc.removed)


def test_the_hash_is_taken_after_the_controls_are_gone(tmp_path: Path) -> None:
    """A text with a NUL and the same text without it are one document, with one doc_id."""
    path = tmp_path / "pair.jsonl"
    path.write_text(json.dumps({"id": "with", "text": STORY.replace("Chile", "Chi\u0000le")}) + "\n"
                    + json.dumps({"id": "without", "text": STORY}) + "\n", encoding="utf-8")
    with_nul, without = documents(path)
    assert isinstance(with_nul, Document) and isinstance(without, Document)
    assert with_nul.doc_id == without.doc_id == document_id(STORY)
    assert with_nul.removed == ["control characters: U+0000 x1"] and without.removed == []


def test_a_record_made_elsewhere_is_scrubbed_when_cleaned() -> None:
    """The API builds its records itself: clean_record removes what reading would have."""
    doc = clean_record(RawRecord(input="api", record_id="a\x00b", title="Deal\x00", text=STORY + "\x00"), OPTIONS)
    assert doc.text == f"Deal\n\n{STORY}" and doc.record_id == "ab"
    assert doc.removed == ["control characters: U+0000 x3"]


def test_control_characters_that_html_entities_produce_are_removed() -> None:
    html = (f"<html><body><article><p>{STORY.replace('Monday', 'Monday&#1;&#x7f;')}</p><p>{STORY} Again, in "
            "a second paragraph that is long enough to be kept as story text.</p></article></body></html>")
    doc = clean_record(RawRecord(input="page.html", html=html), OPTIONS)
    assert not has_controls(doc.text) and "Monday" in doc.text


def test_a_rejected_record_id_is_scrubbed(tmp_path: Path) -> None:
    path = tmp_path / "empty-record.jsonl"
    path.write_text(json.dumps({"id": "x\u0000y", "title": "no text"}) + "\n", encoding="utf-8")
    (rejected,) = records(path)
    assert isinstance(rejected, Rejected) and rejected.reason == "no-text" and rejected.record_id == "xy"
