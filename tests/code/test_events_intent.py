"""Clause-level event types over the whole pipeline (gazetteer, parse, coder): stated intentions,
offers, ultimatums and refusals, demands in reported speech, obstruction by crowds, and lexicon
entries written from CAMEO categories. Sentences written for these tests."""

from __future__ import annotations

import pytest

from diplograph.code.document import DocumentCoder

pytestmark = pytest.mark.model


def events(coder: DocumentCoder, text: str) -> list[tuple[str, list[str], list[str]]]:
    out = next(iter(coder.code_records([{"id": 1, "text": text}])))
    return [(e["event"], e["actor"], e["recipient"]) for e in out["events"]]


def first(coder: DocumentCoder, text: str) -> tuple[str, list[str], list[str]]:
    found = events(coder, text)
    assert found, f"no event in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "expected"), [
    # an offer or a plan to cooperate, meet or back someone is AGREE (PLOVER: pledge, promise, offer)
    ("Chile is willing to withdraw its troops from Bolivia, the Chilean defence minister said.",
     ("AGREE", ["CHL"], ["BOL"])),
    ("Ghana is ready to contribute 500 troops to a regional force in Mali.", ("AGREE", ["GHA"], ["MLI"])),
    ("The Austrian chancellor will visit Slovenia in April.", ("AGREE", ["AUT"], ["SVN"])),
    ("Norway said it would be ready to host talks between Colombia and Venezuela.",
     ("AGREE", ["NOR"], ["COL", "VEN"])),
    ("Rebel leaders in Mali said they would meet the Algerian envoy if the army withdrew.",
     ("AGREE", ["MLI"], ["DZA"])),
    # a refusal stated as a future negation is REJECT
    ("Hungary said it will not accept any more asylum seekers from Serbia.", ("REJECT", ["HUN"], ["SRB"])),
    # an intention on a condition is an ultimatum: THREATEN
    ("Kenya said it will withdraw its soldiers from Somalia unless the attacks on its convoys stop.",
     ("THREATEN", ["KEN"], ["SOM"])),
    ("Opposition parties in Togo said they would boycott the vote.", ("THREATEN", ["TGO"], ["TGO"])),
    ("Finland plans to impose restrictions on imports from Russia.", ("THREATEN", ["FIN"], ["RUS"])),
])
def test_stated_intentions(coder: DocumentCoder, text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert first(coder, text) == expected


def test_an_attempted_act_is_the_act_not_a_threat(coder: DocumentCoder) -> None:
    event_type, actor, _recipient = first(
        coder, "Rebels said they tried to assassinate the governor of a province in Colombia.")
    assert event_type == "ASSAULT" and actor == ["COL"]


@pytest.mark.parametrize(("text", "expected"), [
    # "said" is read as "say": the speaker demands it of the clause's subject
    ("Germany said on Monday that Iran must release the detained sailors.", ("REQUEST", ["DEU"], ["IRN"])),
    # the demanded action needs no trigger word of its own
    ("Egypt said that Sudan must explain the incident at the border.", ("REQUEST", ["EGY"], ["SDN"])),
    ("Peru announced that Ecuador must pay for the damaged bridge.", ("REQUEST", ["PER"], ["ECU"])),
])
def test_demands_in_reported_speech(coder: DocumentCoder, text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in events(coder, text)


def test_a_must_clause_without_a_reporting_verb_is_no_demand(coder: DocumentCoder) -> None:
    assert not any(e[0] == "REQUEST" for e in events(coder, "Sudan must explain the incident at the border."))


@pytest.mark.parametrize(("text", "event_type"), [
    ("Hundreds of farmers blocked roads near the border with Poland.", "PROTEST"),
    ("Young Chileans blocked streets in Santiago on Friday.", "PROTEST"),
    ("Striking miners in Bolivia blocked a highway for a week.", "PROTEST"),
    ("Turkish police blocked the road to the border town.", "COERCE"),
    ("Israel blocked the main crossing into Gaza.", "COERCE"),
])
def test_who_blocks_decides_obstruction_or_restriction(coder: DocumentCoder, text: str, event_type: str) -> None:
    assert first(coder, text)[0] == event_type


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish forces retook three villages in northern Syria.", ("ASSAULT", ["TUR"], ["SYR"])),
    ("Kenyan troops captured part of a militant stronghold in Somalia.", ("ASSAULT", ["KEN"], ["SOM"])),
    ("Kenya has strengthened its forces in Somalia.", ("MOBILIZE", ["KEN"], ["SOM"])),
    ("Iran expelled the UN inspectors on Tuesday.", ("SANCTION", ["IRN"], ["UN"])),
    ("The Dutch minister cancelled a planned visit to Indonesia.", ("SANCTION", ["NLD"], ["IDN"])),
    ("Chad ended its mediation efforts between Sudan and South Sudan.", ("SANCTION", ["TCD"], ["SDN", "SSD"])),
    ("Peru shortened the curfew in Lima by two hours.", ("CONCEDE", ["PER"], ["PER"])),
    ("Georgia eased emergency measures in the Adjara region.", ("CONCEDE", ["GEO"], ["GEO"])),
    ("Estonia's court cancelled restrictions on Russian-language schools.", ("CONCEDE", ["EST"], ["RUS"])),
    ("Swedish investigators have shared evidence with Norway about the sabotage.", ("COOPERATE", ["SWE"], ["NOR"])),
    ("Israeli soldiers demolished Palestinian houses near Hebron.", ("COERCE", ["ISR"], ["PSE"])),
    ("The Moroccan army has been holding refugees from Mali at a camp.", ("COERCE", ["MAR"], ["MLI"])),
    ("Japan handed over 200 tons of rice to the Philippines.", ("AID", ["JPN"], ["PHL"])),
    ("The IAEA dispatched inspectors to a nuclear plant in Iran.", ("ACCUSE", ["IAEA"], ["IRN"])),
    ("The Zambian president reneged on his promise of a referendum.", ("REJECT", ["ZMB"], [])),
    # where PLOVER's CAMEO2PLOVER crosswalk differs from a first reading
    ("Mexico withdrew its election observers from Bolivia.", ("SANCTION", ["MEX"], ["BOL"])),
    ("The Kenyan president received a mission of observers from the African Union.",
     ("RETREAT", ["KEN"], ["AU"])),
    ("The Turkish navy lifted its blockade of the Cypriot port.", ("RETREAT", ["TUR"], ["CYP"])),
    ("Armenian troops violated the ceasefire with Azerbaijan.", ("ASSAULT", ["ARM"], ["AZE"])),
    ("Sudanese soldiers forced out thousands of villagers from Darfur.", ("ASSAULT", ["SDN"], ["SDN"])),
    ("Peru apologised to Chile for the incident.", ("SUPPORT", ["PER"], ["CHL"])),
    ("Iran hanged two British nationals on Monday.", ("ASSAULT", ["IRN"], ["GBR"])),
    ("Syria permitted UN inspectors to visit the site.", ("RETREAT", ["SYR"], ["UN"])),
])
def test_lexicon_entries_from_cameo_categories(coder: DocumentCoder, text: str,
                                               expected: tuple[str, list[str], list[str]]) -> None:
    event_type, actor, recipient = first(coder, text)
    assert event_type == expected[0], (text, event_type)
    assert actor == expected[1], (text, actor)
    if expected[2]:
        assert sorted(recipient) == sorted(expected[2]), (text, recipient)


@pytest.mark.parametrize(("text", "expected"), [
    # a strike or protest that names no target is against the protesters' own government
    ("Opposition parties in Nepal organised a general strike on Monday.", ("PROTEST", ["NPL"], ["NPL"])),
    ("Thousands of teachers in Kenya went on strike over pay.", ("PROTEST", ["KEN"], ["KEN"])),
    # goods or people sent to a place: the place names the receiving state
    ("Japan delivered rice to a school in Manila.", ("AID", ["JPN"], ["PHL"])),
    ("The IAEA sent inspectors to a nuclear plant in northern Iran.", ("ACCUSE", ["IAEA"], ["IRN"])),
])
def test_default_targets(coder: DocumentCoder, text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert first(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels in Chad blew up a bridge near the border with Sudan.", "ASSAULT"),
    ("Sudanese militias were engaged in ethnic cleansing in Darfur.", "ASSAULT"),
    # "be guilty of" is no plan ("is to sign" is): the violation is asserted
    ("Armenia is guilty of violating the ceasefire with Azerbaijan, the monitors said.", "ASSAULT"),
    # troops arriving are deployed, not visiting
    ("The first peacekeepers from Ghana arrived in Lebanon on Monday.", "AID"),
    ("Russian troops arrived in Belarus for the exercise.", "MOBILIZE"),
    ("The Russian foreign minister arrived in Belarus on Monday.", "CONSULT"),
])
def test_event_types_of_the_clause(coder: DocumentCoder, text: str, expected: str) -> None:
    assert first(coder, text)[0] == expected


@pytest.mark.parametrize(("text", "not_type"), [
    # economic demand is no demand of anyone's
    ("Domestic demand in Japan rose sharply in March.", "REQUEST"),
    ("Demand for Saudi crude fell for the third month.", "REQUEST"),
    ("Officials said oil demand in China would stay weak.", "REQUEST"),
    # a participle used as an adjective is no event
    ("Brazil received opposing bids from two banks.", "REJECT"),
    # meeting the press is a statement, not a consultation
    ("The Brazilian president will meet the press on Friday.", "AGREE"),
    ("The Brazilian president met reporters on Friday.", "CONSULT"),
    # declining to comment is a statement (CAMEO 011), not a rejection
    ("The Chinese minister refused to comment on the report from Japan.", "REJECT"),
    ("Iran declined to confirm the report about talks with Oman.", "REJECT"),
])
def test_business_and_press_usages_are_no_events(coder: DocumentCoder, text: str, not_type: str) -> None:
    assert not_type not in [e[0] for e in events(coder, text)]


def test_a_stated_demand_noun_is_still_a_request(coder: DocumentCoder) -> None:
    assert first(coder, "Greece rejected the demands of Turkey.")[0] == "REJECT"
    assert ("REQUEST", ["IRN"], ["GBR"]) in events(coder, "Iran repeated its demand to Britain for the return of the seized tanker.")


def test_no_self_consultation_from_the_domestic_back_off(coder: DocumentCoder) -> None:
    # an actor the text does not name is taken from the target only where a state can act on
    # itself (protest, coercion, force ...), never for consulting, cooperating, aiding or sanctioning
    assert first(coder, "Talks with Poland resumed on Monday.") == ("CONSULT", [], ["POL"])
    assert first(coder, "Protesters in Kenya marched on Monday.") == ("PROTEST", ["KEN"], ["KEN"])


@pytest.mark.parametrize(("text", "expected"), [
    # one body "protesting" complains (CAMEO 114, ACCUSE); a crowd demonstrates (PROTEST)
    ("An Egyptian human rights group protested against the arrests of journalists.", "ACCUSE"),
    ("Thousands of students in Egypt protested against the arrests.", "PROTEST"),
])
def test_who_protests_decides_complaint_or_demonstration(coder: DocumentCoder, text: str, expected: str) -> None:
    event_type, actor, recipient = first(coder, text)
    assert (event_type, actor, recipient) == (expected, ["EGY"], ["EGY"])


@pytest.mark.parametrize("text", [
    "Japan called for China to lift the ban on seafood imports.",
    "Japan is pushing hard for China to lift the ban on seafood imports.",
    "Japan pressed for China to reopen its market to seafood.",
])
def test_a_call_for_someone_to_act_is_a_request_of_them(coder: DocumentCoder, text: str) -> None:
    # "for X to do" marks the clause: X is asked to act, it does not act yet
    assert first(coder, text) == ("REQUEST", ["JPN"], ["CHN"])


@pytest.mark.parametrize(("text", "expected"), [
    # cutting, reducing or suspending tariffs and duties is easing an economic restriction (CONCEDE)
    ("Indonesia cut import duties on Australian cattle on Monday.", ("CONCEDE", ["IDN"], ["AUS"])),
    ("Mexico suspended its retaliatory tariffs on American pork.", ("CONCEDE", ["MEX"], ["USA"])),
    # ... and a stated plan to do it is an intent to concede (AGREE), not a threat
    ("Britain will reduce its tariffs on Indian whisky over ten years.", ("AGREE", ["GBR"], ["IND"])),
    ("Canada will lift the countermeasures against American steel on Friday.", ("AGREE", ["CAN"], ["USA"])),
    # suspending ties or aid is still a sanction
    ("Niger suspended its military cooperation with France.", ("SANCTION", ["NER"], ["FRA"])),
])
def test_easing_tariffs_is_a_concession(coder: DocumentCoder, text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert first(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # revoking visas or accreditation reduces relations (SANCTION); citizenship is the person's (COERCE)
    ("Russia revoked the accreditation of three Estonian diplomats.", ("SANCTION", ["RUS"], ["EST"])),
    ("Belarus stripped six exiled opposition leaders of their citizenship.", ("COERCE", ["BLR"], ["BLR"])),
    # turning back planes, boats or migrants refuses them (REJECT)
    ("Italy turned back a Tunisian boat carrying 40 migrants.", ("REJECT", ["ITA"], ["TUN"])),
    # a joint statement is an agreement; voiced concern a criticism; assurances a pledge
    ("Egypt and Sudan issued a joint statement on the Nile dam on Tuesday.", ("AGREE", ["EGY", "SDN"], [])),
    ("Japan voiced concern over Chinese coast guard patrols near the Senkaku islands.", ("ACCUSE", ["JPN"], ["CHN"])),
    ("Fiji gave Australia assurances that no Chinese base would be built.", ("AGREE", ["FJI"], ["AUS"])),
    # a court annulling a vote restricts it (COERCE); striking down a law or decree rejects it
    ("Moldova's constitutional court annulled the local election in Chisinau.", ("COERCE", ["MDA"], ["MDA"])),
    ("Kenya's High Court struck down the government's decree on police deployments.", ("REJECT", ["KEN"], ["KEN"])),
    # restrictive measures are sanctions; calling a measure illegal is a criticism
    ("The European Union adopted restrictive measures against Belarus on Monday.", ("SANCTION", ["EU"], ["BLR"])),
    ("Iran called the new US sanctions illegal.", ("ACCUSE", ["IRN"], ["USA"])),
    # forces returning to their bases withdraw (RETREAT); a leader returning home does not
    ("Armenian troops returned to their barracks in Yerevan after the standoff with Azerbaijan.",
     ("RETREAT", ["ARM"], ["AZE"])),
    # taking over a building or a base seizes it; forces setting up checkpoints are deployed
    ("Rebel fighters took over the army headquarters in Bamako on Tuesday.", ("COERCE", ["MLI"], ["MLI"])),
    ("Turkish troops set up checkpoints along the border with Syria.", ("MOBILIZE", ["TUR"], ["SYR"])),
    # freezing a membership bid or an accession process suspends relations (SANCTION)
    ("The European Union froze Turkey's accession process in 2018.", ("SANCTION", ["EU"], ["TUR"])),
    # ordering or telling diplomats to leave expels them (SANCTION)
    ("Mali's junta ordered the French ambassador to leave within 72 hours.", ("SANCTION", ["MLI"], ["FRA"])),
    ("Ecuador told Mexico's envoy to leave the country.", ("SANCTION", ["ECU"], ["MEX"])),
    # dropping or withdrawing a bill or a tax plan under pressure is a concession
    ("Peru's government withdrew the pension bill after the protests.", ("CONCEDE", ["PER"], ["PER"])),
    ("Nigeria's president dropped the fuel tax plan on Monday.", ("CONCEDE", ["NGA"], ["NGA"])),
    ("Ecuador's government suspended the fuel price increase after a week of protests in Quito.",
     ("CONCEDE", ["ECU"], ["ECU"])),
    # a sentence handed down is a conviction; a shutdown called is a general strike
    ("An Iranian court handed a ten-year sentence to a French tourist.", ("SANCTION", ["IRN"], ["FRA"])),
    # ("for Tuesday" is a time, not the particle of "call for")
    ("Nepal's opposition called a general shutdown for Tuesday across Nepal.", ("PROTEST", ["NPL"], ["NPL"])),
])
def test_lexicon_entries_from_the_events_dev_categories(coder: DocumentCoder, text: str,
                                                        expected: tuple[str, list[str], list[str]]) -> None:
    found = [(t, sorted(a), sorted(r)) for t, a, r in events(coder, text)]
    assert expected in found


@pytest.mark.parametrize(("text", "not_type"), [
    # the same nouns without their verb or modifier are no events
    ("The Irish oil concern holds 8.5 percent of the Canadian explorer.", "ACCUSE"),
    ("In a statement, Japan's finance ministry said its bond sales would continue.", "AGREE"),
    ("Few analysts in India took the minister's assurance seriously.", "AGREE"),
    # flying out or back is leaving, not visiting; hosting a base or a tournament is no meeting;
    # seeking a term of office is no request
    ("The expelled Argentine diplomats flew out of Venezuela on Thursday.", "CONSULT"),
    ("Spain hosts a US naval base at Rota.", "CONSULT"),
    ("Senegal's president said he would not seek a third term.", "REQUEST"),
    ("The Indian prime minister returned to New Delhi from Moscow on Tuesday.", "RETREAT"),
    # supplying electricity or gas is trade, not aid; acknowledging a fact is no admission
    ("Laos supplies much of Thailand's electricity.", "AID"),
    # a request for comment is the reporter's; a gerund after "of" on a noun names, it does not report
    ("The Chinese embassy in Manila did not respond to a request for comment.", "REQUEST"),
    ("Serbia rejected the resolution, calling it an attempt at seeking revenge on Serbia.", "REQUEST"),
    ("Both Vietnam and China acknowledged how much their trade ties matter to the region.", "CONCEDE"),
])
def test_those_nouns_need_their_verb_or_modifier(coder: DocumentCoder, text: str, not_type: str) -> None:
    assert not_type not in [t for t, _a, _r in events(coder, text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a crowd's violence is a riot (PROTEST), also when the crowd is counted ("thousands of supporters")
    ("Hundreds of the former president's supporters in Peru stormed the electoral court's offices.", "PROTEST"),
    # counted troops are still forces
    ("Thousands of Ethiopian troops stormed the rebel-held town in Tigray.", "ASSAULT"),
])
def test_a_counted_crowd_riots_counted_troops_attack(coder: DocumentCoder, text: str, expected: str) -> None:
    assert first(coder, text)[0] == expected
