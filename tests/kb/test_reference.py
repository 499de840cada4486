"""The shipped reference table: loading, the Vietnam answer it gives, and --no-reference."""

from __future__ import annotations

import csv
from importlib import resources

from kb_helpers import obs

from diplograph.kb.queries import partners, state_of_pair
from diplograph.kb.reference import load_reference, reference_observations
from diplograph.store import Store


def _reference_rows() -> list[dict[str, str]]:
    text = resources.files("diplograph").joinpath("data", "reference", "frameworks.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_reference_parses_every_row_with_sorted_pairs() -> None:
    observations = reference_observations()
    assert len(observations) == len(_reference_rows())
    assert all(o.a < o.b and o.source == "reference" and o.source_url for o in observations)


def test_load_reference_is_idempotent(store: Store) -> None:
    first = load_reference(store)
    second = load_reference(store)
    assert first == second == store.counts()["frameworks"]


def test_vietnam_top_tier_as_of_2023_11_30(store: Store) -> None:
    load_reference(store)
    rows = partners(store, "VNM", "2023-11-30", tier="CSP")
    got = {r["partner"]: r["since"] for r in rows}
    # expected: every CSP row of the shipped table for Vietnam dated on or before the day
    expected = {(r["a"] if r["b"] == "VNM" else r["b"]): r["date"] for r in _reference_rows()
                if "VNM" in (r["a"], r["b"]) and r["tier"] == "CSP" and r["date"] <= "2023-11-30"}
    assert got == expected
    assert set(got) == {"CHN", "RUS", "IND", "KOR", "USA", "JPN"}
    assert all(r["sources"] >= 1 and r["reference"] for r in rows)


def test_no_reference_answers_from_news_only(store: Store, add_article) -> None:
    load_reference(store)
    add_article("Japan and Vietnam lifted ties to the top level in Tokyo on Monday.", "2023-11-28",
                [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    news_only = partners(store, "VNM", "2023-11-30", include_reference=False)
    assert [(r["partner"], r["tier"], r["since"], r["reference"]) for r in news_only] == [
        ("JPN", "CSP", "2023-11-27", False)]
    assert len(partners(store, "VNM", "2023-11-30")) > 6


def test_news_disagreeing_with_reference_is_reported_not_overwritten(store: Store, add_article) -> None:
    load_reference(store)
    add_article("A report says Japan and Vietnam only became strategic partners this week.", "2023-11-28",
                [obs("JPN", "VNM", "SP", date="2023-11-27")])
    state = state_of_pair(store, "JPN", "VNM", "2023-11-30")
    assert state is not None and state.tier == "CSP"  # the reference is not overwritten
    assert state.conflicts_with_reference
    problems = " ".join(c["problem"] for c in state.conflicts_with_reference)
    assert "SP" in problems and "CSP" in problems
