"""diplograph.ladders: label tiers, per-country ladders and the data file's integrity."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from diplograph.ladders import (
    is_layered,
    ladder,
    ladder_countries,
    normalize_label,
    tier_of_label,
    tier_rank,
    top_tier,
)


@pytest.mark.parametrize("label, tier", [
    ("comprehensive strategic cooperative partnership", "CSP"),
    ("Comprehensive Global Strategic Partnership", "CSP"),
    ("comprehensive strategic partnership for peace, cooperation and sustainable development", "CSP"),
    ("strategic and cooperative partnership", "SP"),
    ("enhanced strategic partnership", "SP"),
    ("comprehensive cooperative partnership", "CP"),
    ("all-round cooperative partnership", "CP"),
    ("special strategic and global partnership", "OTHER"),
    ("comprehensive strategic partnership of coordination for a new era", "OTHER"),
    ("all‐weather strategic cooperative partnership", "OTHER"),  # a Unicode hyphen
    ("strategic partnership on climate change", None),
    ("green strategic partnership", None),
    ("energy transition partnership", None),
    ("partnership", None),
    ("trading partner", None),
])
def test_tier_of_label(label: str, tier: str | None) -> None:
    assert tier_of_label(label) == tier


def test_normalize_label() -> None:
    assert normalize_label("the “Comprehensive  Strategic Partnership”") == "comprehensive strategic partnership"
    assert normalize_label("All – Weather") == "all-weather"


def test_ladders() -> None:
    assert ladder("VNM") == ["CSP", "SP", "CP"]
    assert ladder("Vietnam") == ladder("viet nam") == ladder("VNM")
    assert top_tier("VNM") == "CSP"
    assert len(ladder("CHN")) > 3 and ladder("CHN")[0] == "OTHER"
    assert top_tier("CHN") == "OTHER"
    for code in ("VNM", "CHN", "IND", "IDN", "AUS", "ASEAN", "EU"):
        assert code in ladder_countries()
    assert ladder("ZZZ") == ["CSP", "SP", "CP"]  # the default ladder


def test_tier_rank_orders_upgrades() -> None:
    assert tier_rank("VNM", "CSP") < tier_rank("VNM", "SP") < tier_rank("VNM", "CP")
    # China ranks labels within a tier
    assert tier_rank("CHN", "CSP", "comprehensive strategic cooperative partnership") < tier_rank(
        "CHN", "CSP", "comprehensive strategic partnership")
    assert tier_rank("VNM", "OTHER") == len(ladder("VNM"))


def test_layered() -> None:
    assert is_layered("China-Vietnam community with a shared future")
    assert not is_layered("comprehensive strategic partnership")


def test_data_file_has_sources_and_valid_tiers() -> None:
    data = json.loads(resources.files("diplograph").joinpath("data", "tiers.json").read_text(encoding="utf-8"))
    tiers = set(data["tiers"])
    assert tiers == {"CSP", "SP", "CP", "OTHER"}
    for label, tier in data["labels"].items():
        if label != "comment":
            assert tier in tiers and label == normalize_label(label), label
    for code, entry in data["ladders"].items():
        assert entry["sources"], code
        assert all(r["tier"] in tiers for r in entry["rungs"]), code


def test_rung_is_the_one_based_position_on_the_ladder() -> None:
    from diplograph.ladders import rung

    assert [rung("VNM", t) for t in ("CSP", "SP", "CP")] == [1, 2, 3]
    assert rung("VNM", "OTHER", "special relationship") is None  # the default three rungs leave OTHER out
    assert rung("ZZZ", "SP", "strategic partnership") == 2  # a party without its own ladder: the default
    assert rung("CHN", "OTHER", "all-weather strategic cooperative partnership") == 1
    assert rung("CHN", "CSP", "comprehensive strategic cooperative partnership") == 2
    assert rung("CHN", "CSP", "comprehensive strategic partnership") == 3
    # South Africa's 2024 label is SP by its words; China ranks it with the cooperative CSPs
    assert rung("CHN", "SP", "all-round strategic cooperative partnership in the new era") == 2
    assert rung("CHN", None) is None


def test_an_unlisted_label_never_climbs_above_its_tier() -> None:
    from diplograph.ladders import rung

    # China lists its CSP labels on two rungs: an unknown CSP wording takes the lower one
    assert rung("CHN", "CSP", "comprehensive strategic cooperation relationship") == 3
    # OTHER gathers unlike labels: an unlisted one is on no rung (not all-weather, at the top)
    assert rung("CHN", "OTHER", "ironclad alliance") is None
    # a layered label is no rung of its own
    assert rung("CHN", "OTHER", "community with a shared future") is None
    assert rung("VNM", "OTHER", "community with a shared future that carries strategic significance") is None


def test_the_longest_listed_core_of_a_label_ranks_it() -> None:
    from diplograph.ladders import rung

    # 'strategic partnership of cooperation' is listed with the cooperative rung; a trailing
    # qualifier after it does not drop the label to the plain strategic partnership
    label = "strategic partnership of cooperation featuring ever-lasting friendship for development and prosperity"
    assert rung("CHN", "SP", label) == rung("CHN", "SP", "strategic cooperative partnership") == 4
    assert rung("CHN", "SP", "strategic partnership for common development") == 5
    assert rung("CHN", "CP", "comprehensive cooperative partnership of equality and mutual benefit") == 6


def test_korea_ranks_the_alliance_first_and_strategic_cooperative_above_strategic() -> None:
    from diplograph.ladders import has_own_ladder, rung

    assert has_own_ladder("KOR") and has_own_ladder("South Korea")
    assert rung("KOR", "OTHER", "comprehensive strategic alliance") == 1
    assert rung("KOR", "CSP", "comprehensive strategic partnership") == 2
    assert (rung("KOR", "SP", "strategic cooperative partnership") < rung("KOR", "OTHER", "special strategic partnership")
            < rung("KOR", "SP", "strategic partnership") < rung("KOR", "CP", "comprehensive partnership"))


def test_every_ladder_states_its_basis() -> None:
    data = json.loads(resources.files("diplograph").joinpath("data", "tiers.json").read_text(encoding="utf-8"))
    for code, entry in data["ladders"].items():
        assert entry["basis"].split(":")[0] in ("own", "observers", "practice", "none"), code
