"""Browser tests: Playwright for Python driving Debian's chromium against a real uvicorn.

They skip with a clear message when playwright or /usr/bin/chromium is missing (the root
conftest turns such a skip into a failure when DIPLOGRAPH_REQUIRE_ALL is set, as in CI)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from apidata import LiveServer, SampleData, build_database  # noqa: E402

from diplograph.settings import Options  # noqa: E402

CHROMIUM = os.environ.get("DIPLOGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def web_sample(tmp_path_factory: pytest.TempPathFactory) -> SampleData:
    return build_database(str(tmp_path_factory.mktemp("web") / "web.sqlite"))


@pytest.fixture(scope="session")
def server(web_sample: SampleData) -> Iterator[LiveServer]:
    from diplograph.api import create_app

    with LiveServer(create_app(Options(db=web_sample.db))) as live:
        yield live


@pytest.fixture(scope="session")
def busy_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A second server, on a database with one busy pair (France-India): see busy_pair.py."""
    from busy_pair import build_busy_pair

    from diplograph.api import create_app

    db = build_busy_pair(str(tmp_path_factory.mktemp("busy") / "busy.sqlite"))
    with LiveServer(create_app(Options(db=db))) as live:
        yield live


@pytest.fixture(scope="session")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A database with one long article: see long_article.py."""
    from long_article import build_long_article

    return build_long_article(str(tmp_path_factory.mktemp("long") / "long.sqlite"))


@pytest.fixture(scope="session")
def long_server(long_article: Any) -> Iterator[LiveServer]:
    from diplograph.api import create_app

    with LiveServer(create_app(Options(db=long_article.db))) as live:
        yield live


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; no `playwright install` needed)")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Console:
    """What a page said on its console, and any uncaught script error."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def on_message(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def on_page_error(self, error: Any) -> None:
        self.errors.append(f"uncaught: {error}")


def open_tab(browser: Any, server: LiveServer) -> tuple[Any, Any]:
    """A new browser context on ``server`` and a tab in it that records console errors."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    console = Console()
    tab.on("console", console.on_message)
    tab.on("pageerror", console.on_page_error)
    tab.console = console
    return context, tab


@pytest.fixture()
def page(browser: Any, server: LiveServer) -> Iterator[Any]:
    context, tab = open_tab(browser, server)
    yield tab
    context.close()


@pytest.fixture()
def busy_page(browser: Any, busy_server: LiveServer) -> Iterator[Any]:
    context, tab = open_tab(browser, busy_server)
    yield tab
    context.close()


@pytest.fixture()
def long_page(browser: Any, long_server: LiveServer) -> Iterator[Any]:
    context, tab = open_tab(browser, long_server)
    yield tab
    context.close()
