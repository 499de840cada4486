"""Framework extraction, case by case (issue 4 item 5), on sentences built by hand: mentions
from a small name dictionary (frameworks_testkit), dates given per sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from frameworks_testkit import day, make_sentences

from diplograph.code.frameworks import FRAMEWORK_EXTRACTOR_VERSION, extract_frameworks, is_framework_candidate
from diplograph.model import DateValue

PUB = dt.date(2023, 11, 28)


def run(lines: list[str], dates: list[DateValue | None] | None = None, pair: tuple[str, str] | None = None,
        title: bool = False, published: dt.date = PUB) -> list[tuple[str, str, str, str, str | None]]:
    sentences = make_sentences(lines, dates or [day(published.isoformat())] * len(lines), pair, title)
    return [(o.a, o.b, o.tier, o.status, o.date.iso()) for o in extract_frameworks(sentences, published)]


def test_candidate_filter() -> None:
    assert is_framework_candidate("The two countries upgraded ties on Monday.")
    assert is_framework_candidate("Vietnam already has CSPs with five countries.")
    assert not is_framework_candidate("Rice prices rose 3% in Hanoi on Monday.")
    assert not is_framework_candidate("")


def test_summit_upgrade_is_established_on_the_sentence_date() -> None:
    got = run(["Japan and Vietnam agreed to elevate the relationship to a comprehensive strategic partnership."],
              [day("2023-11-27")])
    assert got == [("JPN", "VNM", "CSP", "established", "2023-11-27")]


def test_joint_statement_would_become_is_an_outcome_not_an_intention() -> None:
    got = run(["The two leaders said the Japan-Vietnam relationship would become a comprehensive strategic "
               "partnership, according to their joint statement."], [day("2023-11-27")])
    assert got == [("JPN", "VNM", "CSP", "established", "2023-11-27")]


def test_would_without_an_outcome_is_an_intention() -> None:
    got = run(["Officials said Japan and Vietnam would upgrade ties to a comprehensive strategic partnership "
               "during the visit."])
    assert [g[3] for g in got] == ["intended"]


def test_retrospective_upgrade_has_year_precision() -> None:
    got = run(["India and Vietnam upgraded ties to a comprehensive strategic partnership in 2016."])
    assert got == [("IND", "VNM", "CSP", "established", "2016")]


def test_month_precision_and_nearest_date_wins() -> None:
    got = run(["The United States and Vietnam normalized relations in 1995 and upgraded ties to a "
               "comprehensive partnership in July 2013."])
    assert got == [("USA", "VNM", "CP", "established", "2013-07")]


def test_previously_established_list_gives_existing_observations() -> None:
    got = run(["Vietnam previously established CSPs with China, Russia, South Korea, India and the United States."])
    assert sorted(got) == sorted((min(c, "VNM"), max(c, "VNM"), "CSP", "existing", None)
                                 for c in ("CHN", "RUS", "KOR", "IND", "USA"))


def test_ordinal_claim_is_established_at_the_top_of_the_ladder() -> None:
    got = run(["The upgrade made Japan the sixth country to reach the highest level of ties with Vietnam."],
              [day("2023-11-27")])
    assert got == [("JPN", "VNM", "CSP", "established", "2023-11-27")]


def test_top_tier_with_companions_standalone() -> None:
    got = run(["Japan has now gained the status of Vietnam's top-tier partners, along with the US, China and India."])
    assert sorted(got) == [("CHN", "VNM", "CSP", "existing", None), ("IND", "VNM", "CSP", "existing", None),
                           ("JPN", "VNM", "CSP", "existing", None), ("USA", "VNM", "CSP", "existing", None)]


def test_top_tier_claim_is_established_when_the_document_reports_the_upgrade() -> None:
    got = run(["Japan joins China, US, India as top-tier security, economic partner of Vietnam",
               "Japan and Vietnam upgraded their relationship to a comprehensive strategic partnership on Monday.",
               "Monday's announcement meant that Japan has now gained the status of Vietnam's top-tier partners, "
               "along with the US, China and India."],
              [day("2023-11-27")] * 3, title=True)
    jpn = {g for g in got if g[:2] == ("JPN", "VNM")}
    assert jpn == {("JPN", "VNM", "CSP", "established", "2023-11-27")}
    for code in ("CHN", "IND", "USA"):
        assert (min(code, "VNM"), max(code, "VNM"), "CSP", "existing", None) in got


def test_the_top_tier_comes_from_the_owners_ladder() -> None:
    # China's top rung is OTHER (all-weather, Russia's 'coordination for a new era')
    got = run(["The deal lifts Serbia to the highest level of ties with China, officials said."])
    assert got and got[0][2] == "OTHER"


@pytest.mark.parametrize("sentence", [
    "Australia and Vietnam expressed a shared intention to elevate their relationship to a comprehensive "
    "strategic partnership.",
    "Australia and Vietnam agreed on the need to upgrade their ties to a comprehensive strategic partnership.",
    "Japan, Vietnam to upgrade ties to comprehensive strategic partnership as leader visits",
    "Spain and Vietnam agreed to work towards a comprehensive strategic partnership at an appropriate time.",
    "Mongolia and Vietnam agreed to work towards a comprehensive partnership.",
    "The Philippines and Vietnam will consider a comprehensive strategic partnership.",
    "The United States and Vietnam are expected to announce a comprehensive strategic partnership.",
    "Indonesia plans to raise ties with Vietnam to a comprehensive strategic partnership.",
    "Malaysia aims to elevate its ties with Vietnam to a comprehensive strategic partnership.",
])
def test_intentions_are_never_established(sentence: str) -> None:
    got = run([sentence])
    assert got and {g[3] for g in got} == {"intended"}, got


@pytest.mark.parametrize("sentence, status", [
    ("The European Union suspended its strategic partnership with Russia.", "ended"),
    ("Ukraine severed its strategic partnership with Russia.", "ended"),
    ("Australia downgraded its comprehensive strategic partnership with China.", "ended"),
    ("Pakistan would never downgrade its all-weather strategic cooperative partnership with China.", "existing"),
])
def test_endings(sentence: str, status: str) -> None:
    got = run([sentence])
    assert [g[3] for g in got] == [status]


@pytest.mark.parametrize("sentence", [
    "The Netherlands and Vietnam have a strategic partnership on climate change and water management.",
    "Denmark and Vietnam set up a green strategic partnership.",
    "Indonesia signed an energy transition partnership with Japan.",
    "Australia and Indonesia agreed on a strategic partnership on critical minerals.",
    "Japan is a key strategic partner for Vietnam, the minister said.",
    "China is Vietnam's largest trading partner.",
    "A Japanese bank formed a strategic partnership with a Vietnamese lender.",
    "Saudi Arabia and Brazil launched a strategic partnership council.",
])
def test_no_observation(sentence: str) -> None:
    assert run([sentence]) == []


def test_headline_that_contradicts_the_body_keeps_both() -> None:
    sentences = make_sentences(["Indonesia, Vietnam lift ties to strategic partnership",
                                "Indonesia and Vietnam upgraded their ties to a comprehensive strategic partnership."],
                               [day("2025-03-10")] * 2, title=True)
    obs = extract_frameworks(sentences, dt.date(2025, 3, 11))
    assert {(o.tier, o.in_title) for o in obs} == {("SP", True), ("CSP", False)}
    assert all(o.status == "established" and o.extractor == FRAMEWORK_EXTRACTOR_VERSION for o in obs)


@pytest.mark.parametrize("label, tier", [
    ("Comprehensive Strategic Partnership for Peace and Prosperity in Asia and the World", "CSP"),
    ("extensive strategic partnership", "SP"),
    ("strategic cooperative partnership", "SP"),
    ("comprehensive strategic relationship", "CSP"),
    ("all-weather strategic cooperative partnership", "OTHER"),
    ("community with a shared future", "OTHER"),
    ("comprehensive partnership", "CP"),
    ("enhanced comprehensive partnership", "CP"),
    ("CSPs", "CSP"),
])
def test_labels_and_tiers(label: str, tier: str) -> None:
    sentences = make_sentences([f"China and Vietnam have a {label}."])
    obs = extract_frameworks(sentences, PUB)
    assert [(o.tier, o.status) for o in obs] == [(tier, "existing")]
    assert obs[0].label == label.lower()


def test_third_state_named_as_context_is_not_a_party() -> None:
    got = run(["Japan and Vietnam agreed to elevate their ties to a comprehensive strategic partnership in the "
               "face of China's growing influence in the region."])
    assert [g[:2] for g in got] == [("JPN", "VNM")]


def test_group_mention_and_possessive_with() -> None:
    got = run(["The two countries upgraded their ties to a comprehensive strategic partnership."], pair=("AUS", "VNM"))
    assert [g[:2] for g in got] == [("AUS", "VNM")]
    got = run(["France's comprehensive strategic partnership with Vietnam covers defence."])
    assert got == [("FRA", "VNM", "CSP", "existing", None)]


def test_layered_label_keeps_the_tier_beneath() -> None:
    got = run(["China and Vietnam agreed to build a community with a shared future, deepening their "
               "comprehensive strategic cooperative partnership."])
    assert sorted(g[2:4] for g in got) == [("CSP", "existing"), ("OTHER", "established")]


def test_old_level_of_an_upgrade() -> None:
    # an intended upgrade: the old level still holds; a done upgrade: the old level is not reported
    got = run(["France aims to upgrade its strategic partnership with Vietnam to a comprehensive strategic "
               "partnership."])
    assert sorted(g[2:4] for g in got) == [("CSP", "intended"), ("SP", "existing")]
    got = run(["Malaysia and India elevated relations from an enhanced strategic partnership to a comprehensive "
               "strategic partnership."])
    assert [g[2:4] for g in got] == [("CSP", "established")]


def test_bad_input_is_no_crash() -> None:
    assert extract_frameworks([], None) == []
    sentences = make_sentences(["", "partnership", "Vietnam's comprehensive strategic partnership"])
    assert isinstance(extract_frameworks(sentences, None), list)


def test_label_before_the_noun_upgrade_claims_no_tier() -> None:
    # "strategic partnership upgrade" may be the level upgraded from or to: no tier either way
    assert run(["Japan, Vietnam agree on strategic partnership upgrade"], title=True) == []
    assert run(["Vietnam and Denmark discuss comprehensive partnership elevation"], title=True) == []
    # a named target still counts
    got = run(["Japan and Vietnam agreed to upgrade their strategic partnership to a comprehensive strategic "
               "partnership."], [day("2023-11-27")])
    assert ("JPN", "VNM", "CSP", "established", "2023-11-27") in got
