"""Mediators named by a participle on talks or a deal: "a Turkish-brokered deal", "Qatar-mediated
talks", "US-led talks", "a deal mediated by Lukashenko", "talks in Ankara hosted by Erdogan".

The annotation conventions (eval/articles/README.md) code a broker as a CONSULT event of its own:
the broker acts (mode ``mediate``), the sides it brings together receive. The participle is no
trigger of its own in the lexicon (a participle describing a noun is skipped, "a lunch hosted by
X" is not the news); here it is read when it qualifies a negotiation noun and names who brokered."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .mentions import PARTY_KINDS, MentionIndex, Parties, TokenMention, party_mentions
from .plover import word_lists
from .triggers import token_lemma

WORDS = word_lists()
MEDIATION_VERBS = frozenset(WORDS["mediation_verbs"])
NEGOTIATION_NOUNS = frozenset(WORDS["negotiation_nouns"])


def _negotiation(participle: Token) -> Token | None:
    """The negotiation noun a mediation participle qualifies: its head ("brokered deal", "a deal
    mediated by"), or the passive subject of its clause ("talks ... hosted by")."""
    head = participle.head
    if participle.dep_ in {"amod", "acl", "compound"} and token_lemma(head) in NEGOTIATION_NOUNS:
        return head
    for child in participle.children:
        if child.dep_ == "nsubjpass" and token_lemma(child) in NEGOTIATION_NOUNS:
            return child
    return None


def _mediators(participle: Token, index: MentionIndex) -> list[TokenMention]:
    """Who brokered: the agent ("mediated by X"), or the name joined to the participle by a hyphen
    ("Belarus-brokered", "Qatar-mediated", "US-led")."""
    found: list[TokenMention] = []
    for child in participle.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += party_mentions(pobj, index)
    if not found and participle.i >= 2 and participle.doc[participle.i - 1].text in {"-", "–"}:
        found = [tm for tm in index.at(participle.i - 2) if tm.kind in PARTY_KINDS | {"place"}]
    return found


def mediation_events(doc: Doc, index: MentionIndex) -> list[tuple[Token, Parties]]:
    """Each mediation participle of the sentence with its parties: the mediators act, the other
    parties of the sentence are brought together."""
    out: list[tuple[Token, Parties]] = []
    for tok in doc:
        if tok.tag_ != "VBN" or token_lemma(tok) not in MEDIATION_VERBS or _negotiation(tok) is None:
            continue
        mediators = _mediators(tok, index)
        codes = {c for tm in mediators for c in tm.codes}
        if not codes:
            continue
        sides: list[TokenMention] = []
        seen: set[tuple[str, ...]] = set()
        for tm in index.mentions:
            if tm.kind in PARTY_KINDS and not set(tm.codes) & codes and tuple(tm.codes) not in seen:
                seen.add(tuple(tm.codes))
                sides.append(tm)
        out.append((tok, Parties(actor=list(mediators), recipient=sides)))
    return out
