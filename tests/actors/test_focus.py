"""'The two countries', 'the Southeast Asian nation': resolved only when unambiguous."""

from __future__ import annotations


def groups(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.codes, m.via) for m in mentions if m.kind == "group"]


def test_two_countries_resolve_to_the_pair_of_the_sentence(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Japan and Vietnam met. The two countries signed a pact.")
    assert groups(found) == [("The two countries", ("JPN", "VNM"), "pair")]


def test_pair_phrases(find) -> None:  # type: ignore[no-untyped-def]
    for phrase in ("the two leaders", "both sides", "the two governments", "both countries",
                   "the two nations"):
        found = find(f"India and Brazil met. They said {phrase} agreed.")
        assert groups(found)[0][1] == ("IND", "BRA"), phrase
    found = find("Kenya welcomed Ghana's minister to discuss bilateral trade.")
    assert groups(found) == [("bilateral", ("KEN", "GHA"), "pair")]


def test_pair_is_not_guessed_among_three(find) -> None:  # type: ignore[no-untyped-def]
    assert groups(find("Japan, China and Vietnam met. The two countries signed a pact.")) == []
    assert groups(find("Nothing happened. The two countries signed a pact.")) == []


def test_headline_dyad_resolves_when_body_is_silent(find) -> None:  # type: ignore[no-untyped-def]
    title = "Peru and Chile sign a fisheries deal"
    text = title + "\n\nOfficials met on Monday. The two countries agreed on quotas."
    assert groups(find(text, title_end=len(title))) == [("The two countries", ("PER", "CHL"), "pair")]


def test_single_state_in_focus(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Japan is close to Vietnam, a key Southeast Asian nation.")
    assert groups(found) == [("a key Southeast Asian nation", ("VNM",), "focus")]
    found = find("Japan and China talked. The island nation wants calm.")
    assert groups(found) == [("The island nation", ("JPN",), "focus")]
    found = find("Japan adopted a strategy, a shift from the country's principles.")
    assert groups(found) == [("the country", ("JPN",), "focus")]


def test_single_state_is_not_guessed(find) -> None:  # type: ignore[no-untyped-def]
    assert groups(find("Japan and China talked. The country wants calm.")) == []
    assert groups(find("The Southeast Asian nation wants calm.")) == []
    assert groups(find("Japan and Singapore talked. The kingdom wants calm.")) == []
