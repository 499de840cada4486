"""tools/real_articles.py: lists of real articles without their text (strip, check, ids).

The texts here are written for these tests; no real article text is used."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

TEXT = (
    "Harbour ministers meet in Tromso\n\n"
    "TROMSO, May 6 (Test Wire) - The foreign ministers of Norway and Chile met in Tromso on Monday.\n\n"
    "They signed an agreement on fisheries research, the Norwegian ministry said.\n\n"
    "Chile has protested against Argentina over a fishing dispute since March."
)
SENTENCES = [
    "Harbour ministers meet in Tromso",
    "TROMSO, May 6 (Test Wire) - The foreign ministers of Norway and Chile met in Tromso on Monday.",
    "They signed an agreement on fisheries research, the Norwegian ministry said.",
    "Chile has protested against Argentina over a fishing dispute since March.",
]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_articles_tool", ROOT / "tools" / "real_articles.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module through sys.modules
    spec.loader.exec_module(module)
    return module


def _event(kind: str, actor: list[str], recipient: list[str], date: str | None) -> dict[str, Any]:
    return {"event": kind, "actor": actor, "recipient": recipient, "modality": "asserted",
            "date": date, "date_precision": "day" if date else "none"}


def _draft(text: str = TEXT) -> dict[str, Any]:
    events: list[Any] = [
        [_event("CONSULT", ["NOR", "CHL"], [], "2024-05-06")],
        [_event("CONSULT", ["NOR", "CHL"], [], "2024-05-06")],
        [_event("AGREE", ["NOR", "CHL"], [], "2024-05-06")],
        [_event("ACCUSE", ["CHL"], ["ARG"], None)],
    ]
    return {
        "format": "diplograph-articles/1",
        "id": "rt-001",
        "record": {"id": "rt-001", "url": "https://example.org/rt-001", "published": "2024-05-07", "text": text},
        "meta": {"set": "events", "real": True, "query": "ministers fisheries agreement", "corpus": "pages",
                 "rank": 2, "about": ["NOR", "CHL"], "written_by": "tester", "checked_by": None, "notes": ""},
        "sentences": [{"text": s, "events": e} for s, e in zip(SENTENCES, events, strict=True)],
        "frameworks": [],
    }


def _no_text_left(obj: dict[str, Any]) -> None:
    dumped = json.dumps(obj, ensure_ascii=False)
    for sentence in SENTENCES:
        assert sentence not in dumped
    assert "text" not in obj["record"] and "title" not in obj["record"]
    assert all("text" not in s for s in obj["sentences"])


def _listed(tool: ModuleType, folder: Path) -> Path:
    """A list entry (stripped file) in ``folder/list`` and its text in ``folder/texts``."""
    (folder / "list").mkdir()
    (folder / "texts").mkdir()
    path = folder / "list" / "rt-001.json"
    path.write_text(json.dumps(tool.strip_text(_draft())), encoding="utf-8")
    (folder / "texts" / "rt-001.txt").write_text(TEXT, encoding="utf-8")
    return path


def test_strip_builds_a_draft_then_drops_every_piece_of_text(tool: ModuleType) -> None:
    stripped = tool.strip_text(_draft())
    _no_text_left(stripped)
    assert stripped["record"] == {"id": "rt-001", "url": "https://example.org/rt-001", "published": "2024-05-07"}
    assert len(stripped["text_sha256"]) == 64
    assert [s["index"] for s in stripped["sentences"]] == [0, 1, 2, 3]
    cleaned_first = TEXT.split("\n")[0]
    assert stripped["sentences"][0]["start"] == 0 and stripped["sentences"][0]["end"] == len(cleaned_first)
    assert stripped["sentences"][3]["events"][0]["recipient"] == ["ARG"]
    assert stripped["meta"]["query"] == "ministers fisheries agreement"


def test_strip_of_a_built_file_keeps_its_offsets_and_hashes(tool: ModuleType) -> None:
    from diplograph.evaluation.annotations import build

    built = build(_draft())
    stripped = tool.strip_text(built)
    _no_text_left(stripped)
    assert [(s["start"], s["end"], s["sha256"]) for s in stripped["sentences"]] == [
        (s["start"], s["end"], s["sha256"]) for s in built["sentences"]
    ]
    assert stripped["text_sha256"] == built["text_sha256"]


def test_strip_refuses_a_draft_whose_sentences_do_not_cover_its_text(tool: ModuleType) -> None:
    from diplograph.errors import InputError

    draft = _draft()
    draft["sentences"] = draft["sentences"][:2]
    with pytest.raises(InputError, match="left unlisted"):
        tool.strip_text(draft)


def test_check_accepts_the_rebuilt_text(tool: ModuleType, tmp_path: Path) -> None:
    _listed(tool, tmp_path)
    [result] = tool.check_texts([tmp_path / "list"], tmp_path / "texts")
    assert result.ok, result.describe()
    assert result.describe().endswith(": ok")


def test_check_names_the_sentence_whose_text_changed(tool: ModuleType, tmp_path: Path) -> None:
    _listed(tool, tmp_path)
    (tmp_path / "texts" / "rt-001.txt").write_text(TEXT.replace("fisheries research", "fishery research"), encoding="utf-8")
    [result] = tool.check_texts([tmp_path / "list"], tmp_path / "texts")
    assert result.text_changed
    assert result.changed_sentences == [2, 3]  # sentence 2 changed; sentence 3 moved by one character
    assert "2 sentence(s) differ: 2, 3" in result.describe()


def test_check_reports_a_missing_text_and_text_left_in_a_list(tool: ModuleType, tmp_path: Path) -> None:
    _listed(tool, tmp_path)
    (tmp_path / "texts" / "rt-001.txt").unlink()
    leaky = tool.strip_text(_draft())
    leaky["id"] = leaky["record"]["id"] = "rt-002"
    leaky["sentences"][0]["text"] = SENTENCES[0]
    (tmp_path / "list" / "rt-002.json").write_text(json.dumps(leaky), encoding="utf-8")
    (tmp_path / "texts" / "rt-002.txt").write_text(TEXT, encoding="utf-8")
    missing, leaked = tool.check_texts([tmp_path / "list"], tmp_path / "texts")
    assert missing.missing and "no text file rt-001.txt" in missing.describe()
    assert leaked.text_matches and not leaked.ok
    assert any("carries article text" in p for p in leaked.problems)


def test_check_reports_annotation_problems_once_the_text_matches(tool: ModuleType, tmp_path: Path) -> None:
    path = _listed(tool, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sentences"][3]["events"][0]["recipient"] = ["XXQ"]
    path.write_text(json.dumps(data), encoding="utf-8")
    [result] = tool.check_texts([path], tmp_path / "texts")
    assert not result.text_changed
    assert any("unknown recipient code 'XXQ'" in p for p in result.problems)


def test_ids_lists_id_url_and_query(tool: ModuleType, tmp_path: Path) -> None:
    _listed(tool, tmp_path)
    assert tool.list_ids([tmp_path / "list"]) == [("rt-001", "https://example.org/rt-001", "ministers fisheries agreement")]


def test_command_line(tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(_draft()), encoding="utf-8")
    (tmp_path / "list").mkdir()
    (tmp_path / "texts").mkdir()
    out = tmp_path / "list" / "rt-001.json"
    assert tool.main(["strip", str(draft), "--output", str(out)]) == 0
    _no_text_left(json.loads(out.read_text(encoding="utf-8")))

    assert tool.main(["check", str(tmp_path / "list"), "--texts", str(tmp_path / "texts")]) == 1
    assert "1 file(s): 0 match their texts, 1 missing or changed; 0 with other problems" in capsys.readouterr().out
    (tmp_path / "texts" / "rt-001.txt").write_text(TEXT, encoding="utf-8")
    assert tool.main(["check", str(tmp_path / "list"), "--texts", str(tmp_path / "texts")]) == 0
    assert "1 file(s): 1 match their texts, 0 missing or changed; 0 with other problems" in capsys.readouterr().out

    assert tool.main(["ids", str(tmp_path / "list")]) == 0
    assert capsys.readouterr().out == "rt-001\thttps://example.org/rt-001\tministers fisheries agreement\n"

    assert tool.main(["check", str(tmp_path / "list"), "--texts", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err
