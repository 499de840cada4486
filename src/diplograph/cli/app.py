"""The Typer application and what every command shares: consoles, output helpers.

Each command module registers its commands on ``app``; a command parses its options, calls one
library function and prints the result. Only this package prints."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

import typer
from rich.console import Console

from .._version import __version__
from ..errors import ConfigError

app = typer.Typer(
    name="diplograph",
    help="Turn international news into a temporal knowledge base of relations between states.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export documents, events, frameworks, facts and series.", no_args_is_help=True)
app.add_typer(export_app, name="export")

def _width(stream: TextIO) -> int | None:
    # a terminal reports its own width; a pipe or a log file (make demo, CI) would get rich's 80
    # columns, which truncates dates and labels in tables
    return None if stream.isatty() else int(os.environ.get("COLUMNS", "150"))


console = Console(width=_width(sys.stdout))
err_console = Console(stderr=True, width=_width(sys.stderr))


def open_output(output: Path | None, binary: bool = False) -> Any:
    """The file to write to: ``output`` or standard output."""
    if output is None:
        return sys.stdout.buffer if binary else sys.stdout
    return open(output, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "")


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        n += 1
    out.flush()
    return n


DB_HELP = "Database: a SQLite file path or a postgresql:// URL (default: setting `db`, env DIPLOGRAPH_DB)."
TABLE_OR_JSON_HELP = "table (for people) or json."


def table_or_json(value: str) -> str:
    """The value of a --format option that takes table or json."""
    value = value.lower()
    if value not in ("table", "json"):
        raise ConfigError(f"--format must be table or json, not {value!r}")
    return value


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def day_option(value: str | None, flag: str) -> str | None:
    """A YYYY-MM-DD option, checked here so that a mistake names the flag (a usage error, exit 2)."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ConfigError(f"{flag} {value!r} is not a valid YYYY-MM-DD date")


def period_options(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """--since and --until checked, and in order."""
    first, last = day_option(since, "--since"), day_option(until, "--until")
    if first and last and last < first:
        raise ConfigError(f"--until {last} is before --since {first}")
    return first, last


def _print_version(value: bool) -> None:
    if value:
        console.print(f"diplograph {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn international news into a temporal knowledge base of relations between states."""
