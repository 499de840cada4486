"""Parquet outcome files (`ingest --engine ray --output DIR`) and `load` into both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_helpers import document_outcome, dump_database, rejected_outcome

from diplograph.errors import ConfigError, InputError
from diplograph.ingest import IngestReport, _account
from diplograph.scale import load_outcomes
from diplograph.scale import outcomes as outcome_files
from diplograph.settings import load_options
from diplograph.store import Store


def _outcomes() -> list:  # type: ignore[type-arg]
    items = [document_outcome(n) for n in range(1, 8)]
    items.insert(3, rejected_outcome(100))
    # the same text as document 2 from another URL: a duplicate, whose URL becomes a second source
    copy = document_outcome(2, url="https://mirror.example.net/2")
    copy.document.record_id = "r2-copy"  # type: ignore[union-attr]
    items.append(copy)
    return items


def test_parquet_files_keep_every_outcome_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outcome_files, "ROWS_PER_GROUP", 2)
    monkeypatch.setattr(outcome_files, "ROWS_PER_FILE", 4)
    out = tmp_path / "out"
    with outcome_files.ParquetOutcomeWriter(out) as writer:
        for outcome in _outcomes():
            writer.add(outcome)
    assert len(writer.files) == 3  # 9 outcomes, 4 a file: partitioned
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert list(outcome_files.iter_outcome_files(out)) == _outcomes()
    report = writer.report
    assert (report.read, report.stored, report.duplicates, len(report.rejected)) == (9, 7, 1, 1)
    assert report.events == 7 and report.frameworks == 7


def test_output_folder_must_be_new_or_empty(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with outcome_files.ParquetOutcomeWriter(out) as writer:
        writer.add(document_outcome(1))
    with pytest.raises(ConfigError, match="already holds"):
        outcome_files.ParquetOutcomeWriter(out)
    (tmp_path / "empty").mkdir()
    outcome_files.ParquetOutcomeWriter(tmp_path / "empty").close()


def test_load_refuses_what_is_not_an_outcome_folder(tmp_path: Path) -> None:
    options = load_options(db=str(tmp_path / "x.sqlite"))
    with pytest.raises(ConfigError, match="not a folder"):
        load_outcomes(tmp_path / "missing", options)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="no outcome files"):
        load_outcomes(tmp_path / "empty", options)
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "part-00000.parquet").write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read outcome file"):
        load_outcomes(tmp_path / "junk", options)


def test_load_writes_what_a_direct_ingest_writes(tmp_path: Path, store_db: str) -> None:
    out = tmp_path / "out"
    with outcome_files.ParquetOutcomeWriter(out) as writer:
        for outcome in _outcomes():
            writer.add(outcome)
    loaded = load_outcomes(out, load_options(db=store_db), load_reference=False)

    direct_db = str(tmp_path / "direct.sqlite")
    direct = IngestReport()
    store = Store(direct_db)
    _account(store, _outcomes(), direct)
    store.close()

    assert loaded.to_dict() == direct.to_dict()
    assert (loaded.stored, loaded.duplicates, len(loaded.rejected)) == (7, 1, 1)
    assert dump_database(store_db) == dump_database(direct_db)
    # loading the same folder again changes nothing: every document is already there
    again = load_outcomes(out, load_options(db=store_db), load_reference=False)
    assert (again.stored, again.duplicates) == (0, 8)
    assert dump_database(store_db) == dump_database(direct_db)
