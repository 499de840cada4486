"""Party mentions on the parse of one sentence: actor mentions located on its tokens, the index
from tokens to mentions, and the noun-phrase readers that say which parties a phrase names (its
core: head, modifiers, conjuncts, "of" phrases; not relative clauses or appositions' attachments)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..model import Mention

PARTY_KINDS = frozenset({"state", "org", "person", "group"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
NP_CORE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "conj", "det", "nummod", "case", "appos", "npadvmod", "flat"})
CORE_PREPS = frozenset({"of", "from"})
LOCAL_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "case", "flat"})
HEAD_NOUN_PREPS = frozenset({"for", "in", "at"})


@dataclass
class TokenMention:
    """An actor mention located on the tokens of a parsed sentence."""

    mention: Mention
    start: int  # token index in the sentence doc
    end: int

    @property
    def codes(self) -> tuple[str, ...]:
        return self.mention.codes

    @property
    def kind(self) -> str:
        return self.mention.kind


@dataclass
class Parties:
    actor: list[TokenMention] = field(default_factory=list)
    recipient: list[TokenMention] = field(default_factory=list)
    # the side filled from the other because the text names only one ("actor"/"recipient"):
    # sides.py decides what it really is (the article's partner state, or a domestic other side)
    implicit: str | None = None
    # with implicit == "actor": whether the subject names people or a body the gazetteer does not
    # know ("Yoruba leaders"): then the target's own state acted (domestic); else nobody named acted
    unnamed_agent: bool = False
    # the actor is only the nearest party before the trigger (word order, no grammar)
    by_order: bool = False
    # the sector of the people the event is done to when the text names no state for them ("killed
    # several civilians"): given to a target the article's focus supplies
    target_sector: str | None = None

    def codes(self, which: str) -> list[str]:
        out: list[str] = []
        for tm in getattr(self, which):
            for code in tm.codes:
                if code not in out:
                    out.append(code)
        return out


class MentionIndex:
    """Token index -> mentions covering it."""

    def __init__(self, mentions: Sequence[TokenMention]) -> None:
        self.mentions = list(mentions)
        self._by_token: dict[int, list[TokenMention]] = {}
        for tm in self.mentions:
            for i in range(tm.start, tm.end):
                self._by_token.setdefault(i, []).append(tm)

    def at(self, i: int) -> list[TokenMention]:
        return self._by_token.get(i, [])

    def in_tokens(self, indices: Iterable[int], places: bool = False) -> list[TokenMention]:
        found: list[TokenMention] = []
        seen: set[int] = set()
        for i in sorted(set(indices)):
            for tm in self.at(i):
                if id(tm) in seen:
                    continue
                seen.add(id(tm))
                if tm.kind in PARTY_KINDS or (places and tm.kind == "place"):
                    found.append(tm)
        return found


def np_core(tok: Token) -> list[int]:
    """Token indices of the noun phrase core headed by ``tok``: modifiers, conjuncts, "of" and
    "from" phrases, and for a common-noun head also "for/in/at" ("a spokesman for the ministry",
    "protesters in Manila"); not relative clauses, participles or appositions' attachments."""
    out: list[int] = []
    stack = [(tok, True)]
    while stack:
        t, is_head = stack.pop()
        out.append(t.i)
        for child in t.children:
            if child.dep_ in NP_CORE_DEPS or child.dep_ == "cc":
                stack.append((child, is_head and child.dep_ in {"conj", "compound", "amod", "poss"}))
            elif child.dep_ == "prep" and (
                child.lower_ in CORE_PREPS or (is_head and t.pos_ == "NOUN" and child.lower_ in HEAD_NOUN_PREPS)
            ):
                stack.extend((c, is_head) for c in child.children if c.dep_ == "pobj")
    return out


def _local_ids(tok: Token) -> list[int]:
    """The head noun and its own modifiers (no conjuncts, appositions or prepositional phrases)."""
    out: list[int] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t.i)
        # conjoined modifiers ("U.S. and Russian negotiators") belong to the head; conjoined heads do not
        stack.extend(c for c in t.children if c.dep_ in LOCAL_DEPS or (t is not tok and c.dep_ == "conj"))
    return out


def party_mentions(tok: Token, index: MentionIndex, places: bool = False) -> list[TokenMention]:
    """The parties a noun phrase names, conjunct by conjunct: a head that names a party itself
    ("Chilean forces", "Chile, a close partner of X", "the Peruvian side of the commission") is that party,
    not also the places and parties of its "of/from/in" phrases or apposition; a head that names
    none ("the government of X", "a delegation from X", "the spokesman, X") takes them."""
    found: list[TokenMention] = []
    conjuncts = [tok] + [c for c in tok.conjuncts if c.i != tok.i]
    for head in conjuncts:
        own = index.in_tokens(_local_ids(head), places=places)
        if not any(tm.kind in PARTY_KINDS for tm in own):
            own = index.in_tokens([i for i in np_core(head) if i not in _conj_ids(head)], places=places)
        add_new(found, own)
    return found


def _conj_ids(tok: Token) -> set[int]:
    return {i for c in tok.children if c.dep_ == "conj" for i in subtree_ids(c)}


def children_with(tok: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]



def add_new(target: list[TokenMention], found: Iterable[TokenMention]) -> None:
    for tm in found:
        if tm not in target:
            target.append(tm)


def subtree_ids(tok: Token | None) -> set[int]:
    return {t.i for t in tok.subtree} if tok is not None else set()

