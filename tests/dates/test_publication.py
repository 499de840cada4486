"""parse_publication_date / read_publication_date: the formats records give, and None with a reason
for anything unclear (issue 16 item 2: one parser for every input and command, never a guess)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.dates import parse_publication_date
from diplograph.dates.publication import publication_date_option, read_publication_date
from diplograph.errors import ConfigError

NOV_28 = dt.date(2023, 11, 28)


@pytest.mark.parametrize(
    "value",
    [
        "2023-11-28",
        " 2023-11-28 ",
        "2023-11-28T09:15:00Z",
        "2023-11-28T23:59:59-05:00",
        "2023-11-28 09:15",
        "2023/11/28",
        "20231128",
        "Nov 28, 2023",
        "November 28, 2023",
        "Nov. 28th 2023",
        "28 November 2023",
        "Tuesday, 28 November 2023",
        "Tue, 28 Nov 2023 10:00:00 GMT",
        "28/11/2023",
        "11/28/2023",
        20231128,  # a JSON number of 8 digits that is a valid date: YYYYMMDD
        NOV_28,
        dt.datetime(2023, 11, 28, 22, 30),
    ],
)
def test_clear_dates_parse(value: str | dt.date) -> None:
    assert parse_publication_date(value) == NOV_28


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "yesterday",
        "not a date",
        "2023-13-45",
        "2023-02-30",
        "10/11/2023",
        "31/31/2023",
        "0001-01-01",
        "9999-12-31",
        "Smarch 28, 2023",
        "x" * 500,
        1701129600,  # a Unix timestamp: a number that is not YYYYMMDD is never guessed at
        20231345,
    ],
)
def test_unclear_values_give_none(value: object) -> None:
    assert parse_publication_date(value) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("not-a-date", "not-a-date"),
        ("2024-13-45", "no-such-day"),
        ("2023-02-30", "no-such-day"),
        ("03/04/2024", "ambiguous-day-month"),
        ("10/11/2023", "ambiguous-day-month"),
        (1704067200, "number-not-a-date"),
        (20241345, "number-not-a-date"),
        (2024.5, "number-not-a-date"),
        ("1704067200", "number-not-a-date"),
        ("2024-05", "no-day"),
        ("May 2024", "no-day"),
        ("0001-01-01", "year-out-of-range"),
        (True, "not-a-date"),
        (["2024-01-01"], "not-a-date"),
    ],
)
def test_unclear_values_say_why(value: object, reason: str) -> None:
    reading = read_publication_date(value)
    assert reading.date is None and reading.reason == reason and reading.detail


@pytest.mark.parametrize("value", [None, "", "  "])
def test_an_absent_date_is_no_problem(value: object) -> None:
    assert read_publication_date(value) == read_publication_date(None)
    assert read_publication_date(value).reason is None


def test_a_date_given_on_purpose_must_be_clear() -> None:
    assert publication_date_option("20231128") == NOV_28
    assert publication_date_option(None) is None
    with pytest.raises(ConfigError, match="ambiguous-day-month"):
        publication_date_option("03/04/2024")
