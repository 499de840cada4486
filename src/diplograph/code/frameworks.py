"""Partnership frameworks from text: the label as written, its tier, the pair, the status
(established, existing, intended, ended) and the date.

Pure Python over the sentence text and the actor mentions that earlier stages found; no parse.
The rules (docs/frameworks.md) in short:
- a label is a run of tier words before a head ("comprehensive strategic partnership",
  "strategic partners", "CSPs"), a layered label ("community with a shared future"), or a
  ladder phrase ("top-tier partner", "highest level", "the sixth country"), whose tier is the
  top rung of the owner's ladder (diplograph.ladders);
- the pair comes from the sentence's structure as text shows it (a hyphenated pair, "between A
  and B", a list after "with", "A and B", a group mention), never from a third state named as
  context ("in the face of China's growing influence"), else from the document's pair in focus;
- the status comes from the nearest change verb before the label and what governs it: an
  intention ("agreed to work towards", "expected to", "will"), a negation, an ending
  ("downgraded"), a retrospective wording without a date ("previously established": existing).
Extraction never reads the reference frameworks table.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass

from ..ladders import has_own_ladder, top_tier
from ..model import DateValue, FrameworkObservation, Sentence
from .frameworks_text import LabelHit, cues, find_dates, find_labels, lower_same_length, mask, unify

FRAMEWORK_EXTRACTOR_VERSION = "frameworks-1"

log = logging.getLogger(__name__)

_PARTY_KINDS = frozenset({"state", "org", "person", "group"})


@dataclass(frozen=True)
class _Party:
    """An actor mention usable as a party, with offsets into the sentence text."""

    start: int
    end: int
    codes: tuple[str, ...]
    kind: str

    @property
    def code(self) -> str:
        return self.codes[0]


@dataclass
class _Found:
    """An observation before the document-level pass."""

    obs: FrameworkObservation
    new_claim: bool = False


def is_framework_candidate(text: str) -> bool:
    """A cheap lexical test: can this sentence hold a framework?"""
    return bool(text) and cues().candidate.search(text) is not None


# ----------------------------------------------------------------------------- parties

def _parties(sentence: Sentence, low: str) -> list[_Party]:
    cs = cues()
    parties: list[_Party] = []
    for m in sentence.mentions:
        if m.kind not in _PARTY_KINDS or not m.codes:
            continue
        start, end = m.start - sentence.start, m.end - sentence.start
        if start < 0 or end > len(low):
            continue
        if cs.context_before.search(low[max(0, start - 40):start]) or cs.context_after.search(low[end:end + 40]):
            continue  # a third state named as context, not a party
        parties.append(_Party(start, end, tuple(m.codes), m.kind))
    parties.sort(key=lambda p: p.start)
    return parties


def _gap(low: str, a: _Party, b: _Party) -> str:
    return low[a.end:b.start]


def _lists(low: str, parties: list[_Party]) -> list[list[_Party]]:
    """Runs of two or more parties joined only by commas, 'and', 'as well as', 'the'."""
    runs: list[list[_Party]] = []
    current: list[_Party] = []
    for p in parties:
        if current and re.fullmatch(r"(?:'s)?\s*(?:,|,?\s*and|,?\s*as well as|&|/|,?\s*or)?\s*(?:the\s+)?",
                                    _gap(low, current[-1], p)):
            current.append(p)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [p]
    if len(current) >= 2:
        runs.append(current)
    return runs


def _hyphen_pairs(low: str, parties: list[_Party]) -> list[tuple[_Party, _Party]]:
    return [(a, b) for a, b in zip(parties, parties[1:], strict=False)
            if re.fullmatch(r"\s*[-/]\s*", _gap(low, a, b)) and a.code != b.code]


def _owner_near(low: str, hit: LabelHit, parties: list[_Party]) -> _Party | None:
    """The country whose ladder a 'top-tier'/'sixth country' phrase refers to: 'Vietnam's
    top-tier partners', 'partner of Vietnam', 'ties with Vietnam', 'in Vietnam's ranking'."""
    for p in reversed(parties):
        if p.end <= hit.start and re.fullmatch(r"'s\s+(?:[a-z-]+\s+){0,2}", low[p.end:hit.start]):
            return p
    for p in parties:
        if p.start >= hit.end and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,8}?(?:of|with|in|for)\s+(?:the\s+)?",
                                               low[hit.end:p.start]):
            return p
    for p in parties:
        if p.start >= hit.end and re.match(r"'s\s", low[p.end:p.end + 3]):
            return p
    return None


class _Focus:
    """The pair a document is about: from group mentions ('the two countries'), else the title,
    else the two most frequent actors."""

    def __init__(self, sentences: list[Sentence]) -> None:
        groups: Counter[tuple[str, str]] = Counter()
        counts: Counter[str] = Counter()
        title_codes: list[str] = []
        for s in sentences:
            for m in s.mentions:
                if m.kind == "group" and len(m.codes) == 2:
                    groups[tuple(sorted(m.codes))] += 1  # type: ignore[index]
                elif m.kind in _PARTY_KINDS and m.codes:
                    counts[m.code] += 1
                    if s.is_title and m.code not in title_codes:
                        title_codes.append(m.code)
        self.pair: tuple[str, str] | None = None
        if groups:
            self.pair = groups.most_common(1)[0][0]
        elif len(title_codes) == 2:
            self.pair = (title_codes[0], title_codes[1])
        elif len(counts) >= 2:
            (a, _), (b, _) = counts.most_common(2)
            self.pair = (a, b)
        self.counts = counts

    def partner_of(self, code: str) -> str | None:
        if self.pair and code in self.pair:
            return self.pair[1] if self.pair[0] == code else self.pair[0]
        return None


# ----------------------------------------------------------------------------- status

@dataclass(frozen=True)
class _Status:
    status: str | None  # None: no observation (negated, the old level "from")
    retrospective: bool = False
    new_claim: bool = False
    old_level: bool = False  # the object of an upgrade ("upgrade their strategic partnership")


def _status(low: str, hit: LabelHit, scope_start: int, scope_end: int, sentence_low: str,
            upgrade_target: bool = False) -> _Status:
    cs = cues()
    before = low[scope_start:hit.start]
    after = low[hit.end:scope_end]
    if cs.from_before.search(before[-30:]):
        return _Status(None, old_level=True)  # "upgraded ... from a comprehensive partnership"
    if re.match(r"\s*(?:upgrade|upgrading|elevation)\b", after):
        # "agree on strategic partnership upgrade": the label may be the level upgraded from or
        # the one upgraded to; a headline's shorthand says neither, so it claims no tier
        return _Status(None, old_level=True)
    triggers = [(m.start(), m.end(), "ended") for m in cs.ended.finditer(before)]
    triggers += [(m.start(), m.end(), "change") for m in cs.change.finditer(before)]
    # "a strategic partnership, established in 2009": a participle just after the label
    tail = (re.match(r"(?:\s+(?:with|between)\s+[a-z' .-]{2,40}?)?\W{0,3}(?:which\s+|that\s+)?(?:was|were|had been|has been|have been)\s*"
                     r"(?:first\s+|formally\s+|officially\s+)?(?:established|set up|signed|forged|launched|agreed|"
                     r"upgraded|elevated|sealed|announced)\b", after)
            or re.match(r"(?:\s+(?:with|between)\s+[a-z' .-]{2,40}?)?\W{0,3}(?:established|set up|signed|forged|launched|agreed|upgraded|elevated|sealed|"
                        r"announced)\s+(?:in|on|at|by|during|last|earlier|this|\d)", after))
    triggers.sort()
    retro = bool(cs.retrospective.search(before) or cs.retrospective.search(after[:40]))
    intent_after = bool(cs.intent_after.search(after))
    if not triggers and not tail:
        window = _clause(before[-70:])
        if cs.negation.search(window[-40:]):
            # "would not scale back its partnership": the framework is there; "have not set up a
            # partnership": nothing to report
            return _Status("existing" if re.search(r"\b(?:its|their|our)\s+$", before) else None)
        if intent_after or _intent_in(window, sentence_low):
            return _Status("intended")
        return _Status("existing", retrospective=True)
    if triggers:
        t_start, t_end, t_kind = triggers[-1]
        governing = _clause(before[max(0, t_start - 45):t_start])
        between = before[t_end:]
        if (not upgrade_target and t_kind == "change" and cs.upgrade_verb_end.search(before[t_start:t_end])
                and cs.object_gap.match(between)):
            return _Status("existing", old_level=True)  # "upgrading their strategic partnership"
        if not upgrade_target and t_kind == "change" and cs.maintain.search(between):
            return _Status("existing")  # "agreed to deepen their comprehensive strategic partnership"
    else:
        t_kind, governing, between = "change", _clause(before[-45:]), ""
    governing = governing.replace("not only", "        ")
    negated = bool(cs.negation.search(governing[-30:]) or cs.negation.search(between))
    verb = before[t_start:t_end] if triggers else ""
    intended = (intent_after or _intent_in(governing + verb, sentence_low)
                or re.search(r"\b(?:toward|towards|possible|potential|future)\b", between) is not None)
    if t_kind == "ended":
        # "threatened to suspend", "would never downgrade": the framework is still there
        return _Status("existing" if negated or intended else "ended")
    if negated:
        return _Status(None)
    if intended:
        return _Status("intended")
    claim = bool(cs.new_claim.search(before)) and hit.kind in ("top", "label", "acronym")
    return _Status("established", retrospective=retro, new_claim=claim)


def _clause(window: str) -> str:
    """The part of a window after its last clause break (a comma, semicolon, colon)."""
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"))
    return window[cut + 1:] if cut >= 0 else window


def _intent_in(window: str, sentence_low: str) -> bool:
    """An intention cue governing the verb: 'expected to', 'agreed to work towards', 'will',
    a bare headline 'to upgrade'. 'Would' in a joint statement's outcome and 'agreed/decided to'
    are not intentions."""
    cs = cues()
    for m in cs.intent.finditer(window):
        word = m.group(0)
        if word == "would" and cs.would_outcome.search(sentence_low):
            continue
        if word in ("can", "may", "if", "whether") and not re.search(r"\b(?:upgrad|elevat|establish|becom)", window[m.end():]):
            continue
        return True
    # a bare infinitive ("Japan, Vietnam to upgrade ties as leader visits") is a plan unless
    # an outcome word governs it ("agreed to elevate", "decided to upgrade")
    for m in re.finditer(r"\bto\s+(?:further\s+)?(?:upgrad|elevat|establish|lift|rais|forg|becom|set up|build)", window):
        if not cs.to_outcome_before.search(window[:m.start()]):
            return True
    return False


# ----------------------------------------------------------------------------- pairs

def _pairs_for(low: str, hit: LabelHit, parties: list[_Party], scope: tuple[int, int],
               focus: _Focus) -> tuple[list[tuple[str, str]], list[tuple[str, str]], _Party | None]:
    """(pairs stated for this hit, companion pairs listed as already there, ladder owner)."""
    cs = cues()
    owner = _owner_near(low, hit, parties)
    in_scope = [p for p in parties if scope[0] <= p.start and p.end <= scope[1]]
    candidates = in_scope or parties
    companions: list[tuple[str, str]] = []

    for a, b in _hyphen_pairs(low, candidates):  # "the Japan-Vietnam relationship"
        return [(a.code, b.code)], companions, owner
    for p in candidates:
        if p.kind == "group" and len(set(p.codes)) == 2 and not [q for q in candidates if q.kind != "group"]:
            return [(p.codes[0], p.codes[1])], companions, owner
    m = re.search(r"\bbetween\s+(?:the\s+)?", low)
    if m:
        after = [p for p in candidates if p.start >= m.end()]
        if len(after) >= 2 and re.fullmatch(r"(?:'s)?\s*(?:and|,)\s*(?:the\s+)?", _gap(low, after[0], after[1])):
            return [(after[0].code, after[1].code)], companions, owner

    lists = _lists(low, candidates)
    for run in lists:
        intro = low[max(0, run[0].start - 40):run[0].start]
        listed = {p.start for p in run}
        others = [p for p in candidates if p.start not in listed and (owner is None or p.start != owner.start)]
        if cs.companions_before.search(intro):
            # "X has now gained the status of Vietnam's top-tier partners, along with A, B and C"
            anchor = owner or next((p for p in others if focus.partner_of(p.code)), None)
            if anchor is None:
                continue
            companions = [(anchor.code, p.code) for p in run if p.code != anchor.code]
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
                anchor_code = shared[0] if len(shared) == 1 else None
            else:
                anchor_code = anchor.code if anchor else None
            if anchor_code:
                return [(anchor_code, p.code) for p in run if p.code != anchor_code], companions, owner
    if hit.kind in ("top", "ordinal") and owner is not None:
        # "making Japan the sixth country ...", "Japan joins ... as Vietnam's top-tier partner"
        subject = _subject_for(low, hit, candidates, owner)
        if subject is not None:
            return [(owner.code, subject.code)], companions, owner
    codes: list[str] = []
    for p in candidates:
        for c in p.codes:
            if c not in codes:
                codes.append(c)
    if len(codes) == 2:
        return [(codes[0], codes[1])], companions, owner
    if len(codes) == 1:
        other = focus.partner_of(codes[0])
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
        if a.code != b.code and re.fullmatch(r"(?:'s)?\s*(?:and|,)\s*(?:the\s+)?", _gap(low, a, b)):
            return [(a.code, b.code)], companions, owner
    near = sorted(candidates, key=lambda p: min(abs(p.start - hit.end), abs(hit.start - p.end)))
    firsts: list[str] = []
    for p in near:
        if p.code not in firsts:
            firsts.append(p.code)
    if focus.pair and set(focus.pair) <= set(codes):
        return [focus.pair], companions, owner
    return [(firsts[0], firsts[1])], companions, owner


def _subject_for(low: str, hit: LabelHit, parties: list[_Party], owner: _Party) -> _Party | None:
    """The party that reaches the owner's top rung: the one just before 'the sixth country',
    else the nearest other party before the hit, else after it."""
    before = [p for p in parties if p.end <= hit.start and p.code != owner.code]
    if before:
        return before[-1]
    after = [p for p in parties if p.start >= hit.end and p.code != owner.code]
    return after[0] if after else None


# ----------------------------------------------------------------------------- dates

@dataclass(frozen=True)
class _DateSpan:
    start: int
    end: int
    value: DateValue


def _date_spans(text: str, low: str, published: dt.date | None) -> list[_DateSpan]:
    """Resolved date expressions of the sentence (the dates stage's finder; offsets into text)."""
    try:
        from ..dates import VAGUE, find_date_expressions
    except ImportError:  # the dates stage is optional for this module: explicit dates only
        return [_DateSpan(d.start, d.end, DateValue(d.value, d.precision)) for d in find_dates(low, published)]
    return [_DateSpan(m.start, m.end, m.value) for m in find_date_expressions(text, published)
            if m.kind != VAGUE and m.value.precision != "none"]


def _date_for(hit: LabelHit, scope: tuple[int, int], spans: list[_DateSpan], sentence: Sentence,
              retrospective: bool) -> DateValue | None:
    """The date expression nearest the label in its scope; else the sentence date, unless the
    wording is retrospective without any date (then None: the framework is 'existing')."""
    near = [d for d in spans if scope[0] <= d.start < scope[1]]
    if near:
        return min(near, key=lambda d: min(abs(d.start - hit.end), abs(hit.start - d.end))).value
    if retrospective:
        return None
    return sentence.date


# ----------------------------------------------------------------------------- main

def _scopes(hits: list[LabelHit], n: int) -> list[tuple[int, int]]:
    scopes = []
    for i, h in enumerate(hits):
        start = hits[i - 1].end if i > 0 else 0
        end = hits[i + 1].start if i + 1 < len(hits) else n
        scopes.append((min(start, h.start), max(end, h.end)))
    return scopes


_TO_NEXT = re.compile(r"^\W*(?:[a-z-]+\s+){0,5}?(?:to|into)\s+(?:a|an|the)?\s*(?:new\s+|higher\s+)?$")


def _sentence_observations(sentence: Sentence, published: dt.date | None, focus: _Focus) -> list[_Found]:
    cs = cues()
    text = sentence.text
    low = unify(lower_same_length(text))
    hits = find_labels(text, low)
    if not hits:
        return []
    if cs.corporate.search(low) and not cs.state_context.search(low):
        return []  # a business partnership between companies
    spans = _date_spans(text, low, published)
    masked = mask(low, [(d.start, d.end) for d in spans])
    parties = _parties(sentence, low)
    specific = [h for h in hits if h.kind in ("label", "community", "acronym")]
    ordinal = next((h for h in hits if h.kind == "ordinal"), None)
    main = [h for h in hits if h.kind != "ordinal"] or ([ordinal] if ordinal else [])
    if specific:
        main = specific  # a ladder phrase next to a spelled-out label adds nothing but the owner
    scopes = _scopes(main, len(low))
    statuses: list[_Status] = []
    for i, (h, sc) in enumerate(zip(main, scopes, strict=True)):
        prev = statuses[i - 1] if i else None
        if prev is not None and prev.old_level and _TO_NEXT.match(low[main[i - 1].end:h.start]):
            # "upgrade their strategic partnership to a comprehensive strategic partnership": the
            # new level is governed by the verb before the old one
            statuses.append(_status(masked, h, scopes[i - 1][0], sc[1], masked, upgrade_target=True))
        else:
            statuses.append(_status(masked, h, sc[0], sc[1], masked))
    found: list[_Found] = []
    for i, (hit, scope, st) in enumerate(zip(main, scopes, statuses, strict=True)):
        status = st.status
        if i + 1 < len(main) and _TO_NEXT.match(low[hit.end:main[i + 1].start]) and (st.old_level or status):
            # "upgrade their strategic partnership to a comprehensive strategic partnership": the
            # old level still holds while the new one is only intended; an upgrade ends it
            status = "existing" if statuses[i + 1].status in ("intended", None) else None
        elif st.old_level and status is None:
            continue
        if status is None:
            continue
        pairs, companions, owner = _pairs_for(low, hit, parties, scope, focus)
        if not pairs and not companions:
            continue
        new_claim = st.new_claim
        if ordinal is not None and status in ("existing", "established") and hit.kind != "community":
            status, new_claim = "established", False  # "making Japan the sixth country to ..."
        tier = hit.tier
        if tier is None:
            ladder_of = owner.code if owner else _ladder_country(pairs[0] if pairs else companions[0])
            tier = top_tier(ladder_of)
        if new_claim:
            status = "existing"  # decided at document level: established if the upgrade is reported
        date: DateValue | None = DateValue()
        since = [d for d in spans if scope[0] <= d.start < scope[1]
                 and (cs.since_before.search(low[:d.start]) or low.startswith("since", d.start))]
        if status == "existing" and since and not st.old_level:
            status, date = "established", since[0].value  # "strategic partners since 2004"
        elif status in ("established", "intended", "ended"):
            date = _date_for(hit, scope, spans, sentence, st.retrospective)
            if date is None:
                status, date = ("existing", DateValue()) if status == "established" else (status, sentence.date)
        if status == "established" and len(pairs) >= 2 and not any(
                scope[0] <= d.start < scope[1] for d in spans):
            status, date = "existing", DateValue()  # a list of partners reported as background
        for a, b in pairs:
            if a and b and a != b:
                found.append(_Found(_obs(a, b, hit.label, tier, status, date or DateValue(), sentence), new_claim))
        for a, b in companions:
            if a != b:
                found.append(_Found(_obs(a, b, hit.label, tier, "existing", DateValue(), sentence)))
    return found


def _ladder_country(pair: tuple[str, str]) -> str:
    own = [c for c in pair if has_own_ladder(c)]
    return own[0] if len(own) == 1 else pair[0]


def _obs(a: str, b: str, label: str, tier: str, status: str, date: DateValue,
         sentence: Sentence) -> FrameworkObservation:
    return FrameworkObservation(
        a=a, b=b, label=label, tier=tier, status=status, date=date, evidence=sentence.text,
        sentence_index=sentence.index, sentence_start=sentence.start, in_title=sentence.is_title,
        source="news", extractor=FRAMEWORK_EXTRACTOR_VERSION,
    )


def extract_frameworks(sentences: list[Sentence], published: dt.date | None) -> list[FrameworkObservation]:
    """Framework observations from a document's sentences (all of them, for context)."""
    focus = _Focus(sentences)
    found: list[_Found] = []
    for sentence in sentences:
        if not is_framework_candidate(sentence.text):
            continue
        found.extend(_sentence_observations(sentence, published, focus))
    # document level: a "now gained the status" claim is established when the document reports
    # the upgrade itself (then it takes that date), else it only says the framework is there
    reported = {}
    for f in found:
        o = f.obs
        if o.status == "established" and not f.new_claim and not o.in_title:
            reported.setdefault((o.a, o.b), o)
    out: list[FrameworkObservation] = []
    seen: set[tuple[object, ...]] = set()
    for f in found:
        o = f.obs
        upgrade = reported.get((o.a, o.b))
        if f.new_claim and upgrade is not None:
            o.status, o.date = "established", upgrade.date
        elif o.in_title and o.status == "established" and upgrade is not None and upgrade.tier == o.tier:
            o.date = upgrade.date  # a headline reports the body's event: the body dates it
        key = (o.a, o.b, o.label, o.tier, o.status, o.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        out.append(o)
    return out


__all__ = ["FRAMEWORK_EXTRACTOR_VERSION", "extract_frameworks", "is_framework_candidate"]
