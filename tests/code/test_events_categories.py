"""Error categories that recur across the events dev articles (issue 13, session 4): what a
sanction, a loan or an order approves; foreign forces hosted as cooperation; a reported
characterisation of another party's act as a threat is an accusation. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from events_testkit import events, types

from diplograph.code.document import DocumentCoder
from diplograph.code.plover import load_lexicon
from diplograph.code.triggers import find_triggers

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Canada's cabinet approved a new package of sanctions on Iran on Monday.",
    "The Japanese government approved an arms embargo on Myanmar.",
    "Washington approved a presidential order for sanctions on Venezuelan officials.",
])
def test_approving_sanctions_is_a_sanction(coder: DocumentCoder, text: str) -> None:
    assert types(coder, text) == ["SANCTION"]


def test_approving_a_loan_stays_aid(coder: DocumentCoder) -> None:
    assert types(coder, "The World Bank approved a $500 million loan for Kenya.") == ["AID"]


def test_an_order_for_something_else_takes_no_kind_from_it(coder: DocumentCoder) -> None:
    assert "SANCTION" not in types(coder, "Brazil approved an order for 36 fighter jets from Sweden.")


@pytest.mark.parametrize("text", [
    "Djibouti hosts about 4,000 American troops at a base near the capital.",
    "Estonia has hosted British soldiers since 2017.",
])
def test_hosting_foreign_forces_is_cooperation(coder: DocumentCoder, text: str) -> None:
    assert types(coder, text) == ["COOPERATE"]


def test_hosting_a_leader_stays_a_consultation(coder: DocumentCoder) -> None:
    assert types(coder, "Indonesia hosted the Australian prime minister in Jakarta on Tuesday.") == ["CONSULT"]


@pytest.mark.parametrize(("text", "expected"), [
    # the speaker characterises another party's act: the speaker accuses, the act's owner is the target
    ("Vietnam's foreign ministry said China's survey mission posed a serious threat to its sovereignty.",
     ("ACCUSE", ["VNM"], ["CHN"])),
    ("Poland said Belarus's military buildup was a threat to the whole region.",
     ("ACCUSE", ["POL"], ["BLR"])),
])
def test_a_reported_characterisation_as_a_threat_is_an_accusation(coder: DocumentCoder, text: str,
                                                                   expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in events(coder, text)


def test_a_threat_of_an_act_stays_a_threat(coder: DocumentCoder) -> None:
    assert types(coder, "Iran repeated its threat to close the Strait of Hormuz.") == ["THREATEN"]


def test_there_is_a_threat_names_no_accuser(coder: DocumentCoder) -> None:
    assert "ACCUSE" not in types(coder, "Officials said there was a threat of renewed fighting near the border.")


@pytest.mark.parametrize("text", [
    "Q: Why did Vietnam expel the Chinese trawler crews?",
    "What is Pakistan demanding of India over the river?",
])
def test_a_question_reports_no_event(coder: DocumentCoder, text: str) -> None:
    assert events(coder, text) == []


def test_the_statement_before_a_question_keeps_its_event(coder: DocumentCoder) -> None:
    assert types(coder, "Explainer: Kenya expels two Ugandan diplomats. What comes next?") == ["SANCTION"]


def test_a_reported_disapproving_characterisation_is_the_speakers_accusation(coder: DocumentCoder) -> None:
    assert ("ACCUSE", ["POL"], ["RUS"]) in events(coder, "Poland said the Russian drills were a provocation.")


def test_a_reported_passive_characterisation_is_carried_by_the_saying_verb(coder: DocumentCoder) -> None:
    # over the parse (a sentence with no other trigger word is left out earlier by the candidate filter)
    doc = coder.nlp("Armenia said Azerbaijan's referendum in the enclave was rigged.")
    hits = find_triggers(doc, load_lexicon())
    assert [(h.type, h.anchor.lower_) for h in hits] == [("ACCUSE", "said")]


def test_a_characterisation_denied_is_no_accusation(coder: DocumentCoder) -> None:
    assert "ACCUSE" not in types(coder, "Poland said the Russian drills were not a provocation.")
