"""PLOVER event coding of one parsed sentence.

Method (measured in docs/evaluation.md): the trigger lexicon (data/triggers.json) is matched on
lemmas over the dependency parse; lexicon conditions on objects and modifiers keep it precise
("release prisoners" is RETREAT, "release a statement" is nothing). A trigger governed by another
trigger through a complement is absorbed by it ("threatened to impose sanctions" is one THREATEN
event; "held talks ... and agreed" stays two events, because coordination does not absorb).
Triggers come from triggers.py, clause-level retyping from clause_types.py, parties from
structure.py (demands in reported speech from demands.py), modality from modality.py, the type's
attributes and crosswalk from plover.py. An optional classifier fills in the type when a candidate
sentence has parties but no lexicon trigger fires (see ``CLASSIFIER_MIN``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Token

from ..dates import DateMatch
from ..model import DateValue, Event, Sentence
from .brokers import mediated_sides, passive_brokers
from .clause_types import accepts_from_another, joint_exercise, retype
from .event_dates import event_date, reads_as_background, sentence_expressions
from .event_refs import refer_back
from .lemma_forms import lemma_table  # importing it registers the table with nlp/morph.py
from .modality import is_future, modality_of, stated_threat_modality
from .plover import Lexicon, Ontology, load_lexicon, load_ontology
from .sides import ArticleFocus, resolve_sides
from .structure import (
    PARTY_KINDS,
    MentionIndex,
    Parties,
    TokenMention,
    demand_clauses,
    find_parties,
    linear_parties,
    quoted_threat,
    stated_demand,
    without_economic_qualifiers,
    without_stance_prefixed,
)
from .trigger_selection import select_triggers
from .triggers import TriggerHit, find_triggers, token_lemma

__all__ = ["EVENTS_VERSION", "TriggerHit", "build_event", "code_sentence", "find_triggers", "lemma_table", "retype",
           "select_triggers"]

# 2: clause-level intent/refusal/ultimatum rules, stated demands without a trigger word, no self-
# consultation, economic qualifiers are no parties (with lexicon version 2)
# 3: sectors (actor_sectors/recipient_sectors), no false self-events, the article's focus decides
# a side the text leaves unnamed (sides.py)
# 4: events dated by their own clause (event_dates.py); second events in after/as/while and named
# relative clauses; stated future responses; judgements ("called X a violation"); suspended
# agreements; a stricter back-off pass (with lexicon version 3 and the CAMEO conversion,
# triggers_cameo.json)
# 5 (issues 12 and 13, session 4): actor coreference and sides changed the coded parties;
# "a charge X denied" and a finite verb coordinated with a gerund are events of their own;
# identifying relative clauses and gerunds on nouns are none; a document's participle is its
# adopter's act; visits named as the occasion; stated threats planned/hypothetical; date headings of
# live blogs; planned months resolve forward (with lexicon version 4)
EVENTS_VERSION = "events-6"
MAX_EVENTS_PER_SENTENCE = 3
CALLING_VERBS = frozenset({"call", "announce", "schedule"})
# The classifier's type is used only above this probability, and only where no trigger fired.
CLASSIFIER_MIN = 0.55
STRICT_CONFIDENCE = 0.8
RELAXED_CONFIDENCE = 0.55
LINEAR_BACKOFF = True
LINEAR_CONFIDENCE = 0.4
DROP_SHADOW_SELF_EVENTS = True


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


def _sentence_date(sentence: Sentence, modality: str) -> DateValue:
    """The date of an event read without a parse: the sentence's (a reported past state, "in
    recent years has provided", is not an event of the sentence's day)."""
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
    focus: ArticleFocus | None = None,
    anchor_i: int = 0,
    date: DateValue | None = None,
) -> Event:
    """One event; ``date`` is the event's own (event_dates.py), else the sentence's."""
    used = parties.actor + parties.recipient
    others = sorted((tm for tm in index.mentions if tm.kind in PARTY_KINDS and tm not in used),
                    key=lambda tm: (tm.start < anchor_i, abs(tm.start - anchor_i)))
    sides = resolve_sides([tm.mention for tm in parties.actor], [tm.mention for tm in parties.recipient],
                          parties.implicit, [tm.mention for tm in others], focus, hit_type,
                          parties.unnamed_agent or parties.implicit != "actor", parties.target_sector,
                          (sentence.text, sentence.start))
    actor, recipient = sides.actor, sides.recipient
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
        date=date if date is not None else _sentence_date(sentence, modality),
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
        actor_sectors=sides.actor_sectors,
        recipient_sectors=sides.recipient_sectors,
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
    focus: ArticleFocus | None = None,
    history: Sequence[Event] = (),
    published: dt.date | None = None,
) -> list[Event]:
    """Events of one sentence. ``doc`` is the sentence parsed on its own; ``mentions`` are its
    actor mentions on that doc's tokens; ``classify`` the event classifier (text -> type
    probabilities), consulted only when no trigger fires; ``focus`` the article's states, which
    decide a side the sentence leaves unnamed (sides.py); ``history`` the article's events so far, which
    a referring event noun stands for ("condemned the strikes": event_refs.py); ``published`` the
    document's publication date (each event is dated by its own clause: event_dates.py)."""
    lex = lexicon or load_lexicon()
    onto = ontology or load_ontology()
    # a dateline ("KYIV, July 8 (Reuters) -") is where the report was filed, not where events happen
    mentions = without_economic_qualifiers([tm for tm in mentions if tm.mention.via != "dateline"], doc)
    index = without_stance_prefixed(MentionIndex(mentions), doc)
    if not any(tm.kind in PARTY_KINDS for tm in mentions):
        return []
    lemmas = {token_lemma(t) for t in doc}
    lower = sentence.text.lower()  # not doc.text: rebuilt from the tokens on every access
    brokers = [tm for tm in mentions if tm.kind == "broker"]
    if parsed:
        # "talks mediated by Qatar": the broker is no party to the talks' or the deal's events
        named = passive_brokers(doc, index)
        if named:
            brokers += named
            index = MentionIndex([tm for tm in index.mentions if tm not in named])
    if not parsed:
        return _code_unparsed(doc, index, sentence, lemmas, lower, extractor, lex, onto)
    questions = _question_tokens(doc)
    if len(questions) == len(doc):
        return []  # a question in a briefing or an explainer reports nothing; its answer does
    events: list[Event] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    expressions = sentence_expressions(sentence, published)

    def emit(hit: TriggerHit, parties: Parties, confidence: float) -> None:
        modality = modality_of(hit.anchor, hit.token, lower)
        if modality == "asserted" and reads_as_background(hit.anchor, sentence, expressions):
            modality = "background"
        if joint_exercise(hit, parties.codes("actor"), parties.codes("recipient")):
            hit = TriggerHit(hit.token, hit.anchor, hit.entry, "COOPERATE", None)
        event_type, mode = retype(hit, modality, lex, index)
        if (event_type == "PROTEST" and modality == "asserted" and hit.anchor != hit.token
                and token_lemma(hit.anchor) in CALLING_VERBS):
            # "called a nationwide strike for Tuesday": the strike is announced, still to come
            modality = "planned"
        demand = stated_demand(hit.anchor, index)
        if demand is not None:
            event_type, mode, parties, modality = "REQUEST", None, demand, "asserted"
        if event_type != hit.type and modality == "negated":
            # the refusal is itself the event: "refused" is asserted, "will not accept" a stated plan
            modality = "planned" if event_type == "REJECT" and is_future(hit.anchor) else "asserted"
        # a statement of intent (AGREE, THREATEN) keeps its planned or hypothetical modality: the
        # annotation conventions (eval/articles/README.md) label "will provide aid" AGREE, planned
        parties = refer_back(event_type, hit.anchor, parties, index, [*history, *events], lex)
        date_modality: str | None = None
        if event_type == "THREATEN":
            parties = quoted_threat(hit.anchor, parties, index)
            stated = stated_threat_modality(hit.anchor) if modality == "asserted" else None
            if stated is not None:
                # "warned on Saturday that X would ...": dated by the day named for the warning, else
                # undated (as a hypothetical is: no forward reading, no story day)
                modality, date_modality = stated, "hypothetical"
        date = event_date(doc, hit.anchor, hit.token, sentence, date_modality or modality, expressions, published)
        event = build_event(event_type, mode, hit.entry.contexts, parties, modality, sentence, index, lemmas,
                            lower, hit.entry.text, confidence, extractor, lex, onto, focus, hit.token.i, date)
        key = (event.event, tuple(sorted(event.actor)), tuple(sorted(event.recipient)))
        if key not in seen and len(events) < MAX_EVENTS_PER_SENTENCE:
            seen.add(key)
            events.append(event)

    hits = select_triggers([h for h in find_triggers(doc, lex) if h.anchor.i not in questions], onto)
    confidence = STRICT_CONFIDENCE
    if not hits:
        hits = select_triggers([h for h in find_triggers(doc, lex, relaxed=True) if h.anchor.i not in questions], onto)
        confidence = RELAXED_CONFIDENCE
    for hit in hits:
        if accepts_from_another(hit):
            hit = TriggerHit(hit.token, hit.anchor, hit.entry, "AGREE", None)
        visit = hit.mode == "visit" or hit.entry.mode == "visit"
        parties = find_parties(hit.anchor, hit.token, index, visit=visit, event_type=hit.type)
        if parties.actor or parties.recipient:
            emit(hit, parties, confidence)
    for clause, parties in demand_clauses(doc, index):
        # a demand whose demanded action is no trigger word ("Russia said Sudan must return ...")
        if not any(hit.anchor.i in _subtree_ids(clause) for hit in hits):
            event = build_event("REQUEST", None, (), parties, "asserted", sentence, index, lemmas, lower,
                                clause.text, STRICT_CONFIDENCE, extractor, lex, onto, focus, clause.i,
                                event_date(doc, clause, clause, sentence, "asserted", expressions))
            key = (event.event, tuple(sorted(event.actor)), tuple(sorted(event.recipient)))
            if key not in seen and len(events) < MAX_EVENTS_PER_SENTENCE:
                seen.add(key)
                events.append(event)
    sides = mediated_sides(doc, brokers, index)
    if brokers and sides and len(events) < MAX_EVENTS_PER_SENTENCE:
        # "Qatar-mediated talks", "a deal mediated by Belarus": the broker consults both sides (mode mediate)
        broker_token = doc[min(brokers[0].start, len(doc) - 1)]
        events.append(build_event("CONSULT", "mediate", (), Parties(brokers, sides), "asserted", sentence, index,
                                  lemmas, lower, brokers[0].mention.text, STRICT_CONFIDENCE, extractor, lex, onto,
                                  focus, brokers[0].start,
                                  event_date(doc, broker_token, broker_token, sentence, "asserted", expressions)))
    if not events and hits and LINEAR_BACKOFF:
        # a trigger whose parties the parse does not link: word order, at lower confidence
        hit = hits[0]
        parties = linear_parties(doc, hit.token.i, index)
        if parties.actor or parties.recipient:
            emit(hit, parties, LINEAR_CONFIDENCE)
    if not events and classify is not None:
        events = _classifier_fill(hits, classify, doc, index, sentence, lemmas, lower, extractor, lex, onto,
                                  expressions, focus)
    return _without_shadow_self_events(events) if DROP_SHADOW_SELF_EVENTS else events


def _question_tokens(doc: Doc) -> set[int]:
    """The tokens of the clauses that end with a question mark ("Q: Why has India stopped issuing
    visas?", a headline's "What happens now?")."""
    return {t.i for sent in doc.sents if sent.text.rstrip(" \"'”’").endswith("?") for t in sent}


def _without_shadow_self_events(events: list[Event]) -> list[Event]:
    """A state acting on itself beside an event of the same type between two parties is most
    often the same event with its parties misread ("flew to Niamey to mediate, meeting both
    leaders": one consultation): keep the one between parties."""
    def self_event(e: Event) -> bool:
        return bool(e.actor) and set(e.actor) == set(e.recipient)

    return [e for e in events if not (self_event(e) and any(
        o is not e and o.event == e.event and not self_event(o) and (o.actor or o.recipient) for o in events))]


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _classifier_fill(hits: list[TriggerHit], classify: Callable[[str], Mapping[str, float]], doc: Doc,
                     index: MentionIndex, sentence: Sentence, lemmas: set[str], lower: str, extractor: str,
                     lex: Lexicon, onto: Ontology, expressions: Sequence[DateMatch],
                     focus: ArticleFocus | None = None) -> list[Event]:
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
                        extractor, lex, onto, focus, root_tok.i,
                        event_date(doc, root_tok, root_tok, sentence, modality, expressions))]


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
