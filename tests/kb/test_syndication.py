"""Near-duplicate detection: edited wire copies group together, different stories do not."""

from __future__ import annotations

from diplograph.kb.syndication import SYNDICATION_THRESHOLD, group_signatures, shingles, signature, similarity

STORY = (
    "Indonesia and Vietnam upgraded their partnership on Monday after talks in Jakarta between the two "
    "leaders, who agreed to settle fishing disputes in overlapping waters, to cooperate on rice supplies and "
    "to raise trade to eighteen billion dollars. The visit marked seventy years of diplomatic relations."
)
EDITED = (
    "JAKARTA (Wire) - Indonesia and Vietnam upgraded their partnership on Monday after talks in Jakarta "
    "between both leaders, who decided to settle fishing disputes in overlapping waters, to cooperate on rice "
    "supplies and to raise trade to eighteen billion dollars."
)
SAME_EVENT_OTHER_WRITER = (
    "Hanoi and Jakarta have a new framework for their ties. Officials said fisheries, where boats from both "
    "countries often meet, would be the first test, followed by food security and a trade target."
)


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Vietnam, Japan agree!") == shingles("vietnam japan AGREE")


def test_edited_copy_is_above_threshold_and_other_story_below() -> None:
    original, copy, other = signature(STORY), signature(EDITED), signature(SAME_EVENT_OTHER_WRITER)
    assert similarity(original, copy) >= SYNDICATION_THRESHOLD
    assert similarity(original, other) < SYNDICATION_THRESHOLD
    assert similarity(original, original) == 1.0


def test_groups_are_connected_components_named_by_smallest_id() -> None:
    sigs = {"b": signature(STORY), "c": signature(EDITED), "a": signature(SAME_EVENT_OTHER_WRITER)}
    assert group_signatures(sigs) == {"a": "a", "b": "b", "c": "b"}


def test_banding_path_finds_the_same_groups() -> None:
    # above the pairwise limit the candidate pairs come from LSH bands; copies must still meet
    sigs = {f"doc{i:04d}": signature(f"unrelated text number {i} about topic {i * 7} and item {i * 13}")
            for i in range(450)}
    sigs["zz-original"], sigs["zz-copy"] = signature(STORY), signature(EDITED)
    groups = group_signatures(sigs)
    assert groups["zz-copy"] == groups["zz-original"]
    assert len(set(groups.values())) == len(sigs) - 1


def test_a_concurrent_cache_of_the_same_signature_is_not_an_error(store, add_article) -> None:  # type: ignore[no-untyped-def]
    from diplograph.kb import syndication
    from diplograph.store import schema as t

    doc_id = add_article("Ministers of two states met in the capital and agreed to talk again.", "2024-01-02")
    (signature,) = syndication.load_signatures(store, [doc_id]).values()
    row = {"doc_id": doc_id, "scheme": syndication.SCHEME, "signature": signature.tobytes()}
    # what a second reader that computed the same signature in parallel writes after the first
    with store.engine.begin() as c:
        c.execute(syndication._insert_ignoring_duplicates(c, t.doc_signatures), [row])
    with store.engine.connect() as c:
        assert c.execute(t.doc_signatures.select()).all()[0].doc_id == doc_id
