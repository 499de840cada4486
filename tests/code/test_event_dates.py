"""Event dates over the whole pipeline (docs/dates.md, "Event dates"): each event takes the date
of its own clause, a wire dateline dates nothing, a future month resolves forward, a plan with no
time named has no date, "a day after" and "the next day" count from the date they refer to, a
standing situation is background. `code` and `ingest` give the same dates for the same text and
publication date. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplograph.code.document import DocumentCoder
from diplograph.ingest import ingest
from diplograph.model import Document
from diplograph.settings import load_options
from diplograph.store import Store

pytestmark = pytest.mark.model
PUBLISHED = "2024-08-14"  # a Wednesday


def dated(coder: DocumentCoder, text: str, published: str = PUBLISHED) -> list[tuple[str, str | None, str, str]]:
    out = next(iter(coder.code_records([{"id": 1, "text": text, "date": published}])))
    return [(e["event"], e["date"], e["date_precision"], e["modality"]) for e in out["events"]]


def test_a_dateline_date_is_not_the_event_date(coder: DocumentCoder) -> None:
    text = "NAIROBI, Aug 14 (Wire) - Kenya expelled two Tanzanian diplomats on Monday."
    assert dated(coder, text) == [("SANCTION", "2024-08-12", "day", "asserted")]


def test_a_month_named_for_a_future_action_resolves_forward(coder: DocumentCoder) -> None:
    # in an August 2024 article, November 2024 (not November 2023)
    [(_, date, precision, modality)] = dated(coder, "Japan and the Philippines will hold joint drills in November.")
    assert (date, precision, modality) == ("2024-11", "month", "planned")


def test_a_day_named_for_a_deadline_takes_the_nearest_year(coder: DocumentCoder) -> None:
    found = dated(coder, "Chile and Peru agreed on Monday to reopen the crossing by August 20.")
    assert found[0][:3] == ("AGREE", "2024-08-12", "day")
    found = dated(coder, "Serbia said it would withdraw its police from the border by August 20.")
    assert found and found[0][1:3] == ("2024-08-20", "day")


def test_a_weekday_possessive_dates_the_event_it_names(coder: DocumentCoder) -> None:
    [(event, date, precision, _)] = dated(coder, "Friday's Russian air strikes on Kharkiv killed nine people.")
    assert (event, date, precision) == ("ASSAULT", "2024-08-09", "day")


def test_each_clause_takes_its_own_date(coder: DocumentCoder) -> None:
    found = dated(coder, "Iran condemned the raid on Tuesday after Israel struck a weapons depot in Syria on Sunday.")
    assert ("ACCUSE", "2024-08-13", "day", "asserted") in found
    assert ("ASSAULT", "2024-08-11", "day", "asserted") in found


def test_a_day_after_counts_back_from_the_main_clause(coder: DocumentCoder) -> None:
    found = dated(coder, "Chad closed its embassy in Sudan on Tuesday, a day after Sudan expelled Chad's ambassador.")
    assert ("SANCTION", "2024-08-12", "day", "asserted") in found  # Sudan's expulsion, on Monday
    assert ("SANCTION", "2024-08-13", "day", "asserted") in found  # Chad's closure, on Tuesday


def test_the_next_day_counts_from_the_previous_dated_sentence(coder: DocumentCoder) -> None:
    found = dated(coder, "Chad closed its embassy in Sudan on Monday. Sudan expelled Chad's ambassador the next day.")
    assert [d[:3] for d in found] == [("SANCTION", "2024-08-12", "day"), ("SANCTION", "2024-08-13", "day")]


def test_a_plan_with_no_time_named_has_no_date(coder: DocumentCoder) -> None:
    [(event, date, precision, modality)] = dated(coder, "Germany said it would send humanitarian aid to Sudan.")
    assert (event, modality, date, precision) == ("AGREE", "planned", None, "none")


def test_an_undated_sentence_takes_the_ledes_day_not_the_last_dated_sentence(coder: DocumentCoder) -> None:
    text = ("Armenia and Azerbaijan held talks in Almaty on Monday. "
            "Azerbaijan had closed a road to Armenia on Saturday. "
            "The two foreign ministers agreed to meet again.")
    found = dated(coder, text)
    assert found[-1][:2] == ("AGREE", None) or found[-1][1] == "2024-08-12"
    assert ("CONSULT", "2024-08-12", "day", "asserted") in found


def test_a_standing_situation_in_the_present_is_background(coder: DocumentCoder) -> None:
    assert dated(coder, "Egypt denies supplying weapons to Sudan.") == [("REJECT", None, "none", "background")]
    assert dated(coder, "Russia has shelled Ukrainian border towns since May.") == [
        ("ASSAULT", None, "none", "background")]
    # the same verb with a date is an event of that date
    assert dated(coder, "Russia shelled Ukrainian border towns in May.") == [("ASSAULT", "2024-05", "month", "asserted")]


def test_a_headline_in_the_present_is_not_background(coder: DocumentCoder) -> None:
    title = "Kenya expels Tanzanian diplomats"
    text = f"{title}\n\nThe row deepened on Monday as both governments traded accusations."
    document = Document(doc_id="t", text=text, title=title, published=dt.date(2024, 8, 14), title_span=(0, len(title)))
    events = coder.analyze(document).events
    assert [(e.event, e.modality, e.date.iso()) for e in events if e.sentence_index == 0] == [
        ("SANCTION", "asserted", "2024-08-12")]  # the title takes the story's day (the lede's Monday)


def test_code_and_ingest_give_the_same_dates(coder: DocumentCoder, tmp_path: Path) -> None:
    text = ("HANOI, Aug 14 (Wire) - Vietnam and the Philippines signed a coast guard agreement on Monday. "
            "China protested against the deal the next day. "
            "Vietnam and the Philippines will hold joint drills in November. "
            "Vietnam also expelled a Chinese fishing boat crew, a day after Chinese vessels fired water cannon at its boats. "
            "Beijing denies the charge.")
    coded = next(iter(coder.code_records([{"id": "a", "text": text, "date": PUBLISHED}])))["events"]
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "a", "text": text, "published": PUBLISHED}) + "\n", encoding="utf-8")
    db = str(tmp_path / "one.sqlite")
    ingest([str(source)], load_options(db=db, jobs=1), load_reference=False)
    stored = list(Store(db).iter_events())

    def key(e: dict) -> tuple[str, str, str | None, str]:
        return (e["sentence"], e["event"], str(e["date"])[:10] if e["date"] else None, e["date_precision"])

    assert coded and sorted(map(key, coded)) == sorted(map(key, stored))
    dates = {(e["event"], e["date"], e["date_precision"]) for e in coded}
    assert ("AGREE", "2024-11", "month") in dates or ("COOPERATE", "2024-11", "month") in dates


def test_the_day_after_an_action_is_no_reference_to_an_earlier_date(coder: DocumentCoder) -> None:
    text = ("Chad closed its embassy in Sudan on Friday. "
            "Chad's president held talks with Sudan's leader throughout the day after speaking with Egypt's president.")
    found = dated(coder, text)
    assert ("CONSULT", "2024-08-09", "day", "asserted") in found  # the lede's Friday, not the day after it


def test_a_conjuncts_duration_does_not_undate_the_event(coder: DocumentCoder) -> None:
    title = "Kyrgyzstan, Tajikistan sign border treaty and reopen crossings shut since 2021"
    document = Document(doc_id="t", text=f"{title}\n\nThe presidents met in Bishkek on Thursday.", title=title,
                        published=dt.date(2025, 3, 14), title_span=(0, len(title)))
    events = [e for e in coder.analyze(document).events if e.sentence_index == 0]
    assert events and all(e.date.iso() == "2025-03-13" for e in events)


@pytest.mark.parametrize("text", [
    # the plan is in a governing verb, not beside the month
    "India said it was preparing to hold naval drills with Vietnam in October.",
    "Vietnam's navy is preparing to hold drills with India in October.",
])
def test_a_month_named_for_a_plan_resolves_forward_without_a_future_auxiliary(coder: DocumentCoder,
                                                                             text: str) -> None:
    dates = [(d, p) for _t, d, p, m in dated(coder, text) if m == "planned"]
    assert dates == [("2024-10", "month")]


def test_a_month_named_for_a_past_action_stays_in_the_past(coder: DocumentCoder) -> None:
    assert dated(coder, "Vietnam held joint naval drills with India in October.") == [
        ("COOPERATE", "2023-10", "month", "asserted")]


def test_a_date_heading_dates_the_present_tense_entries_under_it(coder: DocumentCoder) -> None:
    # a live blog: each day is a heading, its entries narrate that day in the present tense
    text = ("Live: Armenia and Azerbaijan trade fire on their border\n\n"
            "Our coverage of the week follows, most recent first.\n\n"
            "Thursday, Sept. 15\n\n"
            "Evening - Armenia and Azerbaijan agree to a ceasefire brokered by Russia.\n\n"
            "Tuesday, Sept. 13\n\n"
            "Azerbaijani forces shell Armenian border towns.\n\n"
            "Armenia accuses Azerbaijan of an unprovoked attack.")
    out = next(iter(coder.code_records([{"id": 1, "text": text, "date": "2022-09-16"}])))
    found = {(e["event"], e["date"], e["modality"]) for e in out["events"]}
    assert ("AGREE", "2022-09-15", "asserted") in found
    assert ("ASSAULT", "2022-09-13", "asserted") in found
    assert ("ACCUSE", "2022-09-13", "asserted") in found


@pytest.mark.parametrize(("text", "expected"), [
    # a warning that something would happen is a planned threat, with a condition a hypothetical one;
    # it is dated by the day named for the warning (read as past), else not at all
    ("Iran warned on Monday that it would respond to any attack on its oil tankers.",
     ("THREATEN", "2024-08-12", "day", "planned")),
    ("Ethiopia warned that Eritrea would pay a heavy price if its troops crossed the border.",
     ("THREATEN", None, "none", "hypothetical")),
])
def test_a_stated_threat_takes_the_modality_of_its_clause(coder: DocumentCoder, text: str,
                                                          expected: tuple[str, str | None, str, str]) -> None:
    assert expected in dated(coder, text)


def test_a_called_strike_is_planned_for_the_day_named(coder: DocumentCoder) -> None:
    # published on a Wednesday: "for Friday" is two days later
    found = dated(coder, "Unions in Argentina called a general strike for Friday.")
    assert ("PROTEST", "2024-08-16", "day", "planned") in found


def test_the_day_of_a_report_is_not_moved_forward(coder: DocumentCoder) -> None:
    # "said on Monday that he would resign": Monday is the day of the statement, in the past
    found = dated(coder, "Peru's prime minister said on Monday that he would resign once a new cabinet was named.")
    assert [d for t, d, _p, _m in found if t == "RETREAT"] == ["2024-08-12"]


def test_a_date_qualifying_another_events_noun_does_not_date_the_sentence(coder: DocumentCoder) -> None:
    # "last month's coup" dates the coup, not the demand made about it (the story's day)
    found = dated(coder, "Norway demanded that the junta free the ministers it detained in last month's coup.")
    assert ("REQUEST", "2024-08-14", "day", "asserted") in found
