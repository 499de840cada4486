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
from dataclasses import dataclass, field, replace

from ..ladders import has_own_ladder, top_tier
from ..model import DateValue, FrameworkObservation, Sentence
from .frameworks_anaphora import Antecedent, companion_zones, find_anaphors, references
from .frameworks_dates import DateSpan, date_for, date_spans, own_date_span, refine_year_dates
from .frameworks_lists import (
    ListContext,
    is_lead_in,
    is_row,
    is_table_separator,
    lead_in_owner,
    row_party,
    synthetic_hit,
)
from .frameworks_pairs import Focus, Party, expand_region, pairs_for, parties_of
from .frameworks_status import Status, is_anniversary, status_of
from .frameworks_text import LabelHit, cues, find_dates, find_labels, lower_same_length, mask, unify

FRAMEWORK_EXTRACTOR_VERSION = "frameworks-2"

log = logging.getLogger(__name__)

@dataclass
class _Found:
    """An observation before the document-level pass."""

    obs: FrameworkObservation
    new_claim: bool = False
    nominal: bool = False  # established by a noun ('the upgrading of ties to X') with no date of its own


def is_framework_candidate(text: str) -> bool:
    """A cheap lexical test: can this sentence hold a framework?"""
    return bool(text) and cues().candidate.search(text) is not None



# ----------------------------------------------------------------------------- main

# where one clause ends and the next begins: "...; the two had been", ", and India raised"
_CLAUSE_BREAK = re.compile(r";|\s-\s|,\s+(?:and|but|while|whereas|although|though)\s+(?!(?:the\s+)?[a-z]+\s+(?:of|in|on|for)\b)"
                           r"(?=(?:it|they|he|she|the|its|their|[a-z]+)\s+(?:[a-z]+,?\s+){0,4}?(?:has|have|had|is|are|was|were|"
                           r"[a-z]+ed|[a-z]+s)\b)")


def _scopes(hits: list[LabelHit], low: str) -> list[tuple[int, int]]:
    """Each label's part of the sentence: from the previous label to the next one, cut at a clause
    break between them ('..., and India raised its ties with Egypt to a strategic partnership')."""
    bounds: list[int] = []
    for a, b in zip(hits, hits[1:], strict=False):
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(low, a.end, b.start)]
        bounds.append(breaks[-1] if breaks else -1)
    scopes = []
    for i, h in enumerate(hits):
        if i > 0:
            start = bounds[i - 1] if bounds[i - 1] >= 0 else hits[i - 1].end
        else:  # the first label's clause: "..., while Canberra counts A and B among its CSPs"
            start = max([0] + [m.start() for m in _CLAUSE_BREAK.finditer(low, 0, h.start)])
        if i + 1 < len(hits):
            end = bounds[i] if bounds[i] >= 0 else hits[i + 1].start
        else:
            after = _CLAUSE_BREAK.search(low, h.end)
            end = after.start() if after else len(low)
        scopes.append((min(start, h.start), max(end, h.end)))
    return scopes


# from an old level to the new one: "their strategic partnership (, set up in 2013,) to a CSP"
_TO_NEXT = re.compile(r"^(?:\s*,[^,;]{1,50},|\s+of\s+(?:19|20)\d\d|\s*\(\s*(?:19|20)\d\d\s*\))?\W*(?:[a-z-]+\s+){0,5}?"
                      r"(?:to|into)\s+(?:a|an|the)?\s*(?:new\s+|higher\s+)?$")


@dataclass
class _DocState:
    """What earlier sentences leave for later ones: the last label with an owner, for anaphors
    ('China was the first, in 2008, followed by Russia in 2012')."""

    earlier: Antecedent | None = None
    at: int = -100
    spelled: dict[str, str] = field(default_factory=dict)  # the last label as written, per tier
    topic: Antecedent | None = None  # the headline's, when it has one ("Vietnam's top-tier partners")

    def recent(self, index: int) -> Antecedent | None:
        return self.earlier if index - self.at <= _ANTECEDENT_REACH else self.topic

    def remember(self, antecedent: Antecedent, sentence: Sentence) -> None:
        if not antecedent.owner and self.earlier is not None and self.earlier.owner in antecedent.pair:
            # "Indonesia followed in 2013, when ... lifted their strategic partnership to a CSP"
            # in a story about China's partners: the pair's owner is the one the story follows
            antecedent = replace(antecedent, owner=self.earlier.owner)
        self.earlier, self.at = antecedent, sentence.index
        if sentence.is_title:
            self.topic = antecedent


_ANTECEDENT_REACH = 3  # sentences


def _sentence_observations(sentence: Sentence, published: dt.date | None, focus: Focus,
                           context: ListContext | None = None, state: _DocState | None = None) -> list[_Found]:
    cs = cues()
    text = sentence.text
    low = unify(lower_same_length(text))
    hits = find_labels(text, low)
    earlier = state.recent(sentence.index) if state is not None else None
    if not hits and context is None and (earlier is None or not find_anaphors(low)):
        return []
    parties = parties_of(sentence, low, focus.org)
    row_of = row_party(low, parties, context.owner) if context is not None and context.owner else None
    if not hits:
        extra = synthetic_hit(context, row_of) if context is not None and row_of is not None else None
        if extra is not None:
            hits = [extra]  # "- China, since 2013" under "Indonesia's comprehensive strategic partners:"
        elif earlier is None:
            return []
    if cs.corporate.search(low) and not cs.state_context.search(low):
        return []  # a business partnership between companies
    spans = date_spans(text, low, published, bare_years=row_of is not None or is_row(sentence))
    masked = mask(low, [(d.start, d.end) for d in spans])
    # "advance ties to the next level, a strategic partnership": the apposition takes the status
    masked = _APPOSITION.sub(lambda m: m.group(1) + " ", masked)
    specific = [h for h in hits if h.kind in ("label", "community", "acronym")]
    ordinal = next((h for h in hits if h.kind == "ordinal"), None)
    main = [h for h in hits if h.kind != "ordinal"] or ([ordinal] if ordinal else [])
    if specific:
        main = specific  # a ladder phrase next to a spelled-out label adds nothing but the owner
    if len({c for p in parties for c in p.codes}) <= 1:
        main = [h for h in main if h not in _enumerated(low, main)]
    scopes = _scopes(main, low)
    statuses: list[Status] = []
    for i, (h, sc) in enumerate(zip(main, scopes, strict=True)):
        prev = statuses[i - 1] if i else None
        if prev is not None and prev.old_level and _TO_NEXT.match(low[main[i - 1].end:h.start]):
            # "upgrade their strategic partnership to a comprehensive strategic partnership": the
            # new level is governed by the verb before the old one
            statuses.append(status_of(masked, h, scopes[i - 1][0], sc[1], low, upgrade_target=True))
        else:
            statuses.append(status_of(masked, h, sc[0], sc[1], low, after_label=i > 0 and sc[0] == main[i - 1].end))
    zones = companion_zones(masked, [(h.start, h.end) for h in hits])
    found: list[_Found] = []
    antecedent_at: dict[int, Antecedent] = {}
    # a date that is one label's own ("their strategic partnership, set up in 2005,") dates no other
    spans_of_parties = [(p.start, p.end) for p in parties]
    owned = [own_date_span(low, h, sc[1], spans, published, spans_of_parties) for h, sc in zip(main, scopes, strict=True)]
    for i, (hit, scope, st) in enumerate(zip(main, scopes, statuses, strict=True)):
        status = st.status
        if i + 1 < len(main) and _TO_NEXT.match(low[hit.end:main[i + 1].start]) and (st.old_level or status):
            # "upgrade their strategic partnership to a comprehensive strategic partnership": the
            # old level still holds while the new one is only intended; an upgrade supersedes it
            status = "existing" if statuses[i + 1].status in ("intended", None) else None
        # an intended label keeps its status: "to a CSP, which they agreed in 2023 to work towards"
        # (a negated label has no start to date: "have not yet signed the CSP they negotiated in
        # 2023"; in "the CSP upgrade the two sides agreed in March" the date is the upgrade's)
        own = (owned[i].value if owned[i] is not None and status not in ("ended", "intended")
               and (status is not None or st.old_level) and not _UPGRADE_NOUN_AFTER.match(low[hit.end:]) else None)
        if own is None and status in ("established", "intended") and is_anniversary(masked, hit):
            status = "existing"  # "the 10th anniversary of their comprehensive partnership": it is there
        if own is not None:
            # "the strategic partnership the two countries established in 2018", "the SP of 2013":
            # the label's own phrase dates its start, whatever the sentence does with it now
            status = "established"
        if status is None:
            continue
        if row_of is not None and context is not None and context.owner:
            pairs, companions, owner = [(context.owner, row_of.code)], [], None  # a row of a list or table
        else:
            # the parties an "alongside"/"the same level as" phrase after the label lists are its
            # companions (the anaphor pass names them), not its pair
            own_parties = [p for p in parties if not any(hit.end <= a <= p.start < b for a, b in zones)]
            topic = earlier.owner if earlier is not None and earlier.owner else None
            pairs, companions, owner = pairs_for(low, hit, own_parties, scope, focus, topic)
        if not pairs and not companions:
            if owner is not None and state is not None and (
                    hit.kind in ("top", "ordinal") or re.match(r"'s?\s", low[owner.end:hit.start])):
                # "Vietnam's top-tier partners at a glance", "India's strategic partners: who counts":
                # no pair, but whose partners the sentences after it tell
                # "Vietnam's top-tier partners at a glance": no pair, but what later rows refer to
                antecedent_at[hit.end] = Antecedent(owner.code, hit.tier or top_tier(owner.code), hit.label,
                                                    ladder=hit.kind in ("top", "ordinal"))
                state.remember(antecedent_at[hit.end], sentence)
            continue
        new_claim = st.new_claim
        if ordinal is not None and status in ("existing", "established") and hit.kind != "community":
            status, new_claim = "established", False  # "making Japan the sixth country to ..."
        tier = hit.tier
        if tier is None:
            ladder_of = owner.code if owner else (_shared(pairs) or _ladder_country(pairs[0] if pairs else companions[0][:2]))
            tier = top_tier(ladder_of)
        antecedent = _antecedent(hit, tier, owner, pairs, [c[:2] for c in companions],
                                 ranking=hit.kind in ("top", "ordinal") or ordinal is not None)
        if antecedent is not None:
            antecedent_at[hit.end] = antecedent
            if state is not None:
                state.remember(antecedent, sentence)
        if new_claim:
            status = "existing"  # decided at document level: established if the upgrade is reported
        date: DateValue | None = DateValue()
        items = [_item_date(low, end, spans) for _, _, end in companions]
        # a companion's date, or another label's own date, is not this pair's
        spans_here = [d for j, d in enumerate(spans) if d not in items
                      and not any(o is not None and o.start == d.start for k, o in enumerate(owned) if k != i)]
        since = [d for d in spans if scope[0] <= d.start < scope[1]
                 and (cs.since_before.search(low[:d.start]) or low.startswith("since", d.start))]
        if status == "existing" and since and not st.old_level:
            status, date = "established", since[0].value  # "strategic partners since 2004"
        elif own is not None:
            date = own
        elif status == "existing" and (row_of is not None or is_row(sentence)) and cs.intent.search(masked):
            status, date = "intended", sentence.date  # "- Vietnam: talks on Monday, with an upgrade expected"
        elif status == "existing" and (row_of is not None or is_row(sentence)) and any(
                scope[0] <= d.start < scope[1] for d in spans):
            # a row records a framework and its date: "- Egypt: strategic partnership, January 2023"
            status, date = "established", date_for(hit, scope, spans, sentence, False)
        elif status in ("established", "intended", "ended"):
            date = date_for(hit, scope, spans_here, sentence, st.retrospective)
            if date is not None and published is not None and any(i is not None and i.value == date for i in items):
                date = DateValue(published, "day")  # the sentence's date was a companion's: the story's day
            if date is None:
                status, date = ("existing", DateValue()) if status == "established" else (status, sentence.date)
        if status == "established" and date and date.value and published and date.value > published:
            status = "intended"  # an upgrade dated after the story was published has not happened yet
        if status == "established" and len(pairs) >= 2 and not any(
                scope[0] <= d.start < scope[1] for d in spans):
            status, date = "existing", DateValue()  # a list of partners reported as background
        anchor = _shared(pairs)
        pairs = [(x, y) for a, b in pairs for x in expand_region(a) for y in expand_region(b)]
        respective = _respective_dates(low, hit, scope, published, len(pairs)) if status != "intended" else None
        for k, (a, b) in enumerate(pairs):
            if respective is not None and a != b:
                # "Thailand and Myanmar hold them as well, agreed in 2012 and 2011 respectively"
                found.append(_Found(_obs(a, b, hit.label, tier, "established", respective[k], sentence)))
                continue
            if a and b and a != b:
                item = _listed_date(low, b if a == anchor else a, scope, parties, spans) if anchor else None
                if item is not None and status in ("existing", "established"):
                    # "Vietnam's comprehensive strategic partners: China (2008), Russia (2012), ..."
                    found.append(_Found(_obs(a, b, hit.label, tier, "established", item, sentence)))
                    continue
                found.append(_Found(_obs(a, b, hit.label, tier, status, date or DateValue(), sentence), new_claim,
                                    nominal=st.nominal and own is None and not any(scope[0] <= d.start < scope[1]
                                                                                   for d in spans)))
        for a, b, end in companions:
            if a != b:
                # "following Australia (March 2024), France (October 2024)": a companion with its
                # own date is established then; "alongside China and Russia": existing
                when = _item_date(low, end, spans)
                found.append(_Found(_obs(a, b, hit.label, tier, "established" if when else "existing",
                                         when.value if when else DateValue(), sentence)))
    for ref in references(low, masked, parties, spans, antecedent_at, earlier, [(h.start, h.end) for h in hits],
                          sentence.date):
        label = state.spelled.get(ref.tier, ref.label) if state is not None and ref.label == (
            earlier.label if earlier else None) else ref.label
        found.append(_Found(_obs(ref.owner, ref.code, label, ref.tier, ref.status, ref.date, sentence)))
        if state is not None and not antecedent_at:
            state.at = sentence.index  # "..., followed by Russia in 2012": the chain goes on
    if state is not None:
        for h in main:
            if h.kind in ("label", "acronym") and h.tier:
                state.spelled[h.tier] = h.label
    return found


def _antecedent(hit: LabelHit, tier: str, owner: Party | None, pairs: list[tuple[str, str]],
                companions: list[tuple[str, str]], ranking: bool) -> Antecedent | None:
    """What a later 'to that level' or 'joined the group' refers to: this label, owned by the
    ladder phrase's owner, else the party every pair shares ('India has CSPs with A, B and C'),
    else the one party of the pair with a ladder of its own. ``ranking``: the sentence tells a
    ranking ('the eighth country to reach the top rung'), which later ordinals continue."""
    if owner is not None and hit.kind in ("top", "ordinal"):
        return Antecedent(owner.code, tier, hit.label, ladder=True)
    every = [set(p) for p in pairs + companions]
    if not every:
        return None
    shared = set.intersection(*every)
    if len(every) >= 2 and len(shared) == 1:
        return Antecedent(next(iter(shared)), tier, hit.label, ladder=ranking)
    if len(every) == 1 and pairs:
        own = [c for c in pairs[0] if has_own_ladder(c)]
        return Antecedent(own[0] if len(own) == 1 else "", tier, hit.label, tuple(pairs[0]), ladder=ranking)
    return None


_UPGRADE_NOUN_AFTER = re.compile(r"[\"']?\s*(?:upgrade|upgrading|elevation)\b")


def _respective_dates(low: str, hit: LabelHit, scope: tuple[int, int], published: dt.date | None,
                      n: int) -> list[DateValue] | None:
    """'..., agreed in 2012 and 2011 respectively': one date per pair, in order (the calendar
    dates written out, bare years included)."""
    if n < 2 or not re.search(r"\brespectively\b", low[hit.end:scope[1]]):
        return None
    after = [DateValue(d.value, d.precision) for d in find_dates(low, published) if hit.end <= d.start < scope[1]]
    return after if len(after) == n else None


def _shared(pairs: list[tuple[str, str]]) -> str | None:
    """The party every pair of a list shares ('Vietnam has CSPs with A, B and C'), if any."""
    if len(pairs) < 2:
        return None
    common = set(pairs[0]).intersection(*map(set, pairs[1:]))
    return next(iter(common)) if len(common) == 1 else None


def _listed_date(low: str, code: str, scope: tuple[int, int], parties: list[Party],
                 spans: list[DateSpan]) -> DateValue | None:
    """The date a list gives one of its items: 'China (2008)', 'Russia in 2012'."""
    for p in parties:
        if p.code == code and scope[0] <= p.start < scope[1]:
            d = _item_date(low, p.end, spans)
            return d.value if d is not None else None
    return None


def _item_date(low: str, end: int, spans: list[DateSpan]) -> DateSpan | None:
    """The date right after a list item: 'Australia (March 2024)', 'Russia in 2012'."""
    for d in spans:
        if d.start >= end:
            return d if re.fullmatch(r"\s*(?:\(\s*)?(?:,?\s*(?:in|on)\s+)?", low[end:d.start]) else None
    return None


_APPOSITION = re.compile(r"((?:level|tier|status|rung|stage|step)\s*),(?=\s*(?:a|an|the)?\s*[\"']?\s*"
                         r"(?:comprehensive|strategic|enhanced|global|special|extensive))")


def _enumerated(low: str, hits: list[LabelHit]) -> set[LabelHit]:
    """Labels listed one after another ('comprehensive partnerships, strategic partnerships and
    comprehensive strategic partnerships'): with at most one party, a sentence that defines the
    tiers, not one that states a framework."""
    out: set[LabelHit] = set()
    for a, b in zip(hits, hits[1:], strict=False):
        if a.tier != b.tier and re.fullmatch(r"\s*(?:\(\s*[a-z]+\s*\))?\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:the\s+|a\s+)?",
                                             low[a.end:b.start]):
            out.update((a, b))
    return out


def _labels(sentence: Sentence) -> list[LabelHit]:
    return find_labels(sentence.text, unify(lower_same_length(sentence.text)))


def _lead_in(sentence: Sentence, focus: Focus, state: _DocState) -> ListContext:
    """What a lead-in ('India's partnerships in the Gulf so far:') says about its rows; one that
    names no owner or label ('The list so far:', 'Timeline of upgrades:') continues the label
    of the sentences before it."""
    low = unify(lower_same_length(sentence.text))
    owner = lead_in_owner(low, parties_of(sentence, low, focus.org))
    named = [h for h in find_labels(sentence.text, low) if h.kind in ("label", "acronym", "community")]
    hit = named[0] if named else None
    earlier = state.recent(sentence.index)
    if earlier is not None and earlier.owner and (owner is None or owner == earlier.owner):
        owner = earlier.owner
        hit = hit or LabelHit(0, 0, state.spelled.get(earlier.tier, earlier.label), earlier.tier, "label")
    return ListContext(owner, hit)


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
    focus = Focus(sentences)
    found: list[_Found] = []
    context: ListContext | None = None
    state = _DocState()
    for i, sentence in enumerate(sentences):
        if is_row(sentence) and context is not None:
            if is_table_separator(sentence):
                continue
            if context.hit is None and not sentence.mentions:
                header = [h for h in _labels(sentence) if h.tier is not None]
                context.hit = header[0] if header else None  # "| Country | Comprehensive strategic partnership | Since |"
                continue
            found.extend(_sentence_observations(sentence, published, focus, context, state))
            continue
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        context = _lead_in(sentence, focus, state) if is_lead_in(sentence, following) else None
        if not is_framework_candidate(sentence.text) and state.recent(sentence.index) is None:
            continue
        own = _sentence_observations(sentence, published, focus, state=state)
        if context is not None and len({c for m in sentence.mentions for c in m.codes}) < 2:
            own = []  # "Indonesia's comprehensive strategic partners so far:" introduces the rows
        found.extend(own)
    # document level: a "now gained the status" claim is established when the document reports
    # the upgrade itself (then it takes that date), else it only says the framework is there
    # a change named only as a noun ("the upgrading of ties to X is more than symbolic") in a
    # story that states the same change as an intention is that intention
    intended = {(f.obs.a, f.obs.b, f.obs.tier) for f in found if f.obs.status == "intended"}
    for f in found:
        if f.nominal and f.obs.status == "established" and (f.obs.a, f.obs.b, f.obs.tier) in intended:
            f.obs.status = "intended"
    reported = {}
    for f in found:
        o = f.obs
        if o.status == "established" and not f.new_claim and not o.in_title:
            reported.setdefault((o.a, o.b, o.tier), o)  # the upgrade to that tier, not an earlier one
    out: list[FrameworkObservation] = []
    seen: set[tuple[object, ...]] = set()
    for f in found:
        o = f.obs
        upgrade = reported.get((o.a, o.b, o.tier))
        if f.new_claim and upgrade is not None:
            o.status, o.date = "established", upgrade.date
        elif o.in_title and o.status == "established" and upgrade is not None:
            o.date = upgrade.date  # a headline reports the body's event: the body dates it
        key = (o.a, o.b, o.label, o.tier, o.status, o.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        out.append(o)
    refine_year_dates(out, sentences, published)
    return out


__all__ = ["FRAMEWORK_EXTRACTOR_VERSION", "extract_frameworks", "is_framework_candidate"]
