"""`diplograph evaluate` end to end: small annotated articles of our own, built with the builder,
run through the real ingest path and the real coder in a subprocess; the expected figures are
worked out by hand from what the coder does on them (noted sentence by sentence below).

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

from diplograph.evaluation.annotations import build

pytestmark = pytest.mark.model


def ev(kind: str, actor: list[str], recipient: list[str], date: str | None, precision: str = "day",
       **extra: Any) -> dict[str, Any]:
    return {"event": kind, "actor": actor, "recipient": recipient, "modality": "asserted", "date": date,
            "date_precision": precision, **extra}


def draft(article_id: str, title: str, published: str, body: list[tuple[str, Any]], *, kind: str,
          frameworks: list[dict[str, Any]] | None = None, title_events: Any = "none",
          title_tags: list[str] | None = None) -> dict[str, Any]:
    sentences: list[dict[str, Any]] = [{"text": title, "title": True, "events": title_events,
                                        **({"tags": title_tags} if title_tags else {})}]
    for text, events, *rest in body:
        sentences.append({"text": text, "events": events, **(rest[0] if rest else {})})
    return {
        "format": "diplograph-articles/1",
        "id": article_id,
        "record": {"id": article_id, "title": title, "published": published,
                   "text": "\n\n".join(text for text, *_ in body)},
        "meta": {"set": kind, "style": "wire", "about": ["VNM"], "written_by": "tester-a", "checked_by": "tester-b"},
        "sentences": sentences,
        "frameworks": frameworks or [],
    }


# Events. The coder: ACCUSE CHN>JPN in s1 (the title's is dropped: the body repeats it), CONSULT
# JPN+VNM in s2, COERCE VNM>VNM in s4, REJECT PAK>IND in s5, ASSAULT RUS>UKR in s6, no sectors.
EVENTS = draft(
    "ev-test-1", "China accuses Japan of meddling in South China Sea", "2024-03-06",
    [
        ("BEIJING, March 6 (Wire) - China accused Japan of meddling in the South China Sea.",
         [ev("ACCUSE", ["CHN"], ["JPN"], "2024-03-06")], {"tags": ["dateline"]}),
        ("Japanese Prime Minister Fumio Kishida and Vietnamese President Vo Van Thuong held talks in Tokyo on Monday.",
         # deliberately contrary: the month of the right day (a wrong precision), and an AGREE the
         # sentence does not hold (a miss)
         [ev("CONSULT", ["JPN", "VNM"], [], "2024-03", "month"), ev("AGREE", ["JPN", "VNM"], [], None, "none")]),
        ("The weather in the capital was mild.", "none"),
        # deliberately contrary: the arrest is an event (the coder's COERCE VNM>VNM is spurious here,
        # and a self-event since the gold has no domestic event)
        ("Police arrested dozens of protesters in Hanoi on Sunday.", "none", {"tags": ["domestic"]}),
        # deliberately contrary: ACCUSE where the sentence says REJECT (a wrong type)
        ("Pakistan rejected India's proposal for talks.", [ev("ACCUSE", ["PAK"], ["IND"], "2024-03-06")]),
        ("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three people.",
         [ev("ASSAULT", ["RUS"], ["UKR"], "2024-03-04", actor_sectors=["MIL"], recipient_sectors=[None],
             tags=["descriptor"])]),
        ("The ministry did not give details.", "none"),
    ],
    kind="events", title_events=[ev("ACCUSE", ["CHN"], ["JPN"], "2024-03-06")],
)

# Frameworks. The coder: AUS-VNM SP established in the title (2024-03-08), AUS-VNM CSP established
# 2024-03-07, IDN-VNM and SGP-VNM CSP intended, CHN-VNM and RUS-VNM CSP existing, THA-VNM and
# FRA-VNM SP established 2013; one event, AGREE SGP+VNM.
FRAMEWORKS = draft(
    "fw-test-1", "Vietnam and Australia upgrade ties to strategic partnership", "2024-03-08",
    [
        ("HANOI, March 8 (Wire) - Australia and Vietnam became comprehensive strategic partners on Thursday.",
         [ev("AGREE", ["AUS", "VNM"], [], "2024-03-07")]),  # the coder misses it (no event trigger)
        ("Indonesia and Vietnam are expected to upgrade their ties to a comprehensive strategic partnership next year.",
         "none"),
        ("Singapore and Vietnam agreed to work towards a comprehensive strategic partnership.",
         [ev("AGREE", ["SGP", "VNM"], [], "2024-03-08")]),
        ("Vietnam already has comprehensive strategic partnerships with China and Russia.", "none"),
        # deliberately left out of the gold: the coder's THA-VNM SP is a false upgrade of nothing
        ("Thailand and Vietnam, strategic partners since 2013, will mark the anniversary next year.", "none"),
        ("France and Vietnam have been strategic partners since 2013.", "none"),
        ("Trade between the two countries reached 15 billion dollars last year.", "none"),
    ],
    kind="frameworks",
    frameworks=[
        {"a": "AUS", "b": "VNM", "label": "strategic partnership", "tier": "SP", "status": "established",
         "date": "2024-03-08", "date_precision": "day", "sentences": [0], "disagreement": True,
         "tags": ["headline", "disagreement"]},
        {"a": "AUS", "b": "VNM", "label": "comprehensive strategic partners", "tier": "CSP", "status": "established",
         "date": "2024-03-07", "date_precision": "day", "sentences": [1]},
        {"a": "IDN", "b": "VNM", "label": "comprehensive strategic partnership", "tier": "CSP", "status": "intended",
         "date": "2025", "date_precision": "year", "sentences": [2], "tags": ["preview"]},
        {"a": "SGP", "b": "VNM", "label": "comprehensive strategic partnership", "tier": "CSP", "status": "intended",
         "date": None, "date_precision": "none", "sentences": [3], "tags": ["intention"]},
        {"a": "CHN", "b": "VNM", "label": "comprehensive strategic partnerships", "tier": "CSP", "status": "existing",
         "date": None, "date_precision": "none", "sentences": [4], "tags": ["list"]},
        {"a": "RUS", "b": "VNM", "label": "comprehensive strategic partnerships", "tier": "CSP", "status": "existing",
         "date": None, "date_precision": "none", "sentences": [4], "tags": ["list"]},
        {"a": "FRA", "b": "VNM", "label": "strategic partners", "tier": "SP", "status": "established",
         "date": "2013", "date_precision": "year", "sentences": [6]},
    ],
)

REAL = draft(
    "real-test-1", "Egypt urges Israel to open crossing", "2024-02-12",
    [("CAIRO, Feb 12 (Wire) - Egypt called on Israel on Monday to open the Rafah crossing.",
      [ev("REQUEST", ["EGY"], ["ISR"], "2024-02-12")]),
     ("Aid trucks waited at the border.", "none")],
    kind="events", title_events=[ev("REQUEST", ["EGY"], ["ISR"], "2024-02-12")],
)


def write(folder: Path, name: str, article: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(article, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


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
        "dyad_right": 5, "modality_right": 5, "date_right": 4, "sector_gold": 1, "sector_right": 0,
        "system_with_sectors": 0,
    }
    assert figures == {
        "precision": 0.667, "recall": 0.625, "f1": 0.645, "dyad_accuracy": 1.0, "sector_accuracy": 0.0,
        "sector_given_share": 0.0, "modality_accuracy": 1.0, "date_accuracy": 0.8,
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
    assert kinds == [(2, "missed"), (2, "wrong date"), (4, "spurious"), (4, "self-event"), (5, "wrong type"),
                     (6, "wrong sector")]


def test_framework_figures_of_the_coder_on_our_articles(report: dict[str, Any]) -> None:
    section = report["frameworks"]
    assert section["counts"] == {
        "articles": 2, "gold_established": 2, "system_established": 4, "established_hits": 2,
        "disagreement_in_title": 1, "matched_facts": 2, "label_right": 2, "date_right": 2, "gold_intended": 2,
        "intended_not_established": 2, "gold_existing": 2, "existing_found": 2, "false_upgrades": 1,
    }
    assert section["figures"] == {
        "established_precision": 0.75, "established_recall": 1.0, "established_f1": 0.857, "label_accuracy": 1.0,
        "date_accuracy": 1.0, "intended_not_established": 1.0, "existing_recall": 1.0,
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
