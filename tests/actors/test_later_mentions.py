"""Who a mention is, read from the rest of the article (docs/actors.md, "Coreference" and "Titled
persons"): former office holders, names in apposition after a title, joint and day-first
datelines, courts and gangs as group nouns, speakers that are not home to the groups they report."""

from __future__ import annotations

import datetime as dt


def _seen(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.codes, m.kind, m.sector) for m in mentions]


def test_a_former_office_holder_is_the_opposition(find) -> None:  # type: ignore[no-untyped-def]
    # Bolsonaro's term ended on 2023-01-01 (leaders.tsv): in 2025 he is an opposition politician
    found = find("A court in Brasilia convicted former President Jair Bolsonaro. Bolsonaro denied it.",
                 published=dt.date(2025, 9, 12))
    people = [(m.codes, m.sector) for m in found if m.kind == "person"]
    assert people == [(("BRA",), "opposition"), (("BRA",), "opposition")]
    # in office on the article's date: the office's role class
    found = find("President Jair Bolsonaro visited Tokyo.", published=dt.date(2019, 10, 22))
    assert [m.sector for m in found if m.kind == "person"] == ["head of state"]


def test_a_name_in_apposition_after_the_title_is_remembered(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Serbia's prime minister, Milo Varga, resigned on Tuesday. Varga told reporters he was done.")
    people = [(m.text, m.codes, m.sector) for m in found if m.kind == "person"]
    assert people == [("Serbia's prime minister", ("SRB",), "head of government"),
                      ("Varga", ("SRB",), "head of government")]
    # a capital inside the commas is not a name ("Tokyo Governor ...")
    found = find("Japan's prime minister, Tokyo Governor Ann Sato, and others met.")
    assert ("Japan's prime minister", ("JPN",), "person", "head of government") in _seen(found)
    # one word between commas is too weak a name
    found = find("Peru's president, Castillo, spoke. Castillo left.")
    assert [m.text for m in found if m.kind == "person"] == ["Peru's president"]


def test_joint_and_day_first_datelines_are_places(find) -> None:  # type: ignore[no-untyped-def]
    seen = _seen(find("ISLAMABAD/NEW DELHI, April 24 (Wire) - Pakistan shut its airspace."))
    assert seen[:2] == [("ISLAMABAD", ("PAK",), "place", None), ("NEW DELHI", ("IND",), "place", None)]
    assert _seen(find("WASHINGTON, 31 March 2023 - The IMF approved a loan."))[0] == (
        "WASHINGTON", ("USA",), "place", None)
    # a slash between capitals in running text is no dateline
    seen = _seen(find("Talks alternate between Islamabad/New Delhi, April to June."))
    assert ("New Delhi", ("IND",), "state", None) in seen


def test_courts_with_any_article_and_gangs_are_group_nouns(find) -> None:  # type: ignore[no-untyped-def]
    seen = _seen(find("A special tribunal in Dhaka sentenced two men."))
    assert ("A special tribunal", ("BGD",), "group", "judiciary") in seen
    seen = _seen(find("Armed gangs stormed two prisons in Haiti."))
    assert ("Armed gangs", ("HTI",), "group", "armed group") in seen
    # "a former police officer" is a person, not the police
    assert [m for m in find("The gangs are led by a former police officer in Haiti.") if m.sector == "police"] == []


def test_a_speaker_is_not_home_to_the_group_it_reports(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Washington said the army had bombed schools.")
    assert [m.text for m in found] == ["Washington"]
    # with the speaker set aside, a later "the army" is still free to take the story's own state
    found = find("Washington said the army had bombed schools. Fighting broke out in Khartoum between "
                 "the army and the militias.")
    assert ("the army", ("SDN",), "group", "military") in _seen(found)


def test_commands_offices_and_parties_are_their_state(find) -> None:  # type: ignore[no-untyped-def]
    seen = _seen(find("The Eastern Theater Command said navy units took part."))
    assert seen == [("Eastern Theater Command", ("CHN",), "state", "military")]
    # "Taiwan" inside the office's name is not Taiwan
    seen = _seen(find("Beijing's Taiwan Affairs Office denounced the speech."))
    assert [(text, codes) for text, codes, _kind, _sector in seen] == [
        ("Beijing", ("CHN",)), ("Taiwan Affairs Office", ("CHN",))]
    seen = _seen(find("Japan's ruling Liberal Democratic Party adopted a resolution."))
    assert seen == [("Japan's ruling Liberal Democratic Party", ("JPN",), "state", "party")]
    assert _seen(find("Serbia's Progressive Party won.")) == [
        ("Serbia's Progressive Party", ("SRB",), "state", "party")]
    # a possessive before capitalised words that do not end in "Party" is no party
    assert _seen(find("Japan's Liberal Democrats met.")) == [("Japan", ("JPN",), "state", None)]


def test_a_host_met_in_his_capital_is_of_that_state(find) -> None:  # type: ignore[no-untyped-def]
    found = find("A U.S. delegation met Prime Minister Manasseh Sogavare in Honiara. "
                 "Sogavare's government later switched recognition.", published=dt.date(2022, 4, 23))
    assert [(m.text, m.codes) for m in found if m.person] == [
        ("Prime Minister Manasseh Sogavare", ("SLB",)), ("Sogavare's government", ("SLB",))]
    # met in the capital of the one who met him: a guest, whose state the sentence does not say
    found = find("Biden met President Jane Roe in Washington.", published=dt.date(2022, 4, 23))
    assert [m.text for m in found if m.kind == "person"] == ["Biden"]
    # not after "in" a capital: no state
    assert [m for m in find("The delegation met Prime Minister Ann Roe on Friday.") if m.kind == "person"] == []


def test_a_state_word_before_an_emblem_is_no_party(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Protesters waving EU and Georgian flags rallied in Tbilisi.")
    assert [(m.text, m.codes) for m in found if m.kind != "group"] == [("Tbilisi", ("GEO",))]
    assert [m.text for m in find("Georgia and the EU flagged concerns.")] == ["Georgia", "EU"]


def test_descriptors_refer_back_to_the_state_that_named_them_last(find) -> None:  # type: ignore[no-untyped-def]
    found = find("China's foreign ministry protested. Japan's foreign ministry summoned the envoy. "
                 "The ministry said the remarks were wrong.")
    assert ("The ministry", ("JPN",), "group", "government") in _seen(found)
    found = find("The Ministry of External Affairs' official spokesperson took questions on Canada. "
                 "The spokesperson said visas in Canada were suspended.")
    assert ("The spokesperson", ("IND",), "group", "government") in _seen(found)
    # nothing named before: no guess from the sentence's states
    assert [m for m in find("The ministry said Japan must act.") if m.kind == "group"] == []


def test_a_group_noun_resolved_after_setting_a_target_aside_is_not_inherited(find) -> None:  # type: ignore[no-untyped-def]
    # the headline's "protesters" is what is left after "on Myanmar generals" (a target) is set
    # aside: later protesters are read from their own sentence
    found = find("Biden orders sanctions on Myanmar generals as protesters defy a ban. "
                 "Police in Naypyitaw fired water cannon at protesters.", published=dt.date(2021, 2, 11))
    assert [m.codes for m in found if m.text == "protesters"][-1] == ("MMR",)
    # a group noun resolved from its own sentence is still inherited
    found = find("Sudan's army rejected the plan. Washington said the army had shelled a market.")
    assert ("the army", ("SDN",), "group", "military") in _seen(found)


def test_a_dateline_does_not_name_the_sentence_s_state(find) -> None:  # type: ignore[no-untyped-def]
    # the person's state comes from the headline, as if the dateline were not there
    found = find("Ruto drops tax bill after protests in Kenya\\n\\nNAIROBI - President William Ruto said he "
                 "would not sign the bill. Ruto spoke on Wednesday.".replace("\\n", "\n"),
                 published=dt.date(2024, 6, 26), title_end=44)
    assert [(m.text, m.codes) for m in found if m.kind == "person"] == [
        ("President William Ruto", ("KEN",)), ("Ruto", ("KEN",))]


def test_west_african_leaders_are_ecowas(find) -> None:  # type: ignore[no-untyped-def]
    found = find("West African leaders gave the junta in Niger a week. The West African bloc met in Abuja.")
    assert [m.codes for m in found if m.kind == "org"] == [("ECOWAS",), ("ECOWAS",)]


def test_a_resolved_group_after_a_cue_still_names_its_state(find) -> None:  # type: ignore[no-untyped-def]
    # "one of the government's critics": "of" marks no partner for a group noun already resolved, so
    # the next sentence's court has its home
    found = find("Nicaragua's government freed 222 prisoners. Alvarez, one of the government's critics, "
                 "refused to leave. On Friday a court sentenced him.")
    assert ("a court", ("NIC",), "group", "judiciary") in _seen(found)


def test_opposition_figures_and_intelligence_services(find) -> None:  # type: ignore[no-untyped-def]
    seen = _seen(find("Opposition candidates in Senegal called the move an assault on democracy."))
    assert ("Opposition candidates", ("SEN",), "group", "opposition") in seen
    seen = _seen(find("The National Intelligence Service said North Korea had sent troops."))
    assert seen[0] == ("National Intelligence Service", ("KOR",), "state", "intelligence")
    # a descriptor followed by what names it is another body
    found = find("China's foreign ministry protested. The ministry of commerce said nothing.")
    assert [m for m in found if m.kind == "group"] == []


def test_ph_in_capitals_is_the_philippines(find) -> None:  # type: ignore[no-untyped-def]
    assert _seen(find("PH protests China's seizure of navy rifles"))[0] == ("PH", ("PHL",), "state", None)
    assert find("The pH of the water rose.") == []


def test_a_counted_group_is_that_many_states_named_before(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Xi Jinping and the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
                 "Uzbekistan met in China. The six leaders signed a declaration. The three countries left.",
                 published=dt.date(2023, 5, 19))
    counted = [(m.text, m.codes) for m in found if m.via == "count"]
    assert counted == [("The six leaders", ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"))]
    # "They" in the next sentence continues the counted group (the sentence's first mention)
    found = find("Xi Jinping and the leaders of Kazakhstan, Kyrgyzstan and Uzbekistan met in China. The four "
                 "leaders signed a declaration in Kazakhstan. They agreed to meet again.", published=dt.date(2023, 5, 19))
    assert [m.codes for m in found if m.via == "anaphor"] == [("CHN", "KAZ", "KGZ", "UZB")]
