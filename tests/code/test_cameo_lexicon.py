"""The trigger entries converted from the CAMEO verb dictionary (tools/cameo_lexicon.py ->
code/data/triggers_cameo.json): the shipped file is the converter's output, it keeps the MIT
notice, every entry's type is its CAMEO code's PLOVER type, and a group switched on codes its
verbs through the whole pipeline while a group switched off does not. Sentences written for
these tests."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from diplograph.code.document import DocumentCoder
from diplograph.code.plover import build_lexicon, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "diplograph" / "code" / "data"


def _tool() -> ModuleType:
    if "cameo_lexicon" in sys.modules:
        return sys.modules["cameo_lexicon"]
    spec = importlib.util.spec_from_file_location("cameo_lexicon", ROOT / "tools" / "cameo_lexicon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cameo_lexicon"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _shipped() -> dict:
    return json.loads((DATA / "triggers_cameo.json").read_text(encoding="utf-8"))


def test_the_shipped_file_is_the_converters_output(shared_dir: Path, tmp_path: Path) -> None:
    cameo = shared_dir / "third_party" / "petrarch2" / "CAMEO.2.0.txt"
    if not cameo.is_file():
        pytest.skip(f"{cameo} is absent")
    out = tmp_path / "triggers_cameo.json"
    out.write_text(json.dumps({"groups": _shipped()["groups"]}), encoding="utf-8")
    assert _tool().main(["--cameo", str(cameo), "--output", str(out)]) == 0
    rebuilt = json.loads(out.read_text(encoding="utf-8"))
    shipped = _shipped()
    assert rebuilt["types"] == shipped["types"]
    assert rebuilt["irregular"] == shipped["irregular"]
    assert rebuilt["groups"] == shipped["groups"]


def test_the_mit_notice_is_kept() -> None:
    licence = _shipped()["licence"]
    assert "The MIT License (MIT)" in licence and "Copyright (c) 2015 Open Event Data Alliance" in licence
    assert "Permission is hereby granted" in licence


def test_every_entry_has_the_plover_type_of_its_cameo_code() -> None:
    crosswalk = _tool().Crosswalk(DATA / "cameo2plover.json")
    checked = 0
    for type_name, entries in _shipped()["types"].items():
        for entry in entries:
            assert entry["g"].split("/")[0] == entry["t"] == type_name
            if entry["cameo"] != "---":
                mapped = crosswalk.map(entry["cameo"])
                assert mapped is not None and mapped[0] == type_name, entry
                checked += 1
            else:
                assert entry["need_obj"] and entry["obj"], entry
    assert checked > 100


def test_the_crosswalk_reads_child_and_paired_codes() -> None:
    crosswalk = _tool().Crosswalk(DATA / "cameo2plover.json")
    assert crosswalk.map("0841") == ("RETREAT", "release")
    assert crosswalk.map("042:043") == ("CONSULT", "visit")  # the source side of a reciprocal pair
    assert crosswalk.map("0239") == ("REQUEST", "assist")  # an unlisted child takes its parent's
    assert crosswalk.map("010") is None  # a public statement is no PLOVER event
    assert crosswalk.map("---") is None
    assert crosswalk.map("163") == ("SANCTION", None)  # the project's deviation, documented in the file


def test_the_parser_reads_verbs_objects_and_synonym_sets(shared_dir: Path) -> None:
    cameo = shared_dir / "third_party" / "petrarch2" / "CAMEO.2.0.txt"
    if not cameo.is_file():
        pytest.skip(f"{cameo} is absent")
    tool = _tool()
    synsets, blocks = tool.parse(cameo)
    assert "&HOSTAGE" in synsets and "PRISONER" in synsets["&HOSTAGE"]
    release = next(b for b in blocks if b.name == "RELEASE")
    assert release.code == "080"
    assert ("RELEASE", "084", []) in release.verbs
    assert tool.object_heads("&HOSTAGE", synsets) == ["hostage", "prisoner", "captive"]
    assert tool.object_heads("{HUMANITARIAN AID}", synsets) == ["aid"]
    assert tool.singular("prisoners") == "prisoner" and tool.singular("supplies") == "supply"


def test_kept_groups_and_only_they_are_loaded() -> None:
    data = _shipped()
    kept = {g for g, info in data["groups"].items() if info.get("keep")}
    for info in data["groups"].values():
        assert info["measured"], "every group records the measurement that decided it"
    sources = {t.source.split(":")[0] for entries in load_lexicon().by_lemma.values() for t in entries}
    assert ("cameo" in sources) == any(not g.endswith("/hand-objects") for g in kept)
    assert {t.source for entries in build_lexicon([]).by_lemma.values() for t in entries} == {"hand"}
    # a kept hand-objects group adds its objects to the hand entries that need a listed object
    for group in (g for g in kept if g.endswith("/hand-objects")):
        type_name = group.split("/")[0]
        lemma, obj = next((w, o) for w, objs in data["objects"].items() for o, (t, _code) in objs.items()
                          if t == type_name and not any(obj_key == o for e in build_lexicon([]).entries(w, "VERB")
                                                        for obj_key, _ in e.obj))
        shipped = [dict(e.obj).get(obj) for e in load_lexicon().entries(lemma, "VERB") if e.need_obj]
        bare = [dict(e.obj).get(obj) for e in build_lexicon([]).entries(lemma, "VERB") if e.need_obj]
        assert type_name in shipped and type_name not in bare, (group, lemma, obj)


@pytest.mark.model
def test_a_group_switched_on_codes_its_verbs() -> None:
    text = "Militiamen bludgeoned two Kenyan farmers near the border with Somalia on Monday."
    record = {"id": 1, "text": text, "date": "2024-03-06"}
    off = DocumentCoder(lexicon=build_lexicon([]))
    assert next(iter(off.code_records([record])))["events"] == []
    on = DocumentCoder(lexicon=build_lexicon(["ASSAULT/coded"]))
    events = next(iter(on.code_records([record])))["events"]
    assert [e["event"] for e in events] == ["ASSAULT"]
    assert events[0]["trigger"] == "bludgeon"
