"""An evidence link names the sentence it stands for: the document page scrolls to that one
sentence and marks it (and only it) as the current one, while every evidence sentence stays
highlighted. Checked in a real browser on a long article (long_article.py)."""

from __future__ import annotations

from typing import Any

import pytest
from long_article import GUIDANCE, GUIDANCE_LONGER, OPENING, PLEDGE, LongArticle

PAIR_PAGE = "/pair/BRA/ZAF?as_of=2024-06-01"
EVIDENCE_SENTENCES = {OPENING, GUIDANCE, GUIDANCE_LONGER, PLEDGE}


def focused_sentence(page: Any, doc_id: str) -> dict[str, Any]:
    """Wait for the document page, then what it focused: its text, how many elements are marked
    focused, where the focused one is in the viewport, and how far the page scrolled."""
    page.wait_for_url(f"**/document/{doc_id}#*")
    page.wait_for_selector("#text[data-state=ready]")
    return page.evaluate("""() => {
        const all = document.querySelectorAll('#text .focused, #text [aria-current]');
        const one = document.querySelector('#text .focused');
        const box = one ? one.getBoundingClientRect() : null;
        return {
            count: all.length, text: one ? one.textContent : null,
            current: one ? one.getAttribute('aria-current') : null,
            visible: box !== null && box.top >= 0 && box.bottom <= window.innerHeight,
            scrolled: window.scrollY,
            evidence: [...document.querySelectorAll('#text mark.evidence')].map((m) => m.textContent).join('|'),
        };
    }""")


def assert_focused(seen: dict[str, Any], sentence: str) -> None:
    assert seen["count"] == 1, seen
    assert seen["text"] == sentence
    assert seen["current"] == "location"
    assert seen["visible"], "the focused sentence was not scrolled into view"
    # the other evidence sentences are still highlighted around it
    for other in EVIDENCE_SENTENCES:
        assert other.split(" ")[-1] in seen["evidence"]


@pytest.mark.parametrize("sentence", [GUIDANCE, GUIDANCE_LONGER, OPENING])
def test_pair_evidence_link_focuses_the_clicked_sentence(long_page: Any, long_article: LongArticle, sentence: str) -> None:
    long_page.goto(PAIR_PAGE)
    item = long_page.locator("#evidence-list li").filter(has_text=sentence)
    item.wait_for()
    item.get_by_role("link", name="article of 2024-05-11").click()
    seen = focused_sentence(long_page, long_article.doc_id)
    assert_focused(seen, sentence)
    if sentence != OPENING:  # the others sit below the first screen: the page had to scroll
        assert seen["scrolled"] > 0
    assert long_page.console.errors == []


def test_history_row_link_focuses_its_sentence(long_page: Any, long_article: LongArticle) -> None:
    long_page.goto(PAIR_PAGE)
    long_page.wait_for_selector("#entries[data-state=ready]")
    row = long_page.locator("#entries tr[data-kind=event]").filter(has_text=PLEDGE)
    row.get_by_role("link", name="document").click()
    seen = focused_sentence(long_page, long_article.doc_id)
    assert_focused(seen, PLEDGE)
    assert seen["scrolled"] > 0
    assert long_page.console.errors == []


def test_event_search_link_focuses_its_sentence(long_page: Any, long_article: LongArticle) -> None:
    long_page.goto("/events?type=AID")
    long_page.wait_for_selector("#results[data-state=ready]")
    link = long_page.locator("#results tbody tr").filter(has_text=PLEDGE).get_by_role("link", name="document")
    assert "s=" in (link.get_attribute("href") or "")  # the event search knows the sentence's offset
    link.click()
    assert_focused(focused_sentence(long_page, long_article.doc_id), PLEDGE)
    assert long_page.console.errors == []


def test_in_page_links_move_the_focus(long_page: Any, long_article: LongArticle) -> None:
    long_page.goto(f"/document/{long_article.doc_id}")
    long_page.wait_for_selector("#text[data-state=ready]")
    assert long_page.locator("#text .focused").count() == 0  # no fragment, nothing focused
    long_page.evaluate("window.__samePage = true")
    row = long_page.locator("#frameworks tr").filter(has_text=GUIDANCE_LONGER)
    row.get_by_role("link", name="show in text").click()
    seen = focused_sentence(long_page, long_article.doc_id)
    assert_focused(seen, GUIDANCE_LONGER)
    long_page.locator("#events tr").filter(has_text=OPENING).get_by_role("link", name="show in text").click()
    long_page.locator("#text .focused").filter(has_text=OPENING).wait_for()
    assert_focused(focused_sentence(long_page, long_article.doc_id), OPENING)
    assert long_page.evaluate("window.__samePage") is True  # the page was not reloaded
    assert long_page.console.errors == []


@pytest.mark.parametrize("fragment", [
    "#q=%E0%A4%A&n=abc&s=-5",  # a broken percent escape, a word for a length, a negative offset
    "#s=999999999&n=7",  # an offset past the end of the text
    "#q=%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D5%22%3E",  # markup that is in no sentence
    "#q=Nothing%20like%20this%20is%20in%20the%20article",
    "#%%%&&==",
])
def test_fragments_that_name_no_sentence_are_ignored(long_page: Any, long_article: LongArticle, fragment: str) -> None:
    long_page.goto(f"/document/{long_article.doc_id}{fragment}")
    long_page.wait_for_selector("#text[data-state=ready]")
    assert long_page.locator("#text .focused, #text [aria-current]").count() == 0
    shown = long_page.locator("#text mark.evidence").all_inner_texts()
    assert PLEDGE in shown and OPENING.split(" ")[0] in "".join(shown)
    assert long_page.locator("main img").count() == 0
    assert long_page.evaluate("typeof window.__xss") == "undefined"
    assert long_page.console.errors == []


def test_a_sentence_that_is_not_evidence_is_found_in_the_text(long_page: Any, long_article: LongArticle) -> None:
    # a filler sentence is highlighted by no span: the page finds its beginning in the text
    long_page.goto(f"/document/{long_article.doc_id}#q=Working%20group%2020%20spent&n=27")
    long_page.wait_for_selector("#text[data-state=ready]")
    focused = long_page.locator("#text .focused")
    assert focused.count() == 1
    assert focused.inner_text() == "Working group 20 spent its "
    assert long_page.console.errors == []
