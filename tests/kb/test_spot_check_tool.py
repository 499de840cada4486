"""tools/spot_check_reference.py: the fixed-seed draw of rows for the spot check of docs/reference.md."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from diplograph.kb.reference import read_rows, read_table

ROOT = Path(__file__).resolve().parents[2]
HEADER = "a,b,label,tier,status,date,date_precision,source_url,note"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spot_check_reference_tool", ROOT / "tools" / "spot_check_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(n: int) -> str:
    return "\n".join([HEADER, *(f"AUS,VNM,strategic partnership,SP,established,{1990 + i},year,"
                                f"https://example.org/{i}," for i in range(n))]) + "\n"


def test_the_draw_is_fixed_by_the_seed_and_rounds_do_not_repeat(tool: ModuleType) -> None:
    rows = read_rows(_rows(70))
    first = tool.draw(rows, "15", 1)
    assert len(first) == 30 and [r.line for r in first] == [r.line for r in tool.draw(rows, "15", 1)]
    second, third = tool.draw(rows, "15", 2), tool.draw(rows, "15", 3)
    assert len(second) == 30 and len(third) == 10
    assert not {r.line for r in first} & {r.line for r in second}
    assert {r.line for r in tool.draw(rows, "16", 1)} != {r.line for r in first}


def test_a_row_keeps_its_place_when_other_rows_are_added(tool: ModuleType) -> None:
    fewer, more = read_rows(_rows(40)), read_rows(_rows(80))
    drawn_before = {tool.draw_key("15", r) for r in tool.draw(fewer, "15", 1)}
    drawn_after = {tool.draw_key("15", r) for r in tool.draw(more, "15", 1)}
    # a newcomer can only take the place of a row by hashing lower: every row drawn from the larger
    # table that was in the smaller one was drawn from it as well
    old_keys = {tool.draw_key("15", r) for r in fewer}
    assert drawn_after & old_keys <= drawn_before


def test_the_markdown_list_names_the_table_version(tool: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert tool.main([]) == 0
    out = capsys.readouterr().out
    assert f"table version {read_table().version}" in out and "seed 15" in out
    assert sum(line.startswith("|") for line in out.splitlines()) == 32  # the header, the rule and 30 rows
