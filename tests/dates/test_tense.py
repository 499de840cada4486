"""The lexical tense check around a date expression."""

from __future__ import annotations

import pytest

from diplograph.dates.tense import FUTURE, PAST, tense_at


def tense_of(sentence: str, expression: str) -> str | None:
    start = sentence.index(expression)
    return tense_at(sentence, start, start + len(expression))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two presidents will meet on Monday.", FUTURE),
        ("The envoy is due to land on Monday.", FUTURE),
        ("The cabinet is set to approve the plan on Monday.", FUTURE),
        ("Parliament plans to vote on Monday.", FUTURE),
        ("The upcoming summit on Monday has drawn attention.", FUTURE),
        ("The two presidents met on Monday.", PAST),
        ("The delegation, which arrived on Monday, will stay a week.", PAST),
        ("On Monday, the ministers will sign a pact.", FUTURE),
        ("On Monday, the minister said troops will withdraw.", PAST),
        ("Japan on Monday adopted a new strategy.", PAST),
        ("The summit on Monday is expected to adopt a declaration.", FUTURE),
        ("The runoff on Monday pits two generals.", None),
    ],
)
def test_tense(sentence: str, expected: str | None) -> None:
    assert tense_of(sentence, "Monday") == expected
