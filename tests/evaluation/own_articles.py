"""Small annotated articles of our own (wire style), as drafts for the builder, shared by the
evaluate CLI test and the baseline tool test. What the coder does on each sentence is noted;
a few gold annotations are deliberately contrary to the text (said so where they are): they make
the error kinds appear whatever the coder's rules become."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def ev(kind: str, actor: list[str], recipient: list[str], date: str | None, precision: str = "day",
       **extra: Any) -> dict[str, Any]:
    return {"event": kind, "actor": actor, "recipient": recipient, "modality": "asserted", "date": date,
            "date_precision": precision, **extra}


def draft(article_id: str, title: str, published: str, body: list[tuple[str, Any]], *, kind: str,
          frameworks: list[dict[str, Any]] | None = None, title_events: Any = "none",
          title_tags: list[str] | None = None) -> dict[str, Any]:
    sentences: list[dict[str, Any]] = [{"text": title, "title": True, "events": title_events,
                                        **({"tags": title_tags} if title_tags else {})}]
    for text, events, *rest in body:
        sentences.append({"text": text, "events": events, **(rest[0] if rest else {})})
    return {
        "format": "diplograph-articles/1",
        "id": article_id,
        "record": {"id": article_id, "title": title, "published": published,
                   "text": "\n\n".join(text for text, *_ in body)},
        "meta": {"set": kind, "style": "wire", "about": ["VNM"], "written_by": "tester-a", "checked_by": "tester-b"},
        "sentences": sentences,
        "frameworks": frameworks or [],
    }


# Events. The coder: ACCUSE CHN>JPN in s1 (the title's is dropped: the body repeats it), CONSULT
# JPN+VNM in s2, COERCE VNM>VNM in s4 (police COP against protesters CVL), REJECT PAK>IND in s5,
# ASSAULT RUS>UKR in s6 (Russian forces: MIL, the sector the gold gives).
EVENTS = draft(
    "ev-test-1", "China accuses Japan of meddling in South China Sea", "2024-03-06",
    [
        ("BEIJING, March 6 (Wire) - China accused Japan of meddling in the South China Sea.",
         [ev("ACCUSE", ["CHN"], ["JPN"], "2024-03-06")], {"tags": ["dateline"]}),
        ("Japanese Prime Minister Fumio Kishida and Vietnamese President Vo Van Thuong held talks in Tokyo on Monday.",
         # deliberately contrary: the month of the right day (a wrong precision), and an AGREE the
         # sentence does not hold (a miss)
         [ev("CONSULT", ["JPN", "VNM"], [], "2024-03", "month"), ev("AGREE", ["JPN", "VNM"], [], None, "none")]),
        ("The weather in the capital was mild.", "none"),
        # deliberately contrary: the arrest is an event (the coder's COERCE VNM>VNM is spurious here,
        # and a self-event since the gold has no domestic event)
        ("Police arrested dozens of protesters in Hanoi on Sunday.", "none", {"tags": ["domestic"]}),
        # deliberately contrary: ACCUSE where the sentence says REJECT (a wrong type)
        ("Pakistan rejected India's proposal for talks.", [ev("ACCUSE", ["PAK"], ["IND"], "2024-03-06")]),
        ("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three people.",
         [ev("ASSAULT", ["RUS"], ["UKR"], "2024-03-04", actor_sectors=["MIL"], recipient_sectors=[None],
             tags=["descriptor"])]),
        ("The ministry did not give details.", "none"),
    ],
    kind="events", title_events=[ev("ACCUSE", ["CHN"], ["JPN"], "2024-03-06")],
)

# Frameworks. The coder: AUS-VNM SP established in the title (2024-03-08), AUS-VNM CSP established
# 2024-03-07, IDN-VNM and SGP-VNM CSP intended, CHN-VNM and RUS-VNM CSP existing, THA-VNM and
# FRA-VNM SP established 2013; one event, AGREE SGP+VNM.
FRAMEWORKS = draft(
    "fw-test-1", "Vietnam and Australia upgrade ties to strategic partnership", "2024-03-08",
    [
        ("HANOI, March 8 (Wire) - Australia and Vietnam became comprehensive strategic partners on Thursday.",
         [ev("AGREE", ["AUS", "VNM"], [], "2024-03-07")]),  # the coder misses it (no event trigger)
        ("Indonesia and Vietnam are expected to upgrade their ties to a comprehensive strategic partnership next year.",
         "none"),
        # undated: the story's day, the Thursday the lede names (not the dateline's day)
        ("Singapore and Vietnam agreed to work towards a comprehensive strategic partnership.",
         [ev("AGREE", ["SGP", "VNM"], [], "2024-03-07")]),
        ("Vietnam already has comprehensive strategic partnerships with China and Russia.", "none"),
        # deliberately left out of the gold: the coder's THA-VNM SP is a false upgrade of nothing
        ("Thailand and Vietnam, strategic partners since 2013, will mark the anniversary next year.", "none"),
        ("France and Vietnam have been strategic partners since 2013.", "none"),
        ("Trade between the two countries reached 15 billion dollars last year.", "none"),
    ],
    kind="frameworks",
    frameworks=[
        {"a": "AUS", "b": "VNM", "label": "strategic partnership", "tier": "SP", "status": "established",
         "date": "2024-03-08", "date_precision": "day", "sentences": [0], "disagreement": True,
         "tags": ["headline", "disagreement"]},
        {"a": "AUS", "b": "VNM", "label": "comprehensive strategic partners", "tier": "CSP", "status": "established",
         "date": "2024-03-07", "date_precision": "day", "sentences": [1]},
        {"a": "IDN", "b": "VNM", "label": "comprehensive strategic partnership", "tier": "CSP", "status": "intended",
         "date": "2025", "date_precision": "year", "sentences": [2], "tags": ["preview"]},
        {"a": "SGP", "b": "VNM", "label": "comprehensive strategic partnership", "tier": "CSP", "status": "intended",
         "date": None, "date_precision": "none", "sentences": [3], "tags": ["intention"]},
        {"a": "CHN", "b": "VNM", "label": "comprehensive strategic partnerships", "tier": "CSP", "status": "existing",
         "date": None, "date_precision": "none", "sentences": [4], "tags": ["list"]},
        {"a": "RUS", "b": "VNM", "label": "comprehensive strategic partnerships", "tier": "CSP", "status": "existing",
         "date": None, "date_precision": "none", "sentences": [4], "tags": ["list"]},
        {"a": "FRA", "b": "VNM", "label": "strategic partners", "tier": "SP", "status": "established",
         "date": "2013", "date_precision": "year", "sentences": [6]},
    ],
)

REAL = draft(
    "real-test-1", "Egypt urges Israel to open crossing", "2024-02-12",
    [("CAIRO, Feb 12 (Wire) - Egypt called on Israel on Monday to open the Rafah crossing.",
      [ev("REQUEST", ["EGY"], ["ISR"], "2024-02-12")]),
     ("Aid trucks waited at the border.", "none")],
    kind="events", title_events=[ev("REQUEST", ["EGY"], ["ISR"], "2024-02-12")],
)


def write(folder: Path, name: str, article: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(article, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
