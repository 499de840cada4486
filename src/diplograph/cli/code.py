"""`diplograph code`: sentence-level PLOVER coding without a database."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..errors import ConfigError, InputError
from ..read.plain import json_syntax_problem, not_an_object
from .app import app, console, err_console, open_output, write_jsonl

CHUNK = 256


def _read_records(path: Path, default_date: str | None = None) -> Iterator[dict[str, Any]]:
    """Input lines as records (``_line``: the line number); a line that is not a JSON object
    becomes a record that carries its error in plain words."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", reason="unreadable") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"id": f"line-{n}", "_line": n, "_error": json_syntax_problem(exc)}
            continue
        if not isinstance(record, dict):
            yield {"id": f"line-{n}", "_line": n, "_error": not_an_object(record)}
            continue
        record.setdefault("id", f"line-{n}")
        if default_date is not None and not (record.get("date") or record.get("published")):
            record["date"] = default_date
        record["_line"] = n
        yield record


_worker_coder: Any = None


def _code_chunk(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Code one chunk in a worker process (the coder is built once per worker)."""
    global _worker_coder
    if _worker_coder is None:
        from ..code.document import DocumentCoder
        from ..settings import load_options

        _worker_coder = DocumentCoder(load_options(), use_classifier=True)
    return _code_with(_worker_coder, records)


def _code_with(coder: Any, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    good = [r for r in records if "_error" not in r]
    coded = iter(coder.code_records(good))
    out: list[dict[str, Any]] = []
    for record in records:
        result = {"id": record["id"], "events": [], "error": record["_error"]} if "_error" in record else next(coded)
        if result.get("error") and "_line" in record:
            result["error"] = f"line {record['_line']}: {result['error']}"
        out.append(result)
    return out


def _chunks(records: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(records: Iterator[dict[str, Any]], jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1:
        from ..code.document import DocumentCoder
        from ..settings import load_options

        coder = DocumentCoder(load_options(), use_classifier=True)
        for chunk in _chunks(records, CHUNK):
            yield from _code_with(coder, chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_code_chunk, _chunks(records, CHUNK)):
            yield from result


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(show_lines=False)
    for name in ("id", "event", "mode", "actor", "recipient", "modality", "date", "contexts", "sentence"):
        table.add_column(name, overflow="fold")
    for row in rows:
        if row.get("error"):
            table.add_row(str(row["id"]), "[red]error[/]", "", "", "", "", "", "", row["error"])
        for e in row.get("events", []):
            table.add_row(
                str(row["id"]), e["event"], e.get("mode") or "", "+".join(e["actor"]) or "-",
                "+".join(e["recipient"]) or "-", e["modality"], e.get("date") or "", ",".join(e["contexts"]),
                e["sentence"][:120],
            )
    return table


def _checked_date(value: str) -> str:
    """--date as given when it is a real YYYY-MM-DD day: a usage error otherwise (a bad date inside
    an --input line is that line's error, not the run's)."""
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ConfigError(f"--date {value!r} is not a valid YYYY-MM-DD date")


@app.command("code")
def code_command(
    input: Path | None = typer.Option(None, "--input", "-i", help="JSON Lines file: one {\"id\", \"text\", \"date\"?} a line."),
    text: str | None = typer.Option(None, "--text", help="Code this one text instead of a file."),
    date: str | None = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) of --text, or of the --input lines "
                             "without a \"date\": it anchors relative dates."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl or table."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes (0: one per core)."),
) -> None:
    """Code sentences to PLOVER events: one output line {"id", "events": [...]} per input line."""
    if format not in {"jsonl", "table"}:
        raise ConfigError(f"--format must be jsonl or table, not {format!r}")
    if (input is None) == (text is None):
        raise ConfigError("give exactly one of --input FILE.jsonl or --text \"...\"")
    if jobs <= 0:
        jobs = max(1, os.cpu_count() or 1)
    day = _checked_date(date) if date is not None else None
    if text is not None:
        record: dict[str, Any] = {"id": "text", "text": text}
        if day is not None:
            record["date"] = day
        records: Iterator[dict[str, Any]] = iter([record])
        jobs = 1
    else:
        assert input is not None
        if not input.is_file():
            raise InputError(f"{input} is not a file", reason="not-found")
        records = _read_records(input, default_date=day)
    results = _results(records, jobs)
    if format == "table":
        console.print(_table(list(results)))
        return
    out = open_output(output)
    try:
        n = write_jsonl(results, out)
    finally:
        if output is not None:
            out.close()
    if output is not None:
        err_console.print(f"coded {n} record(s) -> {output}", highlight=False)
