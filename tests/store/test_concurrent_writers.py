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
