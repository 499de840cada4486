"""Demands stated in reported speech: "X said (that) Y must ..." is X's demand of Y (PLOVER
REQUEST), whatever the clause's own verb is, and even when that verb is no trigger word."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .mentions import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, MentionIndex, Parties, party_mentions
from .mentions import children_with as _children
from .plover import NOUN, VERB, _read, inflections, word_lists

STRUCTURE_WORDS = _read("structure.json")
# "X said that Y must ...": a demand by the speaker of the clause's subject
DEMAND_VERBS = frozenset(STRUCTURE_WORDS["demand_verbs"])
DEMAND_MODALS = frozenset(STRUCTURE_WORDS["demand_modals"])
# "issued a stern reminder to Iraq that it must cooperate": a noun that carries the demand
DEMAND_NOUNS = frozenset(word_lists()["demand_nouns"])


def stated_demand(anchor: Token, index: MentionIndex) -> Parties | None:
    """"X said (that) Y must ...": X demands it of Y, whatever the clause's own verb is. The
    speaker's and the clause subject's parties, or None when the sentence is no such demand."""
    clause = anchor
    for _ in range(3):
        if _has_demand_modal(clause):
            break
        # "must ensure security to allow supplies in": a purpose clause is part of the demand
        if clause.dep_ not in {"xcomp", "acomp", "conj", "advcl"} or clause.head == clause:
            return None
        clause = clause.head
    else:
        return None
    return _demand_parties(clause, index)


def demand_clauses(doc: Doc, index: MentionIndex) -> list[tuple[Token, Parties]]:
    """Every "X said (that) Y must ..." of the sentence, with its verb: a demand is stated even when
    the demanded action is no trigger word ("Russia said Sudan must return the helicopter")."""
    found: list[tuple[Token, Parties]] = []
    for tok in doc:
        if tok.dep_ in {"ccomp", "acl"} and _has_demand_modal(tok):
            parties = _demand_parties(tok, index)
            if parties is not None:
                found.append((tok, parties))
    return found


def demand_cue_forms(irregular: dict[str, list[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The words that make a sentence worth parsing for a stated demand (the modals), and the forms
    of the reporting verbs and demand nouns one of which must be in the sentence too."""
    verbs = {form for verb in DEMAND_VERBS for form in inflections(verb, VERB, irregular)}
    verbs |= {form for noun in DEMAND_NOUNS for form in inflections(noun, NOUN, irregular)}
    return frozenset(DEMAND_MODALS), frozenset(verbs)


def _has_demand_modal(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children)


def _demand_parties(clause: Token, index: MentionIndex) -> Parties | None:
    head = clause.head
    if clause.dep_ in {"ccomp", "acl"} and head.lemma_.lower() in DEMAND_NOUNS and head.head != head:
        # a demand carried by a noun: its speaker is the subject of the verb that issued it
        head = head.head
    elif clause.dep_ != "ccomp" or head.lemma_.lower() not in DEMAND_VERBS:
        return None
    speaker = _children(head, SUBJECT_DEPS)
    target = _children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if not speaker or not target:
        return None
    actor = party_mentions(speaker[0], index)
    recipient = [tm for tm in party_mentions(target[0], index) if tm not in actor]
    if not recipient and target[0].pos_ == "PRON":
        # "issued a reminder to Iraq that it must ...", "told Japan it must ...": the pronoun is the
        # one the demand was addressed to
        addressees = [p for c in head.children if c.dep_ in {"dative", "dobj", "prep"} and (c.dep_ != "prep" or c.lower_ == "to")
                      for p in ([c] if c.dep_ == "dobj" else c.children) if p.dep_ in {"pobj", "dobj"}]
        recipient = [tm for a in addressees for tm in party_mentions(a, index) if tm not in actor]
    return Parties(actor=actor, recipient=recipient) if actor and recipient else None

