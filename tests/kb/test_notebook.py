"""diplograph.open(db): plain records, and DataFrames when pandas/polars is installed."""

from __future__ import annotations

import importlib.util

import pytest
from kb_helpers import event, obs

import diplograph
from diplograph.errors import MissingExtraError, NotFoundError
from diplograph.store import Store


@pytest.fixture
def db(store: Store, add_article) -> str:
    add_article("Japan and Vietnam lifted ties in Tokyo on Monday.", "2023-11-28",
                [obs("JPN", "VNM", "CSP", date="2023-11-27")],
                [event("CONSULT", ["JPN", "VNM"], [], "2023-11-27", mode="visit")])
    return store.db


def test_open_answers_with_plain_records(db: str) -> None:
    with diplograph.open(db) as kb:
        (row,) = kb.partners("Vietnam", as_of="2023-12-01")
        assert row["partner"] == "JPN" and row["tier"] == "CSP" and row["rung"] == 1
        assert len(kb.partners("VNM", as_of="2023-12-01", rung=1)) == 1 and not kb.partners("VNM", "2023-12-01", rung=2)
        kinds = [e["kind"] for e in kb.timeline("JPN", "VNM")]
        assert kinds == ["framework", "event"]
        (merged,) = kb.events(actor="VNM")
        assert merged["event"] == "CONSULT"
        assert kb.state("VNM", "JPN", "2023-11-26") is None
        assert len(kb.facts()) == 1


def test_frames_need_pandas_or_polars(db: str) -> None:
    rows = diplograph.open(db).partners("VNM", as_of="2023-12-01")
    if importlib.util.find_spec("pandas"):
        assert list(rows.to_pandas()["partner"]) == ["JPN"]
    else:
        with pytest.raises(MissingExtraError):
            rows.to_pandas()
        assert rows.as_frame() is not None


def test_open_missing_database(tmp_path) -> None:
    with pytest.raises(NotFoundError):
        diplograph.open(tmp_path / "none.sqlite")
