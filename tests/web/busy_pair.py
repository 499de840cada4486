"""A database with one busy pair, France and India: more reports of their framework than the API
sends per list, and events on many days, so that the pair page must page and say what it left out.
The articles are written for these tests; each is a different text (no syndicated copies)."""

from __future__ import annotations

import datetime as dt

from diplograph.clean import document_id
from diplograph.model import Analysis, DateValue, Document, Event, FrameworkObservation, Mention
from diplograph.store import Store

TOPICS = [
    "naval exercises in the Arabian Sea", "financing for a high-speed rail line", "a joint satellite mission",
    "solar power parks in Rajasthan", "the purchase of fighter jets", "visas for engineering students",
    "a research centre for vaccines", "port access in the Indian Ocean", "a submarine maintenance deal",
    "green hydrogen pilot plants", "museum loans and film festivals", "coastal radar stations",
    "a critical minerals partnership", "training for air traffic controllers", "undersea cable repairs",
    "a digital payments link", "wildlife corridors", "nuclear reactor components", "monsoon forecasting",
    "maritime patrol aircraft", "language teaching in schools", "battery recycling", "water treatment in Pune",
    "a helicopter engine factory", "heritage restoration in Puducherry", "startup incubators in Bengaluru",
]
REPORTS = len(TOPICS)  # more than the 20 evidence records the pair state sends
FIRST_DAY = dt.date(2021, 1, 4)


def _article(index: int, topic: str) -> tuple[Document, Analysis]:
    day = FIRST_DAY + dt.timedelta(days=17 * index)
    title = f"Paris and New Delhi talk about {topic}"
    reaffirm = f"France and India reaffirmed their strategic partnership as ministers discussed {topic}."
    dispute = f"India criticised France over delays to {topic}."
    body = reaffirm + ("\n" + dispute if index % 4 == 3 else "")
    text = f"{title}\n\n{body}"
    doc = Document(doc_id=document_id(text), text=text, title=title, url=f"https://news.example.org/fra-ind/{index}",
                   published=day, input="tests", language="en", title_span=(0, len(title)))
    at = text.index(reaffirm)
    when = DateValue(day, "day")
    mentions = [Mention(start=at, end=at + 6, text="France", codes=("FRA",), kind="state", via="name"),
                Mention(start=at + 11, end=at + 16, text="India", codes=("IND",), kind="state", via="name")]
    events = [Event(sentence=reaffirm, event="CONSULT", actor=["FRA", "IND"], recipient=[], modality="asserted",
                    date=when, quad_class=1, goldstein=1.0, sentence_index=1, sentence_start=at)]
    if index % 4 == 3:
        events.append(Event(sentence=dispute, event="ACCUSE", actor=["IND"], recipient=["FRA"], modality="asserted",
                            date=when, quad_class=3, goldstein=-2.0, sentence_index=2,
                            sentence_start=text.index(dispute)))
    status = "established" if index == 0 else "existing"
    frameworks = [FrameworkObservation(a="FRA", b="IND", label="strategic partnership", tier="SP", status=status,
                                       date=when if index == 0 else DateValue(), evidence=reaffirm,
                                       sentence_index=1, sentence_start=at)]
    return doc, Analysis(mentions=mentions, events=events, frameworks=frameworks, extractor="tests")


def build_busy_pair(db: str) -> str:
    """Create ``db`` with the France-India articles; returns it."""
    store = Store(db)
    try:
        store.write_documents([_article(index, topic) for index, topic in enumerate(TOPICS)])
    finally:
        store.close()
    return db
