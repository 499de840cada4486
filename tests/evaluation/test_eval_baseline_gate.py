"""The CI gate: each held-out article set scores at least its recorded baseline
(eval/articles/baseline.json; tolerance 0, every figure being a ratio of counts), and the tool
that records and checks it, on a copy of the layout holding our own small articles.

The gate skips while a held-out folder is empty. A set with no recorded scores yet skips locally
and fails under DIPLOGRAPH_REQUIRE_ALL (CI): record them with ``python tools/eval_baseline.py
--update``."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

import pytest
from own_articles import EVENTS, FRAMEWORKS, write

from diplograph.evaluation.annotations import build
from diplograph.evaluation.baseline import BASELINE_FILE, HELD_OUT_SETS, check_held_out, load_baseline

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "eval" / "articles"
REQUIRE_ALL = os.environ.get("DIPLOGRAPH_REQUIRE_ALL", "") not in ("", "0", "false", "no")  # as tests/conftest.py

pytestmark = pytest.mark.model


@pytest.mark.allow_skip
@pytest.mark.parametrize("name", sorted(HELD_OUT_SETS))
def test_held_out_scores_do_not_fall_below_the_baseline(name: str) -> None:
    outcome = check_held_out(ARTICLES, name, load_baseline(ARTICLES / BASELINE_FILE))
    if outcome.state == "empty":
        pytest.skip(f"eval/articles/{name} is still empty")
    if outcome.state == "unrecorded":
        if REQUIRE_ALL:
            pytest.fail(outcome.detail)
        pytest.skip(outcome.detail)
    assert not outcome.failed, outcome.detail


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_baseline", ROOT / "tools" / "eval_baseline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tool_records_checks_and_catches_regressions_and_changed_sets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tool = _tool()
    articles = tmp_path / "articles"
    write(articles / "events" / "held-out", "ev-test-1.json", build(EVENTS))
    write(articles / "frameworks" / "held-out", "fw-test-1.json", build(FRAMEWORKS))
    args = ["--articles", str(articles)]

    assert tool.main(args) == 0  # nothing recorded yet: reported, not a failure of the tool
    assert "no recorded scores" in capsys.readouterr().out
    assert tool.main([*args, "--update"]) == 0
    baseline = json.loads((articles / BASELINE_FILE).read_text(encoding="utf-8"))
    events = baseline["sets"]["events/held-out"]
    assert events["figures"]["precision"] == 0.6 and events["figures"]["recall"] == 0.667
    assert events["articles"] == 1 and len(events["sha256"]) == 64 and events["extractor"]
    assert baseline["sets"]["frameworks/held-out"]["figures"]["false_upgrades"] == 1
    capsys.readouterr()
    assert tool.main(args) == 0
    assert capsys.readouterr().out.count("as recorded") == 2

    # a recorded score above what the coder does now is a regression
    events["figures"]["recall"] = 0.7
    baseline["sets"]["frameworks/held-out"]["figures"]["false_upgrades"] = 0
    (articles / BASELINE_FILE).write_text(json.dumps(baseline), encoding="utf-8")
    assert tool.main(args) == 1
    out = capsys.readouterr().out
    assert "REGRESSION events recall: 0.667 is below the recorded 0.7" in out
    assert "REGRESSION frameworks false_upgrades: 1 is above the recorded 0" in out
    # a held-out set that changed fails until it is recorded again
    assert tool.main([*args, "--update"]) == 0
    (articles / "events" / "held-out" / "extra.json").write_text(
        (articles / "events" / "held-out" / "ev-test-1.json").read_text(encoding="utf-8").replace(
            '"ev-test-1"', '"ev-test-2"'), encoding="utf-8")
    capsys.readouterr()
    assert tool.main(args) == 1
    assert "events/held-out changed since its scores were recorded" in capsys.readouterr().out
    outcome = check_held_out(articles, "events/held-out", load_baseline(articles / BASELINE_FILE))
    assert outcome.state == "changed" and outcome.failed
    # an article that cannot be scored fails the gate and cannot be recorded
    (articles / "events" / "held-out" / "extra.json").write_text("{", encoding="utf-8")
    assert tool.main([*args, "--update"]) == 1
    assert "cannot be scored" in capsys.readouterr().out
