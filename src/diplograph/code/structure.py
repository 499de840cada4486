"""Who did it to whom: actor and recipient from the dependency parse.

The event's anchor is the verb that carries it (the trigger verb, or the light verb of a noun
trigger: "held talks") or, for a bare noun trigger, the noun ("Japan's visit to Vietnam").
- subject -> actor; with passive voice the agent ("by X") is the actor and the subject the recipient;
- direct object, dative and prepositional objects ("to/with/against/on Y") -> recipient, also
  inside an open complement ("agreed to provide radar to Y");
- a verb without its own subject takes it from the verb it is coordinated with or controlled by;
- a pronoun subject of a clause reported by X ("X said it would ...") resolves to X; a named
  subject of a reported clause is the actor, never the speaker;
- "between/among X and Y" and coordinated subjects make a joint actor with no recipient;
- place mentions ("talks in Tokyo") are not parties, except as the goal of a visit ("visit to Tokyo");
- a noun phrase whose head names a party ("Chile, a partner of Peru", "the Somali camp in Kenya")
  is that party alone; a "pro-X" or "anti-X" modifier does not make X a party; the source of a
  report ("..., a UN official said") is not a target; "X is committed/opposed to Y" is active;
- an actor named by no state takes the target's state (not for consulting, cooperating, aiding,
  mobilising or sanctioning, which a state does not do to itself), and the target of coercion, force,
  protest, concession or sanction named by no state takes the actor's (domestic coding, as PLOVER/ICEWS
  do); a protest with no target at all is against the protesters' own state;
- a state named only as the origin of an economic actor ("a Chinese company") is no party.
Noun phrases are read by their core (head, modifiers, conjuncts, "of" phrases: mentions.py), so a
relative clause or an apposition hanging off a party does not drag its own countries in. Demands
in reported speech ("X said Y must ...") are read in demands.py."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from .demands import DEMAND_MODALS, DEMAND_VERBS, demand_clauses, demand_cue_forms, stated_demand
from .mentions import (
    PARTY_KINDS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    MentionIndex,
    Parties,
    TokenMention,
    np_core,
    party_mentions,
)
from .mentions import add_new as _add
from .mentions import children_with as _children
from .mentions import subtree_ids as _subtree_ids
from .plover import _read, word_lists
from .society import clause_tokens, society_target

# names other modules import from here (the parties' data structures and the demand rules live in
# mentions.py and demands.py)
__all__ = ["DEMAND_MODALS", "DEMAND_VERBS", "PARTY_KINDS", "STATE_AGENTS", "MentionIndex", "Parties",
           "TokenMention", "demand_clauses", "without_economic_qualifiers", "without_stance_prefixed", "demand_cue_forms", "find_parties", "linear_parties",
           "np_core", "party_mentions", "quoted_threat", "stated_demand", "subject_of"]

WORDS = word_lists()
STRUCTURE_WORDS = _read("structure.json")
# "..., a UN official said": the source of a report is not a party to what it reports
ATTRIBUTION_VERBS = frozenset(STRUCTURE_WORDS["attribution_verbs"])
# "X is committed to / opposed to Y": an adjectival passive whose subject acts
STANCE_PARTICIPLES = frozenset(STRUCTURE_WORDS["stance_participles"])
HELPER_NOUNS = frozenset(STRUCTURE_WORDS["helper_nouns"])
# "a Chinese company", "U.S. banks": a state named as the origin of an economic actor is no party
ECONOMIC_NOUNS = frozenset(STRUCTURE_WORDS["economic_nouns"])
QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "obj"})
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "at", "into", "for", "upon", "from", "over"})
STANCE_PREFIXES = frozenset({"pro", "anti", "pro-", "anti-"})
LOCATION_PREPS = frozenset({"in", "near", "outside", "inside"})
REASON_PREPS = frozenset({"for", "over"})
JOINT_PREPS = frozenset({"between", "among", "amongst"})
VISIT_PREPS = frozenset({"to", "in", "at"})
TEMPORAL_PREPS = frozenset({"after", "before", "during", "since", "following", "despite", "amid", "amidst", "until"})
STATE_AGENTS = frozenset(WORDS["state_agents"])
# prepositions that name whom an event is addressed to ("talks with", "a request to")
ADDRESS_PREPS = frozenset({"with", "to", "against", "on", "toward", "towards"})
SENTENCE_WIDE_TARGET = True
# light verbs whose subject undergoes the event named by their object ("received aid from X")
RECEIVING_VERBS = frozenset(WORDS["receiving_verbs"])
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"})
SELF_TARGET_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "CONCEDE", "SANCTION"})
# a protest or strike that names no target is against the protesters' own government (as PLOVER and
# ICEWS code it), whether or not the verb has an object ("workers went on strike")
UNDIRECTED_DOMESTIC_TYPES = frozenset({"PROTEST"})
# a state does not consult, cooperate with, aid, mobilise against or sanction itself: these take no actor
# from their target (the domestic back-off below would make a self-event such as USA>USA)
NON_SELF_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "MOBILIZE", "SANCTION"})
# events that move goods or people somewhere (aid, deployments, inspectors sent)
DESTINATION_TYPES = frozenset({"AID", "MOBILIZE", "ACCUSE"})
REPORTED_TARGET_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT", "PROTEST"})
OBJECT_PREPS = frozenset({"to", "with", "on", "against", "from", "for", "toward", "towards", "into"})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "its", "their", "our", "his", "her", "i"})
CLAUSE_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl"})


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """One-word nouns that name people or bodies: the gazetteer's sector nouns (sectors.tsv and the
    PETRARCH2 agent nouns), group nouns and titles, and the words of structure.json 'agent_nouns'."""
    from ..actors import Gazetteer

    gaz = Gazetteer.load()
    words = {w for w in (*gaz.sectors, *gaz.domestic_groups, *gaz.titles) if " " not in w}
    return frozenset(words | set(STRUCTURE_WORDS["agent_nouns"]))


def without_economic_qualifiers(mentions: Sequence[TokenMention], doc: Doc) -> list[TokenMention]:
    """The mentions that can be parties: not a state (or place) word that only qualifies an
    economic actor or market ("a Chinese company won the bid", "U.S. banks", "the Japanese market"),
    which CAMEO codes as business, not as the state. Measured on 2,000 Reuters business articles,
    these made most of the coded events between a state and itself."""
    kept: list[TokenMention] = []
    for tm in mentions:
        if tm.kind in {"state", "place"} and tm.mention.sector is None and tm.end <= len(doc):
            root = doc[tm.end - 1]
            head = root.head
            while head.dep_ in {"compound", "amod"} and head.head.i != head.i and head.i >= tm.end:
                head = head.head  # "U.S. gem wholesalers": the phrase's head
            if (root.dep_ in QUALIFIER_DEPS and head.i >= tm.end and head.pos_ == "NOUN"
                    and head.lemma_.lower() in ECONOMIC_NOUNS):
                continue
        kept.append(tm)
    return kept


def subject_of(verb: Token, max_climb: int = 4) -> tuple[Token | None, bool, Token]:
    """The subject token of ``verb`` (climbing to a coordinated or controlling verb when it has
    none), whether that subject is passive, and the verb it belongs to."""
    current = verb
    for _ in range(max_climb):
        subj = _children(current, SUBJECT_DEPS)
        if subj:
            # two subjects are a misparse (a dateline read as one): the one nearest the verb
            return subj[0], False, current
        subj = _children(current, PASSIVE_SUBJECT_DEPS)
        if subj:
            return subj[0], True, current
        if current.dep_ == "relcl":
            # "Kuwait, which was invaded by Iraq": the noun is the passive subject
            return current.head, any(c.dep_ == "auxpass" for c in current.children), current
        if current.dep_ in CLAUSE_CLIMB_DEPS and current.head != current:
            # an object-controlled complement ("urged X to withdraw") takes the object as subject
            if current.dep_ == "xcomp":
                objs = _children(current.head, OBJECT_DEPS)
                if objs:
                    return objs[0], False, current.head
            current = current.head
            continue
        break
    return None, False, verb


def _reporting_subject(verb: Token, index: MentionIndex) -> list[TokenMention]:
    """For a clause reported by a speaker ("X said it would ..."), the speaker's mentions."""
    current = verb
    for _ in range(4):
        if current.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and current.head != current:
            current = current.head
            subj = _children(current, SUBJECT_DEPS)
            if subj:
                return party_mentions(subj[0], index)
        else:
            break
    return []



def _prep_objects(tok: Token, preps: frozenset[str]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for child in tok.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in preps | {"by"}:
            for pobj in child.children:
                if child.lower_ == "with" and pobj.lemma_.lower() in HELPER_NOUNS:
                    continue  # "with Y's help": a helper, not a target
                if pobj.dep_ in {"pobj", "pcomp"}:
                    out.append((child.lower_, pobj))
    return out




def find_parties(
    anchor: Token,
    trigger: Token,
    index: MentionIndex,
    *,
    visit: bool = False,
    event_type: str | None = None,
) -> Parties:
    """Actor and recipient mentions of the event anchored on ``anchor`` (the trigger or its light
    verb): from the grammar, and where the grammar leaves a slot empty, from word order (the
    nearest party before the trigger acts, the nearest after receives). Measured on the PLOVER gold
    sentences, word order alone places parties about as well as this parse, and the two combined
    do clearly better than either (docs/evaluation.md)."""
    index = without_stance_prefixed(index, anchor.doc)
    parties = grammatical_parties(anchor, trigger, index, visit=visit, event_type=event_type)
    by_order_recipient = False
    # Dropping words resolved by focus to the actor's own state ("massed (its) troops") from the
    # recipient was measured and lost accuracy (same-state targets are common): not done.
    if not parties.actor or not parties.recipient:
        by_order = linear_parties(anchor.doc, trigger.i, index)
        if not parties.actor:
            parties.actor = [tm for tm in by_order.actor if tm not in parties.recipient]
            parties.by_order = bool(parties.actor)
        if not parties.recipient:
            by_order_recipient = True
            sources = _attribution_sources(anchor)
            parties.recipient = [tm for tm in by_order.recipient if tm not in parties.actor and tm.start not in sources
                                 and tm.start not in _conjunct_clauses(anchor)]
    if not parties.actor and parties.recipient and event_type not in NON_SELF_TYPES:
        # an actor the text names by no state ("striking teachers demanded the resignation of the Kenyan
        # minister", "a landmine killed three Angolan farmers") is coded, as PLOVER/ICEWS
        # coders do, to the state of the event's target: measured on the gold sentences, this is right
        # far more often than an empty actor
        parties.actor.append(parties.recipient[0])
        parties.implicit = "actor"
        subj, current = subject_of(anchor)[0], anchor
        for _ in range(3):  # "they are willing to forgive X": the subject of the predicate's verb
            if subj is not None or current.dep_ not in {"acomp", "attr", "oprd", "xcomp"}:
                break
            current = current.head
            subj = subject_of(current)[0]
        # the subject names people or a body ("Ibo elders", "the Umma party"), not a thing ("popularity")
        parties.unnamed_agent = subj is not None and (subj.pos_ in {"PROPN", "PRON"} or subj.lower_ in PRONOUNS
                                                       or subj.lemma_.lower() in agent_nouns())
    if parties.actor and parties.implicit != "actor" and (not parties.recipient or by_order_recipient
                                                          or parties.implicit == "recipient"):
        # "the government freed political prisoners": the actor's own society
        excluded = _conjunct_clauses(anchor) | _attribution_sources(anchor)
        parties = society_target(anchor, trigger, parties, index, clause_tokens(anchor, excluded), event_type)
    # one actor state, however many mentions name it ("students in Egypt": the group and the country)
    if (not parties.recipient and len(set(parties.codes("actor"))) == 1 and event_type in SELF_TARGET_TYPES
            and (event_type in UNDIRECTED_DOMESTIC_TYPES or any(obj != trigger for obj in _children(anchor, OBJECT_DEPS)))):
        # likewise a target the text names by no state ("the government banned an opposition newspaper") is
        # domestic: it takes the actor's state
        parties.recipient.append(parties.actor[0])
        parties.implicit = "recipient"
    return parties


def quoted_threat(anchor: Token, parties: Parties, index: MentionIndex) -> Parties:
    """ "'America and Britain will pay for this,' a Houthi official said": a threat reported from
    a speaker of another side is the speaker's threat against the clause's subject."""
    if not parties.actor or parties.recipient:
        return parties
    reported = False
    tok = anchor
    while tok.head != tok:
        reported = reported or tok.dep_ == "ccomp"
        tok = tok.head
        if reported and tok.pos_ == "VERB" and tok.lemma_.lower() in ATTRIBUTION_VERBS:
            speakers = [tm for subj in _children(tok, SUBJECT_DEPS) for tm in party_mentions(subj, index)]
            if speakers and not set(parties.codes("actor")) & {c for tm in speakers for c in tm.codes}:
                return Parties(speakers, list(parties.actor), None, parties.unnamed_agent)
            break
    return parties


def _conjunct_clauses(anchor: Token) -> set[int]:
    """Tokens of verbs coordinated with the anchor, when the anchor has an object of its own:
    "backed its neighbour and condemned Russia" - Russia is what 'condemned' takes, not who was
    backed. (Without an object of its own the anchor shares its conjunct's: "met and praised X".)"""
    own = _children(anchor, OBJECT_DEPS) + [p for _prep, p in _prep_objects(anchor, RECIPIENT_PREPS | JOINT_PREPS)]
    if not own:
        return set()
    return {i for c in anchor.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for i in _subtree_ids(c)}


def without_stance_prefixed(index: MentionIndex, doc: Doc) -> MentionIndex:
    """The index without mentions that only qualify another party: a "pro-Syrian militia" or an
    "anti-Syria journalist" is not Syria."""
    def prefixed(tm: TokenMention) -> bool:
        before = [t.lower_ for t in doc[max(0, tm.start - 2):tm.start]]
        return bool(before) and (before[-1] in STANCE_PREFIXES
                                 or (before[-1] == "-" and len(before) == 2 and before[0] in STANCE_PREFIXES))
    kept = [tm for tm in index.mentions if not prefixed(tm)]
    return index if len(kept) == len(index.mentions) else MentionIndex(kept)


def grammatical_parties(
    anchor: Token,
    trigger: Token,
    index: MentionIndex,
    *,
    visit: bool = False,
    complement_depth: int = 2,
    event_type: str | None = None,
) -> Parties:
    """Actor and recipient mentions from the dependency parse alone."""
    parties = Parties()
    if anchor.pos_ in {"NOUN", "PROPN"} and anchor == trigger:
        _noun_parties(anchor, index, parties, visit)
        if event_type == "RETREAT":
            # "the withdrawal of forces from Y": Y is the place left, the target, not the forces' origin
            left = {i for _p, pobj in _prep_objects(anchor, frozenset({"of"}))
                    for _q, place in _prep_objects(pobj, frozenset({"from"})) for i in _subtree_ids(place)}
            moved = [tm for tm in parties.actor if tm.start in left]
            parties.actor = [tm for tm in parties.actor if tm not in moved]
            _add(parties.recipient, moved)
        # a trigger noun modifying another noun ("a mediation effort between X and Y") shares its phrase
        noun = anchor
        while noun.dep_ == "compound" and noun.head != noun:
            noun = noun.head
        if noun.dep_ not in OBJECT_DEPS | {"pobj"}:
            noun = anchor  # "riot police", "aid agencies" as subject: the trigger only describes a party
        head = noun.head
        while head.dep_ == "prep" and head.head != head:
            head = head.head
        clause_verb = head != noun and head.pos_ in {"VERB", "AUX"}
        if not parties.actor and clause_verb:
            # "talks with Y" as the object of a verb that is not light: the clause subject acts
            subj, passive, _ = subject_of(head)
            if subj is not None and not passive:
                _add(parties.actor, party_mentions(subj, index))
        if noun != anchor:
            phrase = Parties()
            _noun_parties(noun, index, phrase, visit)
            if parties.actor:
                # with the actor named, "an effort between X and Y" names the sides it works on
                _add(parties.recipient, [tm for tm in phrase.actor + phrase.recipient if tm not in parties.actor])
            else:
                _add(parties.actor, phrase.actor)
                _add(parties.recipient, phrase.recipient)
        if parties.actor and not parties.recipient and clause_verb and noun.dep_ in OBJECT_DEPS:
            # "launched a mediation effort on Monday between X and Y": the verb's phrases name the target
            for prep, pobj in _prep_objects(head, RECIPIENT_PREPS | JOINT_PREPS):
                if prep != "by":
                    _add(parties.recipient, [tm for tm in party_mentions(pobj, index) if tm not in parties.actor])
        return parties

    subj, passive, owner = subject_of(anchor)
    if passive and owner.lemma_.lower() in STANCE_PARTICIPLES and not _children(owner, frozenset({"agent"})):
        passive = False  # "X is committed to / opposed to Y" states X's own stance: X acts
    if anchor != trigger and anchor.lemma_.lower() in RECEIVING_VERBS:
        # "Y received aid from X", "Y came under attack from X": the subject is the target
        _receiving_parties(anchor, trigger, subj, index, parties)
        if parties.actor or parties.recipient:
            _fill_defaults(parties, anchor, subj, index, event_type)
            return parties
    if subj is not None:
        # places count inside a subject ("protesters in Manila"), never as the whole subject
        subj_mentions = party_mentions(subj, index) or [
            tm for tm in party_mentions(subj, index, places=True) if tm.start > subj.i
        ]
        if passive:
            if subj != trigger:
                _add(parties.recipient, subj_mentions)
        elif subj_mentions:
            _add(parties.actor, subj_mentions)
        elif subj.lower_ in PRONOUNS or subj.pos_ == "PRON":
            _add(parties.actor, _reporting_subject(anchor, index))
    # objects and prepositional objects of the anchor, the trigger noun and open complements
    heads = [anchor]
    if trigger != anchor:
        heads.append(trigger)
    _recipients_of(heads, anchor, trigger, index, parties, visit, passive)
    frontier = [anchor]
    for _ in range(complement_depth):
        if parties.recipient:
            break  # "urged X to stop selling arms to Y": Y belongs to the complement's event
        frontier = [c for t in frontier for c in t.children if c.dep_ == "xcomp"]
        _recipients_of(frontier, anchor, trigger, index, parties, visit, passive)
    if event_type == "AID":
        # "approved a loan from China": the provider is after "from", the subject receives
        givers = [p for obj in _children(anchor, OBJECT_DEPS) for prep, p in _prep_objects(obj, frozenset({"from"}))]
        giver_mentions = [tm for g in givers for tm in party_mentions(g, index)]
        if giver_mentions and subj is not None and not passive:
            subject_mentions = party_mentions(subj, index)
            parties.actor = list(giver_mentions)
            parties.recipient = [tm for tm in subject_mentions if tm not in giver_mentions]
    if not parties.recipient and event_type == "PROTEST":
        # "rallied to denounce the US strikes": what the purpose clause names is the protest's target
        for clause in _children(anchor, frozenset({"advcl", "xcomp"})):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                for obj in _children(clause, OBJECT_DEPS):
                    _add(parties.recipient, [tm for tm in party_mentions(obj, index) if tm not in parties.actor])
    if not parties.recipient and event_type in REPORTED_TARGET_TYPES and anchor == trigger:
        # "demanded that Iraq give ...", "warned that Israel would ...": the target is the clause's subject
        clauses = _children(anchor, frozenset({"ccomp"}))
        clauses += [c for c in _children(anchor, frozenset({"advcl", "xcomp"}))
                    if any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]  # "called for X to ..."
        for clause in clauses:
            clause_subj = _children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if clause_subj:
                _add(parties.recipient, party_mentions(clause_subj[0], index))
    if not parties.recipient and event_type in DESTINATION_TYPES:
        # "delivered goods to Baghdad University", "dispatched inspectors to a plant in central Iran":
        # the place things or people are sent to names the receiving state
        for _prep, pobj in _prep_objects(anchor, frozenset({"to", "into", "in"})):
            _add(parties.recipient, [tm for tm in party_mentions(pobj, index, places=True)
                                     if tm.kind == "place" and tm not in parties.actor])
            if parties.recipient:
                break
    if not parties.actor and event_type == "PROTEST":
        # demonstrators are coded by where they march ("marched through central Nairobi")
        for _prep, pobj in _prep_objects(anchor, frozenset({"in", "through", "at", "outside", "across"})):
            _add(parties.actor, [tm for tm in party_mentions(pobj, index, places=True) if tm.kind == "place"])
    if not parties.actor and passive and event_type in {"COERCE", "ASSAULT"}:
        # "X was detained in Y", "killed by a bomb outside the Afghan city of Y": with no agent
        # state named, the state where it happened acted
        subject_ids = _subtree_ids(subj)
        for tok in anchor.subtree:
            if tok.dep_ == "prep" and tok.lower_ in LOCATION_PREPS and tok.i not in subject_ids:
                for pobj in _children(tok, frozenset({"pobj"})) or _children(tok, frozenset({"prep"})):
                    if pobj.dep_ == "prep":  # "outside of X"
                        pobj = next(iter(_children(pobj, frozenset({"pobj"}))), pobj)
                    _add(parties.actor, [tm for tm in party_mentions(pobj, index, places=True)
                                         if tm not in parties.recipient])
                if parties.actor:
                    break
    if not parties.actor and subj is None:
        # no subject found at all (fragment, headline, parse error): the nearest party before the anchor
        before = [tm for tm in index.mentions if tm.end <= anchor.i and tm.kind in PARTY_KINDS and tm not in parties.recipient]
        if before:
            parties.actor.append(before[-1])
    if event_type == "ACCUSE":
        # "complained to the AU over Somali border raids": the accused is what the complaint is about,
        # the body it is addressed to only hears it
        about = [tm for prep, p in _prep_objects(anchor, frozenset({"over", "about", "against"}))
                 for tm in party_mentions(p, index)]
        addressed = [tm for prep, p in _prep_objects(anchor, frozenset({"to"})) for tm in party_mentions(p, index)]
        if about and addressed:
            parties.recipient = [tm for tm in parties.recipient if tm not in addressed or tm in about]
    _fill_defaults(parties, anchor, subj, index, event_type)
    return parties


def _receiving_parties(anchor: Token, trigger: Token, subj: Token | None, index: MentionIndex,
                       parties: Parties) -> None:
    if subj is not None:
        _add(parties.recipient, party_mentions(subj, index))
    _noun_modifier_parties(trigger, index, parties)
    for head in (anchor, trigger):
        for _prep, pobj in _prep_objects(head, frozenset({"from", "by"})):
            _add(parties.actor, party_mentions(pobj, index))



def _fill_defaults(parties: Parties, anchor: Token, subj: Token | None, index: MentionIndex,
                   event_type: str | None) -> None:
    """Coders give almost every event a target: when the grammar names none, take the nearest
    other party within the event's clause (not the subject), e.g. "shelled the enclave of X",
    "fired missiles at positions near X"; domestic events (protest, coercion, force) may name
    their target or their actor only by place ("police in Skopje")."""
    used = {id(tm) for tm in parties.actor + parties.recipient}
    actor_codes = set(parties.codes("actor"))
    domestic = event_type in DOMESTIC_TYPES
    if not parties.actor and subj is not None and subj.lemma_.lower() in STATE_AGENTS:
        # "police arrested ...", "the army shelled ...": the state whose agent it is, named by place
        # a place names the agent's state better than a nationality word nearby ("police in Skopje")
        others = [tm for tm in index.mentions if id(tm) not in used and tm.kind == "place"]
        others += [tm for tm in index.mentions if id(tm) not in used and tm.kind == "state"]
        if others:
            parties.actor.append(others[0])
            used.add(id(others[0]))
        elif domestic and parties.recipient:
            parties.actor.append(parties.recipient[0])
            parties.implicit = "actor"
        actor_codes = set(parties.codes("actor"))
    if not parties.recipient and parties.actor:
        subject_ids = _subtree_ids(subj)
        aside = set()
        for tok in anchor.subtree:
            # background phrases ("after the war with X", "days after Y tested") name no target
            if tok.dep_ == "prep" and tok.lower_ in TEMPORAL_PREPS and tok != anchor:
                aside |= _subtree_ids(tok)
        aside |= _attribution_sources(anchor)
        aside |= _conjunct_clauses(anchor)
        clause = [i for i in _subtree_ids(anchor) if i not in subject_ids and i not in aside]
        found = [
            tm for tm in index.in_tokens(clause, places=True)
            if id(tm) not in used and (tm.kind != "place" or domestic)
            # a domestic event's place in the actor's own state is its target ("arrested students in X")
            and (not set(tm.codes) <= actor_codes or (domestic and tm.kind == "place"))
        ]
        if not found and SENTENCE_WIDE_TARGET:
            # last resort: another party anywhere in the sentence outside the subject
            found = [tm for tm in index.mentions if tm.kind in PARTY_KINDS and id(tm) not in used
                     and tm.start not in subject_ids and tm.start not in aside and not set(tm.codes) <= actor_codes]
        if found:
            found.sort(key=lambda tm: abs(tm.start - anchor.i))
            parties.recipient.append(found[0])
    if not parties.actor and domestic:
        places = [tm for tm in index.mentions if tm.kind == "place" and id(tm) not in used]
        if places:
            parties.actor.append(places[0])


def _attribution_sources(anchor: Token) -> set[int]:
    """Token indices of the subjects of the sentence's reporting verbs ("..., a UN official said")."""
    out: set[int] = set()
    for tok in anchor.doc:
        if tok.pos_ == "VERB" and tok != anchor and tok.lemma_.lower() in ATTRIBUTION_VERBS:
            for subj in _children(tok, SUBJECT_DEPS):
                ids = _subtree_ids(subj)
                if anchor.i not in ids:  # a misparse that makes the whole report a subject
                    out |= ids
    return out


def _recipients_of(heads: list[Token], anchor: Token, trigger: Token, index: MentionIndex, parties: Parties,
                   visit: bool, passive: bool) -> None:
    for head in heads:
        direct: list[TokenMention] = []
        for obj in _children(head, OBJECT_DEPS):
            if obj != trigger and obj.dep_ != "dative":
                direct += party_mentions(obj, index)
            targets = [obj] if obj != trigger else []
            if obj.dep_ != "dative":
                # "signed an agreement with Y", "recalled its ambassador to Y", "lifted sanctions on Y"
                # the "of" phrase of a trigger noun under a light verb is its target ("imposed a blockade of Y")
                # "hosted a meeting between X and Y": the sides brought together are the targets
                preps = OBJECT_PREPS | JOINT_PREPS | ({"of"} if obj == trigger else set())
                targets += [p for prep, p in _prep_objects(obj, preps)]
            for target in targets:
                _add(parties.recipient, party_mentions(target, index, places=visit))
            # "bombed positions in southern Lebanon": the target's location names the recipient
            if not parties.recipient:
                for _prep, p in _prep_objects(obj, frozenset({"in", "near", "inside", "across"})):
                    _add(parties.recipient, [tm for tm in party_mentions(p, index, places=True)])
        if head == trigger and head != anchor:
            _noun_modifier_parties(head, index, parties)
        place_preps = VISIT_PREPS if visit else frozenset()
        preps_here = _prep_objects(head, RECIPIENT_PREPS | JOINT_PREPS | place_preps)
        addressed = any(prep in ADDRESS_PREPS for prep, _p in preps_here)
        for prep, pobj in preps_here:
            if prep == "at" and addressed:
                continue  # "consultations with the US at the WTO": the venue is no recipient
            if direct and prep in REASON_PREPS:
                continue  # "blamed Y for the raid in Z": with the target named, "for/over" gives a reason
            if prep == "by":
                if passive or head == trigger:
                    _add(parties.actor, party_mentions(pobj, index))
            elif prep in JOINT_PREPS and (head == trigger or not parties.actor):
                # "talks between X and Y": a joint actor; "mediate between X and Y": recipients
                _add(parties.actor, party_mentions(pobj, index))
            elif prep in place_preps and prep not in RECIPIENT_PREPS:
                _add(parties.recipient, [tm for tm in party_mentions(pobj, index, places=True) if tm.kind == "place"])
            else:
                _add(parties.recipient, party_mentions(pobj, index, places=visit and prep in VISIT_PREPS))


def _noun_modifier_parties(noun: Token, index: MentionIndex, parties: Parties) -> None:
    """Possessives and adjectives on a trigger noun name its actor ("Japanese aid", "Israel's strikes")."""
    for child in noun.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            _add(parties.actor, party_mentions(child, index))


def _noun_parties(noun: Token, index: MentionIndex, parties: Parties, visit: bool) -> None:
    _noun_modifier_parties(noun, index, parties)
    has_modifier_actor = bool(parties.actor)
    for prep, pobj in _prep_objects(noun, RECIPIENT_PREPS | JOINT_PREPS | {"of"}):
        if prep == "of" and has_modifier_actor:
            # "the Iraqi invasion of Kuwait": with the actor named before the noun, "of" is the target
            _add(parties.recipient, party_mentions(pobj, index))
        elif prep in {"by", "of"} or prep in JOINT_PREPS:
            _add(parties.actor, party_mentions(pobj, index))
        else:
            _add(parties.recipient, party_mentions(pobj, index, places=visit and prep == "to"))


def linear_parties(doc: Doc, trigger_i: int, index: MentionIndex) -> Parties:
    """The nearest party before the trigger acts, the nearest after receives (the whole method
    without a parser; with one, the filler of slots the grammar left empty). Skipping the source
    of an attribution ("..., Bosnian officials said") was measured and lost accuracy: it often
    names the target's side."""
    parties = Parties()
    before = [tm for tm in index.mentions if tm.end <= trigger_i and tm.kind in PARTY_KINDS]
    after = [tm for tm in index.mentions if tm.start > trigger_i and tm.kind in PARTY_KINDS]
    if before:
        parties.actor.append(before[-1])
    if after:
        parties.recipient.append(after[0])
    return parties
