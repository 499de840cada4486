"""`diplograph evaluate` end to end: small annotated articles of our own, built with the builder,
run through the real ingest path and the real coder in a subprocess; the expected figures are
worked out by hand from what the coder does on them (noted sentence by sentence in own_articles.py).

A few gold annotations are deliberately contrary to the text (said so where they are): they
make the error kinds appear whatever the coder's rules become, so the test checks the
evaluator's arithmetic and not the coder's weaknesses."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from own_articles import EVENTS, FRAMEWORKS, REAL, write

from diplograph.evaluation.annotations import build

pytestmark = pytest.mark.model


def evaluate_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}  # tables as wide as a terminal would show them
    return subprocess.run([sys.executable, "-m", "diplograph", "evaluate", *args], capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.fixture(scope="module")
def built_sets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("articles")
    write(root / "events", "ev-test-1.json", build(EVENTS))
    write(root / "frameworks", "fw-test-1.json", build(FRAMEWORKS))
    return root


@pytest.fixture(scope="module")
def report(built_sets: Path) -> dict[str, Any]:
    done = evaluate_cli(str(built_sets / "events"), str(built_sets / "frameworks" / "fw-test-1.json"),
                        "--format", "json", "--errors")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_event_figures_of_the_coder_on_our_articles(report: dict[str, Any]) -> None:
    assert report["format"] == "diplograph-evaluation/1" and report["skipped"] == []
    assert [a["id"] for a in report["articles"]] == ["ev-test-1", "fw-test-1"]
    counts, figures = report["events"]["counts"], report["events"]["figures"]
    assert counts == {
        "articles": 2, "sentences": 16, "quiet_sentences": 9, "quiet_sentences_with_system_events": 1,
        "gold_events": 8, "system_events": 6, "found": 5, "headline_folded": 1, "matched_system": 4,
        "dyad_right": 5, "modality_right": 5, "date_right": 4, "sector_gold": 1, "sector_right": 1,
        "system_with_sectors": 2,
    }
    assert figures == {
        "precision": 0.667, "recall": 0.625, "f1": 0.645, "dyad_accuracy": 1.0, "sector_accuracy": 1.0,
        "sector_given_share": 0.333, "modality_accuracy": 1.0, "date_accuracy": 0.8,
        "quiet_sentence_false_alarm_rate": 0.111,
    }
    assert report["events"]["errors"] == {"wrong type": 1, "missed": 2, "spurious": 1, "wrong actor": 0,
                                          "wrong recipient": 0, "self-event": 1}
    assert report["events"]["confusions"] == [{"gold": "ACCUSE", "system": "REJECT", "count": 1}]
    by_type = report["events"]["by_type"]
    assert (by_type["ACCUSE"]["gold"], by_type["ACCUSE"]["found"], by_type["ACCUSE"]["system"]) == (3, 2, 1)
    assert (by_type["AGREE"]["gold"], by_type["AGREE"]["found"], by_type["AGREE"]["precision"]) == (3, 1, 1.0)
    assert by_type["COERCE"] == {"gold": 0, "found": 0, "missed": 0, "confused_as": {}, "system": 1,
                                 "matched_system": 0, "false_alarms": 1, "precision": 0.0, "recall": None,
                                 "f1": None}
    by_tag = report["events"]["by_tag"]
    assert (by_tag["headline"]["gold"], by_tag["headline"]["found"]) == (1, 1)
    assert by_tag["dateline"]["recall"] == 1.0 and by_tag["domestic"]["errors"] == {"spurious": 1}
    kinds = [(e["sentence"], e["kind"]) for e in report["articles"][0]["error_list"]["events"]]
    assert kinds == [(2, "missed"), (2, "wrong date"), (4, "spurious"), (4, "self-event"), (5, "wrong type")]


def test_framework_figures_of_the_coder_on_our_articles(report: dict[str, Any]) -> None:
    section = report["frameworks"]
    assert section["counts"] == {
        "articles": 2, "gold_established": 2, "system_established": 4, "established_hits": 2,
        "disagreement_in_title": 1, "matched_facts": 2, "label_right": 2, "date_right": 2, "gold_intended": 2,
        "intended_not_established": 2, "gold_existing": 2, "existing_found": 2, "false_upgrades": 1,
    }
    assert section["figures"] == {
        "established_precision": 0.75, "established_recall": 1.0, "established_f1": 0.857, "label_accuracy": 1.0,
        "date_accuracy": 1.0, "intended_not_established_share": 1.0, "existing_recall": 1.0,
        "intended_established_share": 0.0, "wrong_date_share": 0.0,
    }
    assert section["false_upgrades"] == {"intended": 0, "existing": 0, "other": 0, "nothing": 1}
    assert section["by_tag"]["disagreement"] == {"facts": 1, "right": 1, "share": 1.0}
    one = report["articles"][1]
    assert one["set"] == "frameworks" and one["frameworks"]["counts"]["false_upgrades"] == 1
    assert one["error_list"]["frameworks"] == [{"kind": "false upgrade", "pair": "THA-VNM", "tier": "SP",
                                                "gold": "nothing"}]
    # the events article has no framework facts and the system found none in it
    assert report["articles"][0]["frameworks"]["counts"]["system_established"] == 0


def test_table_output(built_sets: Path) -> None:
    done = evaluate_cli(str(built_sets), "--by-tag", "--by-article")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "precision (types per sentence)" in out and "0.667  (4/6)" in out
    assert "event recall by tag" in out and "dateline" in out
    assert "established precision" in out and "0.750  (3/4)" in out
    assert "ev-test-1" in out and "fw-test-1" in out  # --by-article


def real_list(folder: Path) -> tuple[Path, dict[str, Any]]:
    """A list of real articles: the built file without the record text and the sentence texts."""
    built = build(REAL)
    text = built["record"].pop("text")
    for sentence in built["sentences"]:
        sentence.pop("text")
    return write(folder, "real-test-1.json", built), {"text": text}


def test_texts_rebuild_lists_of_real_articles_and_mismatches_are_skipped(tmp_path: Path) -> None:
    lists = tmp_path / "real"
    _, kept = real_list(lists)
    # the same article under another id whose rebuilt text differs (one word changed)
    changed = json.loads((lists / "real-test-1.json").read_text(encoding="utf-8"))
    changed["id"] = changed["record"]["id"] = "real-test-2"
    write(lists, "real-test-2.json", changed)
    missing = copy.deepcopy(changed)
    missing["id"] = missing["record"]["id"] = "real-test-3"
    write(lists, "real-test-3.json", missing)
    (lists / "broken.json").write_text("{not json", encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "real-test-1.txt").write_text(kept["text"], encoding="utf-8")
    (texts / "real-test-2.txt").write_text(kept["text"].replace("Monday", "Tuesday"), encoding="utf-8")

    done = evaluate_cli(str(lists), "--texts", str(texts), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [a["id"] for a in result["articles"]] == ["real-test-1"]
    reasons = {Path(s["path"]).name: s["reason"] for s in result["skipped"]}
    assert set(reasons) == {"broken.json", "real-test-2.json", "real-test-3.json"}
    assert "not a readable JSON file" in reasons["broken.json"]
    assert "fails the format check" in reasons["real-test-2.json"] and "sha256" in reasons["real-test-2.json"]
    assert "no rebuilt text real-test-3.txt" in reasons["real-test-3.json"]
    assert "3 article(s) skipped" in done.stderr
    # without --texts nothing of the list can be scored
    done = evaluate_cli(str(lists / "real-test-1.json"), "--format", "json")
    assert done.returncode == 3 and "no article could be scored" in done.stderr
    assert "give --texts DIR" in done.stderr


def test_usage_errors(tmp_path: Path) -> None:
    done = evaluate_cli(str(tmp_path / "missing"))
    assert done.returncode == 3 and "no such file or folder" in done.stderr
    (tmp_path / "empty").mkdir()
    done = evaluate_cli(str(tmp_path / "empty"))
    assert done.returncode == 3 and "no annotated article" in done.stderr
    bad = write(tmp_path / "bad", "bad.json", {"format": "diplograph-articles/1", "id": "x", "record": {}})
    done = evaluate_cli(str(bad))
    assert done.returncode == 3 and "no article could be scored" in done.stderr and "bad.json" in done.stderr
    done = evaluate_cli(str(bad), "--format", "xml")
    assert done.returncode == 2 and "--format" in done.stderr
    done = evaluate_cli(str(bad), "--texts", str(tmp_path / "no-such-folder"))
    assert done.returncode == 2 and "not a folder" in done.stderr
