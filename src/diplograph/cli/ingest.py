"""`diplograph ingest` and `diplograph recode`."""

from __future__ import annotations

import contextlib
import functools
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from ..errors import ConfigError
from ..ingest import IngestReport, ingest
from ..read.count import count_records
from ..recode import recode
from ..settings import Options, load_options
from ..workers import StopRequest
from .app import DB_HELP, app, console, err_console


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders or http(s) URLs.", metavar="INPUT..."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help="Do not load the shipped reference frameworks."),
    report: Path | None = typer.Option(None, "--report", help="Write the run's account as JSON to this file."),
    published: str | None = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for every input."),
    url: str | None = typer.Option(None, "--url", help="Source URL for every input."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Fetch URLs on private/loopback addresses."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Fetch the pages linked from RSS/Atom items."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=0, help="Worker processes (default: one per core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes on this machine) or ray "
                               "(a Ray Data pipeline: pip install 'diplograph\\[ray]')."),
    address: str | None = typer.Option(None, "--address", help="With --engine ray: the Ray cluster "
                                       "(ray://HOST:10001 or auto; default: a local Ray)."),
    output: Path | None = typer.Option(None, "--output", help="With --engine ray: write the outcomes as Parquet "
                                       "files to this new folder instead of a database (then `diplograph load`)."),
) -> None:
    """Read, clean, code and store news documents."""
    run = _engine(engine, address, output)
    options = load_options(
        db=db,
        published=published,
        url=url,
        allow_private=allow_private or None,
        follow_feed_links=follow_links or None,
        jobs=jobs,
    )
    show_progress = not quiet and sys.stderr.isatty()
    stop = StopRequest()
    if engine == "local":  # SIGTERM / Ctrl-C end a local run cleanly (Ray's workers are Ray's to end)
        run = functools.partial(run, stop=stop)
    with _stopping_on_signals(stop, engine == "local"):
        result = _run(run, inputs, options, not no_reference, show_progress)
    if report is not None:
        report.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not quiet:
        _print_summary(result, str(output) if output is not None else options.db)
    if result.interrupted:
        err_console.print(f"interrupted by {result.interrupted}: what was stored stays; run again to store the rest",
                          highlight=False)
        raise typer.Exit(EXIT_ON_SIGNAL.get(result.interrupted, 1))


def _run(run: Callable[..., IngestReport], inputs: list[str], options: Options, load_reference: bool,
         show_progress: bool) -> IngestReport:
    if show_progress:
        with _progress_bar(count_records(inputs)) as (bar, task):

            def on_progress(_what: str, current: IngestReport) -> None:
                bar.update(task, completed=current.read,
                           description=f"stored {current.stored}, duplicates {current.duplicates}, "
                                       f"rejected {len(current.rejected)}")

            return run(inputs, options, load_reference=load_reference, progress=on_progress)
    return run(inputs, options, load_reference=load_reference)


# the shell's convention: 128 + the signal's number
EXIT_ON_SIGNAL = {"SIGTERM": 128 + signal.SIGTERM, "SIGINT": 128 + signal.SIGINT}


@contextlib.contextmanager
def _stopping_on_signals(stop: StopRequest, enabled: bool) -> Iterator[None]:
    """While the run lasts, SIGTERM and SIGINT ask it to stop at the next chunk (instead of killing it
    half way); a second one stops it at once."""
    if not enabled or threading.current_thread() is not threading.main_thread():  # handlers: main thread only
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def on_signal(number: int, _frame: object) -> None:
        if stop:  # asked twice: stop now (what was stored stays; the chunk being stored is rolled back)
            raise KeyboardInterrupt
        stop.set(signal.Signals(number).name)

    for sig in previous:
        signal.signal(sig, on_signal)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def _progress_bar(total: int | None, *, known: bool | None = None,
                  done: str = "read") -> Iterator[tuple[Progress, TaskID]]:
    """A progress bar on standard error: with a total and the time left when the amount of work is
    ``known`` (by default: when ``total`` is given; ingest counts the records of its inputs before
    reading where it can, read.count), else a count and the time elapsed."""
    known = total is not None if known is None else known
    counted = [TextColumn(f"{{task.completed}} of {{task.total}} {done}"), TimeRemainingColumn(), TextColumn("left")] \
        if known else [TextColumn(f"{{task.completed}} {done}")]
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), *counted, TimeElapsedColumn(),
                  console=err_console, transient=True) as bar:
        yield bar, bar.add_task("ingesting", total=total)


def _engine(engine: str, address: str | None, output: Path | None) -> Callable[..., IngestReport]:
    """The ingest function for ``--engine`` (only the Ray engine takes --address and --output)."""
    if engine == "local":
        if address is not None or output is not None:
            raise ConfigError("--address and --output need --engine ray")
        return ingest
    if engine == "ray":
        from ..scale import ingest_ray

        return functools.partial(ingest_ray, address=address, output=output)
    raise ConfigError(f"--engine {engine!r}: choose local or ray")


def _print_summary(result: IngestReport, db: str) -> None:
    table = Table(title=f"ingest into {db}", show_header=False, title_justify="left")
    if result.interrupted:
        table.add_row("interrupted", result.interrupted)
    table.add_row("read", str(result.read))
    table.add_row("stored", str(result.stored))
    table.add_row("duplicates", str(result.duplicates))
    table.add_row("rejected", str(len(result.rejected)))
    for reason, count in sorted(result.rejected_by_reason.items()):
        table.add_row(f"  {reason}", str(count))
    if result.uncoded:
        table.add_row("stored but not coded", str(result.uncoded))
        for reason, count in sorted(result.uncoded_by_reason.items()):
            table.add_row(f"  {reason}", str(count))
    if result.warnings:
        table.add_row("warnings (kept, field left empty)", str(len(result.warnings)))
        for reason, count in sorted(result.warnings_by_reason.items()):
            table.add_row(f"  {reason}", str(count))
    table.add_row("events", str(result.events))
    table.add_row("framework observations", str(result.frameworks))
    if result.reference_rows:
        table.add_row("reference rows", str(result.reference_rows))
    err_console.print(table)
    for item in result.rejected[:20]:
        err_console.print(f"rejected: {item['input']}: {item['reason']}: {item['detail']}", highlight=False,
                          markup=False)
    if len(result.rejected) > 20:
        err_console.print(f"... and {len(result.rejected) - 20} more rejected (see --report)")
    for item in result.uncoded_documents[:20]:
        err_console.print(f"not coded: {item['input']}: {item['reason']}: {item['detail']}", highlight=False,
                          markup=False)
    if len(result.uncoded_documents) > 20:
        err_console.print(f"... and {len(result.uncoded_documents) - 20} more not coded (see --report)")
    for item in result.warnings[:20]:
        err_console.print(f"warning: {item['input']}: {item['field']} {item['value']!r}: {item['detail']}",
                          highlight=False, markup=False)
    if len(result.warnings) > 20:
        err_console.print(f"... and {len(result.warnings) - 20} more warnings (see --report)")


@app.command("recode")
def recode_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    all_documents: bool = typer.Option(False, "--all", help="Re-code every document, not only outdated ones."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=0, help="Worker processes."),
) -> None:
    """Re-code stored documents after the rules or model changed, replacing their observations."""
    options = load_options(db=db, jobs=jobs)
    if sys.stderr.isatty():
        with _progress_bar(None, known=True, done="re-coded") as (bar, task):

            def on_progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description="re-coding")

            result = recode(options, everything=all_documents, progress=on_progress)
    else:
        result = recode(options, everything=all_documents)
    console.print(f"re-coded {result.recoded} of {result.documents} documents "
                  f"({result.events} events, {result.frameworks} framework observations)", highlight=False)
