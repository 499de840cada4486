"""Publication dates as records give them (issue 16 item 2): one parser for JSONL, CSV and feeds; a
value that is not a clear date keeps the record, leaves ``published`` empty and says why."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from diplograph.clean import clean_inputs
from diplograph.model import Document, Rejected
from diplograph.read import RawRecord, iter_records
from diplograph.settings import Options

STORY = "Ghana and Togo agreed on Friday to reopen a border crossing, the two governments said."
VALUES: list[tuple[object, dt.date | None, str | None]] = [
    (20240101, dt.date(2024, 1, 1), None),  # a JSON number: YYYYMMDD, not 1970-08-23 as a timestamp
    ("20240101", dt.date(2024, 1, 1), None),
    ("2024-01-01T09:30:00+02:00", dt.date(2024, 1, 1), None),
    ("1 January 2024", dt.date(2024, 1, 1), None),
    ("not-a-date", None, "not-a-date"),
    ("2024-13-45", None, "no-such-day"),
    ("03/04/2024", None, "ambiguous-day-month"),
    (1704067200, None, "number-not-a-date"),
]


def read(path: Path) -> list[RawRecord | Rejected]:
    return list(iter_records([str(path)], Options()))


def test_jsonl_dates(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "published": value, "text": f"{STORY} Item {n}."}) + "\n"
                            for n, (value, _, _) in enumerate(VALUES)), encoding="utf-8")
    records = read(path)
    assert len(records) == len(VALUES) and all(isinstance(r, RawRecord) for r in records)
    for record, (value, expected, reason) in zip(records, VALUES, strict=True):
        assert isinstance(record, RawRecord)
        assert record.published == expected, value
        if reason is None:
            assert record.warnings == [], value
        else:
            (warning,) = record.warnings
            assert warning["input"] == record.input and warning["field"] == "published"
            assert warning["value"] == str(value) and warning["reason"] == reason and warning["detail"]


def test_csv_date_column_and_cleaned_documents_carry_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("id,date,text\n"
                    f"c1,03/04/2024,{STORY}\n"
                    f"c2,28/11/2023,{STORY} Again.\n", encoding="utf-8")
    first, second = clean_inputs([str(path)], Options())
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.published is None
    assert [(w["field"], w["value"], w["reason"]) for w in first.warnings] == [("date", "03/04/2024",
                                                                                "ambiguous-day-month")]
    assert second.published == dt.date(2023, 11, 28) and second.warnings == []


def test_feed_item_dates(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    items = "".join(f"<item><title>Item {n}</title><link>https://example.org/{n}</link><pubDate>{date}</pubDate>"
                    f"<description>{STORY} Item {n}.</description></item>"
                    for n, date in enumerate(["Mon, 01 Jan 2024 23:30:00 -0500", "someday soon"]))
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
                    encoding="utf-8")
    dated, undated = read(path)
    assert isinstance(dated, RawRecord) and isinstance(undated, RawRecord)
    # the day as written, not feedparser's UTC conversion (which would say 2 January)
    assert dated.published == dt.date(2024, 1, 1) and dated.warnings == []
    assert undated.published is None and undated.warnings[0]["reason"] == "not-a-date"


def test_published_option_replaces_the_record_date_and_its_warning(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"published": "not-a-date", "text": STORY}) + "\n", encoding="utf-8")
    (record,) = list(iter_records([str(path)], Options(published="2024-02-02")))
    assert isinstance(record, RawRecord) and record.published == dt.date(2024, 2, 2) and record.warnings == []
