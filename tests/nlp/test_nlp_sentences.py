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


def _select(nlp: spacy.language.Language, text: str, forms: frozenset[str],
            requirements: dict[str, tuple[frozenset[str] | None, ...]] | None = None) -> list[bool]:
    from diplograph.nlp.candidates import CandidateFilter

    doc = nlp(text)
    spans = split_sentences(doc)
    texts = [text[s.start_char:s.end_char] for s in spans]
    mentions = [[_mention("state")] for _ in spans]
    return CandidateFilter(nlp.vocab, forms, requirements).select(doc, [(s.start, s.end) for s in spans], mentions, texts)


def test_candidate_filter_skips_capitalised_names_but_not_headlines(blank: spacy.language.Language) -> None:
    forms = frozenset({"march", "marched", "finance"})
    assert _select(blank, "Japan's exports rose in March. Protesters marched in Tokyo.", forms) == [False, True]
    assert _select(blank, "On Tuesday the Japanese Finance Minister said growth would slow.", forms) == [False]
    assert _select(blank, "Thousands March On Japan's Parliament", forms) == [True]
    assert _select(blank, "March was quiet in Japan.", forms) == [True]  # sentence-initial: kept


def test_candidate_filter_requires_what_an_object_conditioned_trigger_needs(blank: spacy.language.Language) -> None:
    forms = frozenset({"shares", "share", "talks"})
    requirements = {"share": (frozenset({"intelligence"}),), "shares": (frozenset({"intelligence"}),), "talks": (None,)}
    text = "Japan shares fell. Japan will share intelligence with Korea. Japan held talks."
    assert _select(blank, text, forms, requirements) == [False, True, True]


def test_text_without_punctuation_is_cut_into_bounded_sentences(blank: spacy.language.Language) -> None:
    from diplograph.nlp.sentences import HARD_MAX_TOKENS

    doc = blank("Japan agreed with Vietnam " * 500)
    spans = split_sentences(doc)
    assert len(spans) > 1
    assert all(s.end - s.start <= HARD_MAX_TOKENS for s in spans)
    assert spans[0].start == 0 and spans[-1].end == len(doc)
