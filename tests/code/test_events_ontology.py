"""The PLOVER ontology and trigger lexicon data files (no spaCy model needed)."""

from __future__ import annotations

from diplograph.code.plover import NOUN, VERB, inflections, load_lexicon, load_ontology
from diplograph.model import PLOVER_TYPES


def test_ontology_has_the_16_types_with_crosswalk() -> None:
    onto = load_ontology()
    assert tuple(onto.types) == PLOVER_TYPES
    for name, info in onto.types.items():
        assert info.quad_class in (1, 2, 3, 4), name
        assert -10.0 <= info.goldstein <= 10.0
        assert len(info.cameo_root) == 2 and 1 <= int(info.cameo_root) <= 20
    # cooperation is positive, conflict negative, on both scales
    assert onto.info("AID").goldstein > 0 > onto.info("ASSAULT").goldstein
    assert onto.info("AGREE").quad_class == 1 and onto.info("ASSAULT").quad_class == 4
    assert "visit" in onto.info("CONSULT").modes and "phone" in onto.info("CONSULT").modes


def test_mode_specific_cameo_root() -> None:
    onto = load_ontology()
    assert onto.crosswalk("ASSAULT", None) == ("18", -9.0, 4)
    root, goldstein, quad = onto.crosswalk("ASSAULT", "massacre")
    assert root == "20" and goldstein == -10.0 and quad == 4


def test_lexicon_entries_use_known_types_and_modes() -> None:
    lex = load_lexicon()
    onto = load_ontology()
    assert lex.by_lemma
    for entries in lex.by_lemma.values():
        for entry in entries:
            assert entry.type in onto.types, entry
            assert entry.mode is None or entry.mode in onto.info(entry.type).modes, entry
            for _, mapped in entry.obj:
                assert mapped in onto.types, entry
            for key in entry.not_obj + tuple(k for k, _ in entry.obj):
                assert key in ("*",) or not key.isupper() or key in lex.classes, (entry, key)
    for contexts in lex.context_cues:
        assert contexts in onto.contexts


def test_inflections_cover_regular_and_irregular_forms() -> None:
    irregular = {"meet": ["met"]}
    assert {"meet", "meets", "met", "meeting"} <= inflections("meet", VERB, irregular)
    assert {"ban", "bans", "banned", "banning"} <= inflections("ban", VERB, {})
    assert {"deny", "denies", "denied"} <= inflections("deny", VERB, {})
    assert inflections("talk", NOUN, {}) == {"talk", "talks"}


def test_surface_forms_feed_the_candidate_filter() -> None:
    forms = load_lexicon().surface_forms
    for word in ("agreed", "talks", "met", "sanctions", "urged", "attacked", "withdrew"):
        assert word in forms, word
    assert "the" not in forms and "said" not in forms
