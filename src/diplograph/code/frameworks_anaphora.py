"""Framework extraction: phrases that name a tier only through an earlier label. In "India has
CSPs with Vietnam and Indonesia, and it raised ties with Australia to that level last June",
"Malaysia became Vietnam's first CSP in November, and New Zealand joined the group in February",
"China was the first, in 2008, followed by Russia in 2012 and India in 2016", the tier, its label
and its owner come from the antecedent (the last label of the sentence, else of one of the few
sentences before it), the new partners from the anaphor's own clause, each with the date that
follows it ("Russia in 2012 and India in 2016") or the dates listed after them in order ("the
United States and Japan followed in September and November 2023")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import DateValue
from .frameworks_dates import DateSpan
from .frameworks_pairs import Party
from .frameworks_text import cues

_ORDINALS = (r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             r"fourteenth|fifteenth|latest|newest|most recent")
_ANAPHORS = (
    ("level", re.compile(r"\b(?:to|at|reach(?:ed|es|ing)?|attain(?:ed|s)?)\s+(?:that|the\s+same|this|a\s+similar|an\s+equal)\s+"
                         r"(?:level|status|tier|rung|rank|footing)\b")),
    ("join", re.compile(r"\bjoin(?:ed|s|ing)?\s+(?:them|the\s+(?:group|club|list|ranks|league|category|circle|tier)|"
                        r"(?:that|this)\s+(?:group|club|list|circle|tier|category))\b")),
    ("ordinal", re.compile(rf"\b(?:was|were|became|become|becomes|becoming|is)\s+(?:the\s+)?(?:{_ORDINALS})\b"
                           r"(?!\s+(?:[a-z-]+\s+){0,3}?(?:country|countries|nation|nations|partner|partners|state|states|"
                           r"economy|member|largest|biggest|time|visit|leader|president|minister|to\s+(?!do\b)|of\b))")),
    ("follow_by", re.compile(r"\bfollowed\s+by\b")),
    # "the upgrade puts Malaysia alongside China, Russia and India": companions already there
    ("alongside", re.compile(r"\b(?:alongside|along\s+with|level\s+with|on\s+(?:a\s+)?par\s+with(?:\s+(?:what|that|those)\s+it\s+has\s+with)?"
                             r"|on\s+(?:the\s+)?same\s+(?:diplomatic\s+)?(?:level|footing|tier|status|rank(?:ing)?|rung)\s+as"
                             r"|the\s+same\s+(?:level\s+|status\s+)?(?:as\s+)?(?:what\s+)?it\s+has\s+with)\b")),
    # (a date after it is blanked out in the text the anaphors are looked for in: "followed      ")
    ("follow", re.compile(r"\b(?:followed|follow)(?=\s+(?:in|on|suit|later|soon|shortly|a\s+year|months?|weeks?|that)\b"
                          r"|\s*[,.;]|\s*$|\s{3,})")),
)
# where one clause ends and the next begins (an anaphor's partners stay inside its clause)
_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s+")
_RELATIVE = re.compile(r",\s+(?:which|who|that|where|when|as)\s+")


@dataclass(frozen=True)
class Antecedent:
    """The label an anaphor refers to: its owner (whose partners the new ones join), tier and
    label as written."""

    owner: str  # "" when the pair does not say whose ladder it is (both have one)
    tier: str
    label: str
    pair: tuple[str, ...] = ()
    ladder: bool = False  # from a ladder or ordinal phrase ("the eighth country to reach the top rung")

    def owner_against(self, codes: set[str]) -> str:
        """The owner; for an ambiguous pair, the party that the anaphor's clause does not name
        ('the upgrade places the EU on the same footing as ...': Vietnam's)."""
        if self.owner:
            return self.owner
        rest = [c for c in self.pair if c not in codes]
        return rest[0] if len(rest) == 1 else ""


@dataclass(frozen=True)
class Anaphor:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Reference:
    """One framework an anaphor states: the owner's, with ``code``."""

    owner: str
    code: str
    tier: str
    label: str
    status: str
    date: DateValue


def find_anaphors(low: str) -> list[Anaphor]:
    found = [Anaphor(m.start(), m.end(), kind) for kind, pattern in _ANAPHORS for m in pattern.finditer(low)]
    found.sort(key=lambda a: a.start)
    return [a for i, a in enumerate(found) if not any(b.start < a.end and a.start < b.end for b in found[:i])]


def companion_zones(masked: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where an 'alongside' phrase lists companions: from the phrase to the end of its clause."""
    anaphors = [a for a in find_anaphors(masked) if not any(s < a.end and a.start < e for s, e in taken)]
    return [(a.start, _segment(masked, a, anaphors, 0)[1]) for a in anaphors if a.kind == "alongside"]


def _segment(low: str, anaphor: Anaphor, anaphors: list[Anaphor], floor: int) -> tuple[int, int]:
    """The anaphor's clause: from the last clause break (or the previous anaphor, or ``floor``)
    before it to the next break or anaphor after it."""
    start = max([floor] + [m.end() for m in _BREAK.finditer(low, 0, anaphor.start)]
                + [a.end for a in anaphors if a.end <= anaphor.start])
    nxt = _BREAK.search(low, anaphor.end)
    end = min([nxt.start() if nxt else len(low)] + [a.start for a in anaphors if a.start >= anaphor.end])
    return start, end


def _item_span(low: str, party: Party, spans: list[DateSpan], limit: int) -> DateSpan | None:
    """The date right after a party: 'Russia in 2012', 'Australia (March 2024)', 'China was
    the first, in 2008' (through the anaphor itself)."""
    for d in spans:
        if d.start >= party.end:
            if d.start < limit and re.fullmatch(r"[\s,(]*(?:(?:in|on|since)\s+)?", low[party.end:d.start]):
                return d
            return None
    return None


def distribute_dates(low: str, subjects: list[Party], spans: list[DateSpan], end: int) -> list[DateValue | None]:
    """Each subject's date: its own ('Russia in 2012'), else the dates listed after the last
    subject in order ('the United States and Japan followed in September and November 2023'),
    else the next date after it in the clause ('Indonesia and ASEAN in September')."""
    own: list[DateSpan | None] = []
    for i, p in enumerate(subjects):
        limit = subjects[i + 1].start if i + 1 < len(subjects) else end
        own.append(_item_span(low, p, spans, limit))
    undated = [i for i, d in enumerate(own) if d is None]
    after = [d for d in spans if subjects and subjects[-1].end <= d.start < end and d not in own]
    if len(undated) >= 2 and len(after) == len(undated):
        for i, d in zip(undated, after, strict=True):
            own[i] = d
    out: list[DateValue | None] = []
    for i, p in enumerate(subjects):
        if own[i] is not None:
            out.append(own[i].value)  # type: ignore[union-attr]
            continue
        later = [d for d in spans if p.end <= d.start < end]
        out.append(later[0].value if later else None)
    return out


def references(low: str, masked: str, parties: list[Party], spans: list[DateSpan],
               antecedent_at: dict[int, Antecedent], earlier: Antecedent | None,
               taken: list[tuple[int, int]], sentence_date: DateValue) -> list[Reference]:
    """The frameworks the sentence's anaphors state. ``antecedent_at`` maps the end offset of
    each label of this sentence to what it names; ``earlier`` is the antecedent from the
    sentences before; ``taken``: the spans of the sentence's own labels (an anaphor inside one,
    as in 'the first comprehensive strategic partner', is that label's)."""
    anaphors = [a for a in find_anaphors(masked) if not any(s < a.end and a.start < e for s, e in taken)]
    if not anaphors:
        return []
    cs = cues()
    out: list[Reference] = []
    for anaphor in anaphors:
        before = [end for end in antecedent_at if end <= anaphor.start]
        antecedent = antecedent_at[max(before)] if before else earlier
        if antecedent is None:
            continue
        if not before and anaphor.kind in ("ordinal", "follow", "follow_by") and not antecedent.ladder:
            continue  # "X was the first", "Y followed" across sentences need a ranking being told
        start, end = _segment(masked, anaphor, anaphors, max([0] + before))
        if anaphor.kind in ("follow_by", "alongside"):
            start = anaphor.end
        clause_start = max([_segment(masked, anaphor, anaphors, max([0] + before))[0]]
                           + [m.end() for m in _RELATIVE.finditer(masked, 0, anaphor.start)])
        owner = antecedent.owner_against({p.code for p in parties if clause_start <= p.start < end})
        if not owner:
            continue
        subjects: list[Party] = []
        for p in parties:
            if start <= p.start and p.end <= end and p.code != owner and p.kind != "group" \
                    and p.code not in {q.code for q in subjects}:
                subjects.append(p)
        if anaphor.kind == "alongside":
            subjects = [p for p in subjects if p.code not in antecedent.pair]
        if not subjects:
            continue
        clause = masked[start:anaphor.start]
        if cs.negation.search(clause[-40:]):
            continue
        intended = bool(cs.intent.search(clause)) and not re.search(r"\b(?:joined|became|was|followed|raised|lifted)\b", clause)
        if anaphor.kind == "alongside":
            out.extend(Reference(owner, p.code, antecedent.tier, antecedent.label, "existing", DateValue())
                       for p in subjects)
            continue
        status = "intended" if intended else "established"
        if anaphor.kind == "level":
            # "Seoul has since lifted its relations with Vietnam to the same level": the clause's own
            # pair; "it raised ties with Australia to that level": the owner and the partner
            named = [p for p in parties if start <= p.start and p.end <= end and p.kind != "group"]
            codes = list(dict.fromkeys(p.code for p in named))
            pair = (codes[0], codes[1]) if len(codes) >= 2 else (owner, subjects[0].code)
            later = [d for d in spans if anaphor.end <= d.start < end] or [d for d in spans if start <= d.start < end]
            out.append(Reference(pair[0], pair[1], antecedent.tier, antecedent.label, status,
                                 later[0].value if later else sentence_date))
            continue
        dates = distribute_dates(low, subjects, spans, end)
        for p, when in zip(subjects, dates, strict=True):
            out.append(Reference(owner, p.code, antecedent.tier, antecedent.label, status, when or sentence_date))
    return out
