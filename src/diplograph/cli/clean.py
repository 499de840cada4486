"""`diplograph clean`: read and clean inputs, print the cleaned documents (nothing is stored)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import typer

from ..clean import clean_inputs, document_body
from ..model import Document, Rejected
from ..settings import load_options
from .app import app, err_console, open_output, write_jsonl

FORMATS = ("jsonl", "text")


def document_record(document: Document) -> dict[str, Any]:
    """The JSON shape of a cleaned document (DESIGN.md contract plus provenance)."""
    return {
        "id": document.record_id or document.doc_id,
        "title": document.title,
        "text": document_body(document),
        "removed": list(document.removed),
        "doc_id": document.doc_id,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language,
        "input": document.input,
        "warnings": list(document.warnings),
    }


def _readable(document: Document) -> str:
    record = document_record(document)
    rule = "=" * 72
    head = [rule, f"id: {record['id']}  doc_id: {record['doc_id']}  language: {record['language']}",
            f"input: {record['input']}"]
    if record["url"]:
        head.append(f"url: {record['url']}")
    if record["published"]:
        head.append(f"published: {record['published']}")
    head.append(f"title: {record['title']}")
    head.append(rule)
    tail = [f"-- removed ({len(document.removed)}):"] + [f"   - {line}" for line in document.removed]
    return "\n".join(head) + "\n" + record["text"] + "\n" + "\n".join(tail) + "\n\n"


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Files, folders or http(s) URLs."),
    output_format: str = typer.Option("jsonl", "--format", help="jsonl, or text (a readable form)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    published: str | None = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for every input."),
    url: str | None = typer.Option(None, "--url", help="Source URL recorded for every input."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Fetch URLs on private or loopback addresses."),
) -> None:
    """Read and clean INPUT... and print the cleaned documents: site chrome and teaser
    headlines removed, the title kept apart. Rejected inputs are listed on standard error."""
    if output_format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise typer.BadParameter(f"--published {published!r} is not a YYYY-MM-DD date") from None
    options = load_options(published=published, url=url, allow_private=allow_private or None)
    out = open_output(output)
    try:
        documents = (item for item in _report_rejects(clean_inputs(inputs, options)))
        if output_format == "jsonl":
            write_jsonl((document_record(doc) for doc in documents), out)
        else:
            for doc in documents:
                out.write(_readable(doc))
            out.flush()
    finally:
        if output is not None:
            out.close()


def _report_rejects(items: Any) -> Any:
    for item in items:
        if isinstance(item, Rejected):
            err_console.print(f"rejected: {item.input}: {item.reason}: {item.detail}", highlight=False,
                              markup=False, soft_wrap=True)
            continue
        yield item
