"""The rule-based sentence splitter and the candidate filter (tokenizer only, no model)."""

from __future__ import annotations

import pytest
import spacy

from diplograph.model import Mention
from diplograph.nlp import split_sentences
from diplograph.nlp.candidates import is_candidate


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")


def _texts(nlp: spacy.language.Language, text: str) -> list[str]:
    doc = nlp(text)
    return [text[s.start_char:s.end_char] for s in split_sentences(doc)]


def test_full_stops_split_but_abbreviations_do_not(blank: spacy.language.Language) -> None:
    text = "Mr. Ortega met U.S. envoys in Managua on Jan. 5. They talked for an hour. Nothing was signed."
    assert _texts(blank, text) == [
        "Mr. Ortega met U.S. envoys in Managua on Jan. 5.",
        "They talked for an hour.",
        "Nothing was signed.",
    ]


def test_paragraph_breaks_end_sentences_even_without_punctuation(blank: spacy.language.Language) -> None:
    text = "Kenya and Uganda sign border deal\n\nThe two neighbours signed the accord on Friday."
    assert _texts(blank, text) == ["Kenya and Uganda sign border deal", "The two neighbours signed the accord on Friday."]


def test_quotes_stay_with_their_sentence(blank: spacy.language.Language) -> None:
    text = 'The minister said: "We will not yield." Talks resume on Monday.'
    out = _texts(blank, text)
    assert out == ['The minister said: "We will not yield."', "Talks resume on Monday."]
    text = 'Troops withdrew. "It is over," a spokesman said.'
    assert _texts(blank, text) == ["Troops withdrew.", '"It is over," a spokesman said.']


def test_lower_case_after_full_stop_does_not_split(blank: spacy.language.Language) -> None:
    assert len(_texts(blank, "Prices rose 3.5 pct. in the quarter, the bank said.")) == 1


def test_offsets_point_into_the_text(blank: spacy.language.Language) -> None:
    text = "  First one here.   Second one there!\nThird"
    doc = blank(text)
    spans = split_sentences(doc)
    assert [text[s.start_char:s.end_char] for s in spans] == ["First one here.", "Second one there!", "Third"]
    assert all(doc[s.start].idx == s.start_char for s in spans)


def test_empty_and_whitespace_texts(blank: spacy.language.Language) -> None:
    assert split_sentences(blank("")) == []
    assert split_sentences(blank(" \n\n  ")) == []


def _mention(kind: str) -> Mention:
    return Mention(0, 5, "Japan", ("JPN",), kind=kind)


def test_candidate_needs_a_party_and_a_trigger(blank: spacy.language.Language) -> None:
    forms = frozenset({"agreed", "talks"})
    doc = blank("Japan agreed to the plan.")
    assert is_candidate(doc[:], [_mention("state")], forms)
    assert not is_candidate(doc[:], [], forms)
    assert not is_candidate(doc[:], [_mention("place")], forms)  # a place is not a party
    doc = blank("Japan posted a trade surplus.")
    assert not is_candidate(doc[:], [_mention("state")], forms)
    # a framework cue is enough without a trigger word
    assert is_candidate(doc[:], [_mention("state")], forms, lambda text: "trade" in text)
