"""Where outcomes go on the driver: into the database (the same accounting as the local engine)
or into partitioned Parquet files that ``diplograph load`` puts into a database later."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import ConfigError, InputError, MissingExtraError
from ..ingest import (
    CHUNK_SIZE,
    IngestReport,
    Outcome,
    ProgressCallback,
    _chunks,
    store_outcomes,
)
from ..settings import Options
from ..store import Store
from .serialize import outcome_from_row, outcome_to_row

logger = logging.getLogger(__name__)

ROWS_PER_FILE = 20_000  # one part file per this many outcomes: files small enough to load in parallel
ROWS_PER_GROUP = 1_000  # Parquet row group: what the writer holds in memory at once
PART_GLOB = "part-*.parquet"


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("pyarrow (Parquet files)", "export") from None
    return pa, pq


class ParquetOutcomeWriter:
    """Writes outcomes, in order, to ``DIR/part-00000.parquet``, ``part-00001.parquet``, ...

    The report it keeps counts distinct texts as ``stored`` and repeats within the run as
    ``duplicates``: what is new to a database is only known when the files are loaded."""

    def __init__(self, directory: Path) -> None:
        self.pa, self.pq = _pyarrow()
        self.directory = directory
        if directory.exists() and (not directory.is_dir() or any(directory.glob(PART_GLOB))):
            raise ConfigError(f"--output {directory} already holds outcome files (or is not a folder): "
                              "give a new or empty folder")
        directory.mkdir(parents=True, exist_ok=True)
        self.schema = self.pa.schema([
            ("kind", self.pa.string()), ("input", self.pa.string()), ("doc_id", self.pa.string()),
            ("format", self.pa.int32()), ("outcome", self.pa.large_string()),
        ])
        self.report = IngestReport()
        self._seen: set[str] = set()
        self._rows: list[dict[str, Any]] = []
        self._writer: Any = None
        self._file_rows = 0
        self._file_index = 0
        self.files: list[Path] = []

    def add(self, outcome: Outcome) -> None:
        report = self.report
        report.read += 1
        if outcome.rejected is not None:
            r = outcome.rejected
            report.rejected.append({"input": r.input, "reason": r.reason, "detail": r.detail})
        elif outcome.document is not None:
            if outcome.document.doc_id in self._seen:
                report.duplicates += 1
            else:
                self._seen.add(outcome.document.doc_id)
                report.stored += 1
                if outcome.analysis is not None:
                    report.events += len(outcome.analysis.events)
                    report.frameworks += len(outcome.analysis.frameworks)
            report.note_document(outcome)
        row = outcome_to_row(outcome)
        row["outcome"] = json.dumps(row["outcome"], ensure_ascii=False)
        self._rows.append(row)
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        if self._writer is None:
            path = self.directory / f"part-{self._file_index:05d}.parquet"
            self._writer = self.pq.ParquetWriter(path, self.schema, compression="zstd")
            self.files.append(path)
        self._writer.write_table(self.pa.Table.from_pylist(self._rows, schema=self.schema))
        self._file_rows += len(self._rows)
        self._rows = []
        if self._file_rows >= ROWS_PER_FILE:
            self._close_file()

    def _close_file(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            self._file_index += 1
            self._file_rows = 0

    def close(self) -> None:
        self._flush()
        self._close_file()

    def __enter__(self) -> ParquetOutcomeWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def iter_outcome_files(directory: Path) -> Iterator[Outcome]:
    """The outcomes of a folder written by ``ingest --output``, in the order they were written."""
    _, pq = _pyarrow()
    if not directory.is_dir():
        raise ConfigError(f"{directory} is not a folder of outcome files")
    files = sorted(directory.glob(PART_GLOB))
    if not files:
        raise ConfigError(f"{directory} holds no outcome files ({PART_GLOB})")
    for path in files:
        try:
            parquet = pq.ParquetFile(path)
            for batch in parquet.iter_batches(batch_size=ROWS_PER_GROUP, columns=["format", "outcome"]):
                for row in batch.to_pylist():
                    row["outcome"] = json.loads(row["outcome"])
                    yield outcome_from_row(row)
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            raise InputError(f"cannot read outcome file {path}: {exc}", reason="bad-outcome") from None


def load_outcomes(
    directory: str | Path,
    options: Options,
    *,
    load_reference: bool | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Put the outcomes of ``ingest --engine ray --output DIR`` into ``options.db``: the same
    writes, and the same report, as an ingest straight into that database."""
    directory = Path(directory)
    outcomes = iter_outcome_files(directory)
    report = IngestReport()
    store = Store(options.db)
    run_id = store.start_run(f"load {directory}")
    try:
        if load_reference if load_reference is not None else options.load_reference:
            from ..kb.reference import load_reference as load_reference_rows

            report.reference_rows = load_reference_rows(store)
        store_outcomes(store, _chunks(outcomes, CHUNK_SIZE), report, progress)  # as ingest does
    finally:
        store.finish_run(run_id, report.to_dict())
        store.close()
    return report
