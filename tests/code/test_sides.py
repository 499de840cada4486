"""The sides of an event (code/sides.py): sectors as CAMEO agent codes, no false self-events, the
article's focus deciding a side the text leaves unnamed; and, with the model, on whole articles
written for these tests."""

from __future__ import annotations

import pytest

from diplograph.code.sides import ArticleFocus, resolve_sides, sector_code, sector_table
from diplograph.model import Mention


def _m(code: str, sector: str | None = None, kind: str = "state", start: int = 0) -> Mention:
    return Mention(start, start + 3, code, (code,), kind, "name", sector)


def test_every_sector_name_of_the_gazetteer_has_a_code() -> None:
    from diplograph.actors import Gazetteer

    gaz = Gazetteer.load()
    names = set(gaz.sectors.values()) | {g.sector for g in gaz.domestic_groups.values()}
    names |= {role for role, _hint in gaz.titles.values()}
    assert names <= set(sector_table())
    vocabulary = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "REB", "BUS", "NGO", "MED", "EDU", "LAB",
                  "CVL", "REF"}
    assert {code for foreign, home in sector_table().values() for code in (foreign, home) if code} <= vocabulary


def test_ministers_and_governments_abroad_are_the_state_and_armed_forces_are_mil() -> None:
    assert sector_code("foreign ministry", domestic=False) is None
    assert sector_code("government", domestic=False) is None
    assert sector_code("government", domestic=True) == "GOV"
    assert sector_code("military", domestic=False) == "MIL"
    assert sector_code(None, domestic=True) == "GOV"


def test_police_against_protesters_is_a_domestic_event_with_both_sectors() -> None:
    sides = resolve_sides([_m("GEO", "police")], [_m("GEO", "civilians")], None, [], None)
    assert (sides.actor, sides.recipient) == (["GEO"], ["GEO"])
    assert (sides.actor_sectors, sides.recipient_sectors) == (["COP"], ["CVL"])


def test_a_state_named_twice_in_an_international_story_is_no_self_event() -> None:
    focus = ArticleFocus({"IND": 6.0, "PAK": 5.0})
    # "Pakistan violated the ceasefire along the Line of Control": the sentence names no other party
    sides = resolve_sides([_m("PAK")], [_m("PAK", start=20)], None, [], focus)
    assert (sides.actor, sides.recipient) == (["PAK"], ["IND"])
    assert sides.recipient_sectors == [None]


def test_the_sentence_s_other_party_comes_before_the_article_s_focus() -> None:
    focus = ArticleFocus({"UKR": 6.0, "RUS": 5.0})
    sides = resolve_sides([_m("UKR")], [_m("UKR", start=10)], None, [_m("USA", start=30)], focus)
    assert sides.recipient == ["USA"]


def test_a_side_the_parse_filled_from_the_other_takes_the_focus_partner() -> None:
    focus = ArticleFocus({"RUS": 5.0, "UKR": 7.0})
    target = _m("UKR")
    # "a barrage killed dozens across Ukraine": the parse copied the target into the empty actor slot
    sides = resolve_sides([target], [target], "actor", [], focus)
    assert (sides.actor, sides.recipient) == (["RUS"], ["UKR"])


def test_in_a_story_about_one_state_an_unnamed_target_is_its_society() -> None:
    focus = ArticleFocus({"CHL": 9.0})
    actor = _m("CHL", "head of state")
    sides = resolve_sides([actor], [actor], "recipient", [], focus)  # "Pinera lifted the state of emergency"
    assert (sides.actor, sides.recipient) == (["CHL"], ["CHL"])
    assert (sides.actor_sectors, sides.recipient_sectors) == (["GOV"], ["CVL"])
    protesters = _m("CHL", "civilians")
    sides = resolve_sides([protesters], [protesters], "recipient", [], focus)
    assert (sides.actor_sectors, sides.recipient_sectors) == (["CVL"], ["GOV"])


def test_with_no_recipient_the_article_partner_is_the_target() -> None:
    focus = ArticleFocus({"THA": 8.0, "KHM": 7.0, "MYS": 1.0})
    assert resolve_sides([_m("KHM")], [], None, [], focus).recipient == ["THA"]
    # a third state acting names no partner among two rivals of equal weight
    assert resolve_sides([_m("MYS")], [], None, [], ArticleFocus({"THA": 5.0, "KHM": 5.0, "MYS": 1.0})).recipient == []


def test_a_state_named_as_one_of_a_pair_is_not_its_own_forces_target() -> None:
    # "Cambodian troops clashed along the two countries' border": KHM in the pair is no domestic target
    sides = resolve_sides([_m("KHM", "military")], [_m("THA", start=20), _m("KHM", start=20)], None, [], None)
    assert (sides.actor, sides.recipient) == (["KHM"], ["THA"])
    assert (sides.actor_sectors, sides.recipient_sectors) == (["MIL"], [None])
    # named with sectors of its own on both sides, it stays domestic
    sides = resolve_sides([_m("KHM", "military")], [_m("THA", start=20), _m("KHM", "civilians", start=30)],
                          None, [], None)
    assert sides.recipient == ["THA", "KHM"] and sides.recipient_sectors == [None, "CVL"]


def test_in_a_domestic_story_an_untargeted_act_is_on_the_state_s_own_society() -> None:
    # a story about Nepal's protests (protesters, police, students named often) with a foreign partner
    focus = ArticleFocus({"NPL": 9.0, "IND": 4.0}, {"NPL": 5.0})
    assert focus.domestic_story("NPL") and not focus.domestic_story("IND")
    # "the army enforces a curfew", "the minister resigns": no target named
    sides = resolve_sides([_m("NPL", "military")], [], None, [], focus, "MOBILIZE")
    assert (sides.recipient, sides.actor_sectors, sides.recipient_sectors) == (["NPL"], ["MIL"], ["CVL"])
    sides = resolve_sides([_m("NPL", "head of government")], [], None, [], focus, "RETREAT")
    assert (sides.recipient, sides.actor_sectors, sides.recipient_sectors) == (["NPL"], ["GOV"], ["CVL"])
    # cooperation is not turned inward; the partner still takes it
    assert resolve_sides([_m("NPL")], [], None, [], focus, "AGREE").recipient == ["IND"]
    # the parse filled the target from the actor ("demonstrators took to the streets in Nepal")
    nepal = _m("NPL")
    sides = resolve_sides([nepal], [nepal], "recipient", [], focus, "PROTEST")
    assert (sides.actor, sides.recipient, sides.actor_sectors, sides.recipient_sectors) == (
        ["NPL"], ["NPL"], ["CVL"], ["GOV"])
    # the same acts in a story between two states go to the partner
    focus = ArticleFocus({"NPL": 9.0, "IND": 8.0}, {"NPL": 1.0})
    assert not focus.domestic_story("NPL")
    assert resolve_sides([_m("NPL", "military")], [], None, [], focus, "MOBILIZE").recipient == ["IND"]


def _at(text: str, word: str, kind: str = "state") -> Mention:
    code = {"France": "FRA", "Italy": "ITA", "Poland": "POL", "Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ",
            "Uzbekistan": "UZB", "China": "CHN", "India": "IND", "Pakistan": "PAK", "Taliban": "AFG", "TTP": "PAK",
            "EU": "EU"}[word]
    start = text.index(word)
    return Mention(start, start + len(word), word, (code,), kind, "name")


def test_a_side_takes_the_rest_of_the_list_it_names_one_member_of() -> None:
    text = "Xi met the leaders of Kazakhstan, Kyrgyzstan and Uzbekistan in China."
    kaz, kgz, uzb, chn = (_at(text, w) for w in ("Kazakhstan", "Kyrgyzstan", "Uzbekistan", "China"))
    sides = resolve_sides([kaz], [chn], None, [kgz, uzb], None, "CONSULT", sentence=(text, 0))
    assert (sides.actor, sides.recipient) == (["KAZ", "KGZ", "UZB"], ["CHN"])
    # mentions carry document offsets; the sentence's own offset maps them into its text
    moved = [Mention(m.start + 100, m.end + 100, m.text, m.codes, m.kind, m.via) for m in (kaz, kgz, uzb, chn)]
    sides = resolve_sides(moved[:1], moved[3:], None, moved[1:3], None, "CONSULT", sentence=(text, 100))
    assert sides.actor == ["KAZ", "KGZ", "UZB"]
    # a side the parse filled from the other is left alone
    assert resolve_sides([kaz], [kaz], "recipient", [kgz, uzb], None, "CONSULT", sentence=(text, 0)).actor == ["KAZ"]
    # one list split across both sides by the parse is one side acting together
    text = "France, Italy and Poland backed the duties."
    fra, ita, pol = (_at(text, w) for w in ("France", "Italy", "Poland"))
    sides = resolve_sides([pol], [ita], None, [fra], None, "SUPPORT", sentence=(text, 0))
    assert (sides.actor, sides.recipient) == (["FRA", "ITA", "POL"], [])


def test_an_apposition_or_a_renaming_is_no_list() -> None:
    text = "The minister was on a visit to India, Pakistan's arch-rival."
    ind, pak = _at(text, "India"), _at(text, "Pakistan")
    assert resolve_sides([_m("AFG")], [ind], None, [pak], None, "CONSULT", sentence=(text, 0)).recipient == ["IND"]
    text = "Kabul shelters the Taliban, or TTP, in the east."
    sides = resolve_sides([_at(text, "Taliban")], [], None, [_at(text, "TTP")], None, "ASSAULT", sentence=(text, 0))
    assert sides.actor == ["AFG"]


def test_two_states_agreeing_agree_with_each_other() -> None:
    # "Trump said Israel and Iran had agreed to a ceasefire": the speaker is no recipient
    sides = resolve_sides([_m("ISR"), _m("IRN", start=10)], [_m("USA", start=30)], None, [], None, "AGREE")
    assert (sides.actor, sides.recipient) == (["ISR", "IRN"], [])
    # one state agreeing with another keeps its recipient; joint talks with a host keep theirs
    assert resolve_sides([_m("ISR")], [_m("USA", start=30)], None, [], None, "AGREE").recipient == ["USA"]
    sides = resolve_sides([_m("ISR"), _m("IRN", start=10)], [_m("QAT", start=30)], None, [], None, "CONSULT")
    assert sides.recipient == ["QAT"]


def test_focus_counts_headline_mentions_more_and_places_less() -> None:
    mentions = [Mention(0, 5, "Japan", ("JPN",), "state"), Mention(30, 35, "China", ("CHN",), "state"),
                Mention(40, 45, "Tokyo", ("JPN",), "place"), Mention(50, 52, "UN", ("UN",), "org")]
    focus = ArticleFocus.of(mentions, title_end=10)
    assert focus.weights == {"JPN": 3.5, "CHN": 1.0}
    # mentions of a state's society and politics count towards its domestic weight
    mentions.append(Mention(60, 70, "protesters", ("CHN",), "group", "focus", "civilians"))
    assert ArticleFocus.of(mentions, title_end=10).domestic == {"CHN": 1.0}


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from diplograph.code.document import DocumentCoder

    return DocumentCoder()


def _events(coder, title: str, body: str, published: str = "2025-05-08"):  # type: ignore[no-untyped-def]
    import datetime as dt

    from diplograph.model import Document

    text = f"{title}\n\n{body}"
    document = Document(doc_id="t", text=text, title=title, published=dt.date.fromisoformat(published),
                        title_span=(0, len(title)))
    return coder.analyze(document).events


@pytest.mark.model
def test_a_violation_in_a_two_state_story_is_against_the_other_state(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "India and Pakistan trade fire as tensions rise",
                     "New Delhi said on Thursday that Indian troops had responded to firing by Pakistan. "
                     "Pakistan violated the ceasefire along the Line of Control overnight, the Indian army said. "
                     "Pakistan denied the charge.")
    pakistan = [e for e in events if e.actor == ["PAK"]]
    assert pakistan and all(e.recipient == ["IND"] for e in pakistan)
    assert not [e for e in events if set(e.actor) & set(e.recipient)]


@pytest.mark.model
def test_a_domestic_crackdown_carries_sectors_on_both_sides(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Police detain students in Dhaka",
                     "Bangladeshi police arrested dozens of students in Dhaka on Wednesday. "
                     "The students had marched against a new quota rule.")
    arrest = next(e for e in events if e.event in {"COERCE", "ASSAULT"})
    assert arrest.actor == ["BGD"] and arrest.recipient == ["BGD"]
    assert arrest.actor_sectors == ["COP"] and arrest.recipient_sectors[0] is not None


@pytest.mark.model
def test_a_broker_mediates_and_is_no_party_to_the_deal(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Armenia, Azerbaijan agree on border commission in US-brokered talks",
                     "Armenia and Azerbaijan agreed on Friday to set up a joint border commission.")
    mediation = [e for e in events if e.event == "CONSULT" and e.mode == "mediate"]
    assert mediation and mediation[0].actor == ["USA"] and set(mediation[0].recipient) == {"ARM", "AZE"}
    assert all("USA" not in e.actor + e.recipient for e in events if e.event == "AGREE")


@pytest.mark.model
def test_state_made_goods_name_no_party(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Sudan says drones hit Port Sudan",
                     "Iranian-made drones struck a fuel depot in Port Sudan on Tuesday, the Sudanese army said.")
    assert all("IRN" not in e.actor + e.recipient for e in events)


@pytest.mark.model
def test_apostrophe_variants_make_possessives(coder) -> None:  # type: ignore[no-untyped-def]
    for mark in ("'", "’", "´", "`"):
        events = _events(coder, "Strikes on Kyiv", f"Ukraine{mark}s air force said Russia fired missiles at Kyiv.")
        assert any(e.actor == ["RUS"] for e in events), mark
        texts = [m for e in events for m in e.actor_text + e.recipient_text]
        assert all("´" not in t and "`" not in t for t in texts)


def test_in_a_story_about_one_state_an_untargeted_crackdown_is_on_its_society() -> None:
    focus = ArticleFocus({"LBN": 6.0})
    sides = resolve_sides([_m("LBN", "police")], [], None, [], focus, "COERCE")
    assert (sides.recipient, sides.actor_sectors, sides.recipient_sectors) == (["LBN"], ["COP"], ["CVL"])
    # an agreement is not aimed at the state's own society
    assert resolve_sides([_m("LBN")], [], None, [], focus, "AGREE").recipient == []


def test_a_state_on_both_sides_always_carries_sectors() -> None:
    focus = ArticleFocus({"VEN": 6.0})
    for event_type in ("AGREE", "SUPPORT", "ASSAULT", "REQUEST"):
        sides = resolve_sides([_m("VEN")], [_m("VEN", start=9), _m("USA", start=20)], None, [], focus, event_type)
        for code in set(sides.actor) & set(sides.recipient):
            assert sides.actor_sectors[sides.actor.index(code)] and sides.recipient_sectors[sides.recipient.index(code)]


@pytest.mark.model
def test_a_reaction_to_an_event_noun_targets_that_event_s_actor(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Sweden and Finland agree on joint patrols",
                     "Sweden and Finland agreed on Tuesday to hold joint naval patrols in the Baltic. "
                     "Norway welcomed the agreement.")
    welcome = [e for e in events if e.actor == ["NOR"]]
    assert welcome and set(welcome[0].recipient) == {"SWE", "FIN"}


@pytest.mark.model
def test_political_prisoners_freed_at_home_are_a_domestic_event(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Belarus frees prisoners ahead of talks with Washington",
                     "Belarus's government freed 14 political prisoners on Thursday and put them on a bus "
                     "to Lithuania.")
    freed = next(e for e in events if e.event == "RETREAT" and e.sentence_index == 1)
    assert (freed.actor, freed.recipient) == (["BLR"], ["BLR"]) and freed.recipient_sectors[0] is not None


@pytest.mark.model
def test_a_quoted_threat_is_the_speaker_s(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Militants vow revenge",
                     '"Israel will pay for this attack," a Hezbollah commander said on Sunday.')
    threat = next(e for e in events if e.event == "THREATEN")
    assert (threat.actor, threat.recipient) == (["LBN"], ["ISR"])
