"""Routes of the web pages. Each page is a static HTML file; its script reads the path and query
string and asks the API for the data, so no untrusted text is ever rendered on the server. The
site header (brand, navigation, country search) is one file, ``site-header.html``, included where a
page says ``<!--#include site-header-->`` when the routes are installed."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from . import STATIC_DIR

PAGES = {
    "/": "index.html",
    "/country": "countries.html",
    "/country/{country}": "country.html",
    "/pair/{a}/{b}": "pair.html",
    "/events": "events.html",
    "/document/{doc_id}": "document.html",
    "/changes": "changes.html",
    "/check": "check.html",
}


HEADER_MARKER = "<!--#include site-header-->"


def render_page(filename: str) -> str:
    """A page's HTML with the shared site header in place (our own markup only)."""
    header = (STATIC_DIR / "site-header.html").read_text(encoding="utf-8")
    html = (STATIC_DIR / filename).read_text(encoding="utf-8")
    if HEADER_MARKER not in html:
        raise RuntimeError(f"{filename} does not include the site header")
    return html.replace(HEADER_MARKER, header.rstrip("\n"), 1)


def _page_handler(filename: str):  # type: ignore[no-untyped-def]
    html = render_page(filename)

    async def page() -> HTMLResponse:
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

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
