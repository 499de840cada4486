"""Ethnic communities (where they live decides their state) and organisations added to the
gazetteer. Sentences written for these tests."""

from __future__ import annotations


def codes_of(mentions, text: str) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [m.codes for m in mentions if m.text == text]


def test_compound_community_names_name_the_state_they_live_in(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Bosnian Serbs and Turkish Cypriots rejected the plan, as did Croatian Serb leaders.")
    assert codes_of(found, "Bosnian Serbs") == [("BIH",)]
    assert codes_of(found, "Turkish Cypriots") == [("CYP",)]
    assert [m.codes for m in found if m.text.startswith("Croatian Serb")] == [("HRV",)]
    # the plain demonyms keep their own state
    found = find("Serbs and Cypriots voted on Sunday.")
    assert [m.codes for m in found] == [("SRB",), ("CYP",)]


def test_ethnic_group_lives_in_the_one_other_state_of_its_sentence(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Several hundred ethnic Hungarians marched through a town in Slovakia on Saturday.")
    assert codes_of(found, "Hungarians") == [("SVK",)]
    # the group's state comes after it in the sentence: decided when the sentence ends
    found = find("Ethnic Russians rallied on Monday, police in Latvia said.")
    assert codes_of(found, "Russians") == [("LVA",)]


def test_ethnic_group_keeps_its_nation_when_no_single_state_hosts_it(find) -> None:  # type: ignore[no-untyped-def]
    assert codes_of(find("Ethnic Hungarians held a festival."), "Hungarians") == [("HUN",)]
    found = find("Ethnic Greeks from Albania and Turkey met in the village.")
    assert codes_of(found, "Greeks") == [("GRC",)]


def test_explicit_host_still_wins(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Ethnic Turks in Bulgaria complained to Germany.")
    assert codes_of(found, "Turks") == [("BGR",)]


def test_humanitarian_organisations_are_actors(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The Red Cross and the UN refugee agency asked Chad for access.")
    assert [(m.codes, m.kind) for m in found if m.kind == "org"] == [(("ICRC",), "org"), (("UNHCR",), "org")]


def test_transnational_armed_groups_and_ngos_have_their_codes(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Amnesty International said Islamic State fighters attacked the town.")
    assert [m.codes for m in found if m.kind == "org"] == [("NGO",), ("IMG",)]


def test_the_security_council_is_the_un_but_a_national_one_is_not(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The Security Council demanded that Iraq admit the inspectors.")
    assert [(m.text, m.codes) for m in found if m.kind == "org"] == [("Security Council", ("UN",))]
    found = find("The National Security Council met on Monday.")
    assert not [m for m in found if m.kind == "org"]


def test_wire_spellings_of_demonyms(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Ecuadorean and Salvadorean troops met Nepalese officials in Khatmandu.")
    assert [m.codes for m in found] == [("ECU",), ("SLV",), ("NPL",), ("NPL",)]
