"""Two ingest processes writing into one PostgreSQL database at once store every document once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from diplograph.store import Store
from diplograph.store.schema import document_sources, documents

pytestmark = pytest.mark.model


def test_two_ingests_into_one_postgres_database(tmp_path: Path, postgres_cluster) -> None:  # type: ignore[no-untyped-def]
    import os

    url = os.environ["TEST_DATABASE_URL"] if postgres_cluster is None else postgres_cluster.create_database()
    Store(url).close()  # migrate once, as a deployment would
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps({"id": f"c{i}", "published": "2024-06-03",
                                  "text": f"Oman and Qatar held talks on shipping on Monday about route {i}."}) + "\n")
    cmd = [sys.executable, "-m", "diplograph", "ingest", str(corpus), "--db", url, "--no-reference",
           "--jobs", "1", "--quiet"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()[-2000:]
    store = Store(url)
    with store.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(documents)).scalar() == 120
        # both runs saw the same 120 records: each (document, record) source is there once
        assert c.execute(select(func.count()).select_from(document_sources)).scalar() == 120


def test_two_batches_in_opposite_orders_both_land(postgres_cluster, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Batch 1 writes X then Y while batch 2 writes Y then X: each waits for the other's
    uncommitted insert and PostgreSQL aborts one as a deadlock; that batch is redone."""
    import datetime as dt
    import os
    import threading

    from diplograph.model import Analysis, Document, FrameworkObservation

    url = os.environ["TEST_DATABASE_URL"] if postgres_cluster is None else postgres_cluster.create_database()
    Store(url).close()
    docs = [Document(doc_id=f"d{i}", text=f"Oman and Qatar deepened their strategic partnership, report {i}.",
                     published=dt.date(2024, 6, 3), record_id=f"r{i}") for i in range(2)]
    analysis = Analysis(frameworks=[FrameworkObservation("OMN", "QAT", "strategic partnership", "SP", "existing")],
                        extractor="t")
    barrier = threading.Barrier(2, timeout=20)
    first_call: dict[int, bool] = {}
    original = Store._write_document

    def write_then_wait(self, c, document, analysis_, changes):  # type: ignore[no-untyped-def]
        result = original(self, c, document, analysis_, changes)
        me = threading.get_ident()
        if me not in first_call:  # both batches hold their first document before either goes on
            first_call[me] = True
            barrier.wait()
        return result

    monkeypatch.setattr(Store, "_write_document", write_then_wait)
    stores = [Store(url), Store(url)]
    outcomes: list[object] = []

    def run(store: Store, batch: list[Document]) -> None:
        try:
            outcomes.append(store.write_documents([(d, analysis) for d in batch]))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            outcomes.append(exc)

    threads = [threading.Thread(target=run, args=(stores[0], docs)),
               threading.Thread(target=run, args=(stores[1], docs[::-1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(isinstance(o, list) for o in outcomes) and len(outcomes) == 2, outcomes
    with stores[0].engine.connect() as c:
        assert c.execute(select(func.count()).select_from(documents)).scalar() == 2
    for store in stores:
        store.close()
