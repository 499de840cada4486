"""Screenshots of every web page, for the README: `make screenshots`.

Serves ``--db`` with uvicorn on 127.0.0.1 (a free port), opens each page in Debian's chromium
through Playwright, waits until its data is drawn and saves ``OUTPUT/<page>.png``."""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

logger = logging.getLogger("screenshots")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CLAIM_TITLE = "Japan joins China, US, India as top-tier partners of Vietnam"
CLAIM_TEXT = ("Japan and Vietnam upgraded their ties to a comprehensive strategic partnership on Monday, "
              "making Japan the sixth country to reach the highest level with Vietnam.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: str, port: int) -> Any:
    import uvicorn

    from diplograph.api import create_app
    from diplograph.settings import load_options

    server = uvicorn.Server(uvicorn.Config(create_app(load_options(db=db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    return server


def get_json(base: str, path: str, **params: str) -> Any:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own local server
        return json.load(response)


def pick_document(base: str) -> str | None:
    """The founding-style article when the database has it, else the first document."""
    for query in ({"q": "top-tier"}, {}):
        items = get_json(base, "/api/documents", limit="1", **query)["items"]
        if items:
            return str(items[0]["doc_id"])
    return None


def take(page: Any, base: str, path: str, ready: str, output: Path, *, full_page: bool = True) -> Path:
    page.goto(base + path)
    page.wait_for_selector(ready)
    page.wait_for_timeout(400)  # let the graph and timeline finish drawing
    page.screenshot(path=str(output), full_page=full_page)
    logger.info("saved %s", output)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="The database to show (e.g. demo.sqlite from `make demo`).")
    parser.add_argument("--output", default="docs/screenshots", help="Folder for the PNG files.")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--as-of", default="2023-11-30")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not Path(args.chromium).is_file():
        logger.error("%s is absent: apt-get install chromium", args.chromium)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        logger.error("playwright is not installed: pip install playwright (no `playwright install` needed)")
        return 2
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    saved: list[Path] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
            page.set_default_timeout(20_000)
            saved.append(take(page, base, f"/country/VNM?as_of={args.as_of}",
                              f"#graph[data-state=ready][data-as-of='{args.as_of}']", output / "country.png",
                              full_page=False))
            saved.append(take(page, base, f"/pair/JPN/VNM?as_of={args.as_of}", "#timeline[data-state=ready]",
                              output / "pair.png"))
            saved.append(take(page, base, "/events?party=VNM", "#results[data-state=ready]", output / "events.png",
                              full_page=False))
            doc_id = pick_document(base)
            if doc_id:
                saved.append(take(page, base, f"/document/{doc_id}", "#text[data-state=ready]",
                                  output / "document.png", full_page=False))
            saved.append(take(page, base, "/changes?since=2023-09-01&until=2023-12-31",
                              "#frameworks[data-state=ready]", output / "changes.png", full_page=False))
            page.goto(base + "/check")
            page.fill("input[name=title]", CLAIM_TITLE)
            page.fill("textarea[name=text]", CLAIM_TEXT)
            page.fill("input[name=published]", "2023-11-28")
            page.click("button >> text=Check")
            page.wait_for_selector("#result[data-state=ready]")
            page.screenshot(path=str(output / "check.png"), full_page=True)
            saved.append(output / "check.png")
            browser.close()
    finally:
        server.should_exit = True
    sys.stdout.write("".join(f"{path}\n" for path in saved))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
