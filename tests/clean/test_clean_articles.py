"""Cleaning of whole articles in different layouts (fixtures/articles, markup in its README):
every marked line goes, every other line stays word for word, the title is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.clean import clean_text

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
MARK = "!! "


def load(name: str) -> tuple[str, str | None, list[str], list[str]]:
    """(text to clean, expected title, lines that must go, lines that must stay)."""
    raw = (ARTICLES / name).read_text(encoding="utf-8").splitlines()
    title: str | None = raw[0]
    if title == "NO TITLE":
        raw, title = raw[1:], None
    text_lines, must_go, must_stay = [], [], []
    for number, line in enumerate(raw):
        if line.startswith(MARK):
            line = line[len(MARK):]
            must_go.append(line)
        elif line.strip() and not (number == 0 and title is not None):
            must_stay.append(line)
        text_lines.append(line)
    return "\n".join(text_lines), title, must_go, must_stay


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_article_layouts(name: str) -> None:
    text, title, must_go, must_stay = load(name)
    cleaned = clean_text(text)
    assert cleaned.title == title
    kept = cleaned.text.splitlines()
    for line in must_stay:
        assert line in kept, f"story line lost: {line!r} (removed as {dict(zip(cleaned.removed, cleaned.reasons, strict=True)).get(line)})"
    assert sorted(cleaned.removed) == sorted(must_go)
    assert len(cleaned.reasons) == len(cleaned.removed)
    if title:
        assert title not in cleaned.text


def test_article_fixtures_exist() -> None:
    assert len(list(ARTICLES.glob("*.txt"))) >= 5


def test_title_given_by_record_is_taken_off_the_top() -> None:
    text, title, _, _ = load("subheadings.txt")
    assert title is not None
    cleaned = clean_text(text, title=title)
    assert cleaned.title == title
    assert not cleaned.text.startswith(title)


def test_title_given_but_absent_from_text_keeps_first_line() -> None:
    text = "Ministers met in Geneva on Monday.\n\nThey agreed to meet again in March."
    cleaned = clean_text(text, title="Geneva talks resume")
    assert cleaned.title == "Geneva talks resume"
    assert cleaned.text == text
