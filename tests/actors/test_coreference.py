"""Later mentions within an article (docs/actors.md, "Coreference"): group nouns, organs of
organisations, subject pronouns; and words that name a state without making it a party (datelines,
"<state>-made", "<state>-brokered")."""

from __future__ import annotations


def _seen(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.codes, m.kind) for m in mentions]


def test_a_group_noun_is_the_state_it_named_before(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Sudan's army rejected the plan. Washington said the army had shelled a market.")
    assert ("the army", ("SDN",), "group") in _seen(found)


def test_organs_are_the_organisation_mentioned_last(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The IMF approved a loan to Ghana. Ghana thanked the Board. "
                 "The UN Security Council met. Russia asked for a session of the Council.")
    seen = _seen(found)
    assert ("the Board", ("IMF",), "org") in seen and ("the Council", ("UN",), "org") in seen
    assert _seen(find("The city council met.")) == []  # a lower-case council is nobody's organ


def test_a_subject_pronoun_continues_the_previous_subject(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Russia's defence ministry said its forces struck air bases. It denied hitting civilians.")
    assert [m.codes for m in found if m.via == "anaphor"] == [("RUS",)]
    assert [m for m in find("Russia struck air bases. It is not clear how many died.") if m.via == "anaphor"] == []
    found = find("India and Brazil met on Monday. They agreed to expand trade.")
    assert [m.codes for m in found if m.via == "anaphor"] == [("IND", "BRA")]


def test_a_dateline_city_is_a_place(find) -> None:  # type: ignore[no-untyped-def]
    assert _seen(find("KYIV, July 8 (Wire) - Russia fired missiles."))[0] == ("KYIV", ("UKR",), "place")
    assert _seen(find("ANKARA — Turkey hosted talks."))[0] == ("ANKARA", ("TUR",), "place")
    assert _seen(find("Kyiv said on Monday it would respond."))[0] == ("Kyiv", ("UKR",), "state")


def test_compounds_that_name_no_party(find) -> None:  # type: ignore[no-untyped-def]
    assert _seen(find("Iranian-made drones hit a US-listed firm near a Chinese-built port.")) == []
    assert _seen(find("Gunmen attacked tourists in Indian-administered Kashmir."))[-1] == ("Indian", ("IND",), "place")
    assert _seen(find("They met in Qatar-mediated talks.")) == [("Qatar", ("QAT",), "broker")]
    assert _seen(find("The U.S.-brokered deal held.")) == [("U.S.", ("USA",), "broker")]


def test_a_state_s_branch_of_a_transnational_group_is_that_state_s_armed_group(find) -> None:  # type: ignore[no-untyped-def]
    (mention,) = find("Iraq's al-Qaeda claimed the attack.")
    assert (mention.codes, mention.sector) == (("IRQ",), "armed group")


def test_agent_nouns_from_the_petrarch_dictionary_give_sectors(find) -> None:  # type: ignore[no-untyped-def]
    (court,) = find("A Brazilian appeals court upheld the ruling.")
    assert (court.codes, court.sector) == (("BRA",), "judiciary")
    (city,) = find("Kyiv children's hospital was hit.")
    assert city.sector is None  # after a capital, or as a possessor, an agent noun makes no sector
