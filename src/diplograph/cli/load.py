"""`diplograph load`: put the Parquet outcomes of `ingest --engine ray --output DIR` into a database."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..scale import load_outcomes
from ..settings import load_options
from .app import app
from .ingest import DB_HELP, _print_summary


@app.command("load")
def load_command(
    directory: Path = typer.Argument(..., help="A folder written by `ingest --engine ray --output DIR`."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help="Do not load the shipped reference frameworks."),
    report: Path | None = typer.Option(None, "--report", help="Write the run's account as JSON to this file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
) -> None:
    """Store the documents, observations and rejects of an `ingest --output` folder (idempotent)."""
    options = load_options(db=db)
    result = load_outcomes(directory, options, load_reference=not no_reference)
    if report is not None:
        report.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not quiet:
        _print_summary(result, options.db)
