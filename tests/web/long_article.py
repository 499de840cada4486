"""A database with one long article (Brazil and South Africa) whose evidence sentences sit far
apart: one near the top, the others below many paragraphs, so that a link to one of them must
scroll the document page. Two of its framework sentences begin with the same words and differ
only after them, so a link must tell them apart by more than their beginning. The text is
written for these tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diplograph.clean import document_id
from diplograph.model import Analysis, DateValue, Document, Event, FrameworkObservation, Mention
from diplograph.store import Store

TITLE = "Brasilia and Pretoria widen their partnership"
OPENING = "Brazil and South Africa raised their relations to a strategic partnership on Friday after two days of talks."
# the two framework sentences share their first 100 characters (more than a link carries)
SHARED = "Brazil and South Africa said that the strategic partnership would shape their joint work on ports, farming"
GUIDANCE = f"{SHARED} and shipping."
GUIDANCE_LONGER = f"{SHARED} and shipping, and on mining in the years ahead."
PLEDGE = "South Africa pledged to train Brazilian naval cadets at its academy in Simon's Town."
FILLER_TOPICS = [
    "grain storage", "river dredging", "rail freight tariffs", "fishing quotas", "vaccine trials",
    "school exchanges", "wind farm permits", "customs software", "coffee exports", "film co-production",
    "weather satellites", "mining safety", "bus manufacturing", "wine labelling", "coastal erosion",
    "tourist visas", "football academies", "cable landing stations", "seed banks", "pension portability",
    "drought insurance", "museum archives", "steel tariffs", "public libraries", "forest fire crews",
    "port cranes", "courier licences", "harbour pilots", "sugar cane research", "translation services",
]
PUBLISHED = dt.date(2024, 5, 11)


@dataclass
class LongArticle:
    db: str
    doc_id: str


def _filler(index: int, topic: str) -> str:
    return (f"Working group {index + 1} spent its session on {topic}, and its members agreed to write a short "
            f"note on {topic} for the ministers before the next round of meetings in the coming months.")


def _article() -> tuple[Document, Analysis]:
    fillers = [_filler(index, topic) for index, topic in enumerate(FILLER_TOPICS)]
    half = len(fillers) // 2
    body = "\n\n".join([OPENING, *fillers[:half], GUIDANCE, *fillers[half:], GUIDANCE_LONGER, PLEDGE])
    text = f"{TITLE}\n\n{body}"
    doc = Document(doc_id=document_id(text), text=text, title=TITLE, url="https://news.example.org/bra-zaf",
                   published=PUBLISHED, input="tests", language="en", title_span=(0, len(TITLE)))
    friday = DateValue(dt.date(2024, 5, 10), "day")
    opening_at = text.index(OPENING)
    guidance_at = text.index(GUIDANCE)  # GUIDANCE ends in "." where GUIDANCE_LONGER goes on with ","
    longer_at = text.index(GUIDANCE_LONGER)
    pledge_at = text.index(PLEDGE)
    mentions = []
    for at in (opening_at, guidance_at, longer_at):
        mentions += [Mention(start=at, end=at + 6, text="Brazil", codes=("BRA",), kind="state", via="name"),
                     Mention(start=at + 11, end=at + 23, text="South Africa", codes=("ZAF",), kind="state", via="name")]
    frameworks = [
        FrameworkObservation(a="BRA", b="ZAF", label="strategic partnership", tier="SP", status="established",
                             date=friday, evidence=OPENING, sentence_index=1, sentence_start=opening_at),
        FrameworkObservation(a="BRA", b="ZAF", label="strategic partnership", tier="SP", status="existing",
                             date=DateValue(), evidence=GUIDANCE, sentence_index=2 + half, sentence_start=guidance_at),
        FrameworkObservation(a="BRA", b="ZAF", label="strategic partnership", tier="SP", status="existing",
                             date=DateValue(), evidence=GUIDANCE_LONGER, sentence_index=3 + len(fillers),
                             sentence_start=longer_at),
    ]
    events = [
        Event(sentence=OPENING, event="AGREE", actor=["BRA", "ZAF"], recipient=[], modality="asserted", date=friday,
              quad_class=1, goldstein=4.0, sentence_index=1, sentence_start=opening_at),
        Event(sentence=PLEDGE, event="AID", mode="military", actor=["ZAF"], recipient=["BRA"], modality="planned",
              date=friday, quad_class=2, goldstein=7.4, sentence_index=4 + len(fillers), sentence_start=pledge_at),
    ]
    return doc, Analysis(mentions=mentions, events=events, frameworks=frameworks, extractor="tests")


def build_long_article(db: str) -> LongArticle:
    """Create ``db`` with the one long article."""
    doc, analysis = _article()
    store = Store(db)
    try:
        store.write_document(doc, analysis)
    finally:
        store.close()
    return LongArticle(db=db, doc_id=doc.doc_id)
