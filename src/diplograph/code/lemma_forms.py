"""The lemma table of the cheap ``diplograph_morph`` component (nlp/morph.py): inflected form ->
lemma of every word the event coder reads by lemma. Registered with the component on import."""

from __future__ import annotations

from ..nlp import morph
from .plover import NOUN, VERB, cameo_verbs, inflections, load_lexicon

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
    from . import clause_types, modality, structure, triggers

    lex = load_lexicon()
    verbs = set(lex.light_verbs) | set(modality.NEGATING_GOVERNORS) | set(modality.HYPOTHETICAL_GOVERNORS)
    verbs |= set(modality.PLANNED_GOVERNORS) | set(clause_types.SAYING_VERBS)
    verbs |= structure.ATTRIBUTION_VERBS | structure.STANCE_PARTICIPLES | structure.DEMAND_VERBS
    verbs |= {lemma for lemma, pos in lex.by_lemma if pos == VERB}
    # every converted CAMEO verb, kept or not: switching a group on or off (build_lexicon) changes
    # what fires, never how a word is lemmatised
    cameo_lemmas, cameo_irregular = cameo_verbs()
    verbs |= cameo_lemmas
    nouns = {lemma for lemma, pos in lex.by_lemma if pos == NOUN}
    nouns |= set().union(*lex.classes.values()) | lex.protesters | triggers.QUANTIFIER_NOUNS | structure.STATE_AGENTS
    nouns |= {w for cues in lex.context_cues.values() for w in cues if " " not in w}
    nouns |= {w for by_mode in lex.mode_cues.values() for cues in by_mode.values() for w in cues}
    tables: dict[str, dict[str, str]] = {VERB: {}, NOUN: {}}
    for lemma, forms in EXTRA_LEMMAS.items():
        tables[VERB][lemma] = lemma
        for form in forms:
            tables[VERB][form] = lemma
    irregular = {**cameo_irregular, **lex.irregular}
    for pos, words in ((VERB, verbs), (NOUN, nouns)):
        table = tables[pos]
        for word in words:
            table.setdefault(word, word)  # a form that is itself a lemma keeps it
        for word in sorted(words):
            for form in sorted(inflections(word, pos, irregular)):
                table.setdefault(form, word)
    return tables


morph.set_lemma_source(lemma_table)
