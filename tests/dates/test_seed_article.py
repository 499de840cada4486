"""The founding article, split into sentences by hand: the talks date and its inheritance."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from diplograph.dates import assign_sentence_dates, find_date_expressions
from diplograph.model import DateValue, Sentence

ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
PUBLISHED = dt.date(2023, 11, 28)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")


@pytest.fixture(scope="module")
def article_sentences() -> list[Sentence]:
    if not ARTICLE.exists():
        pytest.skip(f"{ARTICLE} absent")
    text = ARTICLE.read_text(encoding="utf-8")
    built: list[Sentence] = []
    position = 0
    for line_number, line in enumerate(text.split("\n")):
        for piece in _SENTENCE_END.split(line):
            if piece.strip():
                start = text.index(piece, position)
                built.append(
                    Sentence(len(built), start, start + len(piece), piece, is_title=line_number == 0)
                )
                position = start + len(piece)
    assign_sentence_dates(built, PUBLISHED)
    return built


def sentence_with(sentences: list[Sentence], words: str) -> Sentence:
    found = [s for s in sentences if words in s.text]
    assert len(found) == 1, words
    return found[0]


def test_the_talks_are_dated_monday(article_sentences: list[Sentence]) -> None:
    talks = sentence_with(article_sentences, "held talks in Tokyo on Monday")
    assert talks.date == DateValue(dt.date(2023, 11, 27), "day")
    matches = find_date_expressions(talks.text, PUBLISHED)
    assert [m.text for m in matches] == ["Monday"]


def test_the_possessive_weekday(article_sentences: list[Sentence]) -> None:
    announcement = sentence_with(article_sentences, "announcement meant that Japan")
    assert announcement.date == DateValue(dt.date(2023, 11, 27), "day")


def test_december_is_last_december(article_sentences: list[Sentence]) -> None:
    strategy = sentence_with(article_sentences, "in December adopted a new security strategy")
    assert (strategy.date.iso(), strategy.date.precision) == ("2022-12", "month")


def test_recent_years_is_background(article_sentences: list[Sentence]) -> None:
    vessels = sentence_with(article_sentences, "in recent years has also provided")
    assert vessels.date == DateValue()


def test_the_partnership_sentence_inherits_the_talks_date(article_sentences: list[Sentence]) -> None:
    partnership = sentence_with(article_sentences, "relationship would become a")
    assert find_date_expressions(partnership.text, PUBLISHED) == []
    assert partnership.date == DateValue(dt.date(2023, 11, 27), "day")


def test_the_title_takes_the_story_date(article_sentences: list[Sentence]) -> None:
    assert article_sentences[0].is_title
    assert article_sentences[0].date == DateValue(dt.date(2023, 11, 27), "day")
