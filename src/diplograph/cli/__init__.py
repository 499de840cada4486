"""Command-line interface. ``main`` maps the exception hierarchy to exit codes."""

from __future__ import annotations

import importlib
import logging
import os
import sys

from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

from ..errors import DiplographError
from ..store.engine import database_error
from .app import app, err_console

# Command modules register themselves on import; a module that is not there yet (work in
# progress on a branch) must not break the others.
_COMMAND_MODULES = ("ingest", "clean", "code", "train", "kb", "export", "serve", "load", "evaluate", "reference")

for _name in _COMMAND_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    level = os.environ.get("DIPLOGRAPH_LOG", "WARNING").upper()
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        try:
            app()
        except SQLAlchemyError as exc:  # a database that fails after it was opened: one line, not a traceback
            raise database_error("", exc) from None
    except DiplographError as exc:
        # one line (soft_wrap: a narrow terminal wraps it, rich does not cut it into several)
        err_console.print(f"[bold red]error:[/] {escape(exc.message)}", highlight=False, soft_wrap=True)
        if exc.detail:
            err_console.print(exc.detail, highlight=False, markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
