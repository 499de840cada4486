"""A state's own society as the target: "Nicaragua's government freed 222 political prisoners",
"police detained dozens of protesters", "the court jailed two journalists". When the object of an
event is people of no named state (prisoners, protesters, students, journalists, opposition
figures) and the event's clause names no other state, the target is the actor's own state with
the sector those people belong to: a domestic event, not the article's other state."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..model import Mention
from .mentions import PARTY_KINDS, MentionIndex, Parties, TokenMention, np_core, subtree_ids
from .plover import _read

# sectors whose members are society, not the state
SOCIETY_SECTORS = frozenset({"civilians", "opposition", "education", "labour", "media", "refugees"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# the state's agents at home: their force is used on their own society
STATE_HOME_SECTORS = frozenset({"police", "judiciary", "government", "intelligence"})


@lru_cache(maxsize=1)
def society_nouns() -> dict[str, str]:
    """One-word nouns (singular and plural) naming people of a society -> their sector name: the
    gazetteer's sector and group nouns of society sectors and structure.json 'society_nouns'."""
    from ..actors import Gazetteer

    gaz = Gazetteer.load()
    out = {phrase: sector for phrase, sector in gaz.sectors.items() if " " not in phrase and sector in SOCIETY_SECTORS}
    out.update({phrase: group.sector for phrase, group in gaz.domestic_groups.items()
                if " " not in phrase and group.sector in SOCIETY_SECTORS})
    out.update(_read("structure.json")["society_nouns"])
    return out


def _head_object(anchor: Token, trigger: Token) -> Token | None:
    for head in (anchor, trigger):
        for child in head.children:
            if child.dep_ in OBJECT_DEPS and child != trigger:
                # "dozens of protesters": the people are inside the quantity
                inner = [p for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj"]
                return inner[0] if inner and (child.pos_ == "NUM" or child.lower_ in {"dozens", "hundreds",
                                                                                     "thousands", "scores"}) else child
    return None


def society_target(anchor: Token, trigger: Token, parties: Parties, index: MentionIndex,
                   clause_ids: set[int], event_type: str | None = None) -> Parties:
    """The parties with the actor's own society as target where the object names its people."""
    codes = parties.codes("actor")
    if len(codes) != 1:
        return parties
    obj = _head_object(anchor, trigger)
    if obj is None:
        return parties
    sector = society_nouns().get(obj.lower_) or society_nouns().get((obj.lemma_ or "").lower())
    if sector is None or index.in_tokens(np_core(obj)):
        return parties  # not people, or people of a named state ("Ukrainian prisoners")
    if event_type == "ASSAULT" and not any(tm.mention.sector in STATE_HOME_SECTORS for tm in parties.actor):
        # "air strikes killed several civilians": force kills the other side's people; whoever the
        # target state turns out to be, these are its civilians
        parties.target_sector = sector
        return parties
    actor_code = codes[0]
    others = [tm for tm in index.in_tokens(clause_ids) if tm.kind in PARTY_KINDS and actor_code not in tm.codes]
    if others:
        return parties  # another state is in the event's clause: not a domestic matter
    mention = Mention(obj.idx, obj.idx + len(obj.text), obj.text, (actor_code,), "group", "society", sector)
    return Parties(parties.actor, [TokenMention(mention, obj.i, obj.i + 1)], None, parties.unnamed_agent)


def clause_tokens(anchor: Token, excluded: set[int]) -> set[int]:
    """The anchor's clause without what is excluded (conjoined clauses, attributions)."""
    return {i for i in subtree_ids(anchor) if i not in excluded}
