"""The date of one event: the date expression of the clause that reports it, over the parse.

``dates/sentences.py`` gives every sentence a date (its first date expression, else the story's
day). A sentence often reports events of different days ("Pakistan closed its airspace on
Thursday, a day after New Delhi put the treaty on hold"; "Friday's strikes drew a protest on
Saturday"), so each event takes the date expression attached to its own clause:

- an expression attached to the event's anchor, to its trigger noun ("Friday's strikes", "the Jan.
  28 strike"), or to a verb above the anchor (or coordinated with one) dates it, the nearest first;
- a clause introduced by "after" / "before" with a distance ("a day after", "two weeks before")
  is that distance from the date of the clause it hangs on;
- an event whose clause names no date takes the story's day (``Sentence.story_date``), unless it
  is planned or hypothetical (a plan with no time named has no date) or background;
- an expression inside a wire dateline dates nothing, and "since ..." expressions (durations)
  date nothing either: an event reported with "has ... since November" is background.
The rules are documented in docs/dates.md ("Event dates")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..dates import VAGUE, DateMatch, find_date_expressions
from ..dates.periods import shift_months, week_start
from ..dates.sentences import dateline_end
from ..model import DateValue, Sentence
from .plover import word_lists

UNDATED_MODALITIES = frozenset({"planned", "hypothetical"})
DURATION_PREPS = frozenset({"since"})
# "would turn down grants until the end of 2028": the end of a period, not the day of the event
BOUND_PREPS = frozenset({"until", "till"})
SHIFT_MARKS = {"after": -1, "before": 1}  # a clause "N days after" the main one happened N days earlier
SHIFT_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "night": "day"}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
MAX_CLIMB = 12
SAYING_VERBS = frozenset(word_lists()["saying_verbs"])
YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")


def sentence_expressions(sentence: Sentence, published: dt.date | None) -> list[DateMatch]:
    """The sentence's date expressions that can date an event: not in a wire dateline, not vague."""
    skip = dateline_end(sentence.text)
    return [m for m in find_date_expressions(sentence.text, published) if m.start >= skip and m.kind != VAGUE]


def _expression_root(doc: Doc, match: DateMatch) -> Token | None:
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _attachment(root: Token) -> tuple[Token, bool, bool]:
    """The token an expression dates (its nearest verb, or the noun it qualifies: "Friday's
    strikes"), whether it is a duration ("since November") and whether it bounds a period ("until
    2028": it dates nothing)."""
    current = root
    duration = bound = False
    for _ in range(MAX_CLIMB):
        if current.dep_ in {"poss", "compound", "nmod", "npadvmod", "amod"} and current.head.pos_ in {"NOUN", "PROPN"} \
                and current.head != current and current.pos_ in {"PROPN", "NOUN", "NUM"} and current.i < current.head.i:
            return current.head, duration, bound  # "Friday's strikes", "the Jan. 28 strike"
        head = current.head
        if head == current:
            return current, duration, bound
        if head.dep_ == "prep" or head.pos_ == "ADP":
            duration = duration or head.lower_ in DURATION_PREPS
            bound = bound or head.lower_ in BOUND_PREPS
        if head.pos_ in {"VERB", "AUX"}:
            return head, duration, bound
        current = head
    return current, duration, bound


def _shift(token: Token) -> tuple[int, str] | None:
    """(signed count, unit) of a distance on an "after"/"before" phrase or clause: "two days after
    the explosions" (the preposition carries the distance), "a day after X recalled" (the clause's
    verb carries the mark and the distance) -> (-2, day), (-1, day)."""
    sign = SHIFT_MARKS.get(token.lower_) if token.dep_ == "prep" else None
    if sign is None:
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in SHIFT_MARKS]
        if not marks:
            return None
        sign = SHIFT_MARKS[marks[0].lower_]
    for child in token.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in SHIFT_UNITS:
            unit = SHIFT_UNITS[child.lemma_.lower()]
            count = 1
            for mod in child.children:
                if mod.dep_ in {"nummod", "det"}:
                    word = mod.lower_
                    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
            return sign * count, unit
    return None


def _apply(value: DateValue, shift: tuple[int, str] | None) -> DateValue:
    if shift is None or value.value is None:
        return value
    count, unit = shift
    if unit == "hour":
        return DateValue(value.value, value.precision)
    if unit == "day" and value.precision == "day":
        return DateValue(value.value + dt.timedelta(days=count), "day")
    if unit == "week" and value.precision in {"day", "week"}:
        return DateValue(week_start(value.value + dt.timedelta(weeks=count)), "week")
    if unit == "month" and value.precision in {"day", "week", "month"}:
        return DateValue(shift_months(value.value.replace(day=1), count), "month")
    if unit == "year":
        return DateValue(dt.date(value.value.year + count, 1, 1), "year")
    return DateValue(value.value, value.precision)


def event_date(doc: Doc, anchor: Token, trigger: Token, sentence: Sentence, modality: str,
               expressions: Sequence[DateMatch], published: dt.date | None = None) -> DateValue:
    """The date of the event anchored on ``anchor`` (its trigger ``trigger``) in ``sentence``,
    parsed as ``doc``; ``expressions`` from :func:`sentence_expressions`; ``published`` the
    publication date (a plan's day resolves forward from it, else from the story's day)."""
    attached: dict[int, tuple[DateMatch, bool]] = {}
    inside: dict[int, DateMatch] = {}  # tokens of the expressions themselves
    opener: DateMatch | None = None
    for match in expressions:
        root = _expression_root(doc, match)
        if root is None:
            continue
        token, duration, bound = _attachment(root)
        lead = _leading_words(doc.text, match)
        duration = duration or bool(lead & DURATION_PREPS)
        if bound or lead & BOUND_PREPS:
            continue
        attached.setdefault(token.i, (match, duration))
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        for tok in span if span is not None else ():
            inside.setdefault(tok.i, match)
        if opener is None and not duration and _opens_sentence(doc.text, match):
            opener = match
    undated = DateValue() if modality in UNDATED_MODALITIES or modality == "background" else sentence.story_date
    if opener is not None:
        # a date that opens the sentence ("On Wednesday, ...", a timeline's "- April 15, 2023: ...")
        # dates its events when nothing on their own clause does
        undated = _own_forward(sentence, published, opener, modality=modality)
    shift: tuple[int, str] | None = None
    for token in (trigger, anchor):
        if token.i in attached:
            return _own_forward(sentence, published, *attached[token.i], modality=modality)
    current = anchor
    for _ in range(MAX_CLIMB):
        for conj in (c for c in current.children if c.dep_ == "conj"):
            if conj.i in attached and not attached[conj.i][1]:  # a conjunct's duration is its own
                return _apply(_own_forward(sentence, published, *attached[conj.i], modality=modality), shift)
        head = current.head
        if head == current:
            break
        if current.dep_ in {"relcl", "acl"} and head.i in inside:
            # "since Aug. 4, when Justice Moraes ruled": the clause tells what happened on that date
            return _apply(inside[head.i].value, shift)
        shift = shift or _shift(current)
        if head.i in attached and not attached[head.i][1]:  # a duration dates only its own verb
            # the day of a report ("said on Monday that he would resign") is read as written
            reported = current.dep_ == "ccomp" and head.lemma_.lower() in SAYING_VERBS
            return _apply(_own_forward(sentence, None if reported else published, *attached[head.i],
                                       modality="asserted" if reported and modality == "planned" else modality),
                          shift)
        current = head
    if opener is None and modality == "asserted" and not sentence.is_title:
        # the sentence's dates all belong to other clauses: one older than the story ("were killed
        # when security forces put down protests, which began in April 2018") tells that the
        # sentence is about that time; a later one ("a meeting to be held on Friday") does not
        story = sentence.story_date.value
        past = [m for m in expressions if m.value.value is not None and story is not None and m.value.value < story
                and not _leading_words(doc.text, m) & (DURATION_PREPS | BOUND_PREPS) and not _qualifies_noun(doc, m)]
        if past:
            return past[0].value
    return _apply(undated, shift)


def clause_verb(anchor: Token) -> Token | None:
    """The verb of the clause that reports the event (the anchor itself, or the verb a noun
    trigger hangs on)."""
    current = anchor
    for _ in range(MAX_CLIMB):
        if current.pos_ in {"VERB", "AUX"} and not (current.dep_ == "acl" and current.tag_ in {"VBG", "VBN"}):
            return current
        if current.head == current:
            return None
        current = current.head  # a participle describing a noun ("a resolution calling on ...") takes its clause's
    return None


def reads_as_background(anchor: Token, sentence: Sentence, expressions: Sequence[DateMatch]) -> bool:
    """An undated body sentence in the present simple ("Kabul denies the charge", "Niger hosts
    French troops") or, past the lede, the present perfect ("Washington has blamed the attack on
    ...") states a standing situation or an earlier event, not the news of the day: background.
    So does a perfect with a duration ("has shelled border towns since May")."""
    if sentence.is_title:
        return False
    verb = clause_verb(anchor)
    if verb is None:
        return False
    if expressions:
        perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had", "'ve"} for c in verb.children)
        return perfect and any(_leading_words(anchor.doc.text, m) & DURATION_PREPS
                               and _clause_of(anchor.doc, m) == verb for m in expressions)
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not auxes:
        # under a live blog's or timeline's date heading the present narrates that day
        return verb.tag_ in {"VBZ", "VBP"} and not sentence.under_date_heading
    perfect = any(a.lower_ in {"has", "have", "'ve"} for a in auxes) and verb.tag_ == "VBN"
    return perfect and sentence.index >= 2 and all(a.lower_ in {"has", "have", "'ve", "been"} for a in auxes)


def _qualifies_noun(doc: Doc, match: DateMatch) -> bool:
    """"last week's coup", "the Jan. 28 strike": the expression dates that noun's event only."""
    attached = _clause_of(doc, match)
    return attached is not None and attached.pos_ in {"NOUN", "PROPN"} and attached.i != _expression_root(doc, match).i


def _clause_of(doc: Doc, match: DateMatch) -> Token | None:
    root = _expression_root(doc, match)
    return _attachment(root)[0] if root is not None else None


def _leading_words(text: str, match: DateMatch) -> set[str]:
    """The expression's first word and the two words before it, lower-cased ("since", "until
    the end of")."""
    before = text[max(0, match.start - 24):match.start].lower().split()[-2:]
    return set(before) | set(match.text.lower().split()[:1])


def _opens_sentence(text: str, match: DateMatch) -> bool:
    """Nothing but a list dash, punctuation or a preposition before the expression."""
    before = text[:match.start].strip(" \t-–—•*:,")
    return not before or before.lower() in {"on", "in", "at", "by", "early on", "late on"}


def _own_forward(sentence: Sentence, published: dt.date | None, match: DateMatch, duration: bool = False,
                 modality: str = "asserted") -> DateValue:
    """:func:`_own`, except that a planned event's month, weekday or day named
    without a year resolves forward from the story's day ("to hold drills in November" in an
    August story is this November), whatever tense the words around the expression show (a
    headline's "X to hold ..." has no future auxiliary). Not a hypothetical one: "may have been
    killed in July" is a guess about the past."""
    value = _own(match, duration, modality)
    story = published or sentence.story_date.value
    if (modality != "planned" or match.future or value.value is None or story is None
            or value.value >= story or YEAR.search(match.text)):
        return value
    again = [m for m in find_date_expressions(sentence.text, story, future=True) if m.start == match.start]
    return _own(again[0], duration, modality) if again and again[0].value.value is not None else value


def _own(match: DateMatch, duration: bool = False, modality: str = "asserted") -> DateValue:
    if duration or modality == "background" and match.value.precision in {"day", "week"}:
        return DateValue()
    return match.value
