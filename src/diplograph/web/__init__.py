"""The web interface: static pages and scripts served by the API app (see :mod:`.pages`).

The pages fetch JSON from /api/ and build the DOM with ``textContent`` only: article text is
untrusted and never becomes markup. cytoscape.js and vis-timeline are vendored under
``static/vendor/`` with their licences, so the pages work offline."""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC_DIR"]
