"""`diplograph evaluate`: score the coder on annotated articles (eval/articles/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import ConfigError, InputError
from ..evaluation.report import tables
from ..evaluation.run import evaluate
from ..settings import load_options
from .app import app, console, err_console

FORMATS = ("table", "json")


@app.command("evaluate")
def evaluate_command(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Annotated article files (*.json) and folders of them."),
    output_format: str = typer.Option("table", "--format", help="table or json."),
    texts: Path | None = typer.Option(None, "--texts", help="Folder of rebuilt texts (<record id>.txt) for "
                                      "articles whose record carries no text (lists of real articles)."),
    by_tag: bool = typer.Option(False, "--by-tag", help="Also break recall down by the annotation tags (table)."),
    by_article: bool = typer.Option(False, "--by-article", help="Also show one row per article (table)."),
    errors: bool = typer.Option(False, "--errors", help="List every error of every article (for dev sets only)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for the ingest (1: code in this process)."),
) -> None:
    """Run annotated articles through the ingest path (read, clean, code; no reference
    frameworks) into a temporary database and score the events and frameworks found against
    their annotations. Articles that cannot be scored are listed as skipped, with the reason."""
    if output_format not in FORMATS:
        raise ConfigError(f"--format {output_format!r}: choose {' or '.join(FORMATS)}")
    result = evaluate(paths, texts_dir=texts, options=load_options(), jobs=jobs)
    report = result.to_dict(errors=errors)
    if output_format == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for table in tables(report, by_tag=by_tag, articles=by_article):
            console.print(table)
    if report["skipped"]:
        err_console.print(f"{len(report['skipped'])} article(s) skipped:", highlight=False)
        for item in report["skipped"]:
            err_console.print(f"skipped: {item['path']}: {item['reason']}", highlight=False, markup=False,
                              soft_wrap=True)
    if not report["articles"]:
        raise InputError("no article could be scored", reason="nothing-scored")
