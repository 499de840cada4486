"""Page details a new user met (issue 17): an invalid date in the address is said, not shown as an
empty page; /country lists the countries of the knowledge base (the header's Countries link goes
there); the search boxes show their whole placeholder; the changes page loads more pages."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

PAGES = ["/", "/country", "/country/VNM?as_of=2023-11-30", "/pair/JPN/VNM", "/events", "/changes", "/check"]


def test_an_invalid_date_in_the_address_is_said(page: Any) -> None:
    page.goto("/country/VNM?as_of=2023-02-30")
    notice = page.get_by_role("alert").filter(has_text="2023-02-30")
    notice.wait_for()
    assert "not a valid date" in notice.inner_text()
    # and the page still shows something: the partners as of today
    page.wait_for_selector("#graph[data-state=ready]")
    today = page.evaluate("dg.today()")
    assert page.input_value("#as-of") == today and "partners as of" in page.locator("#summary").inner_text()
    page.goto("/pair/JPN/VNM?as_of=2023-13-01")
    page.get_by_role("alert").filter(has_text="2023-13-01").wait_for()
    page.goto("/changes?since=2024-02-31&until=2024-03-31")
    page.get_by_role("alert").filter(has_text="since=2024-02-31").wait_for()
    assert page.input_value("#until") == "2024-03-31"
    # a good date gives no notice
    page.goto("/country/VNM?as_of=2023-11-30")
    page.wait_for_selector("#graph[data-state=ready]")
    assert page.locator(".date-notice").count() == 0
    assert page.console.errors == []


def test_the_country_list_and_the_header_link(page: Any, server: Any) -> None:
    page.goto("/check")
    page.locator("header.site nav").get_by_role("link", name="Countries").click()
    page.wait_for_url("**/country")
    page.wait_for_selector("#countries[data-state=ready]")
    with urllib.request.urlopen(f"{server.url}/api/countries", timeout=10) as response:
        expected = [row["code"] for row in json.load(response)["countries"]]
    rows = page.locator("#countries tbody tr")
    assert [rows.nth(i).get_attribute("data-code") for i in range(rows.count())] == expected
    page.fill("#filter", "viet")
    assert [rows.nth(i).get_attribute("data-code") for i in range(rows.count())] == ["VNM"]
    rows.first.get_by_role("link", name="Vietnam").click()
    page.wait_for_url("**/country/VNM")
    page.wait_for_selector("#graph[data-state=ready]")
    assert page.console.errors == []


def test_placeholders_are_shown_whole(page: Any) -> None:
    for path in PAGES:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        cut = page.evaluate("""() => [...document.querySelectorAll('input[placeholder]')].map((input) => {
            const before = input.value;
            input.value = input.placeholder;  // the placeholder's text as the value: does it fit?
            const over = input.scrollWidth - input.clientWidth;
            input.value = before;
            return [input.placeholder, over];
        }).filter(([, over]) => over > 0)""")
        assert cut == [], (path, cut)


def test_the_changes_page_loads_more(page: Any, server: Any) -> None:
    # the period's whole answer, page by page (a page holds at most 100 entries)
    whole: dict[str, list[Any]] = {"frameworks": [], "events": []}
    cursor = ""
    while True:
        url = f"{server.url}/api/changes?since=2023-01-01&until=2023-12-31" + (f"&cursor={cursor}" if cursor else "")
        with urllib.request.urlopen(url, timeout=10) as response:
            answer = json.load(response)
        whole["frameworks"] += answer["frameworks"]
        whole["events"] += answer["events"]
        cursor = answer.get("next_cursor") or ""
        if not cursor:
            break
    total = len(whole["frameworks"]) + len(whole["events"])
    assert total >= 3
    page.goto("/changes?since=2023-01-01&until=2023-12-31&limit=2")
    page.wait_for_selector("#frameworks[data-state=ready]")
    more = page.locator("#more")
    clicks = 0
    while more.is_visible():
        rows = page.locator("#frameworks tbody tr, #events tbody tr")
        shown = rows.count()
        more.click()
        rows.nth(shown).wait_for()  # a row more than before
        clicks += 1
    assert clicks == (total + 1) // 2 - 1
    assert page.locator("#frameworks tbody tr").count() == len(whole["frameworks"])
    assert page.locator("#events tbody tr").count() == len(whole["events"])
    assert "so far" not in page.locator("#summary").inner_text()
    assert page.console.errors == []
