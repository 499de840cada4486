"""Outcomes survive the trip through the JSON encoding that the Ray engine and Parquet files use."""

from __future__ import annotations

import json

import pytest
from scale_helpers import document_outcome, rejected_outcome

from diplograph.errors import InputError
from diplograph.ingest import Outcome
from diplograph.model import Document
from diplograph.scale.serialize import FORMAT_VERSION, outcome_from_row, outcome_to_row


@pytest.mark.parametrize("outcome", [
    document_outcome(1),
    rejected_outcome(2),
    Outcome(document=document_outcome(3).document, already_coded=True),
    Outcome(document=Document(doc_id="x", text="Bare text."), error="coding failed: boom"),
], ids=["coded", "rejected", "already-coded", "uncoded-with-error"])
def test_outcome_round_trips_through_json(outcome: Outcome) -> None:
    row = outcome_to_row(outcome)
    back = outcome_from_row(json.loads(json.dumps(row)))
    assert back == outcome
    # the types the store relies on come back, not just equal-looking values
    if back.document is not None and back.document.published is not None:
        assert back.document.published.isoformat() == "2024-05-14"
    if back.analysis is not None:
        assert back.analysis.mentions[1].codes == ("CHL", "PER")
        assert back.analysis.frameworks[0].date.end is not None
        assert back.document is not None and isinstance(back.document.title_span, tuple)


def test_row_columns_name_the_record() -> None:
    row = outcome_to_row(document_outcome(5))
    assert (row["kind"], row["doc_id"], row["input"]) == ("document", "doc0005", "corpus.jsonl#line 5")
    row = outcome_to_row(rejected_outcome(6))
    assert (row["kind"], row["doc_id"]) == ("rejected", None)


def test_rows_from_a_newer_version_or_of_another_shape_are_refused() -> None:
    row = outcome_to_row(document_outcome(7))
    with pytest.raises(InputError, match="newer"):
        outcome_from_row({**row, "format": FORMAT_VERSION + 1})
    with pytest.raises(InputError, match="not a diplograph outcome"):
        outcome_from_row({"format": 1, "outcome": {"document": {"text": "no id"}}})
    with pytest.raises(InputError):
        outcome_from_row({"something": "else"})


def test_unknown_keys_from_another_version_are_ignored() -> None:
    row = json.loads(json.dumps(outcome_to_row(document_outcome(8))))
    row["outcome"]["document"]["field_from_the_future"] = 1
    row["outcome"]["analysis"]["events"][0]["another"] = [1, 2]
    back = outcome_from_row(row)
    assert back == document_outcome(8)
