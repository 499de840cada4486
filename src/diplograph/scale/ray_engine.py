"""The Ray engine: read, clean, NLP and coding as a Ray Data pipeline.

    inputs --from_items--> read (a task per input, on the driver's node, streaming chunks of records)
           --map_batches--> RecordWorker actors (``RecordProcessor``: the spaCy model loads once per actor)
           --iter_batches--> the driver writes each outcome to the database (the local engine's
                             accounting) or to partitioned Parquet files (``--output DIR``)

One row of the pipeline is a chunk of ``chunk_size`` records (a row per record would cost Ray
per-row overhead, and a block of many chunks would go to one actor and serialise the work), and
each chunk travels as its own block. Order is preserved, so the database ends up the same as
with the local engine on the same input (the first URL seen of a text is the same one).

Reading runs on the driver's node because the inputs are paths on the driver's machine (or URLs);
it takes no CPU slot, so the actors can use every core. Ray and its workers need diplograph
importable: on a cluster, install it on every node (docs/scaling.md)."""

from __future__ import annotations

import contextlib
import inspect
import json
import logging
import os
import pickle
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import DiplographError, MissingExtraError, NotFoundError, StoreError
from ..ingest import IngestReport, Outcome, ProgressCallback, RecordProcessor, store_outcomes
from ..settings import Options
from ..store import Store
from .serialize import outcome_from_row, outcome_to_row

logger = logging.getLogger(__name__)

CHUNK_SIZE = 32  # records per pipeline row (and per actor call)


def import_ray() -> Any:
    """The ``ray`` module with Ray Data, or MissingExtraError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise MissingExtraError("Ray Data (for --engine ray)", "ray") from None
    return ray


class RecordWorker:
    """The ``map_batches`` callable class: one per actor, so the model and coder load once.

    Each input row holds a pickled chunk of records (RawRecord or Rejected); each output row the
    JSON-encoded outcomes of that chunk. With ``use_store`` the worker asks the database which
    texts are already coded (and skips coding them, as the local engine does); without one (Parquet
    output, or a database this node cannot reach) it codes everything: the driver's writes are
    idempotent either way, so only time differs."""

    def __init__(self, options: Options, use_store: bool) -> None:
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if use_store:
            try:
                self.processor = RecordProcessor(options)
                return
            except (NotFoundError, StoreError) as exc:
                logger.warning("worker cannot open %s (%s): coding without checking what is already coded",
                               options.db, exc)
        # RecordProcessor looks up already-coded texts in a database: give it an empty one
        self._scratch = tempfile.TemporaryDirectory(prefix="diplograph-ray-")
        scratch_db = str(Path(self._scratch.name) / "empty.sqlite")
        Store(scratch_db).close()
        self.processor = RecordProcessor(options.replace(db=scratch_db))

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        encoded: list[str] = []
        for blob in batch["records"]:
            records = pickle.loads(blob)  # written by read_input below, in this same run
            outcomes = self.processor.process(records)
            encoded.append(json.dumps([outcome_to_row(o) for o in outcomes], ensure_ascii=False))
        return {"outcomes": np.array(encoded, dtype=object)}


def read_input(row: dict[str, Any], options: Options, chunk_size: int) -> Iterator[dict[str, bytes]]:
    """The ``flat_map`` reader: one input (file, folder, URL) as a stream of pickled chunks."""
    from ..read import iter_records

    chunk: list[Any] = []
    for record in iter_records([str(row["input"])], options):
        chunk.append(record)
        if len(chunk) >= chunk_size:
            yield {"records": pickle.dumps(chunk)}
            chunk = []
    if chunk:
        yield {"records": pickle.dumps(chunk)}


def _connect(ray: Any, address: str | None, workers: int | None) -> bool:
    """Connect to a cluster (``address``) or start a local Ray; True when this call started it."""
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no phoning home unless the user asks
    if not address:
        # a local Ray serves this process only: no token to set up (a cluster keeps its own setting)
        os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
    try:
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise DiplographError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from None
    return True


@contextlib.contextmanager
def _quiet_ray_data() -> Iterator[None]:
    """Ray Data logs every execution's start and end at INFO on the console; a library run should
    not (its file log under the Ray session folder keeps everything)."""
    handlers = [h for h in logging.getLogger("ray.data").handlers if not isinstance(h, logging.FileHandler)]
    levels = [h.level for h in handlers]
    for handler in handlers:
        handler.setLevel(max(handler.level, logging.WARNING))
        handler.addFilter(_drop_progress_bar_notice)
    try:
        yield
    finally:
        for handler, level in zip(handlers, levels, strict=True):
            handler.setLevel(level)
            handler.removeFilter(_drop_progress_bar_notice)


def _drop_progress_bar_notice(record: logging.LogRecord) -> bool:
    # we turn the bars off on purpose (a library must not draw on the terminal)
    return not record.getMessage().startswith("Progress bars disabled")


def _cluster_cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _on_node(ray: Any, node_id: str) -> dict[str, Any]:
    """Arguments that pin a Ray Data operator to one node: a label selector where this Ray has it
    (2.5x), else a node-affinity scheduling strategy (older Ray)."""
    if "label_selector" in inspect.signature(ray.data.Dataset.flat_map).parameters:
        return {"label_selector": {"ray.io/node-id": node_id}}
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    return {"ray_remote_args_fn": lambda: {"scheduling_strategy": NodeAffinitySchedulingStrategy(node_id, soft=False)}}


def iter_ray_outcomes(
    inputs: Sequence[str],
    options: Options,
    *,
    workers: int,
    use_store: bool,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[list[Outcome]]:
    """Every record's outcome, in input order, chunk by chunk, computed on a running Ray."""
    import ray

    context = ray.data.DataContext.get_current()
    saved = (context.execution_options.preserve_order, context.target_max_block_size,
             context.enable_progress_bars)
    # preserve_order: same order as the local engine; target_max_block_size=1: every chunk row is
    # its own block, so chunks spread over the actors instead of queueing behind one
    context.execution_options.preserve_order = True
    context.target_max_block_size = 1
    context.enable_progress_bars = False
    try:
        dataset = ray.data.from_items([{"input": str(item)} for item in inputs])
        dataset = dataset.flat_map(
            read_input, fn_args=(options, chunk_size), num_cpus=0,
            compute=ray.data.TaskPoolStrategy(size=min(len(inputs), 2)),
            **_on_node(ray, ray.get_runtime_context().get_node_id()),
        )
        dataset = dataset.map_batches(
            RecordWorker, fn_constructor_args=(options, use_store), batch_size=1, batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
        )
        with _quiet_ray_data(), warnings.catch_warnings():
            # a small input has fewer chunks than actors: Ray warns that some will idle, which is fine
            warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                for encoded in batch["outcomes"]:
                    yield [outcome_from_row(row) for row in json.loads(encoded)]
    except ray.exceptions.RayError as exc:
        raise DiplographError(f"the Ray pipeline failed: {exc}") from None
    finally:
        (context.execution_options.preserve_order, context.target_max_block_size,
         context.enable_progress_bars) = saved


def ingest_ray(
    inputs: Sequence[str],
    options: Options,
    *,
    load_reference: bool | None = None,
    progress: ProgressCallback | None = None,
    address: str | None = None,
    output: str | Path | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> IngestReport:
    """``ingest`` on Ray: the same report and database as :func:`diplograph.ingest.ingest`.

    ``address``: a Ray cluster (``ray://host:10001`` or ``auto``); default: a local Ray with
    ``options.jobs`` CPUs (one per core). Workers: ``options.jobs`` if set, else every CPU of the
    cluster. ``output``: write the outcomes to partitioned Parquet files in that folder instead of
    a database (then ``diplograph load DIR --db ...``); the report then counts texts new to the run."""
    from ..read import check_inputs_exist

    check_inputs_exist(inputs)
    ray = import_ray()
    started = _connect(ray, address, None if address else options.effective_jobs)
    try:
        workers = options.jobs if options.jobs > 0 else _cluster_cpus(ray)
        if output is not None:
            from .outcomes import ParquetOutcomeWriter

            with ParquetOutcomeWriter(Path(output)) as writer:
                for outcomes in iter_ray_outcomes(inputs, options, workers=workers, use_store=False,
                                                  chunk_size=chunk_size):
                    for outcome in outcomes:
                        writer.add(outcome)
                    if progress is not None:
                        progress("documents", writer.report)
            return writer.report
        return _ingest_into_store(inputs, options, workers, load_reference, progress, chunk_size)
    finally:
        if started:
            ray.shutdown()


def _ingest_into_store(
    inputs: Sequence[str],
    options: Options,
    workers: int,
    load_reference: bool | None,
    progress: Callable[[str, IngestReport], None] | None,
    chunk_size: int,
) -> IngestReport:
    report = IngestReport()
    store = Store(options.db)  # created and migrated before any worker looks at it
    run_id = store.start_run("ingest --engine ray " + " ".join(inputs))
    try:
        if load_reference if load_reference is not None else options.load_reference:
            from ..kb.reference import load_reference as load_reference_rows

            report.reference_rows = load_reference_rows(store)
        chunks = iter_ray_outcomes(inputs, options, workers=workers, use_store=True, chunk_size=chunk_size)
        store_outcomes(store, chunks, report, progress)
    finally:
        store.finish_run(run_id, report.to_dict())
        store.close()
    return report
