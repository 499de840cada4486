"""`diplograph ingest` end to end: every input accounted for, re-runs idempotent, a killed run
resumes. These run the real pipeline (reader, cleaner, spaCy model, coder, store)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph.ingest import ingest
from diplograph.settings import load_options
from diplograph.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "news"
pytestmark = pytest.mark.model


def test_ingest_accounts_for_every_input_and_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "news.sqlite")
    options = load_options(db=db, jobs=1)
    report = ingest([str(FIXTURES)], options, load_reference=False)
    # feed.jsonl: 2 distinct texts + 1 copy + 1 bad line + 1 record without text; summit.txt: 1
    assert report.read == 6
    assert report.stored == 3
    assert report.duplicates == 1
    assert sorted(r["reason"] for r in report.rejected) == ["bad-json", "no-text"]
    again = ingest([str(FIXTURES)], options, load_reference=False)
    assert again.stored == 0 and again.duplicates == 4
    store = Store(db)
    counts = store.counts()
    assert counts["documents"] == 3
    assert counts["rejects"] == 2
    # the copy's URL and record id are kept as a second source of the same document
    copies = [d for d in store.iter_documents() if len(d["sources"]) == 2]
    assert len(copies) == 1
    assert {s["id"] for s in copies[0]["sources"]} == {"fx-1", "fx-3"}
    assert copies[0]["published"] == "2024-03-07"


def test_ingest_in_parallel_gives_the_same_result_as_one_process(tmp_path: Path) -> None:
    one = ingest([str(FIXTURES)], load_options(db=str(tmp_path / "one.sqlite"), jobs=1), load_reference=False)
    two = ingest([str(FIXTURES)], load_options(db=str(tmp_path / "two.sqlite"), jobs=2), load_reference=False)
    assert (one.stored, one.duplicates, len(one.rejected)) == (two.stored, two.duplicates, len(two.rejected))

    def observations(db: str) -> list[tuple[object, ...]]:
        store = Store(db)
        events = sorted((e["doc_id"], e["event"], tuple(e["actor"]), tuple(e["recipient"]), e["sentence"])
                        for e in store.iter_events())
        frameworks = sorted((f["a"], f["b"], f["tier"], f["status"], str(f["date"])) for f in store.iter_frameworks())
        return [*events, *frameworks]

    assert observations(str(tmp_path / "one.sqlite")) == observations(str(tmp_path / "two.sqlite"))


def _synthetic_corpus(path: Path, n: int) -> None:
    countries = ["Japan", "Vietnam", "India", "Brazil", "Kenya", "Norway", "Chile", "Egypt"]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            a, b = countries[i % 8], countries[(i * 3 + 1) % 8]
            text = (f"{a} and {b} held talks on trade on Monday, officials said in report number {i}.\n\n"
                    f"The ministers agreed to meet again next year to review item {i * 7}.")
            out.write(json.dumps({"id": f"s{i}", "published": "2024-05-14", "text": text}) + "\n")


def test_ingest_killed_half_way_resumes_with_every_document_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _synthetic_corpus(corpus, 400)
    db = tmp_path / "kill.sqlite"
    cmd = [sys.executable, "-m", "diplograph", "ingest", str(corpus), "--db", str(db), "--no-reference",
           "--jobs", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 20:
                break
    assert proc.poll() is None, "ingest finished before it could be killed: " + proc.stderr.read().decode()[-500:]
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 400
    rerun = subprocess.run(cmd[:-1] + ["--report", str(tmp_path / "report.json")], capture_output=True,
                           text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["read"] == 400 and report["rejected"] == []
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 400
        assert con.execute("select count(*) from document_sources").fetchone()[0] == 400
        # every document coded exactly once: no document has two copies of its events
        dup = con.execute("select count(*) from (select doc_id, sentence, event, count(*) c from events "
                          "group by doc_id, sentence, event, actor, recipient having c > 1)").fetchone()[0]
        assert dup == 0
        assert con.execute("select count(*) from documents where extractor is null").fetchone()[0] == 0


def test_an_earlier_copy_in_a_later_chunk_re_anchors_relative_dates(tmp_path: Path) -> None:
    text = "Chile and Peru held talks on Monday in Lima on fisheries."
    corpus = tmp_path / "copies.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        # Wednesday 2024-05-15: "on Monday" is 2024-05-13
        out.write(json.dumps({"id": "late", "published": "2024-05-15", "text": text}) + "\n")
        for i in range(40):  # filler, so that the copy arrives in another chunk
            out.write(json.dumps({"id": f"f{i}", "published": "2024-05-15",
                                  "text": f"Filler report number {i} about grain prices."}) + "\n")
        # the same text published on Thursday 2024-05-09: "on Monday" is 2024-05-06
        out.write(json.dumps({"id": "early", "published": "2024-05-09", "text": text}) + "\n")
    db = str(tmp_path / "copies.sqlite")
    report = ingest([str(corpus)], load_options(db=db, jobs=1), load_reference=False)
    assert report.duplicates == 1
    store = Store(db)
    (doc,) = [d for d in store.iter_documents() if len(d["sources"]) == 2]
    assert doc["published"] == "2024-05-09"
    assert doc["extractor"] is not None
    dates = {e["date"] for e in store.iter_events() if e["doc_id"] == doc["doc_id"]}
    assert dates == {"2024-05-06"}
