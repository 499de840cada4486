"""A NUL in one document no longer fails its batch on PostgreSQL (issue 16 item 1): on both
backends every document is stored, with the same doc_ids, the report is written and a re-run
finds duplicates only. Runs the real pipeline (reader, cleaner, spaCy model, coder, store)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.clean import clean_inputs
from diplograph.model import Document
from diplograph.settings import Options
from diplograph.store import Store

pytestmark = pytest.mark.model

STORIES = [
    "Norway and Iceland agreed on Tuesday to extend their fisheries accord, the ministries said.",
    "Kenya and Uganda signed a rail agreement in Nairobi on Wednesday, officials said.",
    "Chile and Peru held talks on maritime cooperation in Lima on Thursday.",
    "Ghana and Togo agreed on Friday to reopen a border crossing, the two governments said.",
    "Fiji and Tonga pledged on Monday to share coastguard patrols in the Pacific.",
]


def build_inputs(folder: Path) -> None:
    """Five stories; four carry a NUL (JSONL escape, CSV byte, HTML byte, text byte)."""
    folder.mkdir()
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "j-nul\u0000", "title": "Fisheries\u0000 accord", "published": "2024-05-14",
                    "text": STORIES[0].replace("extend", "ex\u0000tend")}) + "\n"
        + json.dumps({"id": "j-ok", "published": "2024-05-15", "text": STORIES[1]}) + "\n", encoding="utf-8")
    (folder / "rows.csv").write_bytes(b"id,published,text\ncsv-1,2024-05-16," + STORIES[2].encode().replace(
        b"maritime", b"mari\x00time") + b"\n")
    (folder / "page.html").write_bytes(b"<html><head><title>Border reopens</title></head><body><article><p>"
                                       + STORIES[3].encode().replace(b"border", b"bor\x00der")
                                       + b"</p></article></body></html>")
    (folder / "note.txt").write_bytes(STORIES[4].encode().replace(b"Pacific", b"Pacific\x00\x01"))


def test_documents_with_nul_are_stored_on_both_backends(tmp_path: Path, store_db: str) -> None:
    folder = tmp_path / "inputs"
    build_inputs(folder)
    expected = {d.doc_id for d in clean_inputs([str(folder)], Options()) if isinstance(d, Document)}
    assert len(expected) == 5
    report_path = tmp_path / "report.json"
    cmd = [sys.executable, "-m", "diplograph", "ingest", str(folder), "--db", store_db, "--no-reference",
           "--jobs", "1", "--quiet", "--report", str(report_path)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "[SQL" not in run.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert (report["read"], report["stored"], report["duplicates"], report["rejected"]) == (5, 5, 0, [])
    store = Store(store_db)
    try:
        stored = {d["doc_id"]: d for d in store.iter_documents()}
        # the doc_ids are those of the cleaned texts: the same on SQLite and PostgreSQL
        assert set(stored) == expected
        nul_doc = next(d for d in stored.values() if d["title"] == "Fisheries accord")
        assert "extend their fisheries accord" in nul_doc["text"]
        assert nul_doc["removed"][0] == "control characters: U+0000 x3"
        assert nul_doc["sources"][0]["id"] == "j-nul"
        assert all("\x00" not in d["text"] for d in stored.values())
        assert any(e["doc_id"] == nul_doc["doc_id"] for e in store.iter_events())
    finally:
        store.close()
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    rerun = json.loads(report_path.read_text(encoding="utf-8"))
    assert (rerun["stored"], rerun["duplicates"]) == (0, 5)
