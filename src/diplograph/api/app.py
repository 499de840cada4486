"""The FastAPI application: ``create_app(options)``.

Every error, whatever raised it (a diplograph error, a validation failure, an unknown route, a
wrong method, an oversize body, a bug), leaves as one JSON body ``{"status", "code", "message"}``.
Every response carries a Content-Security-Policy that allows scripts and styles from this server
only: article text is untrusted and the pages insert it as text, and the policy is the second
line of defence."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._version import __version__
from ..errors import DiplographError
from ..settings import Options, load_options
from ..store import Store
from .guards import ControlCharacterGuard
from .messages import unsupported_media_type, validation_message

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type",
              422: "bad_input", 429: "too_many_requests", 500: "internal_error", 503: "unavailable"}


def error_response(status: int, code: str, message: str, detail: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)


class BodyTooLarge(StarletteHTTPException):
    """Raised while a body is read; an HTTPException so that FastAPI's body parsing passes it on
    (it turns other exceptions into a 400) and the handlers render it as a 413."""

    def __init__(self, max_body: int) -> None:
        super().__init__(413, f"request body over the limit of {max_body} bytes (api_max_body)")


class BodyLimitMiddleware:
    """413 for a request body over ``max_body`` bytes, by its Content-Length or, for a chunked
    body, as soon as what was read passes the limit (nothing larger is ever buffered)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    def _refuse(self) -> JSONResponse:
        return error_response(413, "too_large", str(BodyTooLarge(self.max_body).detail))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.max_body:
                    await self._refuse()(scope, receive, send)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse()(scope, receive, send)


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] not in {k for k, _ in SECURITY_HEADERS}]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves on this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DiplographError)
    async def _diplograph_error(_request: Request, exc: DiplographError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
        if exc.http_status >= 500:
            logger.warning("%s: %s", exc.code, exc.message)
        return JSONResponse(exc.to_dict(), status_code=exc.http_status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        not_json = unsupported_media_type(request)
        if not_json:
            return error_response(415, "unsupported_media_type", not_json)
        return error_response(422, "bad_input", validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        message = str(exc.detail) if exc.detail else HTTP_CODES.get(status, "error")
        if status == 404:
            message = f"no such page or endpoint: {request.url.path}"
        headers = dict(exc.headers or {})
        if status == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return error_response(status, HTTP_CODES.get(status, "error"), message, headers=headers or None)

    @app.exception_handler(SQLAlchemyError)
    async def _database_error(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
        logger.error("database error: %s", exc)
        return error_response(503, "store_error", "the database cannot answer right now")

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error")
        return error_response(500, "internal_error", "an unexpected error occurred; it has been logged")


def create_app(options: Options | None = None, *, store: Store | None = None) -> FastAPI:
    """The API and the web pages over ``options.db`` (opened and migrated here), or over an
    already open ``store``."""
    from ..web import pages
    from . import routes, write

    options = options or load_options()
    owned = store is None
    the_store = store if store is not None else Store(options.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            the_store.close()

    app = FastAPI(
        title="diplograph",
        version=__version__,
        description="Relations between states from the news: partnership frameworks and PLOVER events, "
                    "each fact with its evidence. Every error has the body {status, code, message}.",
        lifespan=lifespan,
        # the interactive docs load scripts from a CDN and inline: the pages work offline under a strict CSP
        docs_url=None,
        redoc_url=None,
    )
    app.state.options = options
    app.state.store = the_store
    app.state.writer = write.Writer(options)
    _install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(write.router)
    pages.install(app)
    # the outermost middleware runs first: headers on every response, even a 413 or 422
    app.add_middleware(ControlCharacterGuard)
    app.add_middleware(BodyLimitMiddleware, max_body=options.api_max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
