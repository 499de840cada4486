"""find_date_expressions: every rule of issue 3 item 6, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.dates import EXPLICIT, RELATIVE, VAGUE, DateMatch, find_date_expressions

TUESDAY = dt.date(2023, 11, 28)  # the founding article's publication day


def only(text: str, published: dt.date | None = TUESDAY, **kwargs: bool) -> DateMatch:
    matches = find_date_expressions(text, published, **kwargs)
    assert len(matches) == 1, matches
    return matches[0]


def resolved(text: str, published: dt.date | None = TUESDAY) -> tuple[str | None, str, str | None]:
    value = only(text, published).value
    return value.iso(), value.precision, value.end_iso()


# ----------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers met in Oslo on Monday.", "2023-11-27"),
        ("Rebels attacked the convoy on Sunday night.", "2023-11-26"),
        ("The envoy arrived on Wednesday, officials said.", "2023-11-22"),
        ("The parliament voted on Tuesday to ratify the treaty.", "2023-11-28"),  # the publication day
        ("Protests continued last Tuesday in the capital.", "2023-11-21"),
        ("The ministers will meet on Monday in Brussels.", "2023-12-04"),
        ("The delegation is due to arrive on Thursday.", "2023-11-30"),
        ("Both leaders plan to sign the accord on Friday.", "2023-12-01"),
        ("The two sides will resume talks next Tuesday.", "2023-12-05"),
        ("The minister is to travel to Seoul on Tuesday.", "2023-11-28"),  # same day even in future
        ("Friday's vote was postponed.", "2023-11-24"),
        ("Monday’s announcement surprised investors.", "2023-11-27"),
        ("On Monday, the two leaders will sign the deal.", "2023-12-04"),
        ("On Monday, the spokesman said both armies will withdraw.", "2023-11-27"),
        ("The treaty, which was signed on Saturday, will take effect soon.", "2023-11-25"),
    ],
)
def test_weekdays_resolve_against_the_publication_day(sentence: str, expected: str) -> None:
    assert resolved(sentence) == (expected, "day", None)


def test_the_tense_can_be_forced() -> None:
    assert only("Talks on Monday", future=True).value.value == dt.date(2023, 12, 4)
    assert only("Talks on Monday", future=False).value.value == dt.date(2023, 11, 27)


def test_a_weekday_after_a_date_is_part_of_it() -> None:
    match = only("The summit opened on Monday, November 27, in Tokyo.")
    assert match.text.startswith("Monday")
    assert match.value.value == dt.date(2023, 11, 27)


# ----------------------------------------------------------------------------- relative words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rebels freed two hostages yesterday.", ("2023-11-27", "day", None)),
        ("The cabinet meets today to discuss the budget.", ("2023-11-28", "day", None)),
        ("The president will address the nation tomorrow.", ("2023-11-29", "day", None)),
        ("Shelling resumed last night near the border.", ("2023-11-27", "day", None)),
        ("Four days ago the ceasefire collapsed.", ("2023-11-24", "day", None)),
        ("The central bank raised rates last week.", ("2023-11-20", "week", None)),
        ("Negotiators have met twice this week.", ("2023-11-27", "week", None)),
        ("The foreign minister will visit Canberra next week.", ("2023-12-04", "week", None)),
        ("Exports fell sharply last month.", ("2023-10", "month", None)),
        ("Elections are due next month.", ("2023-12", "month", None)),
        ("Inflation slowed earlier this month.", ("2023-11", "month", None)),
        ("The two countries signed a trade pact last year.", ("2022", "year", None)),
        ("Growth is expected to pick up next year.", ("2024", "year", None)),
        ("The alliance was expanded earlier this year.", ("2023", "year", None)),
        ("Two years ago the border was closed.", ("2021", "year", None)),
    ],
)
def test_relative_words(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert resolved(sentence) == expected


def test_a_week_value_is_its_monday() -> None:
    sunday = dt.date(2023, 12, 3)
    assert only("The talks stalled last week.", sunday).value.value == dt.date(2023, 11, 20)
    assert only("The talks stalled last week.", sunday).value.value.weekday() == 0


# ----------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("sentence", "expected", "kind"),
    [
        ("The accord was signed on November 27.", "2023-11-27", RELATIVE),
        ("The accord was signed on Nov. 27.", "2023-11-27", RELATIVE),
        ("The accord was signed on 27 November.", "2023-11-27", RELATIVE),
        ("The accord was signed on the 27th of November.", "2023-11-27", RELATIVE),
        ("The accord was signed on 27 Nov 2023.", "2023-11-27", EXPLICIT),
        ("The accord was signed on November 27, 2023.", "2023-11-27", EXPLICIT),
        ("The accord was signed on 2023-11-27 in Hanoi.", "2023-11-27", EXPLICIT),
        ("The accord was signed on 11/27/2023 in Hanoi.", "2023-11-27", EXPLICIT),
        ("The accord was signed on 27/11/2023 in Hanoi.", "2023-11-27", EXPLICIT),
        ("The accord was signed on Sept. 3, 2019.", "2019-09-03", EXPLICIT),
        ("The accord was signed on December 5 last year.", "2022-12-05", RELATIVE),
    ],
)
def test_explicit_days(sentence: str, expected: str, kind: str) -> None:
    match = only(sentence)
    assert (match.value.iso(), match.value.precision, match.kind) == (expected, "day", kind)


def test_an_ambiguous_numeric_date_is_ignored() -> None:
    assert find_date_expressions("The accord was signed on 11/10/2023.", TUESDAY) == []


def test_a_day_without_year_is_placed_by_tense() -> None:
    # past: at or before the publication date; future: at or after it
    assert resolved("The vote took place on December 3.") == ("2022-12-03", "day", None)
    assert resolved("The vote will take place on December 3.") == ("2023-12-03", "day", None)
    january = dt.date(2024, 1, 4)
    assert resolved("Troops crossed the border on December 30.", january) == ("2023-12-30", "day", None)


def test_a_day_without_year_or_tense_is_the_nearest_one() -> None:
    assert resolved("Dividends are payable April 7 to holders of record.", dt.date(1987, 3, 5)) == (
        "1987-04-07",
        "day",
        None,
    )
    assert resolved("The deadline for bids is February 22.", dt.date(1987, 3, 5)) == (
        "1987-02-22",
        "day",
        None,
    )
    assert resolved("The runoff on December 3 pits two former generals.") == ("2023-12-03", "day", None)


def test_leap_days_without_year() -> None:
    assert resolved("The treaty was ratified on February 29.") == ("2020-02-29", "day", None)
    assert resolved("The treaty will be ratified on February 29.") == ("2024-02-29", "day", None)


def test_impossible_dates_are_dropped() -> None:
    assert find_date_expressions("The deal was struck on February 30, 2023.", TUESDAY) == []


# ----------------------------------------------------------------------------- months and years


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The government in December adopted a new strategy.", ("2022-12", "month", None)),
        ("The government will publish its strategy in December.", ("2023-12", "month", None)),
        ("The central bank cut rates in November.", ("2023-11", "month", None)),  # this month
        ("The navy held drills in March.", ("2023-03", "month", None)),
        ("The navy held drills last December.", ("2022-12", "month", None)),
        ("The envoy resigned in December last year.", ("2022-12", "month", None)),
        ("The two states restored ties in December 2022.", ("2022-12", "month", None)),
        ("The two states upgraded ties in 2016.", ("2016", "year", None)),
        ("The two states have been partners since 2008.", ("2008", "year", None)),
        ("The pipeline should be finished by mid-2026.", ("2026", "year", None)),
    ],
)
def test_months_and_years(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert resolved(sentence) == expected


def test_decades_and_vague_expressions_have_no_date() -> None:
    for sentence in (
        "The two states fought a border war in the 1970s.",
        "Trade between them has grown in recent years.",
        "The island was recently fortified.",
        "The dispute has simmered for years.",
        "The two navies clashed several times in the past.",
        "The ministers met several years ago.",
    ):
        match = only(sentence)
        assert (match.kind, match.value.precision, match.value.value) == (VAGUE, "none", None), sentence


# ----------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The forum ran from November 27 to 30.", ("2023-11-27", "day", "2023-11-30")),
        ("The forum ran November 27-30.", ("2023-11-27", "day", "2023-11-30")),
        ("The forum ran between 27 and 30 November.", ("2023-11-27", "day", "2023-11-30")),
        ("The forum ran from 27 November to 1 December 2023.", ("2023-11-27", "day", "2023-12-01")),
        ("The fleet exercised from Dec. 30, 2022 to Jan. 2, 2023.", ("2022-12-30", "day", "2023-01-02")),
        ("The forum ran from Monday to Thursday.", ("2023-11-27", "day", "2023-11-30")),
        ("The embargo lasted from 2016 to 2019.", ("2016", "year", "2019-12-31")),
    ],
)
def test_ranges(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert resolved(sentence) == expected


# ----------------------------------------------------------------------------- without publication date


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders met on Monday.",
        "The rebels attacked yesterday.",
        "Exports fell last week.",
        "The cabinet resigned in December.",
        "The accord was signed on November 27.",
        "The forum ran from November 27 to 30.",
    ],
)
def test_relative_expressions_stay_unresolved_without_publication_date(sentence: str) -> None:
    match = only(sentence, None)
    assert match.kind == RELATIVE
    assert (match.value.value, match.value.precision) == (None, "none")


def test_explicit_dates_resolve_without_publication_date() -> None:
    assert resolved("The accord was signed on 27 November 2023.", None) == ("2023-11-27", "day", None)
    assert resolved("Ties were upgraded in 2016.", None) == ("2016", "year", None)


# ----------------------------------------------------------------------------- things that are not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks may resume soon.",
        "Protesters began to march on the ministry.",
        "Output rose to 2016 tonnes from 1,800.",
        "The company sold 2,020 cars, up 12 pct.",
        "The meeting starts at 10:30 in room 27.",
        "An august body of scholars met.",
        "",
    ],
)
def test_non_dates_are_not_matched(sentence: str) -> None:
    assert find_date_expressions(sentence, TUESDAY) == []


def test_offsets_point_into_the_text() -> None:
    text = "Officials said on Monday that the two sides met in 2016 and again last week."
    matches = find_date_expressions(text, TUESDAY)
    assert [m.text for m in matches] == [text[m.start : m.end] for m in matches]
    assert [m.value.precision for m in matches] == ["day", "year", "week"]


def test_text_whose_lowercase_changes_length_still_works() -> None:
    # "İ" lower-cases to two characters: the resolver must fall back without shifting offsets
    text = "İstanbul hosted the talks on Monday."
    match = only(text)
    assert text[match.start : match.end] == match.text == "Monday"
    assert match.value.value == dt.date(2023, 11, 27)


def test_a_start_or_deadline_in_a_past_clause_takes_the_nearest_day() -> None:
    # "with effect from" / "by" name a day that is often ahead even when the clause is past
    april = dt.date(2025, 4, 24)
    assert resolved("India cut the staff of the mission with effect from May 1.", april) == ("2025-05-01", "day", None)
    assert resolved("Both sides committed to take the measures by May 14.", april) == ("2025-05-14", "day", None)
    # without such a word the past tense still decides
    assert resolved("The vote took place on May 1.", april) == ("2024-05-01", "day", None)
