"""Mediators: "Qatar-mediated talks", "a US-brokered deal", "talks in Doha, mediated by Qatar and
Turkey", "a deal mediated by Belarusian President Lukashenko", "talks hosted by Turkey's president".
A broker is no party to the deal it brokers: it is coded as a CONSULT of mode ``mediate`` with the
sides as recipients (PLOVER's mediate mode; eval/articles/README.md: "A broker is a mediator")."""

from __future__ import annotations

from spacy.tokens import Doc

from .mentions import PARTY_KINDS, MentionIndex, TokenMention, party_mentions, subtree_ids

# participles whose "by" agent brokers the noun they modify
BROKER_LEMMAS = frozenset({"mediate", "broker", "facilitate", "host", "sponsor"})
MODIFIER_DEPS = frozenset({"acl", "relcl", "amod", "advcl"})


def passive_brokers(doc: Doc, index: MentionIndex) -> list[TokenMention]:
    """The mentions named as the "by" agent of a brokering participle ("a deal mediated by X")."""
    out: list[TokenMention] = []
    for tok in doc:
        if tok.tag_ != "VBN" or tok.dep_ not in MODIFIER_DEPS or (tok.lemma_ or "").lower() not in BROKER_LEMMAS:
            continue
        for agent in (c for c in tok.children if c.dep_ == "agent"):
            for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                out.extend(tm for tm in party_mentions(pobj, index) if tm not in out)
    return out


def mediated_sides(doc: Doc, brokers: list[TokenMention], index: MentionIndex) -> list[TokenMention]:
    """The parties a broker brings together: the sentence's other parties."""
    codes = {code for tm in brokers for code in tm.codes}
    # "Anwar Ibrahim, the current chair of ASEAN": what hangs off the broker is the broker's own
    own = {i for tm in brokers if tm.end > tm.start for i in subtree_ids(doc[tm.end - 1])}
    return [tm for tm in index.mentions if tm.kind in PARTY_KINDS and tm not in brokers and not set(tm.codes) & codes
            and tm.start not in own]
