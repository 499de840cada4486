"""Command-line interface. ``main`` maps the exception hierarchy to exit codes."""

from __future__ import annotations

import importlib
import logging
import os
import sys

from ..errors import DiplographError
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
        app()
    except DiplographError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
        if exc.detail:
            err_console.print(exc.detail, highlight=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
