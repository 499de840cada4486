"""Modality of an event (DESIGN.md): asserted, planned, hypothetical, negated or background.

Read from the anchor verb and the chain of verbs that govern it (through open and clausal
complements and coordination): negation, modal and future auxiliaries, conditional clauses,
governing verbs of intention or scheduling ("plans to", "is set to", "was to"), and, for
background, a perfect or habitual form with a cue of extended past time ("in recent years has
provided"). Only asserted events count in aggregates by default; the others are kept, labelled.
Order of precedence: negated > hypothetical > planned > background > asserted."""

from __future__ import annotations

from spacy.tokens import Token

from .plover import word_lists

WORDS = word_lists()

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
NEGATING_GOVERNORS = frozenset(WORDS["negating_governors"])
HYPOTHETICAL_GOVERNORS = frozenset(WORDS["hypothetical_governors"])
PLANNED_GOVERNORS = frozenset(WORDS["planned_governors"])
PLANNED_MODIFIERS = frozenset(WORDS["planned_modifiers"])
BACKGROUND_CUES = tuple(WORDS["background_cues"])


def _aux_lowers(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _to_infinitive(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _governors(anchor: Token, max_up: int = 4) -> tuple[list[Token], set[int]]:
    """The anchor and the verbs above it through complement and coordination links, and the
    subset that governs it through an open complement ("plans to visit": "plans")."""
    chain = [anchor]
    controlling: set[int] = set()
    current = anchor
    for _ in range(max_up):
        if (current.dep_ == "conj" and current.tag_ in {"VBZ", "VBD", "VBP"} and current.head.tag_ in {"VBG", "VB"}
                and current.head.dep_ in {"xcomp", "pcomp"} and current.head.head != current.head):
            # "denies arming X and accuses Y": the finite conjunct of a gerund belongs to the main verb
            current = current.head.head
            chain.append(current)
            continue
        if current.dep_ in {"xcomp", "ccomp", "conj", "acomp", "pcomp", "advcl"} and current.head != current:
            link = current.dep_
            current = current.head
            if current.dep_ == "prep" and current.head != current:
                current = current.head
                link = "xcomp" if link == "pcomp" else link
            chain.append(current)
            if link in {"xcomp", "acomp"}:
                controlling.add(current.i)
            if link in {"ccomp", "advcl"}:
                break  # a reported clause has its own tense and mood
        else:
            break
    return chain, controlling


def controlling_governors(anchor: Token) -> list[Token]:
    """The words that govern the anchor through an open complement: "plans to visit" -> "plans",
    "is ready to host" -> "ready", "tried to hack" -> "tried"."""
    chain, controlling = _governors(anchor)
    return [tok for tok in chain if tok.i in controlling]


def is_future(anchor: Token) -> bool:
    """A future or future-in-the-past auxiliary on the anchor or a verb governing it ("will not
    accept", "would not meet")."""
    chain, _controlling = _governors(anchor)
    return any(_aux_lowers(tok) & (FUTURE_AUX | {"would", "'d"}) for tok in chain)


def has_condition(anchor: Token, marks: frozenset[str]) -> bool:
    """A conditional clause introduced by one of ``marks`` on the anchor or a verb governing it
    ("will withdraw its force unless ...")."""
    chain, _controlling = _governors(anchor)
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for tok in chain for c in tok.children)


def modality_of(anchor: Token, trigger: Token, sentence_lower: str) -> str:
    chain, controlling = _governors(anchor)
    # negation on the anchor or the trigger, or on a verb controlling it ("did not agree to")
    for tok in chain:
        if any(c.dep_ == "neg" for c in tok.children):
            return "negated"
        if tok.i in controlling and tok.lemma_.lower() in NEGATING_GOVERNORS:
            return "negated"
    if trigger.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negated"
    # conditional or modal
    for tok in chain:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            return "hypothetical"
        auxes = _aux_lowers(tok)
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical"
        if auxes & {"would", "'d"}:
            # future in the past of reported speech is a plan; with a condition it is hypothetical
            if any(c.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in c.children) for c in tok.children):
                return "hypothetical"
            return "planned"
        if tok.i in controlling and tok.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
    for k, tok in enumerate(chain):
        auxes = _aux_lowers(tok)
        if auxes & FUTURE_AUX:
            return "planned"
        if tok.i in controlling:
            lemma = tok.lemma_.lower()
            if lemma in PLANNED_GOVERNORS:
                return "planned"
            # "was to visit", "is to sign": be + to-infinitive (not "are guilty of violating")
            if lemma == "be" and k > 0 and _to_infinitive(chain[k - 1]):
                return "planned"
    if trigger.pos_ in {"NOUN", "PROPN"} and any(c.lower_ in PLANNED_MODIFIERS for c in trigger.children):
        return "planned"
    # background: a perfect or habitual form with extended past-time cue
    auxes = set().union(*(_aux_lowers(t) for t in chain[:2]))
    perfect = bool(auxes & {"has", "have", "had", "'s", "'ve"})
    if perfect and any(cue in sentence_lower for cue in BACKGROUND_CUES):
        return "background"
    if "used to" in sentence_lower and any(t.lemma_ == "use" for t in chain):
        return "background"
    return "asserted"


def stated_threat_modality(anchor: Token) -> str | None:
    """The modality of a threat stated in a complement clause ("warned that France would respond",
    "warned that Japan would be defeated if it intervened"): planned for would/will, hypothetical
    with an if/unless condition (eval/articles/README.md); None when the clause says neither."""
    for clause in (c for c in anchor.children if c.dep_ == "ccomp"):
        auxes = {a.lower_ for t in clause.subtree if t.pos_ in {"VERB", "AUX"} for a in t.children
                 if a.dep_ in {"aux", "auxpass"}} | ({clause.lower_} if clause.pos_ == "AUX" else set())
        conditional = any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in clause.subtree)
        if conditional:
            return "hypothetical"
        if auxes & (FUTURE_AUX | {"would", "'d"}):
            return "planned"
    return None
