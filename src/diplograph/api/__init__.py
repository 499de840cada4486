"""The HTTP API (FastAPI) and the web pages it serves: ``create_app(options)``."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
