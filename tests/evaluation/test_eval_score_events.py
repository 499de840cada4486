"""Matching system events to gold events and the event figures, on hand-made records (no model)."""

from __future__ import annotations

from evalkit import article_sentences, ev, sys_ev

from diplograph.evaluation.metrics import best_pairing, prf, ratio
from diplograph.evaluation.score_events import (
    EventTally,
    error_list,
    match_article,
    sentence_of,
    system_events,
)


def score(sentences, records, text=None):  # type: ignore[no-untyped-def]
    return match_article(sentences, system_events(records, sentences, text))


def tally(*scores):  # type: ignore[no-untyped-def]
    t = EventTally()
    for s in scores:
        t.add(s)
    return t.to_dict()


def test_types_match_within_a_sentence_and_a_b_accepts_either() -> None:
    _, sentences = article_sentences(
        ("Japan and Vietnam held talks.", [ev("CONSULT", ["JPN", "VNM"], [])]),
        ("They agreed to meet again.", [ev("AGREE|CONSULT", ["JPN", "VNM"], [])]),
        ("China accused Japan.", [ev("ACCUSE", ["CHN"], ["JPN"])]),
    )
    result = tally(score(sentences, [
        sys_ev(sentences, 0, "CONSULT", ["JPN", "VNM"], []),
        sys_ev(sentences, 1, "CONSULT", ["JPN"], ["VNM"]),
        sys_ev(sentences, 2, "REJECT", ["CHN"], ["JPN"]),
    ]))
    c, f = result["counts"], result["figures"]
    assert (c["gold_events"], c["system_events"], c["found"], c["matched_system"]) == (3, 3, 2, 2)
    assert (f["precision"], f["recall"], f["f1"]) == (0.667, 0.667, 0.667)
    # a joint gold event compares the union of the system's actor and recipient
    assert c["dyad_right"] == 2
    assert result["confusions"] == [{"gold": "ACCUSE", "system": "REJECT", "count": 1}]
    assert result["by_type"]["ACCUSE"]["confused_as"] == {"REJECT": 1}
    assert result["by_type"]["REJECT"]["false_alarms"] == 1 and result["by_type"]["REJECT"]["gold"] == 0
    assert result["errors"]["wrong type"] == 1 and result["errors"]["spurious"] == 0


def test_the_pairing_with_the_right_dyads_wins_and_the_most_matches_first() -> None:
    _, sentences = article_sentences(
        ("China accused Japan and the US.", [ev("ACCUSE", ["CHN"], ["JPN"]), ev("ACCUSE", ["CHN"], ["USA"])]),
        ("Talks and a deal.", [ev("AGREE|CONSULT", ["IND"], ["PAK"]), ev("CONSULT", ["IND"], ["PAK"])]),
    )
    s = score(sentences, [
        sys_ev(sentences, 0, "ACCUSE", ["CHN"], ["USA"]),
        sys_ev(sentences, 0, "ACCUSE", ["CHN"], ["JPN"]),
        # the CONSULT could take the A|B gold event, but then the AGREE would match nothing
        sys_ev(sentences, 1, "CONSULT", ["IND"], ["PAK"]),
        sys_ev(sentences, 1, "AGREE", ["IND"], ["PAK"]),
    ])
    assert len(s.matched) == 4 and not s.missed and not s.spurious
    assert tally(s)["counts"]["dyad_right"] == 4


def test_dyad_errors_and_self_events() -> None:
    _, sentences = article_sentences(
        ("China accused Japan.", [ev("ACCUSE", ["CHN"], ["JPN"])]),
        ("Police arrested protesters in Hanoi.", [ev("COERCE", ["VNM"], ["VNM"], actor_sectors=["COP"],
                                                     recipient_sectors=["CVL"])]),
        ("Japan and Vietnam held talks.", [ev("CONSULT", ["JPN", "VNM"], [])]),
        ("The weather was mild.", "none"),
    )
    s = score(sentences, [
        sys_ev(sentences, 0, "ACCUSE", ["CHN"], ["CHN"]),  # wrong recipient and a self-event
        sys_ev(sentences, 1, "COERCE", ["VNM"], ["VNM"]),  # domestic in the gold: no self-event error
        sys_ev(sentences, 2, "CONSULT", ["JPN"], []),  # the joint event lost a party: wrong actor
        sys_ev(sentences, 3, "ASSAULT", ["RUS"], ["RUS"]),  # spurious, and a self-event
    ])
    result = tally(s)
    assert result["errors"] == {"wrong type": 0, "missed": 0, "spurious": 1, "wrong actor": 1,
                                "wrong recipient": 1, "self-event": 2}
    c = result["counts"]
    assert (c["found"], c["dyad_right"]) == (3, 1)
    assert (c["quiet_sentences"], c["quiet_sentences_with_system_events"]) == (1, 1)
    assert result["figures"]["quiet_sentence_false_alarm_rate"] == 1.0
    kinds = [(e["sentence"], e["kind"]) for e in error_list(s)]
    assert (0, "wrong recipient") in kinds and (0, "self-event") in kinds and (2, "wrong actor") in kinds
    assert (1, "self-event") not in kinds and (3, "spurious") in kinds and (3, "self-event") in kinds


def test_a_headline_event_is_found_when_the_body_has_the_same_type_and_dyad() -> None:
    _, sentences = article_sentences(
        ("China accuses Japan of meddling", [ev("ACCUSE", ["CHN"], ["JPN"]), ev("THREATEN", ["CHN"], ["JPN"])],
         {"title": True}),
        ("China accused Japan of meddling on Monday.", [ev("ACCUSE", ["CHN"], ["JPN"])]),
        ("Beijing also warned Tokyo.", [ev("THREATEN", ["CHN"], ["JPN"])]),
    )
    # the coder dropped both title events (the body repeats them); the THREATEN in the body has
    # the wrong dyad, so the headline THREATEN is not found
    s = score(sentences, [
        sys_ev(sentences, 1, "ACCUSE", ["CHN"], ["JPN"]),
        sys_ev(sentences, 2, "THREATEN", ["CHN"], ["USA"]),
    ])
    result = tally(s)
    c = result["counts"]
    assert (c["gold_events"], c["found"], c["headline_folded"], c["matched_system"], c["system_events"]) == (4, 3, 1, 2, 2)
    assert result["figures"]["precision"] == 1.0 and result["figures"]["recall"] == 0.75
    assert [(e["sentence"], e["kind"]) for e in error_list(s)] == [(0, "missed"), (2, "wrong recipient")]
    assert result["by_tag"]["headline"]["gold"] == 2 and result["by_tag"]["headline"]["found"] == 1
    assert result["by_tag"]["headline"]["errors"] == {"missed": 1}


def test_a_title_event_the_system_kept_matches_in_the_title() -> None:
    _, sentences = article_sentences(
        ("Russia shells Kharkiv", [ev("ASSAULT", ["RUS"], ["UKR"])], {"title": True}),
        ("Residents described the night.", "none"),
    )
    s = score(sentences, [sys_ev(sentences, 0, "ASSAULT", ["RUS"], ["UKR"])])
    assert len(s.matched) == 1 and not s.folded


def test_leftovers_without_a_common_party_are_a_miss_and_a_false_alarm() -> None:
    _, sentences = article_sentences(("A sentence.", [ev("ACCUSE", ["CHN"], ["JPN"])]))
    s = score(sentences, [sys_ev(sentences, 0, "CONSULT", ["IND"], ["PAK"])])
    assert tally(s)["errors"]["missed"] == 1 and tally(s)["errors"]["spurious"] == 1
    assert not s.confused


def test_sectors_modality_and_dates_over_found_events() -> None:
    _, sentences = article_sentences(
        ("Troops shelled the town on Monday.", [ev("ASSAULT", ["RUS"], ["UKR"], actor_sectors=["MIL"],
                                                   recipient_sectors=[None], date="2024-03-04", precision="day")]),
        ("Police detained a reporter.", [ev("COERCE", ["TUR"], ["TUR"], actor_sectors=["COP"],
                                            recipient_sectors=["MED"], date="2024-03", precision="month")]),
        ("They will meet next week.", [ev("AGREE", ["JPN", "KOR"], [], modality="planned",
                                          date="2024-03-11", precision="week")]),
    )
    s = score(sentences, [
        # a list of sectors parallel to the codes, as the coder may give them
        sys_ev(sentences, 0, "ASSAULT", ["RUS"], ["UKR"], date="2024-03-04", precision="day",
               actor_sectors=["MIL"], recipient_sectors=[None]),
        # the same value at another precision is a wrong date; a space-separated form of sectors
        sys_ev(sentences, 1, "COERCE", ["TUR"], ["TUR"], date="2024-03-01", precision="day",
               actor_sectors="COP", recipient_sectors="-"),
        sys_ev(sentences, 2, "AGREE", ["JPN", "KOR"], [], modality="asserted", date="2024-03-11", precision="week"),
    ])
    result = tally(s)
    c, f = result["counts"], result["figures"]
    assert (c["sector_gold"], c["sector_right"], c["system_with_sectors"]) == (2, 1, 2)
    assert (f["sector_accuracy"], f["sector_given_share"]) == (0.5, 0.667)
    assert (c["modality_right"], c["date_right"]) == (2, 2)
    kinds = {e["kind"] for e in error_list(s)}
    assert kinds == {"wrong sector", "wrong date", "wrong modality"}


def test_system_events_go_to_the_gold_sentence_holding_their_offset() -> None:
    text, sentences = article_sentences(("First one.", "none"), ("Second one.", "none"), ("Third.", "none"))
    starts = [s["start"] for s in sentences]
    ends = [s["end"] for s in sentences]
    assert sentence_of(starts, ends, 0) == 0
    assert sentence_of(starts, ends, ends[0] - 1) == 0
    assert sentence_of(starts, ends, ends[0]) == 1  # the blank line before a sentence belongs to it
    assert sentence_of(starts, ends, starts[2] + 2) == 2
    assert sentence_of(starts, ends, len(text) + 5) == 2
    # a coder sentence that starts inside a gold sentence (the coder split it) stays in it
    inside = {"sentence_start": starts[1] + 3, "event": "ACCUSE", "actor": "CHN", "recipient": "JPN"}
    no_offset = {"sentence_start": None, "sentence": "Third.", "event": "ACCUSE", "actor": "CHN", "recipient": "JPN"}
    assert [e.sentence for e in system_events([inside, no_offset], sentences, text)] == [1, 2]


def test_tags_of_the_sentence_and_the_event_break_recall_down() -> None:
    _, sentences = article_sentences(
        ('"We reject it," the minister said.', [ev("REJECT", ["IRN"], ["USA"], tags=["descriptor"])],
         {"tags": ["quote"]}),
        ("He later accused Washington.", [ev("ACCUSE", ["IRN"], ["USA"], tags=["pronoun"])]),
    )
    s = score(sentences, [sys_ev(sentences, 0, "REJECT", ["IRN"], ["USA"])])
    by_tag = tally(s)["by_tag"]
    assert by_tag["quote"] == {"gold": 1, "found": 1, "recall": 1.0, "dyad_right": 1, "dyad_accuracy": 1.0,
                               "errors": {}}
    assert by_tag["descriptor"]["found"] == 1
    assert by_tag["pronoun"] == {"gold": 1, "found": 0, "recall": 0.0, "dyad_right": 0, "dyad_accuracy": None,
                                 "errors": {"missed": 1}}


def test_counts_add_up_over_articles() -> None:
    _, one = article_sentences(("China accused Japan.", [ev("ACCUSE", ["CHN"], ["JPN"])]))
    _, two = article_sentences(("Quiet.", "none"), ("India hosted talks.", [ev("CONSULT", ["IND"], ["PAK"])]))
    result = tally(score(one, [sys_ev(one, 0, "ACCUSE", ["CHN"], ["JPN"])]), score(two, []))
    c = result["counts"]
    assert (c["articles"], c["sentences"], c["gold_events"], c["found"], c["system_events"]) == (2, 3, 2, 1, 1)
    assert result["figures"]["recall"] == 0.5 and result["figures"]["precision"] == 1.0


def test_metrics_helpers() -> None:
    assert ratio(1, 3) == 0.333 and ratio(0, 0) is None
    assert prf(0, 0, 0, 0) == {"precision": None, "recall": None, "f1": None}
    assert prf(0, 2, 0, 3) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # F1 from the unrounded ratios: 2/3 and 1/3 give 4/9
    assert prf(1, 3, 2, 3)["f1"] == 0.444
    assert best_pairing([1, 2], [2, 1], lambda g, s: 1.0 if g == s else None) == [(0, 1), (1, 0)]
    assert best_pairing([1], [], lambda g, s: 1.0) == []
    # more pairs beat heavier ones
    weights = {(0, 0): 100.0, (0, 1): 0.0, (1, 0): 0.0}
    pairs = best_pairing([0, 1], [0, 1], lambda g, s: weights.get((g, s)))
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_dyad_error_kinds_of_events_without_a_gold_recipient() -> None:
    _, sentences = article_sentences(
        ("Russia mobilised troops.", [ev("MOBILIZE", ["RUS"], [])]),
        ("Japan and Vietnam held talks.", [ev("CONSULT", ["JPN", "VNM"], [])]),
        ("Japan and Vietnam signed a deal.", [ev("AGREE", ["JPN", "VNM"], [])]),
    )
    s = score(sentences, [
        sys_ev(sentences, 0, "MOBILIZE", ["RUS"], ["UKR"]),  # a recipient the gold does not have
        sys_ev(sentences, 1, "CONSULT", ["CHN"], ["JPN", "VNM"]),  # another party as the actor
        sys_ev(sentences, 2, "AGREE", ["JPN"], ["VNM"]),  # the same parties split: right
    ])
    assert [(e["sentence"], e["kind"]) for e in error_list(s)] == [(0, "wrong recipient"), (1, "wrong actor")]
    assert tally(s)["counts"]["dyad_right"] == 1
