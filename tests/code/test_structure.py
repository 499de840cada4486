"""Who did it to whom (code/structure.py): party slots on hand-built parses and, with the model,
on whole sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from diplograph.code.structure import MentionIndex, TokenMention, party_mentions
from diplograph.model import Mention

VOCAB = spacy.blank("en").vocab  # lexical attributes (lower case) without a model


def _doc(rows: list[tuple[str, str, str, int]]) -> Doc:
    """rows: (word, pos, dep, head index)."""
    return Doc(VOCAB, words=[r[0] for r in rows], pos=[r[1] for r in rows], deps=[r[2] for r in rows],
               heads=[r[3] for r in rows])


def _mention(doc: Doc, i: int, code: str, kind: str = "state") -> TokenMention:
    tok = doc[i]
    return TokenMention(Mention(tok.idx, tok.idx + len(tok.text), tok.text, (code,), kind), i, i + 1)


def test_a_head_naming_a_party_keeps_its_apposition_out() -> None:
    # "Chile, a partner of Peru, refused"
    doc = _doc([("Chile", "PROPN", "nsubj", 7), (",", "PUNCT", "punct", 0), ("a", "DET", "det", 3),
                ("partner", "NOUN", "appos", 0), ("of", "ADP", "prep", 3), ("Peru", "PROPN", "pobj", 4),
                (",", "PUNCT", "punct", 0), ("refused", "VERB", "ROOT", 7)])
    index = MentionIndex([_mention(doc, 0, "CHL"), _mention(doc, 5, "PER")])
    assert [tm.codes for tm in party_mentions(doc[0], index)] == [("CHL",)]


def test_a_head_naming_no_party_takes_its_of_phrase() -> None:
    # "the government of Peru refused"
    doc = _doc([("the", "DET", "det", 1), ("government", "NOUN", "nsubj", 4), ("of", "ADP", "prep", 1),
                ("Peru", "PROPN", "pobj", 2), ("refused", "VERB", "ROOT", 4)])
    index = MentionIndex([_mention(doc, 3, "PER")])
    assert [tm.codes for tm in party_mentions(doc[1], index)] == [("PER",)]


def test_conjoined_heads_are_judged_one_by_one() -> None:
    # "Chile and the government of Peru": Chile names itself, the government takes Peru
    doc = _doc([("Chile", "PROPN", "nsubj", 6), ("and", "CCONJ", "cc", 0), ("the", "DET", "det", 3),
                ("government", "NOUN", "conj", 0), ("of", "ADP", "prep", 3), ("Peru", "PROPN", "pobj", 4),
                ("agreed", "VERB", "ROOT", 6)])
    index = MentionIndex([_mention(doc, 0, "CHL"), _mention(doc, 5, "PER")])
    assert sorted(tm.codes[0] for tm in party_mentions(doc[0], index)) == ["CHL", "PER"]


CASES = [
    # stance participles: the subject of "is committed / opposed to" acts
    ("Foreign Minister Pham Binh Minh said Vietnam is committed to expanding trade with Australia.",
     {"VNM"}, {"AUS"}),
    ("Norway is opposed to Swedish mediation in the dispute, a spokesman said on Monday.", {"NOR"}, {"SWE"}),
    # the source of a report is not a party to what it reports
    ("Ecuador and Peru have agreed to reopen their border crossings, a Brazilian diplomat said on Tuesday.",
     {"ECU", "PER"}, set()),
    ("Brazil and Argentina signed a trade accord, Chinese state media reported.", {"BRA", "ARG"}, set()),
    # an apposition or a location inside a party's phrase is not another party
    ("Chile, a close partner of Peru, has refused to sign the border treaty with Bolivia.", {"CHL"}, {"BOL"}),
    ("The United Nations cut food supplies to the largest Somali refugee camp in Kenya on Monday.",
     {"UN"}, {"SOM"}),
    # a domestic action's place in the actor's own state is its target
    ("Kenyan police arrested dozens of students in Nairobi.", {"KEN"}, {"KEN"}),
    # "with Y's help" names a helper, the "of" phrase of the trigger noun the target
    ("NATO will tighten its naval blockade of Serbia with Albania's help.", {"NATO"}, {"SRB"}),
    # a trigger noun modifying an object noun: the sides it works between are the targets
    ("Oman's sultan, Sheikh Qaboos bin Said, launched a mediation effort on Sunday between Kenya and Somalia.",
     {"OMN"}, {"KEN", "SOM"}),
    # with the target named, "for" gives a reason
    ("Pakistan blamed India for the raid in Kabul.", {"PAK"}, {"IND"}),
    # the sides a meeting brings together are its targets
    ("Morocco offered to host a meeting between Algerian and Tunisian officials.", {"MAR"}, {"DZA", "TUN"}),
    # a coerced target named by no state is domestic; a rejected proposal is nobody's state
    ("The Ugandan government banned an opposition newspaper on Friday.", {"UGA"}, {"UGA"}),
    ("Japan rejected the proposal on Monday.", {"JPN"}, set()),
    # a complaint addressed to one party about another accuses the other
    ("Kenya complained to the African Union on Monday over Somali border raids.", {"KEN"}, {"SOM"}),
    # a passive coercion with no agent: the state where it happened acted
    ("A Dutch aid worker was arrested in Syria on Friday.", {"SYR"}, {"NLD"}),
    # "the withdrawal of forces from Y": Y is the place left, the clause subject withdraws
    ("Canada speeded up the withdrawal of some combat forces from Mali on Monday.", {"CAN"}, {"MLI"}),
    # an actor named by no state is coded to the target's state
    ("Striking teachers continued their sit-in to demand the resignation of the Kenyan education minister.",
     {"KEN"}, {"KEN"}),
]


@pytest.fixture(scope="module")
def coder():
    from diplograph.code.document import DocumentCoder

    return DocumentCoder()


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor", "recipient"), CASES)
def test_party_slots(coder, text: str, actor: set[str], recipient: set[str]) -> None:
    (out,) = coder.code_records([{"id": "s", "text": text}])
    slots = [(set(e["actor"]), set(e["recipient"])) for e in out["events"]]
    assert (actor, recipient) in slots, slots


@pytest.mark.model
def test_a_pro_or_anti_modifier_does_not_make_a_party(coder) -> None:
    (out,) = coder.code_records([{"id": "s", "text": "The pro-Syrian militia declared a ceasefire in northern Lebanon."}])
    assert out["events"]
    assert all("SYR" not in e["actor"] + e["recipient"] for e in out["events"])
