"""Titled persons and group nouns without a state word, resolved to the one state in focus
(docs/actors.md, "titled persons" rule 2b and "domestic groups"). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

D1990 = dt.date(1990, 6, 1)


def focus(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.codes, m.kind, m.sector) for m in mentions if m.via == "focus"]


def test_titled_person_takes_the_only_state_of_the_sentence(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Deposed President Ana Roe agreed to leave Paraguay by Friday.", published=D1990)
    assert focus(found) == [("President Ana Roe", ("PRY",), "person", "head of state")]
    assert found[0].person == "Ana Roe" and found[0].role == "President"
    # the state may come first, and a later bare surname is the same person
    found = find("Ghana raised fuel prices. Trade Minister Kofi Mensah-Boateng said Mensah-Boateng "
                 "would review them.", published=D1990)
    people = [(m.text, m.codes) for m in found if m.kind == "person"]
    assert people[0] == ("Trade Minister Kofi Mensah-Boateng", ("GHA",))


def test_titled_person_is_not_guessed(find) -> None:  # type: ignore[no-untyped-def]
    # two candidate states
    assert focus(find("President Ana Roe said Peru and Chile must talk.", published=D1990)) == []
    # the only state is a partner, a destination or where a visitor arrived
    assert focus(find("Prime Minister Ana Roe held talks with Japan.", published=D1990)) == []
    assert focus(find("Prime Minister Ana Roe arrived in Tokyo.", published=D1990)) == []
    assert focus(find("Kenya hosted visiting President Ana Roe.", published=D1990)) == []
    assert focus(find("Kenya welcomed talks with President Ana Roe.", published=D1990)) == []
    # an organisation's officer, a company, a title that is no state office
    assert focus(find("Acme President John Doe said Brazil is a big market.", published=D1990)) == []
    assert focus(find("General Dynamics Corp said Canada ordered jets.", published=D1990)) == []
    assert focus(find("Spokesman John Doe said Brazil is calm.", published=D1990)) == []
    assert focus(find("Secretary General Ana Roe said Iraq must comply.", published=D1990)) == []
    # nothing in focus at all
    assert find("President Ana Roe spoke.", published=D1990) == []


def test_partner_after_a_cue_does_not_hide_the_home_state(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Interior Minister Ana Roe said Sudan would send aid to Chad and Niger.", published=D1990)
    assert focus(found) == [("Interior Minister Ana Roe", ("SDN",), "person", "government")]
    # "according to" is no cue
    found = find("Governor Ana Roe banned the rally, according to Nigerian radio.", published=D1990)
    assert focus(found)[0][1] == ("NGA",)


def test_title_forms(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Lt. Gen. Ana Roe resigned to allow Haiti to vote.", published=D1990)
    assert focus(found) == [("Lt. Gen. Ana Roe", ("HTI",), "person", "military")]
    found = find("The Federal Minister for Interior Ana Maria Roe allowed the rally in Pakistan.", published=D1990)
    assert focus(found)[0][:2] == ("Minister for Interior Ana Maria Roe", ("PAK",))
    # a lower-case title needs a full name
    found = find("former prime minister Ana Roe criticised Greece.", published=D1990)
    assert focus(found)[0][1] == ("GRC",)
    assert focus(find("the prime minister Roe criticised Greece.", published=D1990)) == []
    # "King X of Morocco" and "Lebanon's new President X" name their state directly
    found = find("King Hamid of Morocco offered to host Israelis and Palestinians.", published=D1990)
    assert [(m.text, m.codes, m.via) for m in found if m.kind == "person"] == [("King Hamid", ("MAR",), "person")]
    found = find("Syria sent aid to Lebanon's new President Ana Roe.", published=D1990)
    assert [(m.text, m.codes) for m in found if m.kind == "person"] == [
        ("Lebanon's new President Ana Roe", ("LBN",))]


def test_group_nouns_take_the_state_in_focus(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Rebels shelled police posts in Sudan.", published=D1990)
    assert focus(found) == [("Rebels", ("SDN",), "group", "armed group"), ("police", ("SDN",), "group", "police")]
    found = find("Shona rebels clashed with the army near Beira, Mozambique.", published=D1990)
    assert focus(found) == [("Shona rebels", ("MOZ",), "group", "armed group"),
                            ("the army", ("MOZ",), "group", "military")]
    # a place locates a group ("protesters in Manila")
    found = find("Students and protesters marched in Manila.", published=D1990)
    assert [m.codes for m in found if m.via == "focus"] == [("PHL",), ("PHL",)]
    # the previous sentence, then the document, when the sentence names no state
    found = find("Peru raised taxes. The opposition coalition called a strike. The government refused.",
                 published=D1990)
    assert [(m.text, m.codes, m.sector) for m in found if m.via == "focus"] == [
        ("The opposition coalition", ("PER",), "opposition"), ("The government", ("PER",), "government")]


def test_group_nouns_are_not_guessed(find) -> None:  # type: ignore[no-untyped-def]
    assert focus(find("Japan and China talked. The rebels wanted calm.", published=D1990)) == []
    assert focus(find("Government bonds rose in Japan.", published=D1990)) == []
    assert focus(find("NATO peacekeeping troops patrolled Kosovo.", published=D1990)) == []
    assert focus(find("The company's workers in Spain struck.", published=D1990)) == []
    assert focus(find("The company and the bank agreed in Japan.", published=D1990)) == []
    assert focus(find("The rebels wanted calm.", published=D1990)) == []


def test_state_words_with_group_nouns(find) -> None:  # type: ignore[no-untyped-def]
    cases = {"the Nigerian Union of Teachers called a strike": ("NGA", "labour"),
             "Somali rebels attacked": ("SOM", "armed group"),
             "the Latvian Constitutional Court ruled": ("LVA", "judiciary"),
             "the Bush administration said": ("USA", "government")}
    for text, (code, sector) in cases.items():
        found = find(text + ".", published=D1990)
        assert (found[0].codes, found[0].sector) == ((code,), sector), text
    # the state word's sector wins: one mention, no focus look-up
    found = find("The Sudanese government and the government of Chad met.", published=D1990)
    assert [(m.text, m.codes, m.via) for m in found] == [
        ("Sudanese government", ("SDN",), "demonym"), ("government of Chad", ("TCD",), "name")]


def test_mentions_stay_in_text_order_without_overlaps(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Police said President Ana Roe met students in Bolivia. Rebels fled.", published=D1990)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert {m.codes for m in found} == {("BOL",)}


def test_group_owner_and_origin(find) -> None:  # type: ignore[no-untyped-def]
    # "its troops": the owner is already a mention, the noun is none
    assert focus(find("Chile withdrew its troops from Bolivia.", published=D1990)) == []
    # "gunmen from Niger": the origin wins over the focus rule (Mali is the only other state)
    found = find("Mali was attacked by gunmen from Niger.", published=D1990)
    assert focus(found) == [("gunmen", ("NER",), "group", "armed group")]
