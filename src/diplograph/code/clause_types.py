"""Type adjustments that depend on the whole clause, not on the trigger word: who does it (a
government's protest is an official complaint, protesters' violence is a riot, people blocking roads
obstruct, a police raid is coercion, troops arriving are deployed) and whether it is a stated
intention (PLOVER codes the statement of a future action: AGREE for an offer or plan to cooperate or
meet, THREATEN for force, pressure or an ultimatum, REJECT for a stated refusal)."""

from __future__ import annotations

from spacy.tokens import Token

from .modality import controlling_governors, has_condition, is_future
from .plover import Lexicon, word_lists
from .structure import STATE_AGENTS, MentionIndex, np_core
from .triggers import QUANTIFIER_NOUNS, TriggerHit, token_lemma, trigger_subject

WORDS = word_lists()
POLICE = frozenset(WORDS["police"])
POLICE_ACTIONS = frozenset(WORDS["police_actions"])
PEOPLE_NOUNS = frozenset({"people", "citizen", "resident", "civilian", "supporter", "crowd", "public"})
# PROTEST triggers that mean something else when a state or its agents do them
OFFICIAL_PROTEST_TYPES: dict[str, tuple[str, str | None]] = {
    "protest": ("ACCUSE", "disapprove"),
    "boycott": ("SANCTION", "discontinue"),
}
# PLOVER/CAMEO code a stated future action as the statement: intent to cooperate, meet or back
# someone is AGREE ("will provide aid", "would withdraw", "will visit", "is ready to host talks":
# AGREE is "express an intent to engage in a future action: pledge, promise, offer"), intent to use
# force or pressure is THREATEN ("said it would expel", "could strike").
INTENT_AGREE_TYPES = frozenset({"AID", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT", "SUPPORT"})
INTENT_THREATEN_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST"})
SAYING_VERBS = frozenset(WORDS["saying_verbs"])
# "is willing / ready / prepared to withdraw": an offer, coded like a stated plan
WILLINGNESS_GOVERNORS = frozenset({"willing", "ready", "prepared", "prepare"})
# "tried to assassinate": an attempted act is coded as the act (CAMEO codes attempts with the act)
ATTEMPT_GOVERNORS = frozenset({"try", "attempt"})
ULTIMATUM_MARKS = frozenset({"unless"})
# COERCE triggers that are an obstruction when people do them (roads, streets, traffic)
OBSTRUCTION_LEMMAS = frozenset({"block", "blockade", "barricade"})
# sectors of group mentions (actors/data/domestic_groups.tsv) that are not the state's agents
NON_STATE_SECTORS = frozenset({"armed group", "opposition", "civilians", "labour"})
# a visit trigger whose subject may be forces (a deployment, not a visit)
ARRIVAL_LEMMAS = frozenset({"arrive"})


NEGATED_AGREEMENT_IS_REJECT = True
# exercises held together by two or more states are military cooperation (COOPERATE); held by one
# state around another, a show of force (MOBILIZE)
EXERCISE_LEMMAS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame", "war-game", "patrol"})


def joint_exercise(hit: TriggerHit, actor_codes: list[str], recipient_codes: list[str]) -> bool:
    """A MOBILIZE exercise or drill that two or more states hold together ("Japan and the
    Philippines will hold joint drills", "held drills with the US navy")."""
    if hit.type != "MOBILIZE" or hit.entry.lemma not in EXERCISE_LEMMAS:
        return False
    if len(set(actor_codes)) >= 2:
        return True
    partners = [p for c in (hit.token, hit.anchor) for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "with"
                for p in prep.children]
    return bool(partners) and bool(recipient_codes)


ACCEPTING_LEMMAS = frozenset({"approve", "accept"})


def accepts_from_another(hit: TriggerHit) -> bool:
    """"Ghana's parliament approved a loan from China": the approver takes what another gives, an
    agreement to receive (AGREE), not aid it gives ("the IMF approved a loan for Ukraine")."""
    if hit.type != "AID" or hit.entry.lemma not in ACCEPTING_LEMMAS:
        return False
    return any(prep.dep_ == "prep" and prep.lower_ == "from" for obj in hit.anchor.children
               if obj.dep_ in {"dobj", "obj"} for prep in obj.children)


CROWD_CONTROL = frozenset({"disperse", "gas", "cannon", "bullet", "baton", "truncheon", "grenade", "spray"})


def _crowd_control(anchor: Token) -> bool:
    """The clause says the force was used on a crowd: "to disperse" it, with tear gas, water cannon,
    rubber bullets, batons."""
    return any(token_lemma(t) in CROWD_CONTROL for t in anchor.subtree)


def _stated_by_subject(anchor: Token) -> bool:
    """The clause is what someone said ("Iran said it could strike"), not the reporter's guess."""
    current = anchor
    for _ in range(3):
        if current.dep_ in {"ccomp", "xcomp", "conj"} and current.head != current:
            current = current.head
            if token_lemma(current) in SAYING_VERBS:
                return True
        else:
            return False
    return False


def _crowd_subject(subj: Token, lex: Lexicon) -> bool:
    """The subject is protesters or a crowd, also through a quantity ("thousands of supporters",
    "hundreds of students"): their violence is a riot, their blocking an obstruction."""
    if token_lemma(subj) in lex.protesters:
        return True
    return token_lemma(subj) in QUANTIFIER_NOUNS and any(
        token_lemma(p) in lex.protesters for prep in subj.children if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children if p.dep_ == "pobj")


def _is_people(subj: Token, index: MentionIndex, lex: Lexicon) -> bool:
    """The subject names people, not a state: "students in Chile", "thousands of people in
    Georgia", a plural demonym ("Kenyans", "Palestinians")."""
    if token_lemma(subj) in lex.protesters or token_lemma(subj) in QUANTIFIER_NOUNS or token_lemma(subj) in PEOPLE_NOUNS:
        return True
    return subj.tag_ in {"NNS", "NNPS"} and any(tm.mention.via == "demonym" for tm in index.at(subj.i))


def _non_state_subject(subj: Token, index: MentionIndex | None, lex: Lexicon) -> bool:
    """The subject names people or a non-state group ("young Algerians", "thousands of people",
    "the rebels", "protesters"), not a state, an organisation or a state's agent."""
    if token_lemma(subj) in STATE_AGENTS:
        return False
    if token_lemma(subj) in lex.protesters:
        return True
    if index is None:
        return False
    if _is_people(subj, index, lex):
        return True
    return any(tm.kind == "group" and tm.mention.sector in NON_STATE_SECTORS for tm in index.at(subj.i))


def retype(hit: TriggerHit, modality: str, lex: Lexicon, index: MentionIndex | None = None) -> tuple[str, str | None]:
    """Type adjustments that depend on the whole clause, not on the trigger word."""
    subj = trigger_subject(hit.anchor)
    if hit.type == "PROTEST" and hit.entry.lemma in OFFICIAL_PROTEST_TYPES and index is not None and subj is not None:
        # a government's protest is an official complaint (CAMEO 114, PLOVER ACCUSE) and its boycott
        # a reduction of relations (CAMEO 163, PLOVER SANCTION); people's are a demonstration
        official = [tm for tm in index.in_tokens(np_core(subj)) if tm.kind in {"state", "org"}]
        # "a human rights group protested": one body complaining, not a crowd (CAMEO 114)
        one_body = subj.tag_ == "NN" and token_lemma(subj) not in lex.protesters
        if (official or one_body or token_lemma(subj) in STATE_AGENTS) and not _is_people(subj, index, lex):
            return OFFICIAL_PROTEST_TYPES[hit.entry.lemma]
    event_type, mode = hit.type, hit.mode
    if event_type == "CONSULT" and hit.entry.lemma in ARRIVAL_LEMMAS and subj is not None:
        # troops arriving are a deployment, not a visit ("the first batch of peacekeepers arrived"):
        # peacekeepers are protection (CAMEO 074, PLOVER AID), other forces a show of force (CAMEO 154,
        # PLOVER MOBILIZE)
        phrase = [subj.doc[i] for i in np_core(subj)]
        if any(lex.in_class(token_lemma(t), "FORCES") for t in phrase):
            peacekeeping = any(token_lemma(t).startswith("peacekeep") for t in phrase)
            event_type, mode = ("AID", "military") if peacekeeping else ("MOBILIZE", "troops")
    if (event_type == "COERCE" and hit.entry.lemma in OBSTRUCTION_LEMMAS and subj is not None
            and _non_state_subject(subj, index, lex)):
        # people, rebels or a crowd blocking roads obstruct (PLOVER PROTEST "obstruct"); a state or
        # its agents blocking something restrict it (COERCE)
        event_type, mode = "PROTEST", "obstruct"
    if event_type in {"COERCE", "ASSAULT"} and subj is not None and _crowd_subject(subj, lex):
        event_type, mode = "PROTEST", ("riot" if event_type == "ASSAULT" else "obstruct")
    if event_type == "ASSAULT" and hit.entry.lemma in POLICE_ACTIONS and subj is not None and token_lemma(subj) in POLICE:
        # a police raid is coercion (arrests, seizures), a military one is force
        return "COERCE", "restrict"
    if event_type == "ASSAULT" and subj is not None and token_lemma(subj) in POLICE and _crowd_control(hit.anchor):
        # police firing tear gas or water cannon, or shooting to disperse a crowd: repression of a
        # protest (coded COERCE in the PLOVER gold records and our own dev sets)
        return "COERCE", "restrict"
    if modality == "negated" and event_type in INTENT_AGREE_TYPES | {"AGREE"} and is_future(hit.anchor):
        # "will not accept refugees", "would not meet their demands": a refusal (PLOVER REJECT)
        return "REJECT", None
    if NEGATED_AGREEMENT_IS_REJECT and modality == "negated" and event_type == "AGREE" and hit.entry.lemma in {
            "agree", "reach", "accept"}:
        # "failed to reach agreement", "did not agree to the plan": no agreement (CAMEO 12, reject)
        return "REJECT", None
    governors = {token_lemma(t) for t in controlling_governors(hit.anchor)}
    # a plan, an offer ("is ready to host"), or a conditional offer ("said they would meet him if ...")
    offered = modality == "planned" or (modality == "hypothetical" and (
        bool(governors & WILLINGNESS_GOVERNORS) or (is_future(hit.anchor) and _stated_by_subject(hit.anchor))))
    if (offered and event_type in INTENT_AGREE_TYPES | INTENT_THREATEN_TYPES
            and has_condition(hit.anchor, ULTIMATUM_MARKS)):
        # "will withdraw its troops unless ...": an intent on a condition is an ultimatum (PLOVER THREATEN)
        return "THREATEN", None
    if offered and event_type in INTENT_AGREE_TYPES and mode != "resign":
        # (a stated resignation is not an offer to cooperate: "said he would resign" stays RETREAT)
        return "AGREE", None
    if event_type in INTENT_THREATEN_TYPES and not governors & ATTEMPT_GOVERNORS and (
        offered or (modality == "hypothetical" and _stated_by_subject(hit.anchor))
    ):
        return "THREATEN", None
    return event_type, mode
