"""Lexical helpers for framework extraction: the cue lexicon (data/frameworks_cues.json), label
spans in a sentence and explicit dates near a label. Pure Python over the sentence text."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError
from ..ladders import normalize_label, tier_of_label

CUES_FILE = "frameworks_cues.json"

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"), "day"),
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE}),?\s+(?P<y>(?:19|20)\d\d)\b"), "day"),
    (re.compile(rf"\b(?P<m>{_MONTH_RE})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"), "month"),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b"), "day"),
    (re.compile(rf"\b(?:on\s+)?(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)"), "day-noyear"),
    (re.compile(rf"\b(?:on\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\b(?!\s*,?\s*\d)"), "day-noyear"),
    (re.compile(r"(?<![\d-])(?P<y>(?:19[4-9]|20[0-4])\d)(?![\d-])(?!\s*(?:km|tons?|people|troops|%))"), "year"),
)


@dataclass(frozen=True)
class Cues:
    """The compiled cue lexicon."""

    version: str
    candidate: re.Pattern[str]
    label: re.Pattern[str]
    community: re.Pattern[str]
    top: re.Pattern[str]
    top_context: re.Pattern[str]
    ordinal: re.Pattern[str]
    rhetorical: frozenset[str]
    corporate: re.Pattern[str]
    state_context: re.Pattern[str]
    context_before: re.Pattern[str]
    context_after: re.Pattern[str]
    change: re.Pattern[str]
    ended: re.Pattern[str]
    intent: re.Pattern[str]
    intent_after: re.Pattern[str]
    intent_between: re.Pattern[str]
    would_outcome: re.Pattern[str]
    to_outcome_before: re.Pattern[str]
    negation: re.Pattern[str]
    retrospective: re.Pattern[str]
    relative_date: re.Pattern[str]
    new_claim: re.Pattern[str]
    companions_before: re.Pattern[str]
    list_intro_before: re.Pattern[str]
    from_before: re.Pattern[str]
    beyond_before: re.Pattern[str]
    maintain: re.Pattern[str]
    upgrade_verb_end: re.Pattern[str]
    object_gap: re.Pattern[str]
    since_before: re.Pattern[str]
    not_framework_after: re.Pattern[str]
    ordinal_context: re.Pattern[str]
    ordinal_not: re.Pattern[str]
    alliance: re.Pattern[str]
    will_outcome: re.Pattern[str]
    regions: re.Pattern[str]
    region_members: dict[str, tuple[str, ...]]


def _load() -> dict[str, Any]:
    try:
        raw = resources.files("diplograph.code").joinpath("data", CUES_FILE).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, ValueError, ModuleNotFoundError) as exc:
        raise ConfigError(f"cannot read the framework cue file {CUES_FILE}: {exc}") from exc


def _label_pattern(tails: list[str]) -> re.Pattern[str]:
    tiers = json.loads(resources.files("diplograph").joinpath("data", "tiers.json").read_text(encoding="utf-8"))
    lr = tiers["label_rules"]
    mods = sorted({re.escape(w).replace(r"\-", "[ -]?") for w in lr["modifier_words"]}, key=len, reverse=True)
    heads = "|".join(sorted(lr["heads"], key=len, reverse=True))
    mod = "(?:" + "|".join(mods) + ")"
    tail = "(?:\\s+(?:" + "|".join(tails) + "))?"
    # one to seven modifiers (with "and"/"of" between them), a head, an optional qualifier
    return re.compile(rf"\b(?P<mods>{mod}(?:[\s-]+{mod}){{0,6}})[\s-]+(?P<head>{heads})\b(?P<tail>{tail})")


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = _load()

    def c(key: str) -> re.Pattern[str]:
        return re.compile(d[key])

    return Cues(
        version=d["version"],
        candidate=re.compile(d["candidate"], re.IGNORECASE),
        label=_label_pattern(d["label_tails"]),
        community=c("community_labels"),
        top=c("top_phrases"),
        top_context=c("top_context"),
        ordinal=c("ordinal"),
        rhetorical=frozenset(d["rhetorical_premodifiers"]),
        corporate=c("corporate"),
        state_context=c("state_context"),
        context_before=c("context_before"),
        context_after=c("context_after"),
        change=c("change_verbs"),
        ended=c("ended_verbs"),
        intent=c("intent"),
        intent_after=c("intent_after"),
        intent_between=c("intent_between"),
        would_outcome=c("would_outcome"),
        to_outcome_before=c("to_outcome_before"),
        negation=c("negation"),
        retrospective=c("retrospective"),
        relative_date=c("relative_date"),
        new_claim=c("new_claim"),
        companions_before=c("companions_before"),
        list_intro_before=c("list_intro_before"),
        from_before=c("from_before"),
        beyond_before=c("beyond_before"),
        maintain=c("maintain_verbs"),
        upgrade_verb_end=c("upgrade_verbs"),
        object_gap=c("object_gap"),
        since_before=c("since_date"),
        not_framework_after=c("not_framework_after"),
        ordinal_context=c("ordinal_context"),
        ordinal_not=c("ordinal_not"),
        alliance=c("alliance_labels"),
        will_outcome=c("will_outcome"),
        regions=re.compile(d["regions"]["pattern"]),
        region_members={k: tuple(v) for k, v in d["regions"]["members"].items()},
    )


def lower_same_length(text: str) -> str:
    """Lower case that keeps every offset (a few characters change length under str.lower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def unify(text: str) -> str:
    """Curly quotes and dashes to ASCII, same length, so cue patterns see one spelling."""
    return text.translate(_UNIFY)


_UNIFY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2010": "-", "\u2011": "-", "\u00a0": " ",
})


@dataclass(frozen=True)
class LabelHit:
    """A framework label in a sentence (offsets into the sentence text).

    kind: "label" (a tiered label), "community" (layered), "acronym" (CSP), "top" ("top-tier
    partner", "highest level": the tier comes from a ladder), "ordinal" ("the sixth country")."""

    start: int
    end: int
    label: str
    tier: str | None
    kind: str


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    value: dt.date
    precision: str


def find_dates(low: str, published: dt.date | None) -> list[DateHit]:
    """Explicit calendar dates in a lower-cased sentence ('in 2016', 'in July 2013',
    'on September 10', '10 September 2023'). Relative dates are the dates stage's job."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, precision in _DATE_PATTERNS:
        for m in pattern.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            gd = m.groupdict()
            try:
                if precision == "day-noyear":
                    if published is None:
                        continue
                    month, day = _MONTHS[gd["m"].rstrip(".")], int(gd["d"])
                    value = dt.date(published.year, month, day)
                    if value > published + dt.timedelta(days=7):
                        value = dt.date(published.year - 1, month, day)
                    prec = "day"
                else:
                    year = int(gd["y"])
                    if published is not None and year > published.year:
                        continue  # a target year ("by 2030"), not when something happened
                    month = int(gd["mm"]) if gd.get("mm") else _MONTHS[gd["m"].rstrip(".")] if gd.get("m") else 1
                    day = int(gd["d"]) if gd.get("d") else 1
                    value = dt.date(year, month, day)
                    prec = precision
            except (ValueError, KeyError):
                continue
            if gd.get("m") == "may" and precision == "day-noyear" and not re.match(r"\s*\d", low[m.start() + 3:]):
                continue
            hits.append(DateHit(m.start(), m.end(), value, prec))
            taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def mask(low: str, spans: list[tuple[int, int]]) -> str:
    """Blank out spans (dates) so that 'May' or 'March' is not read as a cue word."""
    chars = list(low)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def find_labels(text: str, low: str) -> list[LabelHit]:
    """Tiered labels, community labels, CSP acronyms, top-tier phrases and ordinals."""
    cs = cues()
    hits: list[LabelHit] = []
    for m in cs.label.finditer(low):
        label = normalize_label(m.group(0))
        tier = tier_of_label(label)
        if tier is None:
            continue
        before = low[max(0, m.start() - 40):m.start()]
        prev_words = re.findall(r"[a-z-]+", before)[-2:]
        if prev_words and prev_words[-1] in _sectoral_words():
            continue  # "green strategic partnership"
        after = low[m.end():m.end() + 60]
        qualifier = re.match(r"\s+(?:on|in|for|of)\s+(?:the\s+)?(?:(?:fields?|areas?|sectors?)\s+of\s+)?"
                             r"([a-z-]+(?:\s+(?:and\s+)?[a-z-]+){0,3})", after)
        if qualifier:
            tail_words = re.findall(r"[a-z-]+", qualifier.group(1))
            if any(w in _sectoral_words() or w.split("-")[0] in _sectoral_words() for w in tail_words):
                continue  # "strategic partnership on climate change"
        if cs.not_framework_after.match(low[m.end():]):
            continue  # "a strategic partnership council": a body, not a framework
        head = m.group("head")
        if head.startswith("partner") and not head.startswith("partnership"):
            words = [w for w in re.findall(r"[a-z-]+", m.group("mods")) if w != "and"]
            if len(words) == 1 and prev_words and prev_words[-1] in cs.rhetorical:
                continue  # "a key strategic partner": rhetoric, not a framework
        if head.startswith("relationship") and len(re.findall(r"comprehensive|strategic|special", m.group("mods"))) < 2:
            continue  # "a strategic relationship" is loose talk; "comprehensive strategic relationship" is a label
        lead = re.match(r"(?:(?:and|of)[\s-]+)+", m.group(0))  # "strategic partnerships, and comprehensive ..."
        start = m.start() + (lead.end() if lead else 0)
        hits.append(LabelHit(start, m.end(), normalize_label(low[start:m.end()]) if lead else label, tier, "label"))
    for m in cs.community.finditer(low):
        hits.append(LabelHit(m.start(), m.end(), normalize_label(m.group(0)), "OTHER", "community"))
    for m in cs.alliance.finditer(low):
        hits.append(LabelHit(m.start(), m.end(), normalize_label(m.group(0)), "OTHER", "label"))
    for m in re.finditer(r"\bCSPs?\b", text):
        if re.match(r"\s*\)", text[m.end():]) and any(h.end <= m.start() <= h.end + 3 for h in hits):
            continue  # "(CSP)" right after the spelled-out label
        hits.append(LabelHit(m.start(), m.end(), m.group(0).lower(), "CSP", "acronym"))
    for m in cs.top.finditer(low):
        window = low[max(0, m.start() - 60):m.end() + 60]
        if cs.top_context.search(window):
            hits.append(LabelHit(m.start(), m.end(), normalize_label(m.group(0)), None, "top"))
    for m in cs.ordinal.finditer(low):
        if cs.ordinal_not.search(m.group(0)):
            continue  # "the third largest trading partner"
        if any(h.kind != "top" for h in hits) or cs.ordinal_context.search(low):
            hits.append(LabelHit(m.start(), m.end(), normalize_label(m.group(0)), None, "ordinal"))
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[LabelHit] = []
    for h in hits:  # overlapping hits: the first, longest one wins (ordinals keep their own role)
        if h.kind != "ordinal" and any(k.kind != "ordinal" and k.start < h.end and h.start < k.end for k in kept):
            continue
        kept.append(h)
    return kept


@lru_cache(maxsize=1)
def _sectoral_words() -> frozenset[str]:
    tiers = json.loads(resources.files("diplograph").joinpath("data", "tiers.json").read_text(encoding="utf-8"))
    return frozenset(tiers["label_rules"]["sectoral_words"])
