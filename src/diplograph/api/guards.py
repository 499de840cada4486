"""A request guard: query parameters holding control characters are refused with a 422.

A NUL cannot reach PostgreSQL (the driver refuses it: the request used to end in a 503) and on
SQLite it cuts the pattern short (``q=%00`` matched every event); no query has a use for the other
C0/C1 controls either. The characters are those that reading removes from documents
(:mod:`diplograph.read.controls`)."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..read.controls import has_controls


def control_character_problem(query_string: bytes) -> str | None:
    """Why this query string is refused, or None when it is fine."""
    try:
        text = query_string.decode("utf-8")
    except UnicodeDecodeError:  # raw bytes that are not UTF-8: read them as Starlette does
        text = query_string.decode("latin-1")
    for name, value in parse_qsl(text, keep_blank_values=True):
        if has_controls(name) or has_controls(value):
            return f"query parameter {name!r} holds a control character (U+0000-U+001F, U+007F-U+009F)"
    return None


class ControlCharacterGuard:
    """422 with the API's error body for a request whose query string holds a control character."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            problem = control_character_problem(scope["query_string"])
            if problem is not None:
                body = {"status": 422, "code": "bad_input", "message": problem}  # the API's one error body
                await JSONResponse(body, status_code=422)(scope, receive, send)
                return
        await self.app(scope, receive, send)
