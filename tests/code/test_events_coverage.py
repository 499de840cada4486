"""Events the coder finds beyond one trigger per sentence (issue 13): a second event in an
after/as/while clause or a relative clause on a named actor, mediators named by a participle,
joint exercises, speculation about an agreement, and the type conventions of the annotation guide
(eval/articles/README.md: signing an agreement is AGREE, closing a border to a state SANCTION).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from events_testkit import events, types

from diplograph.code.document import DocumentCoder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # an "after" clause reports an event of its own
    ("Poland closed its border with Belarus on Tuesday after Belarus expelled a Polish diplomat.",
     ["SANCTION", "SANCTION"]),
    # so does an "as" clause
    ("Japan summoned China's ambassador as Beijing urged its citizens to avoid travel to Japan.",
     ["ACCUSE", "REQUEST"]),
    # a relative clause on a named actor
    ("Russia, which condemned the raid, requested an emergency meeting of the Security Council.",
     ["ACCUSE", "REQUEST"]),
    # a relative clause with a named subject of its own ("a charge X denied")
    ("The junta accused France of plotting an invasion, a charge Paris denied.", ["ACCUSE", "REJECT"]),
    # the parser hangs the accusation on the denial ("a charge X denied" read as the main clause) or
    # the denial on the accusation: both are events
    ("Lithuania accused Belarus of sending migrants across the border, a charge Minsk flatly denied.",
     ["ACCUSE", "REJECT"]),
    ("Mali's junta has accused Algeria of arming the rebels, a charge Algiers denies.", ["ACCUSE", "REJECT"]),
    ("A truce between Armenia and Azerbaijan took effect on Monday, but within hours the Armenian army accused "
     "Azerbaijani forces of attacking several posts inside Armenia, a charge Baku flatly denied.",
     ["ACCUSE", "REJECT", "RETREAT"]),
    # a purpose clause stays part of the event it serves
    ("Iraq summoned the US charge d'affaires to protest against the air strikes.", ["ACCUSE"]),
])
def test_a_subordinate_clause_may_report_a_second_event(coder: DocumentCoder, text: str, expected: list[str]) -> None:
    assert types(coder, text) == expected


@pytest.mark.parametrize(("text", "not_type"), [
    # a relative clause that only says which officers or which troops are meant is no event
    ("Regional leaders gave the soldiers who seized power in Gabon a month to hand it back.", "COERCE"),
])
def test_a_clause_identifying_a_common_noun_is_no_event(coder: DocumentCoder, text: str, not_type: str) -> None:
    assert not_type not in " ".join(types(coder, text))


def test_a_clause_restricting_a_common_noun_is_not_a_second_event(coder: DocumentCoder) -> None:
    # "members who oppose the tax" describes the members
    assert "REJECT" not in types(coder, "Japan's prime minister called for sanctions on members who oppose the tax.")


@pytest.mark.parametrize(("text", "mediator", "sides"), [
    ("Somalia and Ethiopia agreed to end their port row in a Turkish-brokered deal.", ["TUR"], ["ETH", "SOM"]),
    ("Armenia and Azerbaijan held Qatar-mediated talks in Doha on Saturday.", ["QAT"], ["ARM", "AZE"]),
    ("Prigozhin's fighters left Rostov under a deal mediated by Belarus, the Kremlin said.", ["BLR"], ["RUS"]),
])
def test_a_broker_named_by_a_participle_consults_both_sides(coder: DocumentCoder, text: str, mediator: list[str],
                                                            sides: list[str]) -> None:
    assert ("CONSULT", mediator, sides) in events(coder, text)


def test_a_participle_on_another_noun_names_no_broker(coder: DocumentCoder) -> None:
    # "Iran-backed militias", "a Kenyan-led police mission": no negotiation, no mediator
    found = events(coder, "Kenya sent police officers to Haiti for a Kenyan-led mission against Iran-backed gangs.")
    assert not any(e == "CONSULT" for e, _a, _r in found)


def test_exercises_held_together_are_cooperation(coder: DocumentCoder) -> None:
    assert events(coder, "The Indian navy held exercises with the US navy in the Bay of Bengal.") == [
        ("COOPERATE", ["IND"], ["USA"])]
    assert types(coder, "China's military began large-scale drills around Taiwan on Thursday.") == ["MOBILIZE"]


def test_speculation_about_an_agreement_is_no_agreement(coder: DocumentCoder) -> None:
    assert types(coder, "Australia said the pact with China could give Beijing a naval foothold.") == []
    assert types(coder, "Vanuatu and China signed a security pact on Monday.") == ["AGREE"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Vietnam and Cambodia signed an agreement on border demarcation.", "AGREE"),
    ("Kyrgyzstan and Tajikistan signed the border treaty on Thursday.", "SUPPORT"),
    ("Pakistan closed its airspace to Indian airlines.", "SANCTION"),
    ("India expelled the defence advisers at Pakistan's High Commission.", "SANCTION"),
    ("The IMF approved a loan of 15 billion dollars for Ukraine.", "AID"),
    ("Ghana's parliament approved a loan from China.", "AGREE"),
    ("Israel and Hamas failed to reach agreement on a truce.", "REJECT"),
])
def test_type_conventions(coder: DocumentCoder, text: str, expected: str) -> None:
    found = types(coder, text)
    assert found and found[0] == expected, found


def test_a_stated_resignation_stays_a_resignation(coder: DocumentCoder) -> None:
    out = next(iter(coder.code_records([{"id": 1, "text": "Haiti's prime minister said he would resign.",
                                         "date": "2024-03-12"}])))
    assert [(e["event"], e["modality"]) for e in out["events"]] == [("RETREAT", "planned")]


@pytest.mark.parametrize(("text", "expected"), [
    # a stated future response or consequence is a threat; the same verb in the past is what was done
    ("Iran said it would respond firmly to any Israeli attack.", ["THREATEN"]),
    ("Chinese officials said Taiwan's separatists would pay a heavy price.", ["THREATEN"]),
    ("Mali said any intervention in Niger would amount to a declaration of war.", ["THREATEN"]),
    ("Beijing retaliated with tariffs of 125 percent on U.S. goods.", ["SANCTION"]),
])
def test_threats_of_a_response(coder: DocumentCoder, text: str, expected: list[str]) -> None:
    assert types(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraq called the strikes a violation of its sovereignty.", "ACCUSE"),
    ("Taiwan described the drills as an irrational provocation.", "ACCUSE"),
    ("China's top diplomat called the agreement a victory for dialogue.", "SUPPORT"),
])
def test_what_a_state_calls_an_act_is_its_judgement(coder: DocumentCoder, text: str, expected: str) -> None:
    found = types(coder, text)
    assert found == [expected], found


def test_calling_a_meeting_is_no_judgement(coder: DocumentCoder) -> None:
    assert "ACCUSE" not in types(coder, "Russia called an emergency meeting of the Security Council.")


@pytest.mark.parametrize(("text", "expected"), [
    # timeline items: the verb after a date and a colon, "vetoes" read as a verb
    ("- November 18, 2024: Russia vetoes a UN Security Council resolution on Sudan.", ["REJECT"]),
    ("Kenya expels Tanzanian diplomats", ["SANCTION"]),
])
def test_headline_and_timeline_grammar(coder: DocumentCoder, text: str, expected: list[str]) -> None:
    assert types(coder, text) == expected


def test_an_agreement_put_on_hold_is_suspended_and_a_frame_is_no_agreement(coder: DocumentCoder) -> None:
    assert types(coder, "New Delhi put the water-sharing treaty with Pakistan on hold.") == ["SANCTION"]
    assert types(coder, "Pakistan said India must release the water it owes under the treaty.") != ["AGREE"]
    assert "AGREE" not in types(coder, "In the agreement, Saudi Arabia and Iran affirm respect for sovereignty.")


def test_committing_a_crime_is_no_pledge(coder: DocumentCoder) -> None:
    assert "THREATEN" not in types(coder, "Sudan's militias committed atrocities in Darfur, Amnesty said.")
    assert types(coder, "Japan committed to provide radar systems to the Philippines.") == ["AGREE"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Police in Nairobi fired tear gas to disperse protesters outside Kenya's parliament.", "COERCE"),
    ("UN helicopters evacuated the wounded from the besieged town of Gorazde in Bosnia.", "AID"),
    ("Rebels in Mali have sworn to fight until they take back the town of Kidal.", "THREATEN"),
    ("Chile's president issued a stern reminder to Peru that it must respect the border.", "REQUEST"),
    ("Senegal's top court decided to allow the opposition candidate to run in the election.", "CONCEDE"),
])
def test_cameo_categories_of_issue_13(coder: DocumentCoder, text: str, expected: str) -> None:
    found = types(coder, text)
    assert expected in found, found


@pytest.mark.parametrize(("text", "expected"), [
    # what is reported is not governed by the verb the report is coordinated with
    ("Taiwan condemned the drills and said it had dispatched warships in response.", ["ACCUSE", "MOBILIZE"]),
    ("Thailand said six F-16 jets had been readied near the border with Cambodia.", ["MOBILIZE"]),
    ("Russia's defence ministry said it had carried out a massive strike on Ukrainian air bases.", ["ASSAULT"]),
    ("Georgia's president said she would not leave office when her term ends.", ["REJECT"]),
])
def test_reported_clauses_and_more_categories(coder: DocumentCoder, text: str, expected: list[str]) -> None:
    assert types(coder, text) == expected


def test_a_labour_strike_is_no_attack(coder: DocumentCoder) -> None:
    assert "ASSAULT" not in types(coder, "Dock workers in Chile staged a general strike against the new port law.")


def test_references_to_an_event_are_not_new_events(coder: DocumentCoder) -> None:
    # an event noun placing something else in time, an agreement only mentioned or cited
    assert types(coder, "Trump warned Thailand and Cambodia while the fighting went on.") == ["THREATEN"]
    assert types(coder, "Somalia's statement did not mention the memorandum with Ethiopia.") == []
    # a verb in the same clause reports an event of its own
    assert "ASSAULT" in types(coder, "Iraq summoned the US envoy after US strikes killed 16 people in Iraq.")


def test_a_swearing_in_is_no_vow(coder: DocumentCoder) -> None:
    assert types(coder, "China began drills three days after Taiwan's president was sworn in.") != ["AGREE"]
    assert "THREATEN" in types(coder, "Rebels in Mali have sworn to fight on until they retake Kidal.")


@pytest.mark.parametrize(("text", "dyad"), [
    ("Russia launched 40 missiles and drones at Ukraine overnight, the Ukrainian air force said.", (["RUS"], ["UKR"])),
    ("The Ukrainian air force said Russia had launched 40 missiles of several types at Kyiv, most of which were shot "
     "down.", (["RUS"], ["UKR"])),
    ("Iran fired a barrage of drones at Israel on Saturday.", (["IRN"], ["ISR"])),
    # weapons or forces hitting a place (also counted: "a barrage of missiles hit ...")
    ("A barrage of Iranian missiles hit Tel Aviv overnight.", (["IRN"], ["ISR"])),
    ("Pakistani jets hit targets in eastern Afghanistan on Tuesday.", (["PAK"], ["AFG"])),
])
def test_launching_or_firing_missiles_at_a_state_is_an_attack(coder: DocumentCoder, text: str,
                                                              dyad: tuple[list[str], list[str]]) -> None:
    assert ("ASSAULT", *dyad) in events(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a present participle on an adopted or passed document is what its adopter does
    ("The UN General Assembly adopted a resolution condemning Russia's annexation of Crimea.",
     ("ACCUSE", ["UN"], ["RUS"])),
    ("The Security Council passed a resolution demanding that Israel halt its offensive in Rafah.",
     ("REQUEST", ["UN"], ["ISR"])),
    ("Latvia's parliament passed a law banning Russian state media.", ("COERCE", ["LVA"], ["RUS"])),
])
def test_a_document_does_what_its_participle_says(coder: DocumentCoder, text: str,
                                                  expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in events(coder, text)


def test_a_document_identified_by_a_past_participle_is_no_event(coder: DocumentCoder) -> None:
    assert "ACCUSE" not in types(coder, "Russia ignored the resolution adopted by the General Assembly in 2014.")


def test_a_visit_named_as_the_occasion_is_a_consultation(coder: DocumentCoder) -> None:
    found = events(coder, "India and Australia signed four agreements during Prime Minister Albanese's visit to "
                          "India on Thursday.")
    assert ("CONSULT", ["AUS"], ["IND"]) in found
    assert "AGREE" in [t for t, _a, _r in found]


def test_a_plain_time_phrase_is_no_occasion(coder: DocumentCoder) -> None:
    assert "ASSAULT" not in types(coder, "India and Pakistan resumed talks after weeks of fighting in Kashmir.")


def test_an_economy_hit_by_prices_is_no_attack(coder: DocumentCoder) -> None:
    assert "ASSAULT" not in types(coder, "Nigeria has been hit hard by the fall in world oil prices.")
    assert "ASSAULT" not in types(coder, "Western sanctions hit Iran's oil exports last year.")


def test_a_finite_verb_coordinated_with_a_gerund_is_a_second_event(coder: DocumentCoder) -> None:
    # the parser hangs "accuses" on "arming" (the complement of "denies"): it is the main verb's
    # conjunct, an accusation of its own, not denied
    out = next(iter(coder.code_records([{"id": 1, "date": "2024-08-14", "text": (
        "Eritrea denies arming the rebels and accuses Ethiopia's army of shelling border villages.")}])))
    found = {(e["event"], e["modality"]) for e in out["events"]}
    assert ("REJECT", "background") in found or ("REJECT", "asserted") in found
    assert ("ACCUSE", "negated") not in found
    assert any(t == "ACCUSE" for t, _m in found)
