"""Selection of a sentence's top-level triggers among the lexicon hits (triggers.py): one per
anchor, none governed by another through a complement (a subordinate clause that reports an event
of its own is not governed: "after strikes killed 16", "a charge Paris denied"), the verb's own type
over its object noun's, and the outcome of a sentence before its process ("met ... and agreed")."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from .plover import Ontology
from .triggers import (
    CLAIM_NOUNS,
    REPORTING_VERBS,
    RESPONSE_VERBS,
    TEMPORAL_PREPS,
    TriggerHit,
    occasion,
    token_lemma,
)

CONFLICT_QUADS = frozenset({4})
PROCESS_TYPES = frozenset({"CONSULT"})
# a pledge or offer of these is the pledged thing itself (coding it AGREE, CAMEO 03, was measured:
# events dev F1 +0.002, plv_dev -0.004)
WEAK_OBJECT_TYPES = frozenset({"SUPPORT", "AID"})

# subordinate clauses that report an event of their own: "... summoned the envoy after strikes
# killed 16", "..., as Beijing urged its citizens to ...", "Russia, which condemned the strikes,
# requested ...", "..., accusing the ruling party of ..." (a clause of purpose, "to protest", or of
# condition, "if", stays part of the event it serves)
INDEPENDENT_CLAUSE_MARKS = frozenset({"after", "as", "while", "when", "whereas", "before", "since", "because",
                                      "once", "though", "although", "until", "following"})
INDEPENDENT_CLAUSES = True
RELATIVE_CLAUSES = True
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP"})


def _claim_answer(verb: Token) -> int | None:
    """"..., a charge Paris denied": the verb is answered after a comma by a claim noun and a named
    subject (the parser hangs it on either side). The index of that comma, else None."""
    doc = verb.doc
    k = verb.i - 1
    while k > 0 and verb.i - k <= 8 and doc[k].text != "," and doc[k].pos_ not in {"VERB", "AUX"}:
        k -= 1
    if k <= 0 or doc[k].text != ",":
        return None
    words = doc[k + 1:verb.i]
    return k if any(token_lemma(t) in CLAIM_NOUNS for t in words[:3]) else None


def _denied_claim(clause: Token) -> bool:
    """"X accused Y of Z, a charge W denied": the accusation, parsed as the complement of
    "denied", is a statement of its own, not what was denied; and the denial, parsed as hanging on
    the accusation, is a second event."""
    if clause.dep_ == "ccomp" and clause.i < clause.head.i:
        comma = _claim_answer(clause.head)
        return comma is not None and clause.i < comma
    return clause.dep_ in {"advcl", "conj", "acl"} and _claim_answer(clause) is not None


def independent_clause(tok: Token) -> bool:
    """``tok`` heads a clause that reports its own event, not a complement of the verb above it."""
    if not INDEPENDENT_CLAUSES:
        return False
    if tok.dep_ == "parataxis" or occasion(tok):
        return True
    if _denied_claim(tok):
        return True
    if tok.dep_ == "relcl":
        # about a named actor ("Russia, which condemned the strikes, ..."), or with a named subject of
        # its own ("a charge Paris denied"); a clause that restricts a common noun ("bills which call
        # for ...", "members who oppose the tax") describes it
        return RELATIVE_CLAUSES and (tok.head.pos_ == "PROPN" or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN" for c in tok.children))
    if tok.dep_ == "advcl":
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        if marks:
            return marks[0] in INDEPENDENT_CLAUSE_MARKS
        # a participle clause set off by a comma ("..., accusing X of ..."), not a purpose clause
        left = tok.left_edge.i
        return (tok.tag_ == "VBG" and left > 0 and tok.doc[left - 1].text == ","
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
    return False


def _governing_anchors(tok: Token, anchors: Collection[int] = (), max_depth: int = 60) -> set[int]:
    """Indices of the ancestors of ``tok`` reached through at least one non-coordination link, up
    to the head of the independent clause ``tok`` is in (an "after" or relative clause is not
    governed by the verb it hangs on)."""
    out: set[int] = set()
    crossed = False
    current = tok
    for _ in range(max_depth):
        head = current.head
        if head.i == current.i or independent_clause(current):
            break
        if current.dep_ == "ccomp" and token_lemma(head) in REPORTING_VERBS and head.i not in anchors:
            # "condemned the drills and said it had dispatched forces": what is reported is not
            # governed by the verb the report is coordinated with
            break
        if (current.dep_ == "conj" and current.tag_ in FINITE_TAGS and head.tag_ in {"VBG", "VB"}
                and head.dep_ in {"xcomp", "pcomp"} and head.head != head):
            # "Rwanda denies arming the M23 and accuses Congo ...": a finite verb coordinated with a
            # gerund is the main verb's conjunct (a misparse), not governed by it
            current = head.head
            continue
        if current.dep_ != "conj":
            crossed = True
        if crossed:
            out.add(head.i)
        current = head
    return out


def _nearest_anchor(tok: Token, anchors: dict[int, TriggerHit], max_depth: int = 60) -> int | None:
    """The index of the closest ancestor of ``tok`` that carries a trigger, if any."""
    current = tok
    for _ in range(max_depth):
        head = current.head
        if head.i == current.i:
            return None
        if head.i in anchors:
            return head.i
        current = head
    return None


def _responds_with(verb: TriggerHit, noun: TriggerHit) -> bool:
    """"Beijing retaliated with duties of 125 percent": a response takes the type of what it
    responds with."""
    return (token_lemma(verb.token) in RESPONSE_VERBS and noun.token.dep_ == "pobj"
            and noun.token.head.lower_ == "with" and noun.token.head.head == verb.token)


def _prefer(new: TriggerHit, old: TriggerHit) -> bool:
    """Of two hits on one anchor, the verb's own type wins ("signed an agreement", "lifted
    sanctions"), except that a pledge, promise or offer of support or aid is that support or aid,
    and a response is what it responds with ("retaliated with duties")."""
    new_verb, old_verb = new.is_verb_on_anchor, old.is_verb_on_anchor
    if new_verb and not old_verb and _responds_with(new, old):
        return False
    if old_verb and not new_verb and _responds_with(old, new):
        return True
    if new_verb and not old_verb:
        return not (new.entry.weak and old.type in WEAK_OBJECT_TYPES)
    if old_verb and not new_verb:
        return old.entry.weak and new.type in WEAK_OBJECT_TYPES
    return False


def select_triggers(hits: list[TriggerHit], ontology: Ontology) -> list[TriggerHit]:
    """The top-level triggers of the sentence: one per anchor, none governed by another, none
    only referred to in a time phrase ("after the bombing")."""
    by_anchor: dict[int, TriggerHit] = {}
    for hit in hits:
        if (hit.anchor == hit.token and hit.token.dep_ in {"pobj", "pcomp"} and hit.token.head.lower_ in TEMPORAL_PREPS
                and not occasion(hit.token)):
            continue
        prev = by_anchor.get(hit.anchor.i)
        if prev is None or _prefer(hit, prev):
            by_anchor[hit.anchor.i] = hit
    unique = list(by_anchor.values())
    # one walk up the tree per anchor (not one per pair of hits: a long list sentence has hundreds)
    governed_by = {hit.anchor.i: _governing_anchors(hit.anchor, by_anchor) for hit in unique}
    selected: list[TriggerHit] = []
    for hit in unique:
        if any(i in by_anchor and i != hit.anchor.i for i in governed_by[hit.anchor.i]):
            continue
        if hit.entry.weak:
            # only what the weak verb itself governs counts ("offered to hand over two suspects of
            # a bombing": the bombing belongs to "hand over", not to the offer)
            governed = [o for o in unique if o is not hit and _nearest_anchor(o.anchor, by_anchor) == hit.anchor.i]
            if any(ontology.info(o.type).quad_class in CONFLICT_QUADS for o in governed):
                hit.type, hit.mode = "THREATEN", None
        selected.append(hit)
    # the news of a sentence is its outcome: "met ... and agreed" puts AGREE before CONSULT
    selected.sort(key=lambda h: (h.type in PROCESS_TYPES, h.anchor.i))
    return selected
