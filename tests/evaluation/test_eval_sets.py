"""The article sets: their fingerprint, the quota rules (on hand-made articles), the committed sets'
format and quotas (skipped while a set folder is empty), and the baseline comparison."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from diplograph.evaluation.annotations import AnnotatedArticle, load_article
from diplograph.evaluation.baseline import GATES, compare, empty_baseline, gated_figures, load_baseline
from diplograph.evaluation.sets import (
    FRAMEWORKS_FOCUS,
    QUOTA_CHECKS,
    SET_KINDS,
    events_quota_problems,
    frameworks_quota_problems,
    set_files,
    set_sha256,
)
from diplograph.model import PLOVER_TYPES

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "articles"


# ------------------------------------------------------------------------------------ fingerprint

def test_set_fingerprint_follows_every_file(tmp_path: Path) -> None:
    assert set_sha256(tmp_path / "absent") is None and set_sha256(tmp_path) is None
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text("[]", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not part of the set", encoding="utf-8")
    first = set_sha256(tmp_path)
    assert first is not None and len(first) == 64
    assert [p.name for p in set_files(tmp_path)] == ["a.json", "b.json"]
    (tmp_path / "notes.txt").write_text("changed", encoding="utf-8")
    assert set_sha256(tmp_path) == first
    (tmp_path / "a.json").write_text("{ }", encoding="utf-8")
    changed = set_sha256(tmp_path)
    assert changed != first
    (tmp_path / "a.json").rename(tmp_path / "c.json")  # same bytes, another name
    assert set_sha256(tmp_path) not in (first, changed)


# ------------------------------------------------------------------------------------ quota rules

def fake(i: int, kind: str, *, sentences: list[dict[str, Any]] | None = None,
         frameworks: list[dict[str, Any]] | None = None, about: list[str] | None = None,
         written: str | None = "w", checked: str | None = "c") -> AnnotatedArticle:
    data = {"id": f"{kind}-{i}", "meta": {"set": kind, "about": about or [], "written_by": written,
                                          "checked_by": checked},
            "sentences": sentences or [], "frameworks": frameworks or []}
    return AnnotatedArticle(f"{kind}/{i}.json", data, "text")


def events_article(i: int, types: list[str], quiet: int) -> AnnotatedArticle:
    sentences = [{"events": [{"event": t}]} for t in types] + [{"events": "none"} for _ in range(quiet)]
    return fake(i, "events", sentences=sentences)


def test_events_quotas() -> None:
    # 16 types x 5 events over 40 articles of 10 sentences, 4 of them without events
    types = [t for t in PLOVER_TYPES for _ in range(5)]
    articles = [events_article(i, (types[2 * i:2 * i + 2] or ["AGREE"]) * 3, 4) for i in range(40)]
    assert events_quota_problems(articles[:24], articles[24:]) == []
    problems = events_quota_problems(articles[:25], articles[25:])
    assert problems == ["15 of 40 articles held out: at least 40% must be"]
    short = [events_article(i, ["AGREE|CONSULT"] * 6, 2) for i in range(40)]
    short[0] = events_article(0, ["AGREE"] * 3, 2)  # 5 sentences
    short[1].data["meta"]["checked_by"] = short[1].data["meta"]["written_by"]
    short[2].data["meta"]["written_by"] = None
    short[3].problems = ["sentence 2: unknown actor code 'XXX'"]
    problems = events_quota_problems(short[:20], short[20:])
    assert any("5 sentences, not 8-20" in p for p in problems)
    assert any("written and checked by the same person" in p for p in problems)
    assert any("must both be set" in p for p in problems)
    assert any("unknown actor code" in p for p in problems)
    # A|B counts for no type; 80 of 317 sentences quiet is 25.2%, above the 25% floor
    assert any(p.startswith("types with fewer than 5 gold events: AGREE 3, CONSULT 0") for p in problems)
    assert not any("have no event" in p for p in problems)
    few = [events_article(i, ["AGREE"] * 7, 1) for i in range(39)]
    problems = events_quota_problems(few[:20], few[20:])
    assert "39 articles: at least 40 are needed" in problems
    assert any(p.startswith("39 of 312 sentences have no event") for p in problems)


def test_frameworks_quotas() -> None:
    def facts(status: str, n: int, disagreement: bool = False) -> list[dict[str, Any]]:
        return [{"status": status, **({"disagreement": True} if disagreement else {})} for _ in range(n)]

    abouts = [[code] for code in FRAMEWORKS_FOCUS for _ in range(3)] + [["VNM"]] * 10 + [["SGP"]] * 6
    articles = [fake(i, "frameworks", about=about, frameworks=facts("intended", 1) + facts("existing", 2)
                     + facts("established", 2)) for i, about in enumerate(abouts)]
    assert len(articles) == 40
    assert frameworks_quota_problems(articles[:24], articles[24:]) == []
    articles[0].data["frameworks"] = facts("established", 1, disagreement=True)  # not an established fact
    articles[-1].data["meta"]["about"] = ["VNM", "SGP"]
    articles[-2].data["meta"]["set"] = "events"
    problems = frameworks_quota_problems(articles[:24], articles[24:])
    assert "39 intended facts: at least 40 are needed" in problems
    assert "78 established facts: at least 60 are needed" not in problems
    assert "11 articles about VNM: at most 10" in problems
    assert any("meta.set is 'events'" in p for p in problems)
    problems = frameworks_quota_problems(articles[3:24], articles[24:])
    assert "fewer than 3 articles about: CHN 0" in problems


# ------------------------------------------------------------------------------------ committed sets

@pytest.mark.allow_skip
@pytest.mark.parametrize("kind", SET_KINDS)
def test_committed_set_passes_the_format_check_and_meets_its_quotas(kind: str) -> None:
    dev_files = set_files(ARTICLES / kind / "dev")
    held_files = set_files(ARTICLES / kind / "held-out")
    if not dev_files or not held_files:
        pytest.skip(f"eval/articles/{kind}: a set folder is still empty")
    dev = [load_article(p) for p in dev_files]
    held_out = [load_article(p) for p in held_files]
    problems = QUOTA_CHECKS[kind](dev, held_out)
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------------------ baseline

def test_the_committed_baseline_names_both_held_out_sets() -> None:
    baseline = load_baseline(ARTICLES / "baseline.json")
    assert set(baseline["sets"]) == {"events/held-out", "frameworks/held-out"}
    for name, entry in baseline["sets"].items():
        assert entry["section"] == name.split("/")[0]
        if entry["figures"] is not None:
            assert set(entry["figures"]) == set(GATES[entry["section"]])
            assert entry["sha256"] and len(entry["sha256"]) == 64


def test_compare_gates_every_figure_in_its_direction() -> None:
    recorded = {"established_precision": 0.8, "established_recall": 0.5, "established_f1": None,
                "label_accuracy": 1.0, "date_accuracy": 0.7, "intended_not_established_share": 0.9,
                "existing_recall": 0.6, "false_upgrades": 3}
    same = dict(recorded)
    assert compare("frameworks", recorded, same) == ([], [])
    worse = {**recorded, "established_recall": 0.499, "false_upgrades": 4, "label_accuracy": None}
    regressions, improvements = compare("frameworks", recorded, worse)
    assert len(regressions) == 3 and improvements == []
    assert any("false_upgrades: 4 is above the recorded 3" in r for r in regressions)
    assert any("label_accuracy: recorded 1.0, now nothing to measure" in r for r in regressions)
    better = {**recorded, "established_f1": 0.6, "false_upgrades": 2, "existing_recall": 0.7}
    regressions, improvements = compare("frameworks", recorded, better)
    # a figure recorded as null gates nothing
    assert regressions == [] and len(improvements) == 2


def test_gated_figures_come_from_the_report_section() -> None:
    report = {"frameworks": {"figures": {"established_precision": 0.5, "established_recall": 1.0,
                                         "established_f1": 0.667, "label_accuracy": None, "date_accuracy": None,
                                         "intended_not_established_share": 1.0, "existing_recall": None},
                             "counts": {"false_upgrades": 2, "articles": 1}}}
    figures = gated_figures("frameworks", report)
    assert figures["false_upgrades"] == 2 and "articles" not in figures
    assert set(empty_baseline()["sets"]) == {"events/held-out", "frameworks/held-out"}
