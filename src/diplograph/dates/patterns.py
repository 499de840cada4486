"""The compiled regular expressions of the date resolver, built once from the lexicon.

One pattern per expression shape. The resolver tries them only at the few word starts just before
an *anchor* (a year, a month or weekday name, a relative or vague time word), and at each start
only the shapes that can begin with that word: most sentences cost a handful of short matches.
The shapes are listed so that at one position the longer, more explicit shape is tried first
(a range before a single day, a day before a month)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DateLexicon, load_lexicon, phrase_alternation, trie_alternation

DIGIT = "#"  # the first-word key of shapes that begin with a number
RANGE_SEPARATOR = r"\s*(?:-|–|—|/|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*"
_WORD = re.compile(r"[a-z]+|\d+")
# words that cannot anchor a date expression on their own (they only lead into one)
_NON_ANCHORS = frozenset(
    [
        "a",
        "an",
        "at",
        "the",
        "in",
        "of",
        "on",
        "for",
        "over",
        "to",
        "one",
        "some",
        "few",
        "these",
        "ever",
        "as",
        "by",
        "since",
        "from",
        "and",
        "or",
        "it",
    ]
)


@dataclass(frozen=True)
class Shape:
    name: str
    pattern: re.Pattern[str]
    first_words: frozenset[str]


@dataclass(frozen=True)
class DatePatterns:
    shapes: tuple[Shape, ...]
    by_first_word: dict[str, tuple[re.Pattern[str], ...]]
    """First word of a candidate start (lower case; DIGIT for numbers) -> the shapes to try."""
    master: re.Pattern[str]
    """All shapes in one alternation: the slow path, for text whose lower-casing moves offsets."""
    anchors: re.Pattern[str]
    month_words: frozenset[str]
    """Anchor words that count only when capitalised in the text (month names)."""
    background: re.Pattern[str]


def _first_words(phrases: list[str] | tuple[str, ...]) -> set[str]:
    words = set()
    for phrase in phrases:
        first = _WORD.match(phrase.lower())
        if first:
            words.add(DIGIT if first.group()[0].isdigit() else first.group())
    return words


def _shapes(lexicon: DateLexicon) -> list[tuple[str, str, set[str]]]:
    month = rf"(?:{trie_alternation(lexicon.months)})(?:\.|\b)"
    full_month_only = rf"(?:{trie_alternation(lexicon.full_months)})\b"
    weekday = rf"(?:{trie_alternation(lexicon.weekdays)})\b"
    day = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?![:.]\d)"
    year = r"(?<![\d.,])(?:1[6-9]\d\d|20\d\d|21\d\d)(?![\d])"
    not_amount = rf"(?!\s*(?:{phrase_alternation(lexicon.amount_units)})(?![a-z]))(?![.,]\d)"
    weekday_prefix = rf"(?:{weekday},?\s+(?:the\s+)?)?"
    year_relative = r"(?:,?\s+(?:of\s+)?(?P<{name}>last|this|next)\s+year\b)?"
    quantities = [*lexicon.number_words, *lexicon.vague_quantities]
    range_openers = {"from", "between"}
    weekdays, months = set(lexicon.weekdays), set(lexicon.months)
    year_prepositions = _first_words(lexicon.year_prepositions)
    month_prepositions = _first_words(lexicon.month_prepositions)
    return [
        # 2023-11-27 (an ISO date, possibly the start of a timestamp)
        (
            "iso",
            r"(?P<iso>(?<![\d-])(?P<iso_y>1[6-9]\d\d|20\d\d|21\d\d)-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})(?!\d))",
            {DIGIT},
        ),
        # 2023/11/27
        (
            "ymd",
            r"(?P<ymd>(?<![\d/])(?P<ymd_y>1[6-9]\d\d|20\d\d|21\d\d)/(?P<ymd_m>\d{1,2})/(?P<ymd_d>\d{1,2})(?![\d/]))",
            {DIGIT},
        ),
        # 11/27/2023 or 27/11/2023 (kept only when unambiguous)
        (
            "num",
            r"(?P<num>(?<![\d/])(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})/(?P<num_y>1[6-9]\d\d|20\d\d|21\d\d)(?![\d/]))",
            {DIGIT},
        ),
        # from November 27 to 30, November 27-30, 2023, Nov 27 to Dec 2
        (
            "mdr",
            rf"(?P<mdr>(?:(?:from|between)\s+)?{weekday_prefix}(?P<mdr_m1>{month})\s*(?P<mdr_d1>{day})"
            rf"(?:,?\s*(?P<mdr_y1>{year}))?{RANGE_SEPARATOR}(?:{weekday},?\s+)?(?:(?P<mdr_m2>{month})\s*)?"
            rf"(?P<mdr_d2>{day}){not_amount}(?:,?\s*(?P<mdr_y2>{year}))?)",
            range_openers | weekdays | months,
        ),
        # between 27 and 30 November, 27-30 Nov 2023, 27 November to 1 December
        (
            "dmr",
            rf"(?P<dmr>(?:(?:from|between)\s+)?{weekday_prefix}(?:the\s+)?(?P<dmr_d1>{day})"
            rf"(?:\s+(?:of\s+)?(?P<dmr_m1>{month})(?:,?\s*(?P<dmr_y1>{year}))?)?{RANGE_SEPARATOR}"
            rf"(?:{weekday},?\s+)?(?:the\s+)?(?P<dmr_d2>{day})\s+(?:of\s+)?(?P<dmr_m2>{month})"
            rf"(?:,?\s*(?P<dmr_y2>{year}))?)",
            range_openers | weekdays | {"the", DIGIT},
        ),
        # (Monday,) November 27(, 2023) (last year)
        (
            "md",
            rf"(?P<md>{weekday_prefix}(?P<md_m>{month})\s*(?P<md_d>{day}){not_amount}(?:,?\s*(?P<md_y>{year}))?"
            + year_relative.format(name="md_yrel")
            + ")",
            weekdays | months,
        ),
        # (Monday,) 27(th of) November( 2023)
        (
            "dm",
            rf"(?P<dm>{weekday_prefix}(?:the\s+)?(?P<dm_d>{day})\s+(?:of\s+)?(?P<dm_m>{month})"
            rf"(?:,?\s*(?P<dm_y>{year}))?" + year_relative.format(name="dm_yrel") + ")",
            weekdays | {"the", DIGIT},
        ),
        # December 2022, Dec. 2022, December of 2022
        ("my", rf"(?P<my>(?P<my_m>{month}),?\s*(?:of\s+)?(?P<my_y>{year}){not_amount})", months),
        # from Monday to Thursday
        (
            "wdr",
            rf"(?P<wdr>(?:(?:from|between)\s+)?(?P<wdr_1>{weekday})\s*"
            rf"(?:-|–|\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b)\s*(?P<wdr_2>{weekday}))",
            range_openers | weekdays,
        ),
        # vague expressions come before the relative ones so "the past week" is vague
        (
            "vague",
            rf"(?P<vague>(?<![\w-])(?:{phrase_alternation(lexicon.vague_expressions)})(?![\w-]))",
            _first_words(lexicon.vague_expressions),
        ),
        # last Monday, Monday's, Monday morning
        (
            "wd",
            rf"(?P<wd>(?:(?P<wd_mod>last|next|this\s+coming|this|coming|past|previous)\s+)?(?P<wd_day>{weekday})"
            r"(?P<wd_poss>['’]s)?(?:\s+(?:morning|afternoon|evening|night)\b)?)",
            {"last", "next", "this", "coming", "past", "previous"} | weekdays,
        ),
        # yesterday, today, tomorrow, last night
        (
            "rd",
            r"(?P<rd>\b(?P<rd_word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|"
            r"today|tonight|tomorrow|last\s+night)\b(?:['’]s)?)",
            {"the", "yesterday", "today", "tonight", "tomorrow", "last"},
        ),
        # in December (last year), last December, early December
        (
            "mo",
            rf"(?P<mo>\b(?P<mo_pre>{phrase_alternation(lexicon.month_prepositions)})[\s-]+"
            rf"(?:(?:early|late|mid|mid-)[\s-]*)?(?P<mo_m>{full_month_only})"
            + year_relative.format(name="mo_yrel")
            + r"(?!\s*\d))",
            month_prepositions,
        ),
        # last week, this month, earlier this year, next year's
        (
            "rp",
            r"(?P<rp>\b(?:(?:earlier|later|early|late)\s+)?(?P<rp_mod>last|this|next|coming|current)\s+"
            r"(?P<rp_unit>week|month|year)\b(?:['’]s)?)",
            {"earlier", "later", "early", "late", "last", "this", "next", "coming", "current"},
        ),
        # three days ago, a week ago, several years ago
        (
            "ago",
            rf"(?P<ago>\b(?P<ago_n>\d{{1,2}}|{phrase_alternation(quantities)})\s+"
            r"(?P<ago_unit>days?|weeks?|months?|years?|decades?)\s+ago\b)",
            _first_words(quantities) | {DIGIT},
        ),
        # the 1990s, the early 2000s
        (
            "dec",
            r"(?P<dec>\b(?:(?:in|during|since|through|throughout)\s+)?the\s+(?:(?:early|mid|late)[\s-]+)?"
            r"(?:1[6-9]\d0|20\d0)['’]?s\b)",
            {"in", "during", "since", "through", "throughout", "the"},
        ),
        # from 2016 to 2020, between 2016 and 2020
        (
            "yr",
            rf"(?P<yr>\b(?:from|between)\s+(?P<yr_1>{year})\s*(?:-|–|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)"
            rf"\s*(?P<yr_2>{year}|(?<!\d)\d\d(?!\d)){not_amount})",
            range_openers,
        ),
        # in 2016, since 2008, by 2030, mid-2022
        (
            "yy",
            rf"(?P<yy>\b(?P<yy_pre>{phrase_alternation(lexicon.year_prepositions)})[\s-]+(?P<yy_y>{year})"
            rf"{not_amount}(?!['’]?s\b)(?!\s*/\s*\d)(?!\s+to\s+\d))",
            year_prepositions,
        ),
    ]


def _build_anchors(lexicon: DateLexicon) -> re.Pattern[str]:
    """Every date expression contains an anchor: a year, a month or weekday name, a relative time
    word or a content word of a vague expression. The pattern runs on lower-cased text."""
    words = {
        *lexicon.months,
        *lexicon.weekdays,
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "night",
        "week",
        "month",
        "year",
        "decade",
        "ago",
    }
    for phrase in lexicon.vague_expressions:
        words.update(w for w in re.split(r"[\s-]+", phrase.lower()) if w and w not in _NON_ANCHORS)
    # numbers anchor only as years: a day number always sits next to a month name, which anchors
    return re.compile(
        rf"(?<![a-z0-9])(?:1[6-9]\d\d|2[01]\d\d|{trie_alternation(sorted(words))})s?(?![a-z0-9])"
    )


@lru_cache(maxsize=1)
def date_patterns() -> DatePatterns:
    lexicon = load_lexicon()
    specs = _shapes(lexicon)
    shapes = tuple(
        Shape(name, re.compile(source, re.IGNORECASE), frozenset(first)) for name, source, first in specs
    )
    by_first_word: dict[str, list[re.Pattern[str]]] = {}
    for shape in shapes:  # keeps the shapes' order within each list
        for word in shape.first_words:
            by_first_word.setdefault(word, []).append(shape.pattern)
    background = re.compile(
        rf"(?<![\w-])(?:{phrase_alternation(lexicon.background_cues)})(?![\w-])", re.IGNORECASE
    )
    return DatePatterns(
        shapes=shapes,
        by_first_word={word: tuple(patterns) for word, patterns in by_first_word.items()},
        master=re.compile("|".join(source for _, source, _ in specs), re.IGNORECASE),
        anchors=_build_anchors(lexicon),
        month_words=frozenset(lexicon.months),
        background=background,
    )
