"""Framework extraction: dates. The date expressions of a sentence (the dates stage's finder), the
date nearest a label, and a label's own date: the date its own phrase gives for when that
framework was set up ("the strategic partnership of 2013", "the comprehensive partnership, set up
in 2013,", "the partnership the two countries established in 2018", "in place since 2021")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import VAGUE, find_date_expressions
from ..model import DateValue, FrameworkObservation, Sentence
from .frameworks_text import LabelHit, cues, find_dates, lower_same_length, unify


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    value: DateValue


def date_spans(text: str, low: str, published: dt.date | None, bare_years: bool = False) -> list[DateSpan]:
    """Resolved date expressions of the sentence (the dates stage's finder; offsets into text).
    ``bare_years``: also a year standing alone, as in a table cell or a list row ('| 2014 |',
    'strategic partnership, 2008'), which prose rarely uses for a date."""
    explicit = [DateSpan(d.start, d.end, DateValue(d.value, d.precision)) for d in find_dates(low, published)]
    spans = [DateSpan(m.start, m.end, m.value) for m in find_date_expressions(text, published)
             if m.kind != VAGUE and m.value.precision != "none"]
    spans = _shared_years(low, spans)
    extra = [d for d in explicit if not any(s.start < d.end and d.start < s.end for s in spans)
             and (bare_years or re.search(r"\(\s*$", low[max(0, d.start - 3):d.start]))]
    if extra:  # '| 2014 |' in a table, 'China (2008)' in a list
        spans = sorted(spans + extra, key=lambda d: d.start)
    return spans


def _shared_years(low: str, spans: list[DateSpan]) -> list[DateSpan]:
    """'in September and November 2023': the first month takes the year written after the last."""
    out = list(spans)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (a.value.precision == "month" and b.value.precision == "month" and a.value.value and b.value.value
                and not re.search(r"\d{4}", low[a.start:a.end]) and re.search(r"\d{4}", low[b.start:b.end])
                and re.fullmatch(r"\s*(?:,|and|or|to|,\s*and)\s*", low[a.end:b.start])):
            out[i] = DateSpan(a.start, a.end, DateValue(a.value.value.replace(year=b.value.value.year), "month"))
    return out


def date_for(hit: LabelHit, scope: tuple[int, int], spans: list[DateSpan], sentence: Sentence,
             retrospective: bool) -> DateValue | None:
    """The date expression nearest the label in its scope; else the sentence date, unless the
    wording is retrospective without any date (then None: the framework is 'existing')."""
    near = [d for d in spans if scope[0] <= d.start < scope[1]]
    if near:
        return min(near, key=lambda d: min(abs(d.start - hit.end), abs(hit.start - d.end))).value
    if retrospective:
        return None
    return sentence.date


_SETUP_VERBS = (r"(?:established|set up|signed|forged|launched|agreed|declared|sealed|concluded|created|formed|inked|"
                r"reached|struck|adopted|built|elevated|upgraded|raised|lifted|announced)")
# a word of a relative clause's subject ("the two countries", "Putin", "the EU"), not a verb or a conjunction
_SUBJECT_WORD = (r"(?!(?:and|or|but|as|to|will|would|could|may|might|should|is|are|was|were|be|been|being|in|on|at|"
                 r"which|that|with)\b)[a-z.'-]+")
_DOCUMENT = r"(?:\s+(?:treaty|agreement|pact|accord|declaration|framework|deal|memorandum|document))?"
# what may stand between a label and the date of its own phrase (no clause break, no other label)
_OWN_DATE = (
    # "the strategic partnership of 2013", "(2013)"
    re.compile(r"\s+of\s+$|\s*\(\s*$"),
    # "the comprehensive partnership, set up in 2013", "a strategic partnership, which was established in 2009"
    re.compile(r"(?:\s+(?:with|between)\s+[^,;()]{1,40}?)?\s*,?\s*(?:which\s+|that\s+)?(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+|"
               rf"have\s+been\s+)?(?:first\s+|formally\s+|officially\s+|jointly\s+)?{_SETUP_VERBS}"
               r"(?:\s+(?:in|on|at|during|by|under|with|between|when|after|last|earlier|this|that)\b[^,;]{0,55})?\s+$"),
    # "the partnership the two countries established in 2018", "the treaty Putin signed with ... in June"
    re.compile(rf"{_DOCUMENT}\s*,?\s*(?:which\s+|that\s+)?(?:{_SUBJECT_WORD}\s+){{1,4}}?(?:had\s+|have\s+|has\s+)?"
               rf"(?:first\s+|formally\s+|jointly\s+)?{_SETUP_VERBS}\b[^,;]{{0,70}}$"),
    # "in place since 2021", "that has framed it since Modi's visit to Kuala Lumpur in 2015",
    # "the comprehensive strategic partnership the two countries have had since 2012"
    re.compile(rf"(?:\s+in\s+(?:place|force|effect)|\s+(?:that|which)\s+(?:has|have|had)\s+[a-z]+(?:\s+(?:it|them|ties|relations))?"
               rf"|(?:\s+{_SUBJECT_WORD}){{1,4}}\s+(?:has|have|had)\s+(?:had|held|enjoyed|maintained|kept))?\s+since\b[^,;()]{{0,50}}$"),
)


_PAIR_WORDS = re.compile(r"\b(?:they|it|the\s+two|both|the\s+leaders|the\s+sides|the\s+countries|the\s+governments)\b")


def _names_a_party(low: str, start: int, end: int, parties: list[tuple[int, int]] | None) -> bool:
    """'the partnership the two countries established', 'the treaty Putin signed'."""
    if parties is None or _PAIR_WORDS.search(low[start:end]):
        return True
    return any(start <= a and b <= end for a, b in parties)


_YEAR_BEFORE = re.compile(r"\b(?:the|their|its|a|an|this|that)\s+((?:19[5-9]|20[0-4])\d)\s+$")
# "the strategic partnership they agreed in 2019 to pursue": the verb governs a plan
_PLAN_AFTER_VERB = re.compile(rf"{_SETUP_VERBS}\b[^,;]*?\bto\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]+")
# a label inside a parenthetical that a comma opened: the comma after it closes it
_PARENTHETICAL = re.compile(r",\s*(?:which|who|that|bound|linked|tied|united|long|both|already|partners|strategic|"
                            r"comprehensive)\b[^,;]*$")


def own_date(low: str, hit: LabelHit, end: int, spans: list[DateSpan],
             published: dt.date | None, parties: list[tuple[int, int]] | None = None) -> DateValue | None:
    found = own_date_span(low, hit, end, spans, published, parties)
    return found.value if found is not None else None


def own_date_span(low: str, hit: LabelHit, end: int, spans: list[DateSpan],
                  published: dt.date | None, parties: list[tuple[int, int]] | None = None) -> DateSpan | None:
    """The date the label's own phrase gives for the framework's start, if any: a year right
    before it ('their 2018 comprehensive strategic partnership'), else the first date after the
    label, before ``end`` (the next label or a clause break), reached through one of the phrasings
    of _OWN_DATE."""
    year = _YEAR_BEFORE.search(low[max(0, hit.start - 24):hit.start])
    if year is not None and (published is None or int(year.group(1)) <= published.year):
        start = max(0, hit.start - 24) + year.start(1)
        return DateSpan(start, start + 4, DateValue(dt.date(int(year.group(1)), 1, 1), "year"))
    for d in spans:
        if d.start < hit.end or d.start >= end:
            continue
        if published is not None and d.value.value is not None and d.value.value > published:
            return None
        gap = low[hit.end:d.start]
        if gap.lstrip().startswith(",") and _PARENTHETICAL.search(low[:hit.start]):
            return None  # "China and Pakistan, which call their bond an X, signed ... on Monday": the main verb
        forms = [i for i, p in enumerate(_OWN_DATE) if p.fullmatch(gap)]
        if forms == [2] and not _names_a_party(low, hit.end, d.start, parties):
            return None  # a relative clause dates the label only when a party is its subject
        if forms and not cues().intent.search(gap) and not _PLAN_AFTER_VERB.search(gap):
            return d
        return None  # only the first date after the label can be its own
    return None


# "Colombia's upgrade came during Petro's state visit to Beijing in October 2023"
_OCCASION_AFTER = re.compile(r"^(?:'s?)?\s+(?:[a-z-]+\s+){0,2}?(?:upgrade|elevation|upgrading|new\s+status|new\s+label)\b")
_OCCASION_BEFORE = re.compile(r"\b(?:upgrade|elevation|upgrading|upgraded\s+(?:its\s+|their\s+)?ties)\s+(?:of\s+ties\s+)?with\s+(?:the\s+)?$")


def refine_year_dates(observations: list[FrameworkObservation], sentences: list[Sentence],
                      published: dt.date | None) -> None:
    """A fact dated only by its year (a table's '2023') takes the finer date the article gives
    for the same upgrade elsewhere ('Colombia's upgrade came ... in October 2023'), when one
    sentence names the partner's upgrade with exactly one finer date in that year."""
    coarse = [o for o in observations if o.status == "established" and o.date.precision == "year"]
    if not coarse:
        return
    finer: dict[str, set[DateValue]] = {}
    for s in sentences:
        low = unify(lower_same_length(s.text))
        named = []
        for m in s.mentions:
            start, end = m.start - s.start, m.end - s.start
            if start >= 0 and end <= len(low) and (_OCCASION_AFTER.match(low[end:end + 40])
                                                     or _OCCASION_BEFORE.search(low[max(0, start - 40):start])):
                named.extend(m.codes)
        if not named:
            continue
        dates = [d.value for d in date_spans(s.text, low, published) if d.value.precision in ("month", "day")]
        for code in named:
            finer.setdefault(code, set()).update(dates)
    for o in coarse:
        year = o.date.value.year if o.date.value else None
        for code in (o.a, o.b):
            same = [d for d in finer.get(code, ()) if d.value is not None and d.value.year == year]
            if len(same) == 1:
                o.date = same[0]
                break
