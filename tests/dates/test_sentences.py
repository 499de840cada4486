"""resolve_sentence_date and the document-level rule of assign_sentence_dates."""

from __future__ import annotations

import datetime as dt

from diplograph.dates import assign_sentence_dates, resolve_sentence_date
from diplograph.model import DateValue, Sentence

TUESDAY = dt.date(2023, 11, 28)


def sentences(*texts: str, title: str | None = None) -> list[Sentence]:
    built = []
    offset = 0
    for text in ([title] if title else []) + list(texts):
        built.append(Sentence(index=len(built), start=offset, end=offset + len(text), text=text))
        offset += len(text) + 1
    if title:
        built[0].is_title = True
    return built


def iso(sentence: Sentence) -> tuple[str | None, str]:
    return sentence.date.iso(), sentence.date.precision


def test_a_sentence_takes_its_first_event_date() -> None:
    text = "The envoys met on Monday to review the accord signed in 2016."
    assert resolve_sentence_date(text, TUESDAY) == DateValue(dt.date(2023, 11, 27), "day")


def test_vague_expressions_do_not_date_a_sentence() -> None:
    assert resolve_sentence_date("Trade has doubled in recent years.", TUESDAY) == DateValue()
    assert resolve_sentence_date("The navy held drills in the 1990s.", TUESDAY) == DateValue()
    # a vague expression does not hide a real date later in the sentence
    text = "Relations, tense in recent years, improved when the leaders met on Sunday."
    assert resolve_sentence_date(text, TUESDAY) == DateValue(dt.date(2023, 11, 26), "day")


def test_an_undated_sentence_has_no_own_date() -> None:
    assert resolve_sentence_date("The ministers discussed fishing rights.", TUESDAY) == DateValue()
    assert resolve_sentence_date("", TUESDAY) == DateValue()


def test_without_publication_date_a_weekday_stays_unresolved() -> None:
    assert resolve_sentence_date("The envoys met on Monday.", None) == DateValue()


def test_events_of_undated_sentences_take_the_ledes_day() -> None:
    doc = sentences(
        "The presidents of Chile and Peru met in Lima on Sunday.",
        "Chile closed its embassy in Bolivia on Monday.",
        "The presidents also discussed water rights.",
    )
    assign_sentence_dates(doc, TUESDAY)
    assert (doc[2].story_date.iso(), doc[2].story_date.precision) == ("2023-11-26", "day")  # the lede's Sunday
    assert (doc[2].date.iso(), doc[2].date.precision) == ("2023-11-27", "day")  # the last news date, carried on


def test_undated_sentences_inherit_the_story_date() -> None:
    doc = sentences(
        "The presidents of Chile and Peru met in Lima on Sunday.",
        "They agreed to reopen two border crossings.",
        "Chile in March closed its embassy over a dispute.",
        "The presidents also discussed water rights.",
    )
    assign_sentence_dates(doc, TUESDAY)
    assert [iso(s) for s in doc] == [
        ("2023-11-26", "day"),
        ("2023-11-26", "day"),  # inherits the meeting
        ("2023-03", "month"),  # its own, older date ...
        ("2023-11-26", "day"),  # ... does not become the story date
    ]


def test_background_sentences_get_no_date() -> None:
    doc = sentences(
        "Ghana and Togo signed a maritime accord on Friday.",
        "The two neighbours have had a long-standing quarrel over fishing grounds.",
        "Togo has been a transit hub for Ghanaian cocoa.",
        "Officials in Accra recently expanded the port.",
        "The accord sets a joint patrol zone.",
    )
    assign_sentence_dates(doc, TUESDAY)
    assert [iso(s) for s in doc] == [
        ("2023-11-24", "day"),
        (None, "none"),
        (None, "none"),
        (None, "none"),
        ("2023-11-24", "day"),
    ]


def test_without_dated_sentences_the_publication_day_applies() -> None:
    doc = sentences("Kenya and Uganda agreed to build a pipeline.", "The route avoids the lake.")
    assign_sentence_dates(doc, TUESDAY)
    assert [iso(s) for s in doc] == [("2023-11-28", "day"), ("2023-11-28", "day")]


def test_without_publication_date_undated_sentences_stay_undated() -> None:
    doc = sentences("The envoys met on Monday.", "They agreed to meet again.")
    assign_sentence_dates(doc, None)
    assert [iso(s) for s in doc] == [(None, "none"), (None, "none")]


def test_without_publication_date_an_explicit_date_is_the_story_date() -> None:
    doc = sentences("The envoys met on 27 November 2023.", "They agreed to meet again.")
    assign_sentence_dates(doc, None)
    assert [iso(s) for s in doc] == [("2023-11-27", "day"), ("2023-11-27", "day")]


def test_title_and_lede_take_the_first_story_date() -> None:
    doc = sentences(
        "Mexico and Canada have agreed to expand their energy trade.",
        "The two prime ministers held talks in Ottawa on Monday.",
        "They also discussed migration.",
        title="Mexico, Canada deepen energy ties",
    )
    assign_sentence_dates(doc, TUESDAY)
    assert [iso(s) for s in doc] == [("2023-11-27", "day")] * 4


def test_a_late_first_date_does_not_reach_back_to_the_lede() -> None:
    doc = sentences(
        "Mexico and Canada have agreed to expand their energy trade.",
        "The accord covers electricity and gas.",
        "It also covers critical minerals.",
        "Prices were not disclosed.",
        "The two prime ministers had talks on Monday.",
        title="Mexico, Canada deepen energy ties",
    )
    assign_sentence_dates(doc, TUESDAY)
    assert iso(doc[0]) == ("2023-11-27", "day")  # the title takes the body's first story date
    assert [iso(s) for s in doc[1:5]] == [("2023-11-28", "day")] * 4
    assert iso(doc[5]) == ("2023-11-27", "day")


def test_a_future_date_does_not_become_the_story_date() -> None:
    doc = sentences(
        "The foreign ministers met in Rome on Monday.",
        "They will meet again next Friday in Paris.",
        "Both stressed the need for dialogue.",
    )
    assign_sentence_dates(doc, TUESDAY)
    assert [iso(s) for s in doc] == [
        ("2023-11-27", "day"),
        ("2023-12-01", "day"),  # "next": the next one after the publication day
        ("2023-11-27", "day"),
    ]


def test_a_range_in_the_lede_makes_its_last_day_the_story_day() -> None:
    # a story about talks "from Monday to Tuesday" reports what came out of them at their end
    doc = sentences("The summit ran from Monday to Tuesday.", "It ended with a joint statement.")
    assign_sentence_dates(doc, TUESDAY)
    assert doc[0].date == DateValue(dt.date(2023, 11, 27), "day", dt.date(2023, 11, 28))
    assert doc[1].story_date == DateValue(dt.date(2023, 11, 28), "day")  # what its events take
    assert doc[1].date == DateValue(dt.date(2023, 11, 27), "day")  # the sentence date carries the start on


def test_a_range_reaching_past_the_publication_day_ends_the_story_on_it() -> None:
    doc = sentences("The summit runs from Monday to Friday.", "Leaders discussed trade.")
    assign_sentence_dates(doc, TUESDAY)
    assert doc[1].story_date == DateValue(dt.date(2023, 11, 28), "day")


def test_an_empty_document_is_fine() -> None:
    doc: list[Sentence] = []
    assign_sentence_dates(doc, TUESDAY)
    assert doc == []
