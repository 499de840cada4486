"""`diplograph export documents|events|frameworks|facts|relations|gdelt|series`."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import ConfigError
from ..kb.exports import BINARY_FORMATS, check_export, export_to_file, write_export
from ..kb.storeopen import open_store
from ..settings import load_options
from .app import DB_HELP, err_console, export_app, open_output

FORMAT_HELP = "jsonl, csv, parquet (needs --output) or graphml (frameworks, facts, relations)."
OUTPUT_HELP = "Write to this file (default: standard output for jsonl, csv and graphml)."
REFERENCE_HELP = "Leave out the shipped reference rows (source 'reference')."


def _run(kind: str, db: str | None, fmt: str, output: Path | None, *, no_reference: bool = False,
         as_of: str | None = None) -> None:
    fmt = fmt.lower()
    check_export(kind, fmt)  # before anything is opened: a refused export leaves --output as it was
    if fmt == "parquet" and output is None:
        raise ConfigError("--format parquet needs --output FILE")
    store = open_store(load_options(db=db).db)
    if output is None:
        write_export(store, kind, fmt, open_output(None, binary=fmt in BINARY_FORMATS),
                     include_reference=not no_reference, as_of=as_of)
        return
    # all or nothing: a temporary file renamed over --output once the export is complete
    count = export_to_file(store, kind, fmt, output, include_reference=not no_reference, as_of=as_of)
    err_console.print(f"wrote {count} {kind} records to {output}", highlight=False)


@export_app.command("documents")
def export_documents(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Stored documents with every source that carried them."""
    _run("documents", db, fmt, output)


@export_app.command("events")
def export_events(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Event observations, one a line (the contract's fields plus the CAMEO crosswalk)."""
    _run("events", db, fmt, output)


@export_app.command("frameworks")
def export_frameworks(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
) -> None:
    """Framework observations, one a line, each marked news or reference."""
    _run("frameworks", db, fmt, output, no_reference=no_reference)


@export_app.command("facts")
def export_facts(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
) -> None:
    """Consolidated framework facts: source counts, report dates, evidence and conflicts."""
    _run("facts", db, fmt, output, no_reference=no_reference)


@export_app.command("relations")
def export_relations(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help="State on this date, YYYY-MM-DD (default: today)."),
) -> None:
    """One record per pair: its framework as of a date and its event counts (GraphML: a graph)."""
    _run("relations", db, fmt, output, no_reference=no_reference, as_of=as_of)


@export_app.command("gdelt")
def export_gdelt(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("csv", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """A GDELT-style event table (CAMEO root, QuadClass, Goldstein, NumSources, NumArticles)."""
    _run("gdelt", db, fmt, output)


@export_app.command("series")
def export_series(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("csv", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Dyad-by-month cooperation/conflict series (event counts and summed intensity)."""
    _run("series", db, fmt, output)
