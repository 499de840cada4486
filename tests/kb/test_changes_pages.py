"""What changed, a page at a time (issue 17): pages of at most ``limit`` entries that together give
every framework change and notable event of the period exactly once, in date order, with capped
evidence; on SQLite and PostgreSQL. The read batches are made tiny so that days are cut across
batches and a day holds more rows than a batch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from kb_helpers import event, obs

from diplograph.errors import InputError
from diplograph.kb import changes as changes_module
from diplograph.kb.changes import NOTABLE_GOLDSTEIN, NOTABLE_SOURCES, changes
from diplograph.kb.events import event_facts
from diplograph.store import Store

SINCE, UNTIL = "2024-03-01", "2024-03-20"
PARTNERS = ["PHL", "VNM", "JPN", "KOR", "AUS", "IND", "IDN", "MYS"]


@pytest.fixture
def busy_period(store: Store, add_article, monkeypatch: pytest.MonkeyPatch) -> Store:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(changes_module, "READ_BATCH", 4)
    day0 = dt.date(2024, 2, 27)
    for n in range(24):
        day = (day0 + dt.timedelta(days=n % 22)).isoformat()
        other = PARTNERS[n % len(PARTNERS)]
        events = [
            event("ASSAULT", ["CHN"], [other], day, sentence=f"Report {n}: coast guard ships fired on a boat."),
            event("CONSULT", ["CHN", other], [], day, sentence=f"Report {n}: officials held routine talks."),
            event("PROTEST", [other], ["CHN"], None, sentence=f"Report {n}: a protest, dated by the article."),
            event("SANCTION", ["USA"], ["CHN"], day, modality="planned", sentence=f"Report {n}: planned curbs."),
        ]
        if n % 6 == 0:  # a busy day: many more reports than a read batch holds
            events += [event("COERCE", ["CHN"], [p], "2024-03-05", sentence=f"Report {n}: blockade of {p}.")
                       for p in PARTNERS]
        if n == 5:
            events.append(event("MOBILIZE", ["CHN"], [], "2024-03", sentence="Report 5: troops massed in March."))
        add_article(f"Article {n} about the South China Sea, day {day}.", day, events=events)
    # one routine meeting reported by eight different articles: notable for its sources only
    outlets = ["a Hanoi daily", "a Tokyo broadcaster", "a Manila weekly", "a Seoul wire", "a Sydney radio station",
               "a Jakarta paper", "a Delhi magazine", "a Bangkok website"]
    angles = ["fisheries", "rice exports", "port fees", "student visas", "flood warnings", "rail loans",
              "cyber drills", "coral reefs"]
    for n in range(8):
        # eight independent stories (different words throughout: no syndicated copies)
        add_article(f"As {outlets[n]} tells it, talks on {angles[n]} filled the afternoon; "
                    f"{' '.join(angles[(n + k) % 8] for k in range(1, 6))} came up {n + 2} times.", "2024-03-10",
                    events=[event("CONSULT", ["JPN", "VNM"], [], "2024-03-09", sentence=f"Meeting report {n}.")])
    frameworks = [obs("AUS", "VNM", "CSP", date="2024-03-07"), obs("IDN", "USA", "CSP", date="2024-03-07"),
                  obs("KOR", "PHL", "SP", date="2024-03-12"), obs("JPN", "PHL", "SP", "intended", date="2024-03-15"),
                  obs("CHN", "VNM", "CSP", "existing")]
    for n, framework in enumerate(frameworks):
        add_article(f"Framework article {n}.", "2024-03-16", frameworks=[framework])
    return store


def _pages(store: Store, limit: int, **kw: Any) -> list[dict[str, Any]]:
    pages, after = [], None
    while True:
        page = changes(store, SINCE, UNTIL, limit=limit, after=after, **kw)
        pages.append(page)
        after = page["next_after"]
        if after is None:
            return pages


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [e.get("fact_id") or e["event_id"] for e in entries]


def test_pages_give_every_change_once_in_date_order(busy_period: Store) -> None:
    whole = changes(busy_period, SINCE, UNTIL, limit=None)
    assert whole["next_after"] is None
    expected_events = {f.event_id for f in event_facts(busy_period, since=SINCE, until=UNTIL)
                       if f.modality == "asserted"
                       and (abs(f.goldstein or 0) >= NOTABLE_GOLDSTEIN or f.sources >= NOTABLE_SOURCES)}
    assert {e["event_id"] for e in whole["events"]} == expected_events
    assert len(expected_events) > 40
    kinds = {(e["a"], e["b"], e["change"]) for e in whole["frameworks"]}
    assert {("AUS", "VNM", "new"), ("IDN", "USA", "new"), ("KOR", "PHL", "new"), ("JPN", "PHL", "intention")} <= kinds
    assert not any(e["status"] == "existing" for e in whole["frameworks"])
    for limit in (1, 7, 100):
        pages = _pages(busy_period, limit)
        assert all(len(p["frameworks"]) + len(p["events"]) <= limit for p in pages)
        assert all(p["frameworks"] or p["events"] for p in pages)
        frameworks = [e for p in pages for e in p["frameworks"]]
        events = [e for p in pages for e in p["events"]]
        assert _ids(frameworks) == _ids(whole["frameworks"]) and _ids(events) == _ids(whole["events"])
        assert [e["date"] for e in frameworks] == sorted(e["date"] for e in frameworks)
        assert [e["date"] for e in events] == sorted(e["date"] for e in events)
        # a page is a stretch of the period: the next one starts where it ended
        spans = [sorted(e["date"] for e in p["frameworks"] + p["events"]) for p in pages]
        assert all(before[-1] <= after[0] for before, after in zip(spans, spans[1:], strict=False))
    dates = [e["date"] for e in whole["events"]]
    assert "2024-03" in dates  # a month-precision event overlaps the period
    assert all(SINCE <= d <= UNTIL for d in dates if len(d) == 10)
    # undated events count on their article's date
    assert any(e["event"] == "PROTEST" for e in whole["events"])


def test_an_entry_carries_its_first_evidence_records_and_their_total(busy_period: Store) -> None:
    whole = changes(busy_period, SINCE, UNTIL, limit=None)
    (meeting,) = [e for e in whole["events"] if e["event"] == "CONSULT" and e["actor"] == ["JPN", "VNM"]]
    assert meeting["sources"] == 8 and meeting["evidence_total"] == 8 and len(meeting["evidence"]) == 5
    assert all(len(e["evidence"]) <= 5 for e in whole["frameworks"] + whole["events"])


def test_bad_positions_and_periods(busy_period: Store) -> None:
    with pytest.raises(InputError, match="cursor"):
        changes(busy_period, SINCE, UNTIL, after="not a position")
    with pytest.raises(InputError, match="before it starts"):
        changes(busy_period, UNTIL, SINCE)
    assert changes(busy_period, "2030-01-01", "2030-12-31")["events"] == []
