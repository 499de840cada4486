"""Ingest: read -> clean -> code -> store, for any mix of inputs, streaming and in parallel.

Every input ends up stored (or, for a text already stored, recorded as one more source of it) or
recorded as rejected with a reason; one bad input never stops the batch; a re-run never
duplicates (documents are keyed by the hash of their text and written with their observations in
one transaction, so a run killed half-way resumes cleanly)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import DiplographError, InputError
from .model import Analysis, Document, Rejected
from .settings import Options
from .store import Store
from .workers import StopRequest, run_parallel, until_stopped

logger = logging.getLogger(__name__)

CHUNK_SIZE = 16  # records per task sent to a worker: big enough to batch nlp.pipe, small enough to stream


@dataclass
class IngestReport:
    """The account of one run (``--report FILE.json``)."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    uncoded: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    reference_rows: int = 0
    events: int = 0
    frameworks: int = 0
    # fields of kept records that could not be read (a publication date that is not a clear date)
    warnings: list[dict[str, str]] = field(default_factory=list)
    # the documents counted in ``uncoded``: {"input", "doc_id", "reason", "detail"}
    uncoded_documents: list[dict[str, str]] = field(default_factory=list)
    # why the run stopped before its inputs were all read ("SIGTERM", "SIGINT"); None: it finished
    interrupted: str | None = None
    _uncoded_ids: set[str] = field(default_factory=set, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "uncoded": self.uncoded,
            "uncoded_documents": list(self.uncoded_documents),
            "interrupted": self.interrupted,
            "rejected": list(self.rejected),
            "warnings": list(self.warnings),
            "reference_rows": self.reference_rows,
            "events": self.events,
            "frameworks": self.frameworks,
        }

    @property
    def rejected_by_reason(self) -> dict[str, int]:
        return dict(Counter(r["reason"] for r in self.rejected))

    @property
    def warnings_by_reason(self) -> dict[str, int]:
        return dict(Counter(w["reason"] for w in self.warnings))

    @property
    def uncoded_by_reason(self) -> dict[str, int]:
        return dict(Counter(u["reason"] for u in self.uncoded_documents))

    def note_document(self, outcome: Outcome) -> None:
        """Count a document outcome's warnings, and the document itself when it is stored without
        being coded (once per text and run)."""
        document = outcome.document
        assert document is not None
        self.warnings.extend(document.warnings)
        reason = uncoded_reason(outcome)
        if reason is None or document.doc_id in self._uncoded_ids:
            return
        self._uncoded_ids.add(document.doc_id)
        self.uncoded += 1
        self.uncoded_documents.append({"input": document.input, "doc_id": document.doc_id,
                                       "reason": reason[0], "detail": reason[1]})


@dataclass
class Outcome:
    """What a worker made of one record."""

    document: Document | None = None
    analysis: Analysis | None = None
    rejected: Rejected | None = None
    already_coded: bool = False
    error: str | None = None


ProgressCallback = Callable[[str, IngestReport], None]


def uncoded_reason(outcome: Outcome) -> tuple[str, str] | None:
    """Why a document outcome leaves its document uncoded ((reason, detail)), or None."""
    if outcome.document is None or outcome.already_coded:
        return None
    if outcome.analysis is None:
        return "coding-failed", outcome.error or "the coder gave no result"
    if outcome.analysis.not_coded:
        return outcome.analysis.not_coded, outcome.analysis.not_coded_detail
    return None


class RecordProcessor:
    """Cleans and codes records; one per worker process (the spaCy model is loaded once)."""

    def __init__(self, options: Options) -> None:
        from .code.document import DocumentCoder  # heavy: imported where the work happens

        self.options = options
        self.coder = DocumentCoder(options)
        self.extractor = self.coder_version()
        self.store = Store(options.db, create=False)

    def coder_version(self) -> str:
        from .code.document import EXTRACTOR_VERSION

        return EXTRACTOR_VERSION

    def process(self, records: Sequence[Any]) -> list[Outcome]:
        from .clean import clean_record

        outcomes: list[Outcome] = []
        to_code: list[tuple[int, Document]] = []
        for raw in records:
            if isinstance(raw, Rejected):
                outcomes.append(Outcome(rejected=raw))
                continue
            try:
                document = clean_record(raw, self.options)
            except InputError as exc:
                outcomes.append(Outcome(rejected=Rejected(raw.input, exc.reason, exc.message, raw.record_id)))
                continue
            outcome = Outcome(document=document)
            outcomes.append(outcome)
            if self.store.is_coded(document.doc_id, self.extractor, document.published):
                outcome.already_coded = True
            elif document.language not in (None, "en"):
                # coding is English-only for now: stored, with its language, and no observations
                outcome.analysis = Analysis(extractor=self.extractor, not_coded="not-english",
                                            not_coded_detail=f"language {document.language}: coding is English-only")
            else:
                to_code.append((len(outcomes) - 1, document))
        if to_code:
            try:
                results = list(self.coder.analyze_many([d for _, d in to_code]))
            except Exception as exc:  # one bad document must not lose the chunk: retry one by one
                logger.warning("coding a batch failed (%s); coding its documents one by one", exc)
                results = []
                for _, document in to_code:
                    try:
                        results.append((document, self.coder.analyze(document)))
                    except Exception as one_exc:
                        logger.exception("coding document %s failed", document.doc_id)
                        results.append((document, None))
                        outcomes[[i for i, d in to_code if d is document][0]].error = str(one_exc)
            for (index, _), (_, analysis) in zip(to_code, results, strict=True):
                outcomes[index].analysis = analysis
        return outcomes


_processor: RecordProcessor | None = None


def _init_worker(options: Options) -> None:
    global _processor
    _processor = RecordProcessor(options)


def _process_chunk(records: Sequence[Any]) -> list[Outcome]:
    assert _processor is not None
    return _processor.process(records)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(
    inputs: Sequence[str],
    options: Options,
    *,
    load_reference: bool | None = None,
    progress: ProgressCallback | None = None,
    stop: StopRequest | None = None,
) -> IngestReport:
    """Read, clean, code and store ``inputs`` into ``options.db``; return the run's account.

    ``stop`` (set by a signal handler) ends the run early and cleanly: no new record is taken,
    the worker processes are ended, what was stored stays stored (each chunk is one transaction)
    and the report says ``interrupted``; a re-run stores the rest, without duplicates."""
    from .read import check_inputs_exist, iter_records

    check_inputs_exist(inputs)  # before the database is created or the reference table loaded
    report = IngestReport()
    store = Store(options.db)
    run_id = store.start_run("ingest " + " ".join(inputs))
    try:
        if load_reference if load_reference is not None else options.load_reference:
            from .kb.reference import load_reference as load_reference_rows

            report.reference_rows = load_reference_rows(store)
        records = iter_records(list(inputs), options)
        jobs = options.effective_jobs
        if jobs <= 1:
            processor = RecordProcessor(options)
            results: Iterable[list[Outcome]] = map(processor.process,
                                                   until_stopped(_chunks(records, CHUNK_SIZE), stop))
        else:
            store.engine.dispose()  # no connection may cross the fork
            results = run_parallel(_process_chunk, _chunks(records, CHUNK_SIZE), jobs,
                                   initializer=_init_worker, initargs=(options,), stop=stop)
        store_outcomes(store, results, report, progress, rebuild=lambda: not stop)
        report.interrupted = stop.reason if stop else None
    except DiplographError:
        raise
    finally:
        store.finish_run(run_id, report.to_dict())
        store.close()
    return report


def store_outcomes(store: Store, chunks: Iterable[list[Outcome]], report: IngestReport,
                   progress: ProgressCallback | None = None, rebuild: Callable[[], bool] | None = None) -> None:
    """Store every chunk of outcomes (one transaction each), then rebuild the facts of the pairs
    they changed: the tail every engine and `load` share. ``rebuild`` returning False skips the
    rebuild (a stopped run ends at once; readers rebuild what is stale on first use)."""
    for outcomes in chunks:
        _account(store, outcomes, report)
        if progress is not None:
            progress("documents", report)
    if rebuild is None or rebuild():
        rebuild_stale_facts(store)


def rebuild_stale_facts(store: Store) -> None:
    """Rebuild the stored facts of the pairs this run changed, so the first question after an
    ingest is as fast as the next (readers would otherwise rebuild them on first use)."""
    from sqlalchemy.exc import SQLAlchemyError

    from .kb.materialize import refresh_stale

    try:
        refresh_stale(store)
    except SQLAlchemyError as exc:  # the observations are stored: readers rebuild what is missing
        logger.warning("could not rebuild the knowledge base's facts now (they are rebuilt on first use): %s", exc)


def _account(store: Store, outcomes: list[Outcome], report: IngestReport) -> None:
    """Record one chunk's outcomes: rejects one by one, documents in one transaction."""
    to_write: list[tuple[Document, Analysis | None]] = []
    for outcome in outcomes:
        report.read += 1
        if outcome.rejected is not None:
            rejected = outcome.rejected
            store.record_reject(rejected)
            report.rejected.append({"input": rejected.input, "reason": rejected.reason, "detail": rejected.detail})
            continue
        assert outcome.document is not None
        report.note_document(outcome)
        analysis = None if outcome.already_coded else outcome.analysis
        to_write.append((outcome.document, analysis))
    for (_, analysis), result in zip(to_write, store.write_documents(to_write), strict=True):
        if result.stored:
            report.stored += 1
            if analysis is not None:
                report.events += len(analysis.events)
                report.frameworks += len(analysis.frameworks)
        else:
            report.duplicates += 1
