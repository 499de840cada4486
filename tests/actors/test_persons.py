"""Titled persons and their later mentions within a document."""

from __future__ import annotations

import datetime as dt

from diplograph.actors.persons import osa_distance

D2023 = dt.date(2023, 11, 28)


def persons(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.codes, m.sector, m.person) for m in mentions if m.kind == "person"]


def test_titled_person_with_state_word(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Japanese Prime Minister Fumio Kishida met Vietnamese President Vo Van Thuong.")
    assert persons(found) == [
        ("Japanese Prime Minister Fumio Kishida", ("JPN",), "head of government", "Fumio Kishida"),
        ("Vietnamese President Vo Van Thuong", ("VNM",), "head of state", "Vo Van Thuong"),
    ]
    assert found[0].role == "Prime Minister"


def test_possessive_and_lowercase_titles(find) -> None:  # type: ignore[no-untyped-def]
    found = find("China's foreign minister Wang Yi spoke. Later Wang said talks went well.")
    assert persons(found) == [
        ("China's foreign minister Wang Yi", ("CHN",), "foreign ministry", "Wang Yi"),
        ("Wang", ("CHN",), "foreign ministry", "Wang Yi"),
    ]


def test_more_titles(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Indonesian Defence Minister Prabowo and U.S. Secretary of State Antony Blinken met.")
    assert persons(found) == [
        ("Indonesian Defence Minister Prabowo", ("IDN",), "military", "Prabowo"),
        ("U.S. Secretary of State Antony Blinken", ("USA",), "foreign ministry", "Antony Blinken"),
    ]


def test_title_without_state_word_uses_dated_leaders_table(find) -> None:  # type: ignore[no-untyped-def]
    found = find("President Joe Biden spoke.", published=D2023)
    assert persons(found) == [("President Joe Biden", ("USA",), "head of state", "Joe Biden")]
    # an unknown person with a generic title is never guessed
    assert find("President Jane Roe spoke.", published=D2023) == []
    # outside the tenure a full name keeps the country but not the role; a bare surname is
    # likely someone else
    old = find("Joe Biden spoke.", published=dt.date(2012, 1, 1))
    assert [(m.codes, m.sector) for m in old] == [(("USA",), None)]
    assert find("Biden spoke.", published=dt.date(2012, 1, 1)) == []
    assert [m.codes for m in find("Biden spoke.", published=None)] == [("USA",)]


def test_all_caps_headline_words_are_no_names(find) -> None:  # type: ignore[no-untyped-def]
    assert find("LEBANESE PRESIDENT AGREES NEW PEACE MOVES")[0].text == "LEBANESE PRESIDENT"


def test_emperor_needs_japan_in_focus(find) -> None:  # type: ignore[no-untyped-def]
    assert persons(find("Japan hosted a dinner. Emperor Hirohiko attended.")) == [
        ("Emperor Hirohiko", ("JPN",), "head of state", "Hirohiko")]
    assert find("Emperor Hirohiko attended a dinner.") == []


def test_later_mentions_by_surname_and_misspelling(find) -> None:  # type: ignore[no-untyped-def]
    text = ("Vietnamese President Vo Van Thuong arrived. Thuong met students. "
            "Thoung, who is on a visit, spoke. Vo Van Thuong left.")
    found = [m for m in find(text) if m.kind == "person"]
    assert [(m.text, m.codes, m.person) for m in found] == [
        ("Vietnamese President Vo Van Thuong", ("VNM",), "Vo Van Thuong"),
        ("Thuong", ("VNM",), "Vo Van Thuong"),
        ("Thoung", ("VNM",), "Vo Van Thuong"),
        ("Vo Van Thuong", ("VNM",), "Vo Van Thuong"),
    ]
    assert [m.via for m in found] == ["person", "surname", "surname", "person"]


def test_short_names_are_not_fuzzy_matched(find) -> None:  # type: ignore[no-untyped-def]
    # "Wong" is one edit from "Wang" but too short to be a safe misspelling
    found = find("China's foreign minister Wang Yi spoke. Wong disagreed.")
    assert [m.text for m in found if m.kind == "person"] == ["China's foreign minister Wang Yi"]


def test_persons_government(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Japanese Prime Minister Fumio Kishida spoke. Kishida's government adopted a plan.")
    last = found[-1]
    assert (last.text, last.codes, last.kind, last.sector, last.person) == (
        "Kishida's government", ("JPN",), "state", "government", "Fumio Kishida")


def test_context_carries_persons_across_calls(nlp, matcher) -> None:  # type: ignore[no-untyped-def]
    context = matcher.new_context(D2023)
    first = matcher.find_mentions(nlp.make_doc("Thai Prime Minister Srettha Thavisin arrived."), context=context)
    second = matcher.find_mentions(nlp.make_doc("Thavisin then left."), context=context)
    assert first[0].codes == ("THA",)
    assert [(m.text, m.codes) for m in second] == [("Thavisin", ("THA",))]
    alone = matcher.find_mentions(nlp.make_doc("Thavisin then left."), published=D2023)
    assert alone == []


def test_osa_distance() -> None:
    assert osa_distance("Thoung", "Thuong", 2) == 1
    assert osa_distance("Kishida", "Kishda", 2) == 1
    assert osa_distance("Kishida", "Kashiwa", 1) == 2


def test_apposition_and_title_of_state(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Tran Quoc Minh, Vietnam's defence minister, met Ahmad Zulkifli Rahman, the Malaysian "
                 "foreign minister. Later Minh and Rahman spoke. The President of Kenya Amani Otieno "
                 "and the foreign minister of Ghana attended.")
    assert persons(found) == [
        ("Tran Quoc Minh, Vietnam's defence minister", ("VNM",), "military", "Tran Quoc Minh"),
        ("Ahmad Zulkifli Rahman, the Malaysian foreign minister", ("MYS",), "foreign ministry",
         "Ahmad Zulkifli Rahman"),
        ("Minh", ("VNM",), "military", "Tran Quoc Minh"),
        ("Rahman", ("MYS",), "foreign ministry", "Ahmad Zulkifli Rahman"),
        ("President of Kenya Amani Otieno", ("KEN",), "head of state", "Amani Otieno"),
        ("foreign minister of Ghana", ("GHA",), "foreign ministry", None),
    ]


def test_one_capitalised_word_before_a_comma_is_no_name(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Officials, the Chinese foreign minister said, agreed.")
    assert persons(found) == [("Chinese foreign minister", ("CHN",), "foreign ministry", None)]


def test_counterpart_and_side(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Kishida met his Vietnamese counterpart and the Japanese side agreed.", published=D2023)
    assert [(m.text, m.kind, m.sector) for m in found] == [
        ("Kishida", "person", "head of government"),
        ("Vietnamese counterpart", "person", "government"),
        ("Japanese side", "state", "government"),
    ]


def test_title_case_headline_does_not_swallow_verbs(find) -> None:  # type: ignore[no-untyped-def]
    title = "President Biden Meets Xi In California"
    found = find(title + "\n\nThe two leaders talked.", published=D2023, title_end=len(title))
    assert [(m.text, m.codes, m.person) for m in found if m.kind == "person"] == [
        ("President Biden", ("USA",), "Joe Biden"), ("Xi", ("CHN",), "Xi Jinping")]
    assert [m.codes for m in found if m.via == "pair"] == [("USA", "CHN")]
