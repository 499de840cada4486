"""Framework extraction: who the parties of a label are. Actor mentions usable as parties (a
third state named as context is not one), lists, hyphenated pairs, the ladder owner of a
'top-tier' phrase, the document's pair in focus, and the pair (or pairs) a label states."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..ladders import has_own_ladder
from ..model import Sentence
from .frameworks_text import LabelHit, cues

PARTY_KINDS = frozenset({"state", "org", "person", "group"})
REGION_PREFIX = "@"  # a party code that stands for a region's states (cues: regions)


def expand_region(code: str) -> tuple[str, ...]:
    """A region's member states; any other code as it is."""
    if code.startswith(REGION_PREFIX):
        return cues().region_members.get(code[len(REGION_PREFIX):], ())
    return (code,)


@dataclass(frozen=True)
class Party:
    """An actor mention usable as a party, with offsets into the sentence text."""

    start: int
    end: int
    codes: tuple[str, ...]
    kind: str

    @property
    def code(self) -> str:
        return self.codes[0]



# "HANOI, Nov 27 (Wire) - ", "SINGAPORE/BRUSSELS - ": where the story was filed, not a party
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'\u2019-]{2,}(?:[ /][A-Z][A-Z.'\u2019-]+)*"
                       r"(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*(?:-{1,2}|\u2013|\u2014|:)\s")
_VENUE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|outside|inside|across|via)\s+$")
# "the bloc", "the 10-member grouping": the organisation the document is about
_ORG_DESCRIPTOR = re.compile(r"\bthe\s+(?:(?:\d+|[a-z]+)-(?:member|nation|country|state)\s+|regional\s+)?"
                             r"(?:bloc|grouping|association|union)\b")


def dateline_end(text: str) -> int:
    """The offset where a sentence's dateline ends (0 without one)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def parties_of(sentence: Sentence, low: str, focus_org: str | None = None) -> list[Party]:
    cs = cues()
    parties: list[Party] = []
    skip = dateline_end(sentence.text)
    for m in sentence.mentions:
        if m.kind not in PARTY_KINDS or not m.codes:
            continue
        start, end = m.start - sentence.start, m.end - sentence.start
        if start < skip or end > len(low):
            continue
        if cs.context_before.search(low[max(0, start - 40):start]) or cs.context_after.search(low[end:end + 40]):
            continue  # a third state named as context, not a party
        if m.via in ("capital", "seat") and _VENUE_BEFORE.search(low[max(0, start - 12):start]):
            continue  # "at a meeting in Brussels", "a visit to Canberra": a place
        parties.append(Party(start, end, tuple(m.codes), m.kind))
    for r in cs.regions.finditer(low):  # "EU-Central Asia": the region stands for its states
        if r.start() >= skip and not any(p.start < r.end() and r.start() < p.end for p in parties):
            parties.append(Party(r.start(), r.end(), (REGION_PREFIX + str(r.lastgroup),), "region"))
    if focus_org:
        for d in _ORG_DESCRIPTOR.finditer(low):
            if d.start() >= skip and not any(p.start < d.end() and d.start() < p.end for p in parties):
                parties.append(Party(d.start(), d.end(), (focus_org,), "org"))
    parties.sort(key=lambda p: p.start)
    return parties


def gap(low: str, a: Party, b: Party) -> str:
    return low[a.end:b.start]


# between two items of a list: a comma, "and", "as well as"; an item may carry its date
# ("Australia (March 2024), France (October 2024)", "Russia in 2012 and India in 2016")
_LIST_GAP = re.compile(r"(?:'s)?(?:\s*\([^()]{1,30}\)|\s+in\s+(?:[a-z]+\s+)?\d{4})?\s*"
                       r"(?:,|,?\s*and|,?\s*as well as|&|/|,?\s*or)?\s*(?:the\s+)?")


def lists(low: str, parties: list[Party]) -> list[list[Party]]:
    """Runs of two or more parties joined only by commas, 'and', 'as well as', 'the'."""
    runs: list[list[Party]] = []
    current: list[Party] = []
    for p in parties:
        if current and _LIST_GAP.fullmatch(gap(low, current[-1], p)):
            current.append(p)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [p]
    if len(current) >= 2:
        runs.append(current)
    return runs


def hyphen_pairs(low: str, parties: list[Party]) -> list[tuple[Party, Party]]:
    return [(a, b) for a, b in zip(parties, parties[1:], strict=False)
            if re.fullmatch(r"\s*[-/]\s*", gap(low, a, b)) and a.code != b.code]


def owner_near(low: str, hit: LabelHit, parties: list[Party]) -> Party | None:
    """The country whose ladder a 'top-tier'/'sixth country' phrase refers to: 'Vietnam's
    top-tier partners', 'partner of Vietnam', 'ties with Vietnam', 'in Vietnam's ranking'."""
    for p in reversed(parties):
        if p.end <= hit.start and re.fullmatch(r"'s?\s+(?:[a-z-]+\s+){0,2}", low[p.end:hit.start]):
            return p
    for p in parties:
        if p.start >= hit.end and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,8}?(?:of|with|in|for)\s+(?:the\s+)?",
                                               low[hit.end:p.start]):
            return p
    for p in parties:
        if p.start >= hit.end and re.match(r"'s\s", low[p.end:p.end + 3]):
            return p
    return None


class Focus:
    """The pair a document is about: from group mentions ('the two countries'), else the title,
    else the two most frequent actors."""

    def __init__(self, sentences: list[Sentence]) -> None:
        groups: Counter[tuple[str, str]] = Counter()
        counts: Counter[str] = Counter()
        orgs: Counter[str] = Counter()
        title_codes: list[str] = []
        for s in sentences:
            for m in s.mentions:
                if m.kind == "group" and len(m.codes) == 2:
                    groups[tuple(sorted(m.codes))] += 1  # type: ignore[index]
                elif m.kind in PARTY_KINDS and m.codes:
                    counts[m.code] += 1
                    if m.kind == "org":
                        orgs[m.code] += 1
                    if s.is_title and m.code not in title_codes:
                        title_codes.append(m.code)
        self.pair: tuple[str, str] | None = None
        if groups:
            self.pair = groups.most_common(1)[0][0]
        elif len(title_codes) == 2:
            self.pair = (title_codes[0], title_codes[1])
        elif len(counts) >= 2:
            ranked = counts.most_common(3)
            (a, na), (b, nb) = ranked[:2]
            # the two most named actors, unless the document names many about as often (an
            # analysis of a country's partners is about that country, not one pair)
            if len(ranked) == 2 or (nb >= 2 and ranked[2][1] < nb):
                self.pair = (a, b)
        self.counts = counts
        # what "the bloc" refers to: the organisation of the pair in focus, else the most named one
        in_pair = [c for c in (self.pair or ()) if c in orgs]
        self.org: str | None = in_pair[0] if in_pair else (orgs.most_common(1)[0][0] if orgs else None)

    def partner_of(self, code: str) -> str | None:
        if self.pair and code in self.pair:
            return self.pair[1] if self.pair[0] == code else self.pair[0]
        return None



# a companion pair listed beside the new one ("along with A, B and C"): (anchor, code, where the
# companion's name ends, for a date that follows it: "following Australia (March 2024), ...")
Companion = tuple[str, str, int]


def pairs_for(low: str, hit: LabelHit, parties: list[Party], scope: tuple[int, int],
              focus: Focus, topic: str | None = None) -> tuple[list[tuple[str, str]], list[Companion], Party | None]:
    """(pairs stated for this hit, companion pairs listed as already there, ladder owner).
    ``topic``: whose partners the story is telling ('India's strategic partners: who counts'),
    the other party of a sentence that names only the partner."""
    pairs, companions, owner = _pairs(low, hit, parties, scope, focus, topic)
    if companions or not pairs:
        return pairs, companions, owner
    # "a CSP between ASEAN and Japan, the bloc's sixth after China, Australia and India": the
    # pair is stated; the list after 'after/alongside' names companions of its owner
    cs = cues()
    named = {c for pair in pairs for c in pair}
    for run in lists(low, [p for p in parties if p.start >= hit.end and p.end <= scope[1]]):
        if not cs.companions_before.search(low[max(0, run[0].start - 40):run[0].start]):
            continue
        anchor = owner.code if owner is not None else _owner_of(pairs[0], focus)
        if anchor is not None and anchor in named:
            companions = [(anchor, p.code, p.end) for p in run if p.code not in named]
            return pairs, companions, owner
    return pairs, companions, owner


def _owner_of(pair: tuple[str, str], focus: Focus) -> str | None:
    """Whose ladder a pair's label sits on: the organisation in focus, else the one party with a
    ladder of its own."""
    if focus.org in pair:
        return focus.org
    own = [c for c in pair if has_own_ladder(c)]
    return own[0] if len(own) == 1 else None


def _pairs(low: str, hit: LabelHit, parties: list[Party], scope: tuple[int, int],
           focus: Focus, topic: str | None) -> tuple[list[tuple[str, str]], list[Companion], Party | None]:
    cs = cues()
    owner = owner_near(low, hit, parties)
    in_scope = [p for p in parties if scope[0] <= p.start and p.end <= scope[1]]
    candidates = in_scope or parties
    companions: list[Companion] = []

    hyphenated = hyphen_pairs(low, candidates)  # "the Japan-Vietnam relationship"
    if hyphenated:  # "Vietnam-Indonesia and Vietnam-Singapore relations": each
        return list(dict.fromkeys((a.code, b.code) for a, b in hyphenated)), companions, owner
    for p in candidates:
        if p.kind == "group" and len(set(p.codes)) == 2 and not [q for q in candidates if q.kind != "group"]:
            return [(p.codes[0], p.codes[1])], companions, owner
    for m in re.finditer(r"\bbetween\s+(?:the\s+)?", low):
        if m.start() > hit.end + 40:
            break  # "... on the eve of a summit marking 50 years of ties between Japan and ASEAN"
        after = [p for p in candidates if p.start >= m.end()]
        if len(after) >= 2 and re.fullmatch(r"(?:'s)?\s*(?:and|,)\s*(?:the\s+)?", gap(low, after[0], after[1])):
            return [(after[0].code, after[1].code)], companions, owner
    partner = _with_partner(low, hit, parties)
    if partner is not None:
        # "South Korea has a CSP with Vietnam, agreed in 2022, and a special strategic partnership
        # with Indonesia": the party after "with" and the subject before the label
        other = subject_before(low, parties, hit.start, exclude=partner.code)
        if other is not None:
            return [(other.code, partner.code)], companions, owner

    runs = lists(low, candidates)
    for run in runs:
        intro = low[max(0, run[0].start - 40):run[0].start]
        listed = {p.start for p in run}
        others = [p for p in candidates if p.start not in listed and (owner is None or p.start != owner.start)]
        if cs.companions_before.search(intro):
            # "X has now gained the status of Vietnam's top-tier partners, along with A, B and C"
            anchor = owner or next((p for p in others if focus.partner_of(p.code)), None)
            if anchor is None:
                continue
            companions = [(anchor.code, p.code, p.end) for p in run if p.code != anchor.code]
            subject = next((p for p in others if p.code != anchor.code), None)
            if subject is not None:
                return [(anchor.code, subject.code)], companions, owner
            return [], companions, owner
        if cs.list_intro_before.search(intro) and len(run) >= 2:
            # "Vietnam previously established CSPs with China, Russia, ... and the United States"
            before_run = [p for p in candidates if p.start not in listed and p.end <= run[0].start]
            anchor = before_run[-1] if before_run else None
            if anchor is None and focus.pair:
                shared = [c for c in focus.pair if c not in {p.code for p in run}]
                if len(shared) == 2 and hit.kind == "top":
                    # "Its top tier consists of China, Russia, India and South Korea": the ladder's owner
                    shared = [c for c in shared if has_own_ladder(c)]
                anchor_code = shared[0] if len(shared) == 1 else None
            else:
                anchor_code = anchor.code if anchor else None
            if anchor_code:
                return [(anchor_code, p.code) for p in run if p.code != anchor_code], companions, owner
    if hit.kind in ("top", "ordinal") and owner is not None:
        # "making Japan the sixth country ...", "Japan joins ... as Vietnam's top-tier partner"
        subject = subject_for(low, hit, candidates, owner)
        if subject is not None:
            return [(owner.code, subject.code)], companions, owner
    codes: list[str] = []
    for p in candidates:
        for c in p.codes:
            if c not in codes:
                codes.append(c)
    if topic and topic not in codes:
        members = _subjects_of_many(low, hit, candidates)
        if members:
            # "Saudi Arabia, Oman and Qatar are strategic partners", "Thailand and Myanmar hold
            # comprehensive strategic cooperative partnerships": each is the topic's partner
            return [(topic, p.code) for p in members], companions, owner
    if len(codes) == 2:
        return [(codes[0], codes[1])], companions, owner
    if len(codes) == 1:
        # "Vietnam has seven comprehensive strategic partnerships": a plural label with one party
        # counts the owner's partners; it names no pair
        plural = re.search(r"(?:partnerships|partners|relationships)$", hit.label) is not None
        other = None if plural else focus.partner_of(codes[0])
        if other is None and not plural and topic and topic != codes[0] and _names_subject(low, hit, candidates):
            other = topic  # "Russia became a special and privileged strategic partner in 2010"
        if other is None and _COORDINATED.search(low[scope[0]:hit.start]):
            # "India raised its ties with Egypt ... and has long described South Africa as a strategic
            # partner": the sentence's subject carries over to a coordinated predicate
            subject = subject_before(low, parties, scope[0], exclude=codes[0])
            other = subject.code if subject is not None else None
        return ([(codes[0], other)] if other else []), companions, owner
    if not codes:
        return ([focus.pair] if focus.pair else []), companions, owner
    # more than two: "X ... a comprehensive strategic partnership with Y"
    for p in candidates:
        if p.start >= hit.end and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,3}?with\s+(?:the\s+)?", low[hit.end:p.start]):
            first = next((q for q in candidates if q.code != p.code and q.kind != "group"), None)
            if first is not None:
                return [(first.code, p.code)], companions, owner
    # the pair nearest the label, preferring "A and B" joined by a conjunction
    for a, b in zip(candidates, candidates[1:], strict=False):
        if a.code != b.code and re.fullmatch(r"(?:'s)?\s*(?:and|,)\s*(?:the\s+)?", gap(low, a, b)):
            return [(a.code, b.code)], companions, owner
    near = sorted(candidates, key=lambda p: min(abs(p.start - hit.end), abs(hit.start - p.end)))
    firsts: list[str] = []
    for p in near:
        if p.code not in firsts:
            firsts.append(p.code)
    if focus.pair and set(focus.pair) <= set(codes):
        return [focus.pair], companions, owner
    return [(firsts[0], firsts[1])], companions, owner


def subject_for(low: str, hit: LabelHit, parties: list[Party], owner: Party) -> Party | None:
    """The party that reaches the owner's top rung: the one just before 'the sixth country',
    else the nearest other party before the hit, else after it."""
    before = [p for p in parties if p.end <= hit.start and p.code != owner.code]
    if before:
        return before[-1]
    after = [p for p in parties if p.start >= hit.end and p.code != owner.code]
    return after[0] if after else None


_COORDINATED = re.compile(r"\b(?:and|but|while)\s+(?:(?:has|have|had|also|long|since|later|then|now|it|they|"
                          r"has\s+long|has\s+also)\s+)*[a-z]+(?:ed|s)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:with|to|from|in|at|of|for|by|on|after|than|like|unlike|between|into|"
                                 r"including|include|includes|among|as|visit(?:ed|ing|s)?)\s+(?:the\s+)?$")


def subject_before(low: str, parties: list[Party], limit: int, exclude: str) -> Party | None:
    """The nearest party before ``limit`` that is not the object of a preposition ('with Vietnam',
    'in Hanoi'): the subject of the clause a label belongs to, approximately."""
    objects: set[int] = set()  # parties after a preposition, and the rest of a list they head
    for i, p in enumerate(parties):
        if _PREPOSITION_BEFORE.search(low[max(0, p.start - 25):p.start]) or (
                i and parties[i - 1].start in objects and _LIST_GAP.fullmatch(gap(low, parties[i - 1], p))):
            objects.add(p.start)
    for p in reversed([q for q in parties if q.end <= limit and exclude not in q.codes]):
        if p.start not in objects and p.kind != "group":
            return p
    return None


def _with_partner(low: str, hit: LabelHit, parties: list[Party]) -> Party | None:
    """The single party right after 'LABEL with': 'a strategic partnership with Indonesia'
    (a list after 'with' is the list rule's)."""
    m = re.match(r"(?:\s+[a-z-]+){0,2}?\s+with\s+(?:the\s+)?", low[hit.end:hit.end + 60])
    if m is None:
        return None
    start = hit.end + m.end()
    following = [p for p in parties if p.start >= start]
    if not following or following[0].start != start:
        return None
    if len(following) >= 2 and re.fullmatch(r"(?:'s)?\s*(?:,|and|,\s*and|as well as)\s*(?:the\s+)?",
                                            gap(low, following[0], following[1])):
        return None
    return following[0]


_COPULA_OR_HOLD = re.compile(r"^(?:'s)?\s+(?:(?:are|were|remain|have\s+been|had\s+been|hold|have|had|enjoy|keep|count\s+as|"
                             r"also|all|both|already|each|as\s+well)\s+)+(?:a|an|the|their|its)?\s*$")


def _subjects_of_many(low: str, hit: LabelHit, parties: list[Party]) -> list[Party]:
    """The parties of a subject list that cannot be one pair: three or more before 'are LABELs',
    or two before 'hold/have LABEL partnerships' (plural partnerships: one each)."""
    runs = [r for r in lists(low, parties) if r[-1].end <= hit.start and _COPULA_OR_HOLD.match(low[r[-1].end:hit.start])]
    if not runs:
        return []
    run = runs[-1]
    if len({p.code for p in run}) >= 3 or (len(run) == 2 and hit.label.endswith("partnerships")):
        return run
    return []


def _names_subject(low: str, hit: LabelHit, parties: list[Party]) -> bool:
    """The only party is the subject of 'is/became a LABEL' ('the UAE is a comprehensive strategic
    partner', 'Russia became a special and privileged strategic partner')."""
    before = [p for p in parties if p.end <= hit.start]
    return bool(before) and re.fullmatch(r"(?:'s)?\s+(?:[a-z,]+\s+){0,3}?(?:is|was|became|becomes|has\s+become|remains|"
                                          r"has\s+been|had\s+been)\s+(?:also\s+|now\s+|already\s+)?(?:a|an|its|the)?\s*",
                                          low[before[-1].end:hit.start]) is not None
