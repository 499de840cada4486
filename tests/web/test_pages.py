"""Each page in a real browser, checked for what a person would see."""

from __future__ import annotations

from typing import Any

from apidata import DISPUTE_BODY, SUMMIT_BODY, XSS_ONERROR, XSS_SCRIPT, XSS_TITLE, XSS_URL, SampleData

TOP_TIER_2023 = {"CHN", "RUS", "IND", "KOR", "USA", "JPN"}
SUMMIT_SENTENCE = SUMMIT_BODY.split("\n")[0]
# elements an injection would have made: images, scripts other than the page's own files, script links
INJECTED = "main img, script:not([src^='/static/']), a[href^='javascript']"


def open_country(page: Any, as_of: str) -> None:
    page.goto(f"/country/VNM?as_of={as_of}")
    page.wait_for_selector(f"#graph[data-state=ready][data-as-of='{as_of}']")


def graph_tier(page: Any, tier: str) -> set[str]:
    return set(page.evaluate(f"window.dgCountry.cy.nodes(\"[tier = '{tier}']\").map((n) => n.id())"))


def table_tier(page: Any, tier: str) -> set[str]:
    rows = page.locator(f"table[data-tier={tier}] tbody tr")
    return {rows.nth(i).get_attribute("data-partner") for i in range(rows.count())}


def test_country_graph_and_table_follow_the_date(page: Any) -> None:
    open_country(page, "2023-11-30")
    assert graph_tier(page, "CSP") == TOP_TIER_2023
    assert table_tier(page, "CSP") == TOP_TIER_2023
    assert page.locator("table[data-tier=CSP]").get_by_role("link", name="Japan").is_visible()
    assert "6 at the top tier" in page.locator("#summary").inner_text()

    # the date picker: at the end of 2022 the US and Japan were not yet at the top tier
    page.fill("#as-of", "2022-12-31")
    page.wait_for_selector("#graph[data-state=ready][data-as-of='2022-12-31']")
    assert graph_tier(page, "CSP") == TOP_TIER_2023 - {"USA", "JPN"}
    assert table_tier(page, "CSP") == TOP_TIER_2023 - {"USA", "JPN"}
    assert "JPN" in graph_tier(page, "SP")
    assert "as_of=2022-12-31" in page.url

    # the slider: four days back from 2023-11-30 is the day before the Japan upgrade
    open_country(page, "2023-11-30")
    slider = page.locator("#as-of-slider")
    slider.focus()
    for _ in range(4):
        slider.press("ArrowLeft")
    page.wait_for_selector("#graph[data-state=ready][data-as-of='2023-11-26']")
    assert page.input_value("#as-of") == "2023-11-26"
    assert graph_tier(page, "CSP") == TOP_TIER_2023 - {"JPN"}
    assert page.console.errors == []


def test_country_table_shows_each_partner_rung(page: Any) -> None:
    page.goto("/country/CHN?as_of=2023-11-30")
    page.wait_for_selector("#graph[data-state=ready][data-as-of='2023-11-30']")
    assert page.locator("table.partners thead th").nth(1).inner_text() == "Rung"
    pakistan = page.locator("table[data-tier=OTHER] tbody tr[data-partner=PAK] td.rung")
    assert pakistan.inner_text() == "1"
    assert pakistan.get_attribute("title") == "rung 1 of 8 on China's ladder"
    # Laos's only row is a layered label: it is on no rung of the ladder
    laos = page.locator("tbody tr[data-partner=LAO] td.rung")
    assert laos.inner_text() == "–" and laos.get_attribute("title") == "not ranked on China's ladder"
    assert page.console.errors == []


def test_clicking_an_edge_shows_its_evidence(page: Any, web_sample: SampleData) -> None:
    open_country(page, "2023-11-30")
    # a point of the Vietnam-Japan edge where nothing else is drawn on top of it
    point = page.evaluate("""() => {
        const cy = window.dgCountry.cy;
        const edge = cy.getElementById('VNM-JPN');
        const box = document.getElementById('graph').getBoundingClientRect();
        const from = edge.source().position(), to = edge.target().position();
        const zoom = cy.zoom(), pan = cy.pan();
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
            const x = from.x + t * (to.x - from.x), y = from.y + t * (to.y - from.y);
            const hit = cy.renderer().findNearestElement(x, y, true, false);  // model coordinates
            if (hit && hit.id() === 'VNM-JPN') return {x: box.left + x * zoom + pan.x, y: box.top + y * zoom + pan.y};
        }
        return null;
    }""")
    assert point is not None, "the Vietnam-Japan edge is hidden under other elements"
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**/pair/VNM/JPN?as_of=2023-11-30*")
    evidence = page.locator("#evidence-list")
    evidence.get_by_text(SUMMIT_SENTENCE).wait_for()
    assert "reference table" in evidence.inner_text()
    assert page.locator("#state").get_by_text("2023-11-27").is_visible()

    # from the evidence to the article it came from, with the sentence highlighted
    evidence.get_by_role("link", name="article of 2023-11-28").click()
    page.wait_for_url(f"**/document/{web_sample.summit_id}#*")
    page.wait_for_selector("#text[data-state=ready]")
    # the sentence is one run of highlighted segments (cut where actor mentions start and end)
    highlighted = page.locator("#text mark.evidence-framework")
    assert "".join(highlighted.all_inner_texts()) == SUMMIT_SENTENCE
    # and marked as the one the link stands for
    assert page.locator("#text .focused").all_inner_texts() == [SUMMIT_SENTENCE]
    assert page.console.errors == []


def test_pair_timeline_colours_cooperation_and_conflict(page: Any) -> None:
    from playwright.sync_api import expect

    page.goto("/pair/JPN/VNM?as_of=2023-11-30")
    page.wait_for_selector("#timeline[data-state=ready]")
    assert page.locator("#title").inner_text() == "Japan – Vietnam"
    expect(page.locator(".vis-item.vis-box.coop")).to_have_count(5)  # drawn after the data is in
    assert page.locator(".vis-item.tier-CSP").count() >= 1  # the level since 2023-11-27
    assert page.locator(".vis-item.tier-SP").count() >= 1  # the level before it
    assert page.locator(".vis-item.vis-box.conflict").count() == 0

    page.goto("/pair/CHN/PHL")
    page.wait_for_selector("#timeline[data-state=ready]")
    conflict = page.locator(".vis-item.vis-box.conflict")
    # vis-timeline draws its items after the data is in (a loaded machine can see the page between
    # the two): wait for the boxes rather than count them at once
    expect(conflict).to_have_count(4)
    assert "COERCE" in " ".join(conflict.all_inner_texts())
    assert page.console.errors == []


def test_event_search_page(page: Any, web_sample: SampleData) -> None:
    from playwright.sync_api import expect

    page.goto("/events")
    page.wait_for_selector("#results[data-state=ready]")
    assert page.locator("#results tbody tr").count() == 9
    page.fill("input[name=actor]", "Philippines")
    page.click("button[type=submit] >> text=Search")
    # a locator assertion polls from Playwright's side: a string predicate would be evaluated in the
    # page, which the page's Content-Security-Policy (no 'unsafe-eval') rightly forbids
    expect(page.locator("#results tbody tr")).to_have_count(1)
    row = page.locator("#results tbody tr").first
    assert "PROTEST" in row.inner_text()
    assert DISPUTE_BODY.split("\n")[0] in row.inner_text()
    assert "actor=Philippines" in page.url

    page.goto("/events?type=COERCE")
    page.wait_for_selector("#results[data-state=ready]")
    assert page.locator("#results tbody tr").count() == 1
    page.locator("#results tbody tr").first.get_by_role("link", name="document").click()
    page.wait_for_url(f"**/document/{web_sample.dispute_id}#*")
    page.wait_for_selector("#text[data-state=ready]")
    assert page.locator("#text .mention").count() >= 4
    assert page.locator("#text .focused").all_inner_texts() == [DISPUTE_BODY.split("\n")[2]]  # the COERCE sentence
    assert page.console.errors == []


def test_hostile_article_renders_as_text(page: Any, web_sample: SampleData) -> None:
    page.goto(f"/document/{web_sample.xss_id}")
    page.wait_for_selector("#text[data-state=ready]")
    assert page.locator("h1#title").inner_text() == XSS_TITLE
    text = page.locator("#text").inner_text()
    assert XSS_SCRIPT in text and XSS_ONERROR in text
    assert XSS_URL in page.locator("#meta").inner_text()  # shown, not linked
    assert page.locator("#meta a").count() == 0
    for path in (f"/document/{web_sample.xss_id}", "/events?party=VNM", "/pair/JPN/VNM", "/changes?since=2024-01-01&until=2024-01-31"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        shown = page.locator("main").inner_text()
        assert "<script>" in shown or "onerror=" in shown, path  # the payload is there, as text
        # no element was made from the payloads, and nothing they carry ran
        assert page.locator(INJECTED).count() == 0, path
        assert page.evaluate("typeof window.__xss") == "undefined", path
    # the timeline's tooltips show an event's sentence: hover every event to open them all
    page.goto("/pair/JPN/VNM")
    page.wait_for_selector("#timeline[data-state=ready]")
    tips = []
    boxes = page.locator(".vis-item.vis-box")
    for i in range(boxes.count()):
        boxes.nth(i).hover()
        page.wait_for_timeout(400)  # the tooltip opens after a delay
        tips += page.locator(".vis-tooltip").all_inner_texts()
    assert any(XSS_SCRIPT in tip for tip in tips), tips
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    # a pasted article is handled the same way by the claim checker
    page.goto("/check")
    page.fill("textarea[name=text]", f"Japan joins China {XSS_ONERROR} as top-tier partners of Vietnam {XSS_SCRIPT}")
    page.fill("input[name=published]", "2023-11-28")
    page.click("button >> text=Check")
    page.wait_for_selector("#result[data-state=ready]")
    assert XSS_ONERROR in page.locator("#result").inner_text()
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.console.errors == []


def test_what_changed_page(page: Any) -> None:
    page.goto("/changes?since=2023-11-01&until=2023-11-30")
    page.wait_for_selector("#frameworks[data-state=ready]")
    row = page.locator("#frameworks tr[data-pair=JPN-VNM]")
    assert "upgrade" in row.inner_text()
    row.get_by_role("link", name="JPN–VNM").click()
    page.wait_for_url("**/pair/JPN/VNM?as_of=2023-11-27")
    page.fill("#as-of", "2023-11-26")
    page.locator("#state").get_by_text("strategic partnership").first.wait_for()
    assert "SP" in page.locator("#state").inner_text()
    assert page.console.errors == []


def test_home_page_and_country_search(page: Any) -> None:
    page.goto("/")
    page.get_by_text("The database holds 3 documents").wait_for()
    page.fill("#nav-country input", "Japan")
    page.press("#nav-country input", "Enter")
    page.wait_for_url("**/country/JPN*")
    page.wait_for_selector("#graph[data-state=ready]")
    assert "VNM" in graph_tier(page, "CSP")
    page.fill("#nav-country input", "Atlantis")
    page.press("#nav-country input", "Enter")
    page.locator("#nav-country .form-status").get_by_text("Atlantis").wait_for()
