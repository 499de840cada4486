"""Every export kind in every format it supports, read back by the format's standard reader."""

from __future__ import annotations

import csv
import io
import json

import pytest
from kb_helpers import event, obs

from diplograph.errors import ConfigError
from diplograph.kb.exports import BINARY_FORMATS, GRAPH_KINDS, KINDS, records_for, write_export
from diplograph.kb.reference import load_reference
from diplograph.kb.reference_coverage import pair_history
from diplograph.store import Store

pa_parquet = pytest.importorskip("pyarrow.parquet")
nx = pytest.importorskip("networkx")

WIRE = "Japan and Vietnam agreed on Monday in Tokyo to lift their ties, and Japan offered patrol boats."
COPY = "TOKYO - Japan and Vietnam agreed on Monday in Tokyo to lift their ties, and Japan offered patrol boats."
OTHER = "China fired water cannon at a Philippine boat near a disputed shoal, and Manila protested on Sunday."


@pytest.fixture
def filled(store: Store, add_article) -> Store:
    add_article(WIRE, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")], [
        event("CONSULT", ["JPN", "VNM"], [], "2023-11-27", mode="visit"),
        event("AID", ["JPN"], ["VNM"], "2023-11-27", sentence="Japan offered patrol boats."),
        event("AGREE", ["JPN"], ["VNM"], None, modality="planned"),
    ])
    add_article(COPY, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")], [
        event("AID", ["JPN"], ["VNM"], "2023-11-27", sentence="Japan offered patrol boats."),
    ])
    add_article(OTHER, "2023-08-06", [], [
        event("ASSAULT", ["CHN"], ["PHL"], "2023-08-05"),
        event("PROTEST", ["PHL"], ["CHN"], "2023-08-06"),
    ])
    load_reference(store)
    return store


def _export(store: Store, kind: str, fmt: str, tmp_path, **kwargs) -> object:
    if fmt in BINARY_FORMATS:
        path = tmp_path / f"{kind}.{fmt}"
        with path.open("wb") as out:
            write_export(store, kind, fmt, out, **kwargs)
        return path
    out = io.StringIO()
    write_export(store, kind, fmt, out, **kwargs)
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_reads_back_in_every_format(filled: Store, tmp_path, kind: str) -> None:
    expected = [json.loads(json.dumps(r, default=str)) for r in records_for(filled, kind, as_of="2024-01-01")]
    assert expected, kind
    lines = _export(filled, kind, "jsonl", tmp_path, as_of="2024-01-01").splitlines()
    assert [json.loads(line) for line in lines] == expected
    rows = list(csv.DictReader(io.StringIO(_export(filled, kind, "csv", tmp_path, as_of="2024-01-01"))))
    assert len(rows) == len(expected) and list(rows[0]) == list(expected[0])
    table = pa_parquet.read_table(_export(filled, kind, "parquet", tmp_path, as_of="2024-01-01"))
    assert table.num_rows == len(expected) and table.column_names == list(expected[0])
    if kind in GRAPH_KINDS:
        graph = nx.read_graphml(_export(filled, kind, "graphml", tmp_path, as_of="2024-01-01"))
        assert graph.number_of_edges() == len(expected)
        assert graph.nodes["VNM"]["name"]
    else:
        with pytest.raises(ConfigError):
            _export(filled, kind, "graphml", tmp_path)


def test_frameworks_contract_and_reference_marking(filled: Store, tmp_path) -> None:
    rows = [json.loads(line) for line in _export(filled, "frameworks", "jsonl", tmp_path).splitlines()]
    contract = {"doc_id", "doc_url", "a", "b", "label", "tier", "status", "date", "date_precision", "evidence", "source"}
    assert all(contract <= set(r) for r in rows)
    assert {r["source"] for r in rows} == {"news", "reference"}
    news = [json.loads(line) for line in _export(filled, "frameworks", "jsonl", tmp_path, include_reference=False)
            .splitlines()]
    assert len(news) == 2 and {r["source"] for r in news} == {"news"}


def test_events_contract(filled: Store, tmp_path) -> None:
    rows = [json.loads(line) for line in _export(filled, "events", "jsonl", tmp_path).splitlines()]
    contract = {"doc_id", "doc_url", "sentence", "actor", "recipient", "event", "mode", "contexts", "modality",
                "date", "date_precision", "date_end"}
    assert len(rows) == 6 and all(contract <= set(r) for r in rows)


def test_gdelt_table_merges_reports_and_counts_sources(filled: Store) -> None:
    rows = list(records_for(filled, "gdelt"))
    aid = [r for r in rows if r["PloverEvent"] == "AID"]
    assert len(aid) == 1  # one event reported by two near-identical copies
    (row,) = aid
    assert (row["Actor1Code"], row["Actor2Code"], row["SQLDATE"]) == ("JPN", "VNM", 20231127)
    assert row["NumArticles"] == 2 and row["NumSources"] == 1 and row["NumMentions"] == 2
    assert row["EventRootCode"] and row["QuadClass"] == 2 and row["GoldsteinScale"] > 0
    assert not [r for r in rows if r["Modality"] != "asserted"]  # planned events are not in the table
    assault = next(r for r in rows if r["PloverEvent"] == "ASSAULT")
    assert assault["QuadClass"] == 4 and assault["GoldsteinScale"] < 0


def test_series_counts_cooperation_and_conflict_by_dyad_month(filled: Store) -> None:
    rows = {(r["month"], r["a"], r["b"]): r for r in records_for(filled, "series")}
    japan = rows[("2023-11", "JPN", "VNM")]
    assert japan["cooperation_events"] == 2 and japan["conflict_events"] == 0  # the visit and the aid
    assert japan["cooperation_intensity"] > 0
    china = rows[("2023-08", "CHN", "PHL")]
    assert china["conflict_events"] == 2 and china["cooperation_events"] == 0
    assert china["goldstein_sum"] < 0


def test_relations_give_state_and_event_counts(filled: Store) -> None:
    rows = {(r["a"], r["b"]): r for r in records_for(filled, "relations", as_of="2024-01-01")}
    jv = rows[("JPN", "VNM")]
    assert jv["tier"] == "CSP" and jv["since"] == "2023-11-27" and jv["events"] == 2
    # China-Philippines: the tier the reference table gives on the day (none before its first row)
    dated = [r for r in pair_history("CHN", "PHL")["rows"] if r["date"] <= "2024-01-01"]
    assert rows[("CHN", "PHL")]["tier"] == (dated[-1]["tier"] if dated else None)
    assert rows[("CHN", "PHL")]["conflict_events"] == 2


def test_sectors_travel_to_every_event_export(store: Store, add_article, tmp_path) -> None:
    crackdown = event("COERCE", ["GEO"], ["GEO"], "2024-11-29", sentence="Georgian police detained protesters.")
    crackdown.actor_sectors, crackdown.recipient_sectors = ["COP"], ["CVL"]
    strike = event("ASSAULT", ["THA"], ["KHM"], "2025-07-24", sentence="Thai jets struck Cambodian positions.")
    strike.actor_sectors, strike.recipient_sectors = ["MIL"], [None]
    add_article("Georgian police detained protesters. Thai jets struck Cambodian positions.", "2025-07-25", [],
                [crackdown, strike])
    rows = {r["event"]: r for r in (json.loads(line) for line in _export(store, "events", "jsonl", tmp_path).splitlines())}
    assert (rows["COERCE"]["actor_sectors"], rows["COERCE"]["recipient_sectors"]) == (["COP"], ["CVL"])
    assert (rows["ASSAULT"]["actor_sectors"], rows["ASSAULT"]["recipient_sectors"]) == (["MIL"], [None])
    csv_rows = {r["event"]: r for r in csv.DictReader(io.StringIO(_export(store, "events", "csv", tmp_path)))}
    assert "COP" in csv_rows["COERCE"]["actor_sectors"]
    gdelt = {r["PloverEvent"]: r for r in records_for(store, "gdelt")}
    assert (gdelt["COERCE"]["Actor1Type1Code"], gdelt["COERCE"]["Actor2Type1Code"]) == ("COP", "CVL")
    assert (gdelt["ASSAULT"]["Actor1Type1Code"], gdelt["ASSAULT"]["Actor2Type1Code"]) == ("MIL", None)
