"""PLOVER event coding of one parsed sentence.

Method (measured in docs/evaluation.md): the trigger lexicon (data/triggers.json) is matched on
lemmas over the dependency parse; lexicon conditions on objects and modifiers keep it precise
("release prisoners" is RETREAT, "release a statement" is nothing). A trigger governed by another
trigger through a complement is absorbed by it ("threatened to impose sanctions" is one THREATEN
event; "held talks ... and agreed" stays two events, because coordination does not absorb).
Parties come from structure.py, modality from modality.py, the type's attributes and crosswalk
from plover.py. An optional classifier fills in the type when a candidate sentence has parties but
no lexicon trigger fires (see ``CLASSIFIER_MIN``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import DateValue, Event, Sentence
from ..nlp import morph
from .modality import modality_of
from .plover import (
    NOUN,
    VERB,
    Lexicon,
    Ontology,
    Trigger,
    inflections,
    load_lexicon,
    load_ontology,
    word_lists,
)
from .structure import (
    PARTY_KINDS,
    STATE_AGENTS,
    MentionIndex,
    Parties,
    TokenMention,
    find_parties,
    linear_parties,
    np_core,
    stated_demand,
)

WORDS = word_lists()
EVENTS_VERSION = "events-1"
MAX_EVENTS_PER_SENTENCE = 3
# The classifier's type is used only above this probability, and only where no trigger fired.
CLASSIFIER_MIN = 0.55
CONFLICT_QUADS = frozenset({4})
PROCESS_TYPES = frozenset({"CONSULT"})
WEAK_OBJECT_TYPES = frozenset({"SUPPORT", "AID"})
POLICE = frozenset(WORDS["police"])
POLICE_ACTIONS = frozenset(WORDS["police_actions"])
PEOPLE_NOUNS = frozenset({"people", "citizen", "resident", "civilian", "supporter", "crowd", "public"})
# PROTEST triggers that mean something else when a state or its agents do them
OFFICIAL_PROTEST_TYPES: dict[str, tuple[str, str | None]] = {
    "protest": ("ACCUSE", "disapprove"),
    "boycott": ("SANCTION", "discontinue"),
}
# PLOVER/CAMEO code a stated future material action as the statement: intent to cooperate is
# AGREE ("will provide aid", "would withdraw"), intent to use force or pressure is THREATEN
# ("said it would expel", "could strike").
INTENT_AGREE_TYPES = frozenset({"AID", "RETREAT", "CONCEDE", "COOPERATE"})
INTENT_THREATEN_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
STRICT_CONFIDENCE = 0.8
RELAXED_CONFIDENCE = 0.55
LINEAR_BACKOFF = True
# the relaxed pass still checks the conditions that decide what a word means ("decline" an
# invitation vs prices declining; "martial law" vs law; "air strike" vs strike)
RELAXED_KEEPS_IDENTITY = True
LINEAR_CONFIDENCE = 0.4

_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
QUANTIFIER_NOUNS = frozenset(WORDS["quantifier_nouns"])
TEMPORAL_PREPS = frozenset({"after", "before", "during", "since", "following", "despite", "amid", "amidst", "until",
                            "ahead", "prior", "like", "unlike", "as"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass
class TriggerHit:
    token: Token
    anchor: Token
    entry: Trigger
    type: str
    mode: str | None

    @property
    def is_verb_on_anchor(self) -> bool:
        return self.token == self.anchor


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _objects(tok: Token) -> list[Token]:
    objs = []
    for c in tok.children:
        if c.dep_ in _OBJECT_DEPS:
            # "a number of patrol vessels": the object is the vessels
            if _lemma(c) in QUANTIFIER_NOUNS:
                inner = [p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj"]
                objs.extend(inner or [c])
            else:
                objs.append(c)
    for obj in list(objs):
        objs.extend(c for c in obj.children if c.dep_ == "conj")
    return objs


def _subject(tok: Token) -> Token | None:
    current = tok
    for _ in range(3):
        for c in current.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                return c
        if current.dep_ in {"conj", "xcomp"} and current.head != current:
            current = current.head
        else:
            break
    return None


def _matches_any(lex: Lexicon, lemma: str, keys: Sequence[str]) -> bool:
    return any(lex.in_class(lemma, k) for k in keys if k != "*")


def _is_light_object(tok: Token, lex: Lexicon, lemmas: Sequence[str] | None = None) -> bool:
    if tok.dep_ not in _OBJECT_DEPS or tok.head == tok:
        return False
    head_lemma = _lemma(tok.head)
    return head_lemma in lemmas if lemmas is not None else head_lemma in lex.light_verbs


def _check(tok: Token, entry: Trigger, lex: Lexicon, relaxed: bool = False) -> tuple[str, str | None] | None:
    """The (type, mode) this entry gives on this token, or None when its conditions fail.
    ``relaxed``: only the particle and the object exclusions are checked (the back-off pass)."""
    children = list(tok.children)
    if entry.particle is not None and not any(c.lower_ == entry.particle for c in children):
        return None
    event_type, mode = entry.type, entry.mode
    if relaxed and not entry.strict and not (RELAXED_KEEPS_IDENTITY and (entry.need_mod or entry.need_of)):
        objs = _objects(tok) if entry.pos == VERB else []
        obj_lemmas = [_lemma(o) for o in objs]
        if entry.not_obj and objs and ("*" in entry.not_obj or any(_matches_any(lex, lm, entry.not_obj) for lm in obj_lemmas)):
            return None
        return event_type, mode
    if entry.pos == VERB:
        objs = _objects(tok)
        obj_lemmas = [_lemma(o) for o in objs]
        if entry.not_obj and objs and ("*" in entry.not_obj or any(_matches_any(lex, lm, entry.not_obj) for lm in obj_lemmas)):
            return None
        mapped: str | None = None
        for lm in obj_lemmas:
            for key, typ in entry.obj:
                if key != "*" and lex.in_class(lm, key):
                    mapped = typ
                    break
            if mapped:
                break
        if mapped is None and objs:
            mapped = next((typ for key, typ in entry.obj if key == "*"), None)
        if entry.need_obj and mapped is None:
            return None
        if mapped is not None:
            event_type = mapped
        has_xcomp = any(c.dep_ == "xcomp" for c in children)
        if entry.need_xcomp and not has_xcomp:
            return None
        if entry.not_xcomp and has_xcomp:
            return None
        if entry.need_ccomp and not any(c.dep_ == "ccomp" for c in children):
            return None
        if entry.need_subj:
            subj = _subject(tok)
            if subj is None or _lemma(subj) not in entry.need_subj:
                return None
    else:
        mod_lemmas = [_lemma(c) for c in children if c.dep_ in _MODIFIER_DEPS]
        if entry.need_mod and not any(m in entry.need_mod for m in mod_lemmas):
            return None
        for m in mod_lemmas:
            for key, mode_name in entry.mods:
                if m == key:
                    mode = mode_name
        if entry.need_head and _lemma(tok.head) not in entry.need_head:
            return None
        if entry.need_light and not _is_light_object(tok, lex):
            return None
        if entry.need_light_lemma and not _is_light_object(tok, lex, entry.need_light_lemma):
            return None
        if entry.need_of:
            ofs = [
                _lemma(p)
                for c in children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if not any(_matches_any(lex, lm, entry.need_of) for lm in ofs):
                return None
    if entry.need_prep and not any(c.dep_ == "prep" and c.lower_ in entry.need_prep for c in children):
        return None
    return event_type, mode


def find_triggers(doc: Doc, lex: Lexicon, relaxed: bool = False) -> list[TriggerHit]:
    """Lexicon hits on the parsed sentence. Parts of speech are kept apart ("according" is not an
    accord, "partner" the noun is not the verb; crossing them in the relaxed pass gained nothing
    measurable and added false positives). The strict pass checks every entry condition; the
    relaxed pass (a back-off for sentences where the strict one found nothing) checks only
    particles and object exclusions."""
    hits: list[TriggerHit] = []
    words = [t for t in doc if t.is_alpha]
    headline = bool(words) and sum(t.text[0].isupper() for t in words) > 0.6 * len(words)
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not headline:
            continue  # a name ("March", "Summit Bank") is not a trigger noun
        if tok.pos_ == "VERB":
            if tok.dep_ == "acl" and not relaxed:
                continue  # a participle describing a noun ("a lunch hosted by X") is not the news
            order: tuple[str, ...] = (VERB,)
        elif tok.pos_ in {"NOUN", "PROPN"}:
            order = (NOUN,)
        else:
            continue
        lemma = _lemma(tok)
        for pos in order:
            found = None
            for entry in lex.entries(lemma, pos):
                result = _check(tok, entry, lex, relaxed)
                if result is not None:
                    found = (entry, result)
                    break
            if found is not None:
                entry, (event_type, mode) = found
                anchor = tok
                if entry.pos == NOUN:
                    anchor = _noun_anchor(tok, lex)
                hits.append(TriggerHit(tok, anchor, entry, event_type, mode))
                break
            if lex.entries(lemma, pos):
                break  # the word's own entries said no ("released figures"): no other part of speech
    return hits


def _noun_anchor(tok: Token, lex: Lexicon) -> Token:
    """The verb that carries a noun trigger: its light verb ("held talks"), or the verb of the
    prepositional phrase it sits in ("went on strike", "took part in protests"); else the noun."""
    if _is_light_object(tok, lex):
        return tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in TEMPORAL_PREPS and head.head.pos_ == "VERB":
        return head.head
    return tok


def _governing_anchors(tok: Token, max_depth: int = 60) -> set[int]:
    """Indices of the ancestors of ``tok`` reached through at least one non-coordination link."""
    out: set[int] = set()
    crossed = False
    current = tok
    for _ in range(max_depth):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ != "conj":
            crossed = True
        if crossed:
            out.add(head.i)
        current = head
    return out


def _prefer(new: TriggerHit, old: TriggerHit) -> bool:
    """Of two hits on one anchor, the verb's own type wins ("signed an agreement", "lifted
    sanctions"), except that a pledge, promise or offer of support or aid is that support or aid."""
    new_verb, old_verb = new.is_verb_on_anchor, old.is_verb_on_anchor
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
        if hit.anchor == hit.token and hit.token.dep_ in {"pobj", "pcomp"} and hit.token.head.lower_ in TEMPORAL_PREPS:
            continue
        prev = by_anchor.get(hit.anchor.i)
        if prev is None or _prefer(hit, prev):
            by_anchor[hit.anchor.i] = hit
    unique = list(by_anchor.values())
    # one walk up the tree per anchor (not one per pair of hits: a long list sentence has hundreds)
    governed_by = {hit.anchor.i: _governing_anchors(hit.anchor) for hit in unique}
    selected: list[TriggerHit] = []
    for hit in unique:
        if any(i in by_anchor and i != hit.anchor.i for i in governed_by[hit.anchor.i]):
            continue
        if hit.entry.weak:
            governed = [o for o in unique if o is not hit and hit.anchor.i in governed_by[o.anchor.i]]
            if any(ontology.info(o.type).quad_class in CONFLICT_QUADS for o in governed):
                hit.type, hit.mode = "THREATEN", None
        selected.append(hit)
    # the news of a sentence is its outcome: "met ... and agreed" puts AGREE before CONSULT
    selected.sort(key=lambda h: (h.type in PROCESS_TYPES, h.anchor.i))
    return selected


SAYING_VERBS = frozenset(WORDS["saying_verbs"])


def _stated_by_subject(anchor: Token) -> bool:
    """The clause is what someone said ("Iran said it could strike"), not the reporter's guess."""
    current = anchor
    for _ in range(3):
        if current.dep_ in {"ccomp", "xcomp", "conj"} and current.head != current:
            current = current.head
            if _lemma(current) in SAYING_VERBS:
                return True
        else:
            return False
    return False


def _is_people(subj: Token, index: MentionIndex, lex: Lexicon) -> bool:
    """The subject names people, not a state: "students in Chile", "thousands of people in
    Georgia", a plural demonym ("Kenyans", "Palestinians")."""
    if _lemma(subj) in lex.protesters or _lemma(subj) in QUANTIFIER_NOUNS or _lemma(subj) in PEOPLE_NOUNS:
        return True
    return subj.tag_ in {"NNS", "NNPS"} and any(tm.mention.via == "demonym" for tm in index.at(subj.i))


def retype(hit: TriggerHit, modality: str, lex: Lexicon, index: MentionIndex | None = None) -> tuple[str, str | None]:
    """Type adjustments that depend on the whole clause, not on the trigger word."""
    subj = _subject(hit.anchor)
    if hit.type == "PROTEST" and hit.entry.lemma in OFFICIAL_PROTEST_TYPES and index is not None and subj is not None:
        # a government's protest is an official complaint (CAMEO 114, PLOVER ACCUSE) and its boycott
        # a reduction of relations (CAMEO 163, PLOVER SANCTION); people's are a demonstration
        official = [tm for tm in index.in_tokens(np_core(subj)) if tm.kind in {"state", "org"}]
        if (official or _lemma(subj) in STATE_AGENTS) and not _is_people(subj, index, lex):
            return OFFICIAL_PROTEST_TYPES[hit.entry.lemma]
    if hit.type in {"COERCE", "ASSAULT"} and subj is not None and _lemma(subj) in lex.protesters:
        return "PROTEST", ("riot" if hit.type == "ASSAULT" else "obstruct")
    if hit.type == "ASSAULT" and hit.entry.lemma in POLICE_ACTIONS and subj is not None and _lemma(subj) in POLICE:
        # a police raid is coercion (arrests, seizures), a military one is force
        return "COERCE", "restrict"
    if modality == "planned" and hit.type in INTENT_AGREE_TYPES:
        return "AGREE", None
    if hit.type in INTENT_THREATEN_TYPES and (
        modality == "planned" or (modality == "hypothetical" and _stated_by_subject(hit.anchor))
    ):
        return "THREATEN", None
    return hit.type, hit.mode


def _contexts(event_type: str, entry_contexts: Sequence[str], lemmas: set[str], lower: str, lex: Lexicon) -> list[str]:
    out: list[str] = []
    for ctx in list(entry_contexts) + list(lex.context_defaults.get(event_type, ())):
        if ctx not in out:
            out.append(ctx)
    for ctx, cues in lex.context_cues.items():
        if ctx in out:
            continue
        for cue in cues:
            if (" " in cue and cue in lower) or cue in lemmas:
                out.append(ctx)
                break
    return out


def _mode(event_type: str, mode: str | None, lemmas: set[str], parties: Parties, index: MentionIndex,
          lex: Lexicon, ontology: Ontology) -> str | None:
    modes = ontology.info(event_type).modes
    if mode in modes:
        return mode
    for name, cues in lex.mode_cues.get(event_type, {}).items():
        if cues & lemmas:
            return name
    if event_type == "CONSULT":
        codes = set(parties.codes("actor")) | set(parties.codes("recipient"))
        if len(codes) >= 3:
            return "multilateral"
        places = [tm for tm in index.mentions if tm.kind == "place"]
        if places and codes and all(not set(tm.codes) & codes for tm in places):
            return "third-party"
    return None


def _event_date(sentence: Sentence, modality: str) -> DateValue:
    # a reported past state ("in recent years has provided") is not an event of the sentence's day
    if modality == "background" and sentence.date.precision in {"day", "week"}:
        return DateValue()
    return sentence.date


def build_event(
    hit_type: str,
    mode: str | None,
    entry_contexts: Sequence[str],
    parties: Parties,
    modality: str,
    sentence: Sentence,
    index: MentionIndex,
    lemmas: set[str],
    lower: str,
    trigger_text: str,
    confidence: float,
    extractor: str,
    lex: Lexicon,
    ontology: Ontology,
) -> Event:
    actor = parties.codes("actor")
    recipient = parties.codes("recipient")
    if len(actor) >= 2:
        recipient = [c for c in recipient if c not in actor]
    mode = _mode(hit_type, mode, lemmas, parties, index, lex, ontology)
    root, goldstein, quad = ontology.crosswalk(hit_type, mode)
    return Event(
        sentence=sentence.text,
        event=hit_type,
        actor=actor,
        recipient=recipient,
        mode=mode,
        contexts=_contexts(hit_type, entry_contexts, lemmas, lower, lex),
        modality=modality,
        date=_event_date(sentence, modality),
        intensity=ontology.info(hit_type).intensity,
        quad_class=quad,
        cameo_root=root,
        goldstein=goldstein,
        trigger=trigger_text,
        confidence=confidence,
        sentence_index=sentence.index,
        sentence_start=sentence.start,
        actor_text=[tm.mention.text for tm in parties.actor],
        recipient_text=[tm.mention.text for tm in parties.recipient],
        extractor=extractor,
    )


def code_sentence(
    doc: Doc,
    mentions: Sequence[TokenMention],
    sentence: Sentence,
    *,
    parsed: bool = True,
    classify: Callable[[str], Mapping[str, float]] | None = None,
    extractor: str = EVENTS_VERSION,
    lexicon: Lexicon | None = None,
    ontology: Ontology | None = None,
) -> list[Event]:
    """Events of one sentence. ``doc`` is the sentence parsed on its own; ``mentions`` are its
    actor mentions on that doc's tokens; ``classify`` the event classifier (text -> type
    probabilities), consulted only when no trigger fires."""
    lex = lexicon or load_lexicon()
    onto = ontology or load_ontology()
    index = MentionIndex(mentions)
    if not any(tm.kind in PARTY_KINDS for tm in mentions):
        return []
    lemmas = {_lemma(t) for t in doc}
    lower = sentence.text.lower()  # not doc.text: rebuilt from the tokens on every access
    if not parsed:
        return _code_unparsed(doc, index, sentence, lemmas, lower, extractor, lex, onto)
    events: list[Event] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()

    def emit(hit: TriggerHit, parties: Parties, confidence: float) -> None:
        modality = modality_of(hit.anchor, hit.token, lower)
        event_type, mode = retype(hit, modality, lex, index)
        demand = stated_demand(hit.anchor, index)
        if demand is not None:
            event_type, mode, parties, modality = "REQUEST", None, demand, "asserted"
        if event_type != hit.type and modality in {"planned", "hypothetical"}:
            modality = "asserted"  # the statement of intent is itself the event
        event = build_event(event_type, mode, hit.entry.contexts, parties, modality, sentence, index, lemmas,
                            lower, hit.entry.text, confidence, extractor, lex, onto)
        key = (event.event, tuple(sorted(event.actor)), tuple(sorted(event.recipient)))
        if key not in seen and len(events) < MAX_EVENTS_PER_SENTENCE:
            seen.add(key)
            events.append(event)

    hits = select_triggers(find_triggers(doc, lex), onto)
    confidence = STRICT_CONFIDENCE
    if not hits:
        hits = select_triggers(find_triggers(doc, lex, relaxed=True), onto)
        confidence = RELAXED_CONFIDENCE
    for hit in hits:
        visit = hit.mode == "visit" or hit.entry.mode == "visit"
        parties = find_parties(hit.anchor, hit.token, index, visit=visit, event_type=hit.type)
        if parties.actor or parties.recipient:
            emit(hit, parties, confidence)
    if not events and hits and LINEAR_BACKOFF:
        # a trigger whose parties the parse does not link: word order, at lower confidence
        hit = hits[0]
        parties = linear_parties(doc, hit.token.i, index)
        if parties.actor or parties.recipient:
            emit(hit, parties, LINEAR_CONFIDENCE)
    if not events and classify is not None:
        events = _classifier_fill(hits, classify, doc, index, sentence, lemmas, lower, extractor, lex, onto)
    return events


def _classifier_fill(hits: list[TriggerHit], classify: Callable[[str], Mapping[str, float]], doc: Doc,
                     index: MentionIndex, sentence: Sentence, lemmas: set[str], lower: str, extractor: str,
                     lex: Lexicon, onto: Ontology) -> list[Event]:
    """Where no trigger fired at all (strict or relaxed pass), the classifier's type, if it is
    sure enough, with the parties of the main verb. Measured (docs/evaluation.md): letting the
    classifier reorder or override lexicon types lost accuracy, so it only fills in."""
    if hits:
        return []
    best_type, best_p = max(classify(sentence.text).items(), key=lambda kv: kv[1])
    if best_p < CLASSIFIER_MIN:
        return []
    root_tok = next((t for t in doc if t.head == t and t.pos_ in {"VERB", "AUX"}), None)
    if root_tok is None:
        return []
    parties = find_parties(root_tok, root_tok, index, event_type=best_type)
    if not parties.actor and not parties.recipient:
        return []
    modality = modality_of(root_tok, root_tok, lower)
    return [build_event(best_type, None, (), parties, modality, sentence, index, lemmas, lower, "", round(best_p, 3),
                        extractor, lex, onto)]


def _code_unparsed(doc: Doc, index: MentionIndex, sentence: Sentence, lemmas: set[str], lower: str,
                   extractor: str, lex: Lexicon, onto: Ontology) -> list[Event]:
    """Without a parser (spacy.blank fallback): the first unconditional trigger, word-order parties."""
    for tok in doc:
        for lemma, pos in lex.form_lemmas.get(tok.lower_, ()):
            for entry in lex.entries(lemma, pos):
                if entry.particle or entry.need_obj or entry.need_mod or entry.need_light or entry.need_light_lemma:
                    continue
                parties = linear_parties(doc, tok.i, index)
                if not parties.actor and not parties.recipient:
                    return []
                words = lower.split()
                modality = "asserted"
                if {"not", "never", "n't"} & set(words):
                    modality = "negated"
                elif {"could", "might", "may", "if"} & set(words):
                    modality = "hypothetical"
                elif {"will", "would", "plans", "planned"} & set(words):
                    modality = "planned"
                return [build_event(entry.type, entry.mode, entry.contexts, parties, modality, sentence, index,
                                    lemmas | {lemma}, lower, entry.text, 0.4, extractor, lex, onto)]
    return []


# ---------------------------------------------------------------------- lemma table
# words outside the lexicon whose lemma the coder reads (auxiliaries, reporting verbs)
EXTRA_LEMMAS: dict[str, tuple[str, ...]] = {
    "be": ("is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"),
    "have": ("has", "had", "having", "'ve"),
    "do": ("does", "did", "done", "doing"),
    "go": ("goes", "went", "gone", "going"),
    "use": ("uses", "used", "using"),
}


def lemma_table() -> dict[str, dict[str, str]]:
    """Inflected form -> lemma, for verbs and for nouns, of every word the event coder reads by
    lemma: the tables of the cheap diplograph_morph component (nlp/morph.py) that replaces spaCy's
    lemmatizer."""
    from . import modality, structure

    lex = load_lexicon()
    verbs = set(lex.light_verbs) | set(modality.NEGATING_GOVERNORS) | set(modality.HYPOTHETICAL_GOVERNORS)
    verbs |= set(modality.PLANNED_GOVERNORS) | set(SAYING_VERBS)
    verbs |= structure.ATTRIBUTION_VERBS | structure.STANCE_PARTICIPLES | structure.DEMAND_VERBS
    verbs |= {lemma for lemma, pos in lex.by_lemma if pos == VERB}
    nouns = {lemma for lemma, pos in lex.by_lemma if pos == NOUN}
    nouns |= set().union(*lex.classes.values()) | lex.protesters | QUANTIFIER_NOUNS | structure.STATE_AGENTS
    nouns |= {w for cues in lex.context_cues.values() for w in cues if " " not in w}
    nouns |= {w for by_mode in lex.mode_cues.values() for cues in by_mode.values() for w in cues}
    tables: dict[str, dict[str, str]] = {VERB: {}, NOUN: {}}
    for lemma, forms in EXTRA_LEMMAS.items():
        tables[VERB][lemma] = lemma
        for form in forms:
            tables[VERB][form] = lemma
    for pos, words in ((VERB, verbs), (NOUN, nouns)):
        table = tables[pos]
        for word in words:
            table.setdefault(word, word)  # a form that is itself a lemma keeps it
        for word in sorted(words):
            for form in sorted(inflections(word, pos, lex.irregular)):
                table.setdefault(form, word)
    return tables


morph.set_lemma_source(lemma_table)
