"""The pair page reads a pair's history a page at a time: "Load more" until the end must show
exactly what the API returns in one big page, and the month strip must match the API's counts."""

from __future__ import annotations

import itertools
import json
import urllib.parse
import urllib.request
from typing import Any

from apidata import LiveServer

BIG_PAGE = 1000  # the API's largest page: everything a test database holds


def get_json(server: LiveServer, path: str, **params: Any) -> Any:
    url = f"{server.url}{path}?{urllib.parse.urlencode(params)}" if params else f"{server.url}{path}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def whole_timeline(server: LiveServer, a: str, b: str) -> dict[str, Any]:
    data = get_json(server, f"/api/pairs/{a}/{b}/timeline", limit=BIG_PAGE)
    assert data["next_cursor"] is None, "the test database outgrew one page"
    return data


def row_of(entry: dict[str, Any]) -> tuple[str, str, str]:
    return entry["kind"], entry["date"] or "", entry.get("fact_id") or entry.get("event_id") or ""


def busiest_pair(server: LiveServer) -> tuple[str, str, dict[str, Any]]:
    """Of the pairs the events link, the one whose history spans the most days (so that a page
    of one item gives the most pages), with its whole timeline."""
    events = get_json(server, "/api/events", limit=200)["items"]
    pairs = set()
    for event in events:
        parties = sorted(set(event["actor"]) | set(event["recipient"]))
        pairs |= set(itertools.combinations(parties, 2))
    scored = []
    for a, b in sorted(pairs):
        data = whole_timeline(server, a, b)
        scored.append((len({e["date"] for e in data["entries"]}), len(data["entries"]), a, b, data))
    days, _, a, b, data = max(scored, key=lambda row: row[:2])
    assert days >= 3, "no pair in the test database has a history worth paging"
    return a, b, data


def shown_rows(page: Any) -> list[tuple[str, str, str]]:
    return [tuple(row) for row in page.eval_on_selector_all(
        "#entries-body tr", "(rows) => rows.map((r) => [r.dataset.kind, r.dataset.date, r.dataset.key])")]


def load_everything(page: Any, entries: int) -> int:
    """Click "Load more" until it goes away; the number of clicks."""
    clicks = 0
    while page.locator("#more-entries").is_visible():
        page.locator("#more-entries").click()
        clicks += 1
        page.wait_for_selector(f"#entries[data-state=ready][data-pages='{clicks + 1}']")
        assert clicks < entries, "Load more does not stop"
    return clicks


def test_load_more_pages_through_the_whole_history(page: Any, server: LiveServer) -> None:
    a, b, whole = busiest_pair(server)
    expected = [row_of(entry) for entry in whole["entries"]]
    total_reports = sum(month["events"] for month in whole["months"])
    first_page = get_json(server, f"/api/pairs/{a}/{b}/timeline", limit=1)

    page.goto(f"/pair/{a}/{b}?limit=1")
    page.wait_for_selector("#entries[data-state=ready][data-pages='1']")
    assert shown_rows(page) == [row_of(entry) for entry in first_page["entries"]]
    count = page.locator("#entries-count")
    first_reports = sum(len(e["evidence"]) for e in first_page["entries"] if e["kind"] == "event" and e["date"])
    assert count.get_attribute("data-shown") == str(first_reports)
    assert count.get_attribute("data-total") == str(total_reports)
    assert f"of {total_reports} dated event report" in count.inner_text()
    more = page.locator("#more-entries")
    assert more.is_visible()

    # the strip: one bar per month the API counts, in its order, with its numbers
    page.wait_for_selector("#density[data-state=ready]")
    bars = page.locator("#density g.month")
    assert bars.count() == len(whole["months"]) >= 1
    assert [(bars.nth(i).get_attribute("data-month"), int(bars.nth(i).get_attribute("data-events")))
            for i in range(bars.count())] == [(m["month"], m["events"]) for m in whole["months"]]
    loaded_through = first_page["entries"][-1]["date"][:7]
    pale = {m["month"] for m in whole["months"] if m["month"] > loaded_through}
    assert {bars.nth(i).get_attribute("data-month") for i in range(bars.count())
            if "not-loaded" in (bars.nth(i).get_attribute("class") or "")} == pale

    assert load_everything(page, len(expected)) >= 2  # the history really came in several pages

    rows = shown_rows(page)
    assert rows == expected  # same entries, same dates, same order
    assert len(set(rows)) == len(rows)  # nothing shown twice
    assert page.locator("#more-entries-below").is_hidden()
    assert count.get_attribute("data-shown") == str(total_reports)
    assert f"Showing all {total_reports} dated event report" in count.inner_text()
    assert page.locator("#density g.month.not-loaded").count() == 0
    dated_events = sum(1 for e in whole["entries"] if e["kind"] == "event" and e["date"])
    assert page.locator(".vis-item.vis-box").count() == dated_events

    # a click on a month of the strip shows that month on the timeline
    month = whole["months"][-1]["month"]
    page.locator(f"#density g.month[data-month='{month}']").click()
    shown = page.evaluate("(() => { const w = window.dgPair.timeline.getWindow();"
                          " return [w.start.toISOString(), w.end.toISOString()]; })()")
    assert shown[0][:7] == month and shown[1] > shown[0]
    assert page.console.errors == []


def test_default_page_needs_no_load_more(page: Any, server: LiveServer) -> None:
    a, b, whole = busiest_pair(server)
    page.goto(f"/pair/{a}/{b}")
    page.wait_for_selector("#entries[data-state=ready]")
    assert shown_rows(page) == [row_of(entry) for entry in whole["entries"]]
    assert page.locator("#more-entries").is_hidden()
    page.wait_for_selector("#timeline[data-state=ready]")
    assert page.console.errors == []


def test_capped_evidence_lists_say_how_many_more(busy_page: Any, busy_server: LiveServer) -> None:
    page, server = busy_page, busy_server
    as_of = "2022-06-01"
    state = get_json(server, "/api/pairs/FRA/IND", as_of=as_of)["state"]
    state_total = state.get("totals", {}).get("evidence", state.get("evidence_total"))
    assert state_total > len(state["evidence"]), "the busy pair no longer has a capped evidence list"
    whole = whole_timeline(server, "FRA", "IND")
    capped = [e for e in whole["entries"] if e["kind"] == "framework" and e["evidence_total"] > len(e["evidence"])]
    assert capped, "no framework entry of the busy pair has a capped evidence list"

    page.goto(f"/pair/FRA/IND?as_of={as_of}&limit=7")
    page.wait_for_selector("#evidence-section[data-state=ready]")
    evidence = page.locator("#evidence-list")
    assert evidence.locator("ul.evidence-list > li").count() == len(state["evidence"])
    note = evidence.locator(".more-reports")
    assert note.get_attribute("data-more") == str(state_total - len(state["evidence"]))
    assert f"{state_total - len(state['evidence'])} more reports" in note.inner_text()
    # the link leads to the pair's facts: every report is counted there, and each fact's evidence
    # cursor pages through the reports beyond its first few
    href = note.get_by_role("link").get_attribute("href")
    assert href.startswith("/api/facts?")
    facts = get_json(server, href)["items"]
    assert sum(fact["evidence_total"] for fact in facts) >= state_total
    assert all(len(fact["evidence"]) <= 5 for fact in facts)
    big = max(facts, key=lambda fact: fact["evidence_total"])
    assert big["evidence_cursor"]
    records, cursor = list(big["evidence"]), big["evidence_cursor"]
    while cursor:
        rest = get_json(server, f"/api/facts/{big['fact_id']}/evidence", limit=50, cursor=cursor)
        assert rest["evidence_total"] == big["evidence_total"]
        records += rest["items"]
        cursor = rest["next_cursor"]
    assert len(records) == big["evidence_total"]
    assert len({json.dumps(r, sort_keys=True) for r in records}) == len(records)

    page.wait_for_selector("#entries[data-state=ready]")
    assert load_everything(page, len(whole["entries"])) >= 2
    assert shown_rows(page) == [row_of(entry) for entry in whole["entries"]]
    for entry in capped:
        row = page.locator(f"#entries-body tr[data-key='{entry['fact_id']}']")
        more = row.locator("details.more-reports")
        assert more.get_attribute("data-more") == str(entry["evidence_total"] - 1)  # all but the sentence shown
        more.locator("summary").click()
        assert more.locator("li").count() == len(entry["evidence"]) - 1
        unsent = entry["evidence_total"] - len(entry["evidence"])
        assert f"{unsent} reports not listed here" in more.inner_text()
    count = page.locator("#entries-count")
    assert count.get_attribute("data-shown") == count.get_attribute("data-total") == \
        str(sum(month["events"] for month in whole["months"]))
    assert page.console.errors == []
