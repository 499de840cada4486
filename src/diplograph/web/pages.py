"""Routes of the web pages. Each page is a static HTML file; its script reads the path and query
string and asks the API for the data, so no untrusted text is ever rendered on the server."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from . import STATIC_DIR

PAGES = {
    "/": "index.html",
    "/country/{country}": "country.html",
    "/pair/{a}/{b}": "pair.html",
    "/events": "events.html",
    "/document/{doc_id}": "document.html",
    "/changes": "changes.html",
    "/check": "check.html",
}


def _page_handler(filename: str):  # type: ignore[no-untyped-def]
    path = STATIC_DIR / filename

    async def page() -> FileResponse:
        return FileResponse(path, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    page.__name__ = f"page_{filename.split('.')[0]}"
    return page


def install(app: FastAPI) -> None:
    """Mount /static and the page routes on ``app`` (left out of the OpenAPI schema)."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for route, filename in PAGES.items():
        app.add_api_route(route, _page_handler(filename), methods=["GET", "HEAD"], include_in_schema=False)

    async def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg")

    app.add_api_route("/favicon.ico", favicon, methods=["GET"], include_in_schema=False)
