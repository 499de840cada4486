"""`diplograph reference check`: each check on a small hand-made table, and the shipped table passes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.errors import ConfigError
from diplograph.kb.reference_check import PROBLEM_KINDS, check_table

runner = CliRunner()
HEADER = "a,b,label,tier,status,date,date_precision,source_url,note"
TODAY = dt.date(2026, 3, 1)
# a clean pair history: Japan-Vietnam's three steps (the table's own facts)
GOOD = [
    "JPN,VNM,strategic partnership,SP,established,2009-04-20,day,https://example.org/jv-2009,",
    "JPN,VNM,extensive strategic partnership for peace and prosperity in asia,SP,established,2014-03-18,day,"
    "https://example.org/jv-2014,",
    "JPN,VNM,comprehensive strategic partnership,CSP,established,2023-11-27,day,https://example.org/jv-2023,",
]


def _table(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "frameworks.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _problems(tmp_path: Path, *rows: str) -> list[tuple[int, str]]:
    report = check_table(_table(tmp_path, *rows), today=TODAY)
    return [(p.line, p.kind) for p in report.problems]


def test_a_clean_table_passes(tmp_path: Path) -> None:
    report = check_table(_table(tmp_path, *GOOD), today=TODAY)
    assert report.ok and report.rows == 3 and len(report.version) == 12


def test_unknown_codes_and_pair_order(tmp_path: Path) -> None:
    assert _problems(tmp_path,
                     "VNM,XYZ,strategic partnership,SP,established,2020,year,https://example.org/a,",
                     "VNM,JPN,strategic partnership,SP,established,2020,year,https://example.org/b,",
                     "EU,vnm,strategic partnership,SP,established,2020,year,https://example.org/c,") == [
        (2, "unknown-code"), (3, "pair-order"), (4, "unknown-code")]


def test_tier_status_and_label_rules(tmp_path: Path) -> None:
    assert _problems(tmp_path,
                     "JPN,VNM,strategic partnership,CSP,established,2009,year,https://example.org/a,",
                     "AUS,VNM,Comprehensive Partnership,CP,established,2009,year,https://example.org/b,",
                     "NLD,VNM,strategic partnership on climate change and water management,SP,established,2010,"
                     "year,https://example.org/c,",
                     "ESP,VNM,comprehensive strategic partnership,CSP,intended,2025-04,month,https://example.org/d,",
                     "FRA,VNM,strategic partnership,XX,established,2013,year,https://example.org/e,",
                     "CHN,PAK,all-weather strategic cooperative partnership,OTHER,established,2015-04-20,day,"
                     "https://example.org/f,") == [
        (2, "label-tier"), (3, "label"), (4, "label-tier"), (5, "bad-status"), (6, "bad-tier"),
        (7, "other-without-reason")]


def test_dates_must_match_their_precision(tmp_path: Path) -> None:
    assert _problems(tmp_path,
                     "JPN,VNM,strategic partnership,SP,established,2009-04,day,https://example.org/a,",
                     "AUS,VNM,strategic partnership,SP,established,2018-02-30,day,https://example.org/b,",
                     "FRA,VNM,strategic partnership,SP,established,2013-09-25,year,https://example.org/c,",
                     "DEU,VNM,strategic partnership,SP,established,2026-12-01,day,https://example.org/d,",
                     "GBR,VNM,strategic partnership,SP,established,,,https://example.org/e,",
                     "ITA,VNM,strategic partnership,SP,established,2013,decade,https://example.org/f,") == [
        (2, "bad-date"), (3, "bad-date"), (4, "bad-date"), (5, "bad-date"), (6, "bad-date"), (7, "bad-date")]


def test_every_row_needs_a_source_url(tmp_path: Path) -> None:
    assert _problems(tmp_path,
                     "JPN,VNM,strategic partnership,SP,established,2009-04-20,day,,",
                     "AUS,VNM,strategic partnership,SP,established,2018-03-15,day,vietnamnet.vn/en/article,") == [
        (2, "missing-source"), (3, "missing-source")]


def test_duplicates_a_row_twice_or_a_level_entered_again(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD[0], GOOD[0]) == [(3, "duplicate")]
    # the same level from a second source a year later, with nothing ended between
    again = "JPN,VNM,strategic partnership,SP,established,2010,year,https://example.org/jv-2010,"
    assert _problems(tmp_path, GOOD[0], again) == [(3, "duplicate")]


def test_two_frameworks_of_one_pair_from_one_date(tmp_path: Path) -> None:
    # a year-precision SP overlaps the CSP's day: the knowledge base would merge the two rows
    assert _problems(tmp_path,
                     "AUS,IND,strategic partnership,SP,established,2020,year,https://example.org/a,",
                     "AUS,IND,comprehensive strategic partnership,CSP,established,2020-06-04,day,https://example.org/b,"
                     ) == [(3, "same-date")]
    # a day apart is one summit reported in two time zones
    assert _problems(tmp_path,
                     "IDN,VNM,strategic partnership,SP,established,2013-06-27,day,https://example.org/a,",
                     "IDN,VNM,comprehensive partnership,CP,established,2013-06-28,day,https://example.org/b,"
                     ) == [(3, "same-date"), (3, "upgrade-before-lower")]


def test_a_layered_label_beside_a_tier_is_allowed(tmp_path: Path) -> None:
    assert _problems(tmp_path,
                     "CHN,VNM,comprehensive strategic cooperative partnership,CSP,established,2008-05,month,"
                     "https://example.org/a,",
                     "CHN,VNM,community with a shared future,OTHER,established,2008-05,month,https://example.org/b,"
                     "layered on the CSP") == []


def test_an_upgrade_dated_before_the_row_it_upgrades(tmp_path: Path) -> None:
    rows = ["AUS,VNM,comprehensive strategic partnership,CSP,established,2018-03-15,day,https://example.org/a,",
            "AUS,VNM,strategic partnership,SP,established,2024-03-07,day,https://example.org/b,"]
    assert _problems(tmp_path, *rows) == [(3, "upgrade-before-lower")]
    # a downgrade is a fact when an 'ended' row with its own source closes the higher level first
    ended = "AUS,VNM,comprehensive strategic partnership,CSP,ended,2020-01-10,day,https://example.org/c,"
    assert _problems(tmp_path, rows[0], ended, rows[1]) == []


def test_a_party_that_ranks_labels_can_put_a_lower_tier_above(tmp_path: Path) -> None:
    # China-South Africa: the 2024 label is SP by its words, but China's ladder ranks it with the
    # comprehensive strategic cooperative partnerships, above the CSP of 2010 it upgraded
    csp = "CHN,ZAF,comprehensive strategic partnership,CSP,established,2010-08-24,day,https://example.org/a,"
    above = ("CHN,ZAF,all-round strategic cooperative partnership in the new era,SP,established,2024-09-02,day,"
             "https://example.org/b,")
    assert _problems(tmp_path, csp, above) == []
    # a plain strategic partnership after the CSP is lower on China's ladder too
    plain = "CHN,ZAF,strategic partnership,SP,established,2024-09-02,day,https://example.org/b,"
    assert _problems(tmp_path, csp, plain) == [(3, "upgrade-before-lower")]
    # with no party that ranks the label, the tiers of the label rules decide
    assert _problems(tmp_path, csp.replace("CHN,", "BRA,"), above.replace("CHN,", "BRA,")) == [
        (3, "upgrade-before-lower")]


def test_an_ended_row_needs_a_framework_to_end(tmp_path: Path) -> None:
    assert _problems(tmp_path,
                     "AUS,VNM,strategic partnership,SP,ended,2019-01-10,day,https://example.org/a,",
                     "AUS,VNM,strategic partnership,SP,established,2020-03-15,day,https://example.org/b,") == [
        (2, "ended-without-framework")]


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD[0],
                         "XYZ,VNM,Strategic Partnership,CSP,intended,2009-13,month,,")
    assert problems == [(3, "unknown-code"), (3, "pair-order"), (3, "bad-status"), (3, "label"),
                        (3, "label-tier"), (3, "bad-date"), (3, "missing-source")]
    assert {kind for _line, kind in problems} <= set(PROBLEM_KINDS)


def test_a_table_without_its_columns_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "frameworks.csv"
    path.write_text("a,b,label\nJPN,VNM,strategic partnership\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks columns"):
        check_table(path)


def test_the_shipped_table_passes() -> None:
    report = check_table()
    assert report.ok, "\n".join(f"line {p.line}: {p.kind}: {p.message}" for p in report.problems)


def test_check_command_exit_codes(tmp_path: Path) -> None:
    shipped = runner.invoke(app, ["reference", "check"])
    assert shipped.exit_code == 0, shipped.output
    assert "rows, ok" in shipped.stdout
    bad = _table(tmp_path, GOOD[0], "JPN,VNM,strategic partnership,CSP,established,2023-11-27,day,,")
    result = runner.invoke(app, ["reference", "check", "--table", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3: label-tier" in result.stdout and f"{bad}:3: missing-source" in result.stdout
    as_json = runner.invoke(app, ["reference", "check", "--table", str(bad), "--format", "json"])
    assert as_json.exit_code == 1 and '"kind": "missing-source"' in as_json.stdout
