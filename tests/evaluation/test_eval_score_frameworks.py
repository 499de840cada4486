"""Framework figures per article by (pair, tier), on hand-made gold facts and observations (no model)."""

from __future__ import annotations

from typing import Any

from diplograph.evaluation.score_frameworks import (
    FrameworkTally,
    error_list,
    gold_facts,
    score_article,
    system_facts,
)


def fact(a: str, b: str, tier: str, status: str, label: str, date: str | None = None, precision: str = "none",
         **extra: Any) -> dict[str, Any]:
    return {"a": a, "b": b, "tier": tier, "status": status, "label": label, "date": date,
            "date_precision": precision, **extra}


def run(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> tuple[Any, dict[str, Any]]:
    score = score_article(gold_facts(gold), system_facts(system))
    tally = FrameworkTally()
    tally.add(score)
    return score, tally.to_dict()


def test_established_hits_labels_and_dates() -> None:
    gold = [
        fact("JPN", "VNM", "CSP", "established", "comprehensive strategic partnership", "2023-11-27", "day"),
        fact("AUS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-03", "month"),
        fact("FRA", "VNM", "SP", "established", "strategic partnership", "2013", "year"),
    ]
    system = [
        # label normalized (case, article); the pair in either order
        fact("VNM", "JPN", "CSP", "established", "The Comprehensive Strategic Partnership", "2023-11-27", "day"),
        # same month, but a day's precision: a wrong date
        fact("AUS", "VNM", "CSP", "established", "comprehensive strategic partners", "2024-03-07", "day"),
        fact("FRA", "VNM", "SP", "existing", "strategic partnership"),
    ]
    score, result = run(gold, system)
    c, f = result["counts"], result["figures"]
    assert (c["gold_established"], c["system_established"], c["established_hits"]) == (3, 2, 2)
    assert (f["established_precision"], f["established_recall"], f["established_f1"]) == (1.0, 0.667, 0.8)
    assert (c["matched_facts"], c["label_right"], c["date_right"]) == (2, 1, 1)
    assert (f["label_accuracy"], f["date_accuracy"]) == (0.5, 0.5)
    kinds = sorted((e["kind"], e["pair"]) for e in error_list(score))
    assert kinds == [("established missed", "FRA-VNM"), ("wrong date", "AUS-VNM"), ("wrong label", "AUS-VNM")]


def test_a_headline_disagreement_kept_in_the_title_is_no_false_upgrade() -> None:
    gold = [
        fact("AUS", "VNM", "SP", "established", "strategic partnership", "2024-03-08", "day",
             disagreement=True, tags=["headline", "disagreement"]),
        fact("AUS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-03-07", "day"),
    ]
    title_only = [
        fact("AUS", "VNM", "SP", "established", "strategic partnership", "2024-03-08", "day", in_title=True),
        fact("AUS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-03-07", "day"),
    ]
    _, result = run(gold, title_only)
    c = result["counts"]
    assert (c["gold_established"], c["system_established"], c["established_hits"]) == (1, 2, 1)
    assert c["disagreement_in_title"] == 1 and c["false_upgrades"] == 0
    assert result["figures"]["established_precision"] == 1.0
    assert result["by_tag"]["disagreement"] == {"facts": 1, "right": 1, "share": 1.0}
    # the same SP from the body as well: the body contradicts the article, a false upgrade
    from_body = [*title_only, fact("AUS", "VNM", "SP", "established", "strategic partnership", "2024-03-08", "day")]
    _, result = run(gold, from_body)
    assert result["counts"]["false_upgrades"] == 1 and result["counts"]["disagreement_in_title"] == 0
    assert result["false_upgrades"] == {"intended": 0, "existing": 0, "other": 1, "nothing": 0}
    assert result["by_tag"]["disagreement"]["right"] == 0


def test_intentions_existing_facts_and_false_upgrades_by_what_the_gold_says() -> None:
    gold = [
        fact("IDN", "VNM", "CSP", "intended", "comprehensive strategic partnership", "2025", "year"),
        fact("SGP", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("CHN", "VNM", "CSP", "existing", "comprehensive strategic partnerships", tags=["list"]),
        fact("RUS", "VNM", "CSP", "existing", "comprehensive strategic partnerships", tags=["list"]),
        fact("KOR", "VNM", "SP", "existing", "strategic partnership"),
        # an intention that the article later reports as done: not an intention left standing
        fact("MYS", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("MYS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-11-22", "day"),
    ]
    system = [
        fact("IDN", "VNM", "CSP", "established", "comprehensive strategic partnership", "2025", "year"),
        fact("SGP", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("CHN", "VNM", "CSP", "established", "comprehensive strategic partnerships"),
        fact("RUS", "VNM", "CSP", "existing", "comprehensive strategic partnerships"),
        fact("KOR", "VNM", "CSP", "established", "comprehensive strategic partnership"),
        fact("MYS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-11-22", "day"),
        fact("THA", "VNM", "SP", "established", "strategic partners", "2013", "year"),
    ]
    score, result = run(gold, system)
    c, f = result["counts"], result["figures"]
    assert (c["gold_intended"], c["intended_not_established"], f["intended_not_established_share"]) == (2, 1, 0.5)
    assert (c["gold_existing"], c["existing_found"], f["existing_recall"]) == (3, 2, 0.667)
    assert c["false_upgrades"] == 4
    # IDN: intended; CHN: existing (also an existing hit); KOR: the gold has the pair as existing
    # at another tier; THA: nothing
    assert result["false_upgrades"] == {"intended": 1, "existing": 2, "other": 0, "nothing": 1}
    assert (c["gold_established"], c["established_hits"], c["system_established"]) == (1, 1, 5)
    assert f["established_precision"] == 0.2
    assert result["by_tag"]["list"] == {"facts": 2, "right": 2, "share": 1.0}
    upgrades = {(e["pair"], e["gold"]) for e in error_list(score) if e["kind"] == "false upgrade"}
    assert upgrades == {("IDN-VNM", "intended"), ("CHN-VNM", "existing"), ("KOR-VNM", "existing"),
                        ("THA-VNM", "nothing")}


def test_an_established_fact_at_another_tier_makes_a_wrong_tier_an_other_upgrade() -> None:
    gold = [fact("IND", "VNM", "CSP", "established", "comprehensive strategic partnership", "2016-09-03", "day")]
    system = [fact("IND", "VNM", "SP", "established", "strategic partnership", "2016-09-03", "day")]
    _, result = run(gold, system)
    assert result["false_upgrades"]["other"] == 1 and result["counts"]["established_hits"] == 0


def test_an_article_without_facts_measures_nothing() -> None:
    _, result = run([], [])
    assert set(result["figures"].values()) == {None}
    assert result["counts"]["articles"] == 1


def test_intentions_stored_as_established_and_wrong_dates_are_named_figures() -> None:
    """The real-list targets read as 'intentions stored as done upgrades' and 'found upgrades with a
    wrong date': the complements of the intended and date figures, from the same counts."""
    gold = [
        fact("IDN", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("SGP", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("MYS", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("JPN", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("AUS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-03-07", "day"),
        fact("FRA", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-10-07", "day"),
        fact("NZL", "VNM", "CSP", "established", "comprehensive strategic partnership", "2025-02-26", "day"),
    ]
    system = [
        fact("IDN", "VNM", "CSP", "established", "comprehensive strategic partnership", "2025-03-10", "day"),
        fact("SGP", "VNM", "CSP", "intended", "comprehensive strategic partnership"),
        fact("AUS", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-03-07", "day"),
        fact("FRA", "VNM", "CSP", "established", "comprehensive strategic partnership", "2024-10", "month"),
        fact("NZL", "VNM", "CSP", "established", "comprehensive strategic partnership", "2025-02-26", "day"),
    ]
    _, result = run(gold, system)
    f = result["figures"]
    assert f["intended_not_established_share"] == 0.75 and f["intended_established_share"] == 0.25
    assert f["date_accuracy"] == 0.667 and f["wrong_date_share"] == 0.333
    # nothing to measure stays unmeasured
    _, empty = run([], [])
    assert empty["figures"]["intended_established_share"] is None and empty["figures"]["wrong_date_share"] is None
