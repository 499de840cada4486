"""Events that refer back to events: "Iran condemned the strikes", "the strikes killed five
fighters", "Kabul denies the charge", "Wang Yi hailed the deal". A definite noun phrase that names
an event (a trigger noun of the lexicon, or a word that stands for a decision or a charge) and
names no party of its own stands for the last event of that kind in the article: a reaction to it
(accusing, rejecting, supporting, protesting) is aimed at that event's actor, and an act it
performs ("the strikes killed ...") is that event's actor's. See docs/actors.md, "Coreference"."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Token

from ..model import Event, Mention
from .mentions import PARTY_KINDS, MentionIndex, Parties, TokenMention, np_core
from .plover import Lexicon, _read
from .sides import sector_table

REFERRING = frozenset({"the", "this", "these", "those", "that", "such"})
# reactions: their target is whoever did what they react to
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST"})
# acts a referring noun can perform as a subject ("the strikes killed", "the fighting killed")
ACTING_TYPES = frozenset({"ASSAULT", "COERCE"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
REACTION_PREPS = frozenset({"over", "against", "about", "for", "on", "to"})


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """Nouns that stand for an event of any type ('decision') or of given types ('charge')."""
    data = _read("structure.json")["event_reference_nouns"]
    return {noun: tuple(types) for noun, types in data.items()}


@lru_cache(maxsize=1)
def _internal_sector() -> dict[str, str]:
    """CAMEO agent code -> the sector name that maps to it (to rebuild a mention from an event)."""
    out: dict[str, str] = {}
    for name, (foreign, home) in sector_table().items():
        for code in (foreign, home):
            if code and code not in out and code != "GOV":
                out[code] = name
    return out


def noun_types(noun: Token, lex: Lexicon) -> tuple[str, ...] | None:
    """The event types a noun can refer to (() for any), None when it names no event."""
    lemma = (noun.lemma_ or noun.lower_).lower()
    if lemma in _words():
        return _words()[lemma]
    types = tuple(dict.fromkeys(entry.type for entry in lex.entries(lemma, "NOUN")))
    return types or None


def _referring(noun: Token, index: MentionIndex) -> bool:
    """A definite event noun that names no party of its own ("the strikes", not "the US strikes")."""
    if not any(c.dep_ == "det" and c.lower_ in REFERRING for c in noun.children):
        return False
    return not index.in_tokens(np_core(noun))


def _antecedent(types: tuple[str, ...], history: Sequence[Event], avoid: set[str]) -> Event | None:
    """The event a referring noun stands for: of the article's events of those types, the one whose
    actors the article names most often for them (a single misread sentence does not decide), the
    latest on a tie."""
    candidates = [e for e in history if (not types or e.event in types) and e.actor and not set(e.actor) & avoid]
    if not candidates:
        return None
    votes: dict[str, float] = {}
    for event in candidates:
        for code in set(event.actor):
            votes[code] = votes.get(code, 0.0) + (2.0 if event.sentence_index == 0 else 1.0)
    score = {id(e): sum(votes[c] for c in set(e.actor)) for e in candidates}
    best = max(score.values())
    return next(e for e in reversed(candidates) if score[id(e)] == best)


def _mentions(event: Event, side: str, noun: Token, keep_sectors: bool = False) -> list[TokenMention]:
    """Mentions standing for one side of an earlier event, on the referring noun. A reaction
    targets the state that acted (no sector: "condemned the strikes" is against the US); the act
    itself keeps its sectors ("the strikes killed" are the same forces)."""
    codes = event.actor if side == "actor" else event.recipient
    sectors = event.sectors_of(side) if keep_sectors else [None] * len(codes)
    names = _internal_sector()
    out = []
    for code, sector in zip(codes, sectors, strict=True):
        mention = Mention(noun.idx, noun.idx + len(noun.text), noun.text, (code,), "group", "event",
                          names.get(sector) if sector else None)
        out.append(TokenMention(mention, noun.i, noun.i + 1))
    return out


def refer_back(event_type: str, anchor: Token, parties: Parties, index: MentionIndex, history: Sequence[Event],
               lex: Lexicon) -> Parties:
    """The parties with a referring event noun resolved (unchanged when there is none)."""
    if not history:
        return parties
    actor_codes = set(parties.codes("actor"))
    named_target = parties.implicit != "recipient" and set(parties.codes("recipient")) - actor_codes
    if event_type in REACTION_TYPES and not named_target:
        objects = [c for c in anchor.children if c.dep_ in OBJECT_DEPS]
        objects += [p for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ in REACTION_PREPS
                    for p in prep.children if p.dep_ == "pobj"]
        for noun in objects:
            types = noun_types(noun, lex)
            if types is None or not _referring(noun, index):
                continue
            antecedent = _antecedent(types, history, actor_codes)
            if antecedent is not None:
                return Parties(parties.actor, _mentions(antecedent, "actor", noun), None, parties.unnamed_agent)
    if event_type in ACTING_TYPES and (not parties.actor or parties.implicit == "actor" or parties.by_order):
        subjects = [c for c in anchor.children if c.dep_ == "nsubj"]
        for noun in subjects:
            types = noun_types(noun, lex)
            if types is None or not _referring(noun, index):
                continue
            antecedent = _antecedent(tuple(t for t in types if t in ACTING_TYPES) or types, history, set())
            if antecedent is not None:
                recipient = [tm for tm in parties.recipient if tm.kind in PARTY_KINDS]
                if parties.implicit == "actor" or not recipient:
                    recipient = _mentions(antecedent, "recipient", noun, keep_sectors=True) or recipient
                return Parties(_mentions(antecedent, "actor", noun, keep_sectors=True), recipient, None,
                               parties.unnamed_agent)
    return parties
