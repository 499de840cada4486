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
