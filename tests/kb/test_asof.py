"""As-of states: boundaries of an upgrade, intentions, existing levels, layered labels, endings."""

from __future__ import annotations

import pytest
from kb_helpers import obs

from diplograph.errors import InputError, UnknownActorError
from diplograph.kb.queries import partners, state_of_pair
from diplograph.store import Store

TEXT_1 = "Japan and Vietnam became strategic partners during a visit to Tokyo by the Vietnamese prime minister."
TEXT_2 = "Leaders in Tokyo announced that Japan and Vietnam now have a comprehensive strategic partnership."
TEXT_3 = "Vietnam and Japan said they would consider raising their ties during next year's anniversary."


@pytest.fixture
def japan_vietnam(store: Store, add_article) -> Store:
    add_article(TEXT_1, "2009-04-21", [obs("JPN", "VNM", "SP", date="2009-04-20")])
    add_article(TEXT_3, "2023-02-10", [obs("JPN", "VNM", "CSP", "intended")])
    add_article(TEXT_2, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    return store


def _tier(store: Store, day: str) -> tuple[str | None, str | None]:
    state = state_of_pair(store, "JPN", "VNM", day)
    return (state.tier, state.since) if state else (None, None)


def test_day_before_of_and_after_an_upgrade(japan_vietnam: Store) -> None:
    assert _tier(japan_vietnam, "2009-04-19") == (None, None)
    assert _tier(japan_vietnam, "2023-11-26") == ("SP", "2009-04-20")
    assert _tier(japan_vietnam, "2023-11-27") == ("CSP", "2023-11-27")
    assert _tier(japan_vietnam, "2023-11-28") == ("CSP", "2023-11-27")


def test_intention_is_pending_not_a_state_change(japan_vietnam: Store) -> None:
    before = state_of_pair(japan_vietnam, "VNM", "JPN", "2023-06-01")
    assert before is not None and before.tier == "SP"
    assert [p["tier"] for p in before.pending] == ["CSP"]
    after = state_of_pair(japan_vietnam, "VNM", "JPN", "2023-12-01")
    assert after is not None and after.tier == "CSP" and after.pending == []


def test_intention_alone_gives_no_partner(store: Store, add_article) -> None:
    add_article(TEXT_3, "2022-12-01", [obs("AUS", "VNM", "CSP", "intended")])
    assert partners(store, "VNM", "2023-01-01") == []
    state = state_of_pair(store, "AUS", "VNM", "2023-01-01")
    assert state is not None and state.tier is None and state.pending[0]["tier"] == "CSP"


def test_partners_work_whichever_side_the_country_is_on(store: Store, add_article) -> None:
    add_article(TEXT_2, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27"),
                                       obs("VNM", "ZAF", "CP", date="2004")])
    vietnam = {r["partner"]: r["tier"] for r in partners(store, "Vietnam", "2023-12-01")}
    assert vietnam == {"JPN": "CSP", "ZAF": "CP"}
    assert [r["partner"] for r in partners(store, "JPN", "2023-12-01")] == ["VNM"]
    assert [r["partner"] for r in partners(store, "ZAF", "2023-12-01")] == ["VNM"]
    assert [r["partner"] for r in partners(store, "VNM", "2023-12-01", tier="CP")] == ["ZAF"]


def test_existing_without_date_is_in_force_by_publication(store: Store, add_article) -> None:
    add_article(TEXT_2, "2023-11-28", [obs("CHN", "VNM", "CSP", "existing")])
    assert partners(store, "VNM", "2023-11-27") == []
    (row,) = partners(store, "VNM", "2023-11-28")
    assert (row["tier"], row["since"], row["in_force_by"], row["status"]) == ("CSP", None, "2023-11-28", "existing")


def test_existing_lifts_but_never_lowers_a_dated_level(store: Store, add_article) -> None:
    add_article(TEXT_1, "2009-04-21", [obs("JPN", "VNM", "SP", date="2009-04-20")])
    add_article(TEXT_2, "2024-01-05", [obs("JPN", "VNM", "CSP", "existing")])
    add_article(TEXT_3, "2024-03-01", [obs("JPN", "VNM", "SP", "existing")])  # a stale mention
    state = state_of_pair(store, "JPN", "VNM", "2024-06-01")
    assert state is not None and state.tier == "CSP" and state.in_force_by == "2024-01-05"
    assert [c["tier"] for c in state.conflicts if c["kind"] == "existing-lower-tier"] == ["SP"]


def test_layered_label_adds_without_ending_the_tier(store: Store, add_article) -> None:
    add_article(TEXT_1, "2008-06-01", [obs("CHN", "VNM", "CSP", date="2008-05",
                                           label="comprehensive strategic cooperative partnership")])
    add_article(TEXT_2, "2023-12-13", [obs("CHN", "VNM", "OTHER", date="2023-12-12",
                                           label="community with a shared future that carries strategic significance")])
    (row,) = partners(store, "VNM", "2024-01-01")
    assert row["tier"] == "CSP" and row["since"] == "2008-05"
    assert row["labels"] == ["community with a shared future that carries strategic significance"]
    (earlier,) = partners(store, "VNM", "2023-12-11")
    assert earlier["labels"] == []


def test_relabel_within_a_tier_keeps_since(store: Store, add_article) -> None:
    add_article(TEXT_1, "2009-04-21", [obs("JPN", "VNM", "SP", date="2009-04-20")])
    add_article(TEXT_3, "2014-03-19", [obs("JPN", "VNM", "SP", date="2014-03-18",
                                           label="extensive strategic partnership")])
    state = state_of_pair(store, "JPN", "VNM", "2015-01-01")
    assert state is not None
    assert (state.since, state.label_since, state.label) == ("2009-04-20", "2014-03-18", "extensive strategic partnership")


def test_ended_framework_is_not_in_force(store: Store, add_article) -> None:
    add_article(TEXT_1, "2010-01-02", [obs("CAN", "MEX", "SP", date="2010-01-01")])
    add_article(TEXT_3, "2020-05-02", [obs("CAN", "MEX", "SP", "ended", date="2020-05-01")])
    assert state_of_pair(store, "CAN", "MEX", "2020-04-30").tier == "SP"
    assert state_of_pair(store, "CAN", "MEX", "2020-05-01") is None


def test_bad_inputs_give_clear_errors(store: Store) -> None:
    with pytest.raises(UnknownActorError):
        partners(store, "Atlantis")
    with pytest.raises(InputError):
        partners(store, "VNM", "30/11/2023")
    with pytest.raises(InputError):
        partners(store, "VNM", tier="BEST")
