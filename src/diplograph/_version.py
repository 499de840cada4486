"""The installed distribution's version, in a module of its own: the package root imports the
whole knowledge base (``diplograph.open``), and what only needs the version (the fetcher's
User-Agent, the API's health answer, ``--version``) should not depend on it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
