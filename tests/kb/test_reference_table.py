"""`diplograph reference load | coverage | show`, and what a database holding only the shipped
reference table answers (issue 15: the partnership networks of the major states)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.ingest import ingest
from diplograph.kb.queries import partners
from diplograph.kb.reference import load_reference_database, read_table, table_version
from diplograph.kb.reference_coverage import coverage, pair_history
from diplograph.settings import load_options
from diplograph.store import Store

runner = CliRunner()
HEADER = "a,b,label,tier,status,date,date_precision,source_url,note"
# an older table: Australia-Vietnam's SP has the wrong day and a row that was since dropped
OLD = [
    "AUS,VNM,strategic partnership,SP,established,2018-03-16,day,https://example.org/av-2018,",
    "AUS,VNM,comprehensive strategic partnership,CSP,established,2024-03-07,day,https://example.org/av-2024,",
    "IDN,VNM,friendly and comprehensive cooperation,CP,established,2003-06,month,https://example.org/iv,",
]
NEW = [
    "AUS,VNM,strategic partnership,SP,established,2018-03-15,day,https://example.org/av-2018,",
    "AUS,VNM,comprehensive strategic partnership,CSP,established,2024-03-07,day,https://example.org/av-2024,",
    "JPN,VNM,comprehensive strategic partnership,CSP,established,2023-11-27,day,https://example.org/jv-2023,",
]


def _table(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _reference_rows(db: str) -> list[tuple[str, ...]]:
    with Store(db) as store:
        return sorted((f["a"], f["b"], f["label"], f["date"]) for f in store.iter_frameworks() if f["source"] == "reference")


def test_load_replaces_corrected_rows_and_duplicates_none(store_db: str, tmp_path: Path) -> None:
    old, new = _table(tmp_path / "old.csv", OLD), _table(tmp_path / "new.csv", NEW)
    first = load_reference_database(store_db, old)
    assert (first.rows, first.added, first.removed) == (3, 3, 0)
    with Store(store_db) as store:  # the old table answers with its own (wrong) day
        assert partners(store, "VNM", "2018-12-31")[0]["since"] == "2018-03-16"

    second = load_reference_database(store_db, new)
    assert (second.rows, second.added, second.removed) == (3, 2, 2)  # one corrected, one dropped, one new
    assert second.version == table_version(new.read_text(encoding="utf-8"))
    assert _reference_rows(store_db) == [
        ("AUS", "VNM", "comprehensive strategic partnership", "2024-03-07"),
        ("AUS", "VNM", "strategic partnership", "2018-03-15"),
        ("JPN", "VNM", "comprehensive strategic partnership", "2023-11-27")]
    with Store(store_db) as store:
        assert [(r["partner"], r["since"]) for r in partners(store, "VNM", "2018-12-31")] == [("AUS", "2018-03-15")]
        assert [r["partner"] for r in partners(store, "VNM", "2025-12-31")] == ["JPN", "AUS"]

    again = load_reference_database(store_db, new)
    assert (again.rows, again.added, again.removed) == (3, 0, 0)
    assert len(_reference_rows(store_db)) == 3


def test_load_keeps_what_the_news_said(store_db: str, tmp_path: Path, add_article) -> None:  # type: ignore[no-untyped-def]
    from kb_helpers import obs

    add_article("Japan and Vietnam lifted ties to the top level in Tokyo on Monday.", "2023-11-28",
                [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    load_reference_database(store_db, _table(tmp_path / "new.csv", NEW))
    load_reference_database(store_db, _table(tmp_path / "old.csv", OLD))
    with Store(store_db) as store:
        news = [f for f in store.iter_frameworks() if f["source"] != "reference"]
        assert [(f["a"], f["b"], f["tier"]) for f in news] == [("JPN", "VNM", "CSP")]
        assert [r["partner"] for r in partners(store, "VNM", "2023-11-30", include_reference=False)] == ["JPN"]


def test_ingest_and_reference_load_write_the_same_rows(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    empty = tmp_path / "no-news"  # ingest of an empty folder: only the reference table is loaded
    empty.mkdir()
    report = ingest([str(empty)], load_options(db=db, jobs=1))
    assert report.reference_rows == len(read_table().rows)
    again = load_reference_database(db)  # the same loader: nothing to add, nothing to remove
    assert (again.rows, again.added, again.removed) == (report.reference_rows, 0, 0)


def test_load_command_creates_the_database(tmp_path: Path) -> None:
    db = tmp_path / "reference.sqlite"
    result = runner.invoke(app, ["reference", "load", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = len(read_table().rows)
    assert f"loaded {rows} reference rows" in result.stdout and f"{rows} added, 0 removed" in result.stdout
    again = runner.invoke(app, ["reference", "load", "--db", str(db)])
    assert "0 added, 0 removed" in again.stdout
    assert len(_reference_rows(str(db))) == rows


def test_coverage_counts_partners_by_tier_as_partners_does(tmp_path: Path) -> None:
    table = _table(tmp_path / "t.csv", [
        *NEW,
        "CHN,VNM,comprehensive strategic cooperative partnership,CSP,established,2008-05,month,https://example.org/cv,",
        "CHN,VNM,community with a shared future,OTHER,established,2023-12-12,day,https://example.org/cv2,layered",
        "KOR,VNM,strategic cooperative partnership,SP,established,2009,year,https://example.org/kv,",
        "AUS,CHN,comprehensive strategic partnership,CSP,established,2014-11-17,day,https://example.org/ac,",
    ])
    result = coverage(table, "2020-01-01")
    assert (result["rows"], result["pairs"], result["parties"]) == (7, 5, 5)
    assert result["version"] == table_version(table.read_text(encoding="utf-8"))
    assert result["newest"] == "2024-03-07"
    vietnam = next(r for r in result["party_rows"] if r["party"] == "VNM")
    # on 2020-01-01: China CSP, Australia and Korea SP (Japan's CSP is later)
    assert vietnam["by_tier"] == {"CSP": 1, "SP": 2, "CP": 0, "OTHER": 0} and vietnam["partners"] == 3
    assert vietnam["rows"] == 6 and vietnam["newest"] == "2024-03-07" and vietnam["own_ladder"]
    assert [r["party"] for r in result["party_rows"]][0] == "VNM"  # most partners first

    db = str(tmp_path / "t.sqlite")
    load_reference_database(db, table)
    with Store(db) as store:
        for row in result["party_rows"]:
            assert len(partners(store, row["party"], "2020-01-01")) == row["partners"], row["party"]


def test_coverage_and_show_commands(tmp_path: Path) -> None:
    table = _table(tmp_path / "t.csv", NEW)
    result = runner.invoke(app, ["reference", "coverage", "--table", str(table), "--as-of", "2025-01-01"])
    assert result.exit_code == 0, result.output
    assert "3 rows, 2 pairs, 3 parties" in result.stdout and "VNM Vietnam" in result.stdout
    as_json = json.loads(runner.invoke(app, ["reference", "coverage", "--table", str(table), "-p", "Japan",
                                             "--format", "json"]).stdout)
    assert [r["party"] for r in as_json["party_rows"]] == ["JPN"]

    history = pair_history("Vietnam", "Australia", table)
    assert (history["a"], history["b"]) == ("AUS", "VNM")
    assert [(r["date"], r["tier"]) for r in history["rows"]] == [("2018-03-15", "SP"), ("2024-03-07", "CSP")]
    shown = runner.invoke(app, ["reference", "show", "VNM", "AUS", "--table", str(table)])
    assert shown.exit_code == 0 and "2018-03-15" in shown.stdout and "2024-03-07" in shown.stdout
    none = runner.invoke(app, ["reference", "show", "FRA", "DEU", "--table", str(table)])
    assert "no row for this pair" in none.stdout


# ---------------------------------------------------------------- the shipped table (issue 15)


def test_the_readme_gives_the_table_counts() -> None:
    from collections import Counter
    from importlib import resources

    text = " ".join(resources.files("diplograph").joinpath("data", "reference", "README.md")
                    .read_text(encoding="utf-8").split())
    match = re.search(r"\*\*Counts:\*\* (\d+) rows, (\d+) pairs, (\d+) parties\. By tier: CSP (\d+), SP (\d+), "
                      r"CP (\d+), OTHER (\d+)\. Status: (\d+) established, (\d+) ended\. The newest date is ([\d-]+)\.",
                      text)
    assert match, "the README's counts line is missing"
    rows = read_table().rows
    tiers, statuses = Counter(r.tier for r in rows), Counter(r.status for r in rows)
    expected = (len(rows), len({r.pair for r in rows}), len({c for r in rows for c in r.pair}), tiers["CSP"],
                tiers["SP"], tiers["CP"], tiers["OTHER"], statuses["established"], statuses["ended"])
    assert tuple(int(g) for g in match.groups()[:9]) == expected, "update the counts in data/reference/README.md"
    assert match.group(10) == max(r.date for r in rows)


# partners with a tier and a date that `partners X --as-of 2025-12-31` must list from the
# reference table alone; every other listed party needs at least DEFAULT_MINIMUM
MINIMUM = {"CHN": 60, "IND": 20, "RUS": 15, "JPN": 15, "KOR": 12, "AUS": 12, "IDN": 12, "FRA": 12, "EU": 10,
           "ASEAN": 10}
LISTED = ["CHN", "RUS", "IND", "JPN", "KOR", "USA", "AUS", "IDN", "VNM", "SGP", "MYS", "THA", "PHL", "FRA", "DEU",
          "GBR", "BRA", "ZAF", "TUR", "SAU", "ARE", "EGY", "PAK", "KAZ", "EU", "ASEAN"]
DEFAULT_MINIMUM = 5


@pytest.fixture(scope="module")
def reference_only_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("reference") / "reference.sqlite")
    load_reference_database(db)
    return db


@pytest.mark.parametrize("party", LISTED)
def test_each_listed_party_has_its_network(reference_only_db: str, party: str) -> None:
    with Store(reference_only_db) as store:
        rows = partners(store, party, "2025-12-31")
    dated = [r for r in rows if r["tier"] and (r["since"] or r["in_force_by"])]
    assert len(dated) >= MINIMUM.get(party, DEFAULT_MINIMUM), f"{party}: {len(dated)} partners"
    # ordered by the party's ladder: top rung first, the unranked (rung None) last
    rungs = [r["rung"] if r["rung"] is not None else 99 for r in rows]
    assert rungs == sorted(rungs)


def test_the_shipped_table_is_large_enough() -> None:
    result = coverage(None, "2025-12-31")
    assert result["rows"] >= 600 and result["pairs"] >= 400, (result["rows"], result["pairs"])


def test_china_top_rung_as_of_the_demo_date(reference_only_db: str) -> None:
    with Store(reference_only_db) as store:
        top = partners(store, "CHN", "2023-11-30", rung=1)
    # Pakistan's all-weather partnership (2015) and Russia's 'new era' label (2019) are on China's
    # top rung; Uzbekistan's all-weather label came in 2024
    codes = {r["partner"] for r in top}
    assert {"PAK", "RUS"} <= codes and "UZB" not in codes
    assert all(r["rung"] == 1 and r["tier"] == "OTHER" for r in top)
