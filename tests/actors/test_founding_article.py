"""Issue 3 "Done when", actor half: the founding article after cleaning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.actors import is_state

SHARED = Path(__file__).parents[2].parent / "shared"
ARTICLE = SHARED / "seed" / "article.txt"


@pytest.fixture(scope="module")
def article_mentions(nlp, matcher):  # type: ignore[no-untyped-def]
    if not ARTICLE.is_file():
        pytest.skip(f"{ARTICLE} is absent")
    clean = pytest.importorskip("diplograph.clean")
    cleaned = clean.clean_text(ARTICLE.read_text(encoding="utf-8"))
    assert cleaned.title
    text = cleaned.title + "\n\n" + cleaned.text
    doc = nlp.make_doc(text)
    return matcher.find_mentions(doc, published=dt.date(2023, 11, 28), title_end=len(cleaned.title))


def test_states_of_the_founding_article(article_mentions) -> None:  # type: ignore[no-untyped-def]
    states = {code for m in article_mentions if m.kind != "place" for code in m.codes if is_state(code)}
    assert states == {"JPN", "VNM", "CHN", "USA", "IND", "PHL", "TWN"}


def test_persons_of_the_founding_article(article_mentions) -> None:  # type: ignore[no-untyped-def]
    people = {}
    for m in article_mentions:
        if m.kind == "person":
            people.setdefault(m.text.split()[-1], set()).add((m.codes, m.sector, m.person))
    assert people["Kishida"] == {(("JPN",), "head of government", "Fumio Kishida")}
    assert people["Thuong"] == {(("VNM",), "head of state", "Vo Van Thuong")}
    assert people["Thoung"] == {(("VNM",), "head of state", "Vo Van Thuong")}
    assert people["Naruhito"] == {(("JPN",), "head of state", "Naruhito")}


def test_talks_in_tokyo_is_a_place(article_mentions) -> None:  # type: ignore[no-untyped-def]
    tokyo = [m for m in article_mentions if m.text == "Tokyo"]
    assert [(m.kind, m.codes) for m in tokyo] == [("place", ("JPN",))]


def test_two_leaders_and_two_countries_are_the_dyad(article_mentions) -> None:  # type: ignore[no-untyped-def]
    pairs = [m for m in article_mentions if m.via == "pair"]
    assert len(pairs) >= 2
    assert all(set(m.codes) == {"JPN", "VNM"} for m in pairs)
