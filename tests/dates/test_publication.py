"""parse_publication_date: the formats records give, and None for anything unclear."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.dates import parse_publication_date

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
        20231128,
    ],
)
def test_unclear_values_give_none(value: object) -> None:
    assert parse_publication_date(value) is None  # type: ignore[arg-type]
