"""A small, hand-made database for the API and browser tests: the shipped reference table, two
news articles written for these tests (a summit report and a dispute), and one hostile article
whose title, text, URL and evidence carry script payloads. No spaCy model is needed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diplograph.clean import document_id
from diplograph.kb.reference import load_reference
from diplograph.model import Analysis, DateValue, Document, Event, FrameworkObservation, Mention
from diplograph.store import Store

SUMMIT_TITLE = "Tokyo and Hanoi lift ties to the highest level"
SUMMIT_BODY = (
    "Japan and Vietnam on Monday raised their relationship to a comprehensive strategic partnership, "
    "the leaders said after talks in Tokyo.\n"
    "Japanese Prime Minister Fumio Kishida pledged new aid for Vietnamese railways.\n"
    "The two sides also agreed to hold regular security talks."
)
DISPUTE_TITLE = "Manila protests Chinese manoeuvres near a disputed shoal"
DISPUTE_BODY = (
    "The Philippines lodged a protest with China on Tuesday over what it called dangerous manoeuvres "
    "by coast guard ships near a disputed shoal.\n"
    "Beijing rejected the complaint and accused Manila of provocation.\n"
    "Chinese coast guard ships fired water cannon at a Philippine supply boat on Tuesday."
)
XSS_TITLE = 'Rumours <img src=x onerror="window.__xss=1"> spread'
XSS_SCRIPT = "<script>window.__xss = 2</script>"
XSS_ONERROR = '<img src=x onerror="window.__xss=3">'
XSS_BODY = (
    f"Japan and Vietnam signed a memo {XSS_SCRIPT} on shipping.\n"
    f"Vietnam thanked Japan for aid {XSS_ONERROR} to flood victims."
)
XSS_URL = "javascript:window.__xss=4"
TOKEN = "test-token-5d41402abc4b2a76"


@dataclass
class SampleData:
    db: str
    summit_id: str
    dispute_id: str
    xss_id: str


def _document(title: str, body: str, published: str, url: str | None) -> Document:
    text = f"{title}\n\n{body}"
    return Document(doc_id=document_id(text), text=text, title=title, url=url,
                    published=dt.date.fromisoformat(published), input="tests", language="en",
                    title_span=(0, len(title)))


def _mention(text: str, phrase: str, codes: tuple[str, ...], *, start_at: int = 0, kind: str = "state",
             via: str = "name") -> Mention:
    start = text.index(phrase, start_at)
    return Mention(start=start, end=start + len(phrase), text=phrase, codes=codes, kind=kind, via=via)


def _sentence(text: str, sentence: str) -> tuple[str, int]:
    return sentence, text.index(sentence)


def _summit() -> tuple[Document, Analysis]:
    doc = _document(SUMMIT_TITLE, SUMMIT_BODY, "2023-11-28", "https://news.example.org/japan-vietnam-summit")
    text = doc.text
    upgrade, upgrade_at = _sentence(text, SUMMIT_BODY.split("\n")[0])
    aid, aid_at = _sentence(text, SUMMIT_BODY.split("\n")[1])
    talks, talks_at = _sentence(text, SUMMIT_BODY.split("\n")[2])
    mentions = [
        _mention(text, "Tokyo", ("JPN",), via="capital"), _mention(text, "Hanoi", ("VNM",), via="capital"),
        _mention(text, "Japan", ("JPN",)), _mention(text, "Vietnam", ("VNM",), start_at=upgrade_at),
        _mention(text, "Japanese Prime Minister Fumio Kishida", ("JPN",), kind="person", via="person"),
        _mention(text, "Vietnamese", ("VNM",), via="demonym"),
        _mention(text, "The two sides", ("JPN", "VNM"), kind="group", via="pair"),
    ]
    monday = DateValue(dt.date(2023, 11, 27), "day")
    events = [
        Event(sentence=upgrade, event="AGREE", actor=["JPN", "VNM"], recipient=[], modality="asserted", date=monday,
              quad_class=1, goldstein=4.0, sentence_index=1, sentence_start=upgrade_at),
        Event(sentence=aid, event="AID", mode="economic", actor=["JPN"], recipient=["VNM"], contexts=["economic"],
              modality="planned", date=monday, quad_class=2, goldstein=7.4, sentence_index=2, sentence_start=aid_at),
        Event(sentence=talks, event="CONSULT", actor=["JPN", "VNM"], recipient=[], contexts=["military"],
              modality="planned", date=monday, quad_class=1, goldstein=1.0, sentence_index=3,
              sentence_start=talks_at),
    ]
    frameworks = [
        FrameworkObservation(a="JPN", b="VNM", label="comprehensive strategic partnership", tier="CSP",
                             status="established", date=monday, evidence=upgrade, sentence_index=1,
                             sentence_start=upgrade_at),
    ]
    return doc, Analysis(mentions=mentions, events=events, frameworks=frameworks, extractor="tests")


def _dispute() -> tuple[Document, Analysis]:
    doc = _document(DISPUTE_TITLE, DISPUTE_BODY, "2024-03-06", "https://news.example.org/shoal-protest")
    text = doc.text
    protest, protest_at = _sentence(text, DISPUTE_BODY.split("\n")[0])
    reject, reject_at = _sentence(text, DISPUTE_BODY.split("\n")[1])
    cannon, cannon_at = _sentence(text, DISPUTE_BODY.split("\n")[2])
    tuesday = DateValue(dt.date(2024, 3, 5), "day")
    mentions = [
        _mention(text, "The Philippines", ("PHL",)), _mention(text, "China", ("CHN",), start_at=protest_at),
        _mention(text, "Beijing", ("CHN",), via="capital"),
        _mention(text, "Manila", ("PHL",), start_at=reject_at, via="capital"),
    ]
    events = [
        Event(sentence=protest, event="PROTEST", actor=["PHL"], recipient=["CHN"], contexts=["territory"],
              modality="asserted", date=tuesday, quad_class=3, goldstein=-2.0, sentence_index=1,
              sentence_start=protest_at),
        Event(sentence=reject, event="REJECT", actor=["CHN"], recipient=["PHL"], modality="asserted", date=tuesday,
              quad_class=3, goldstein=-4.0, sentence_index=2, sentence_start=reject_at),
        Event(sentence=reject, event="ACCUSE", actor=["CHN"], recipient=["PHL"], modality="asserted", date=tuesday,
              quad_class=3, goldstein=-2.0, sentence_index=2, sentence_start=reject_at),
        Event(sentence=cannon, event="COERCE", actor=["CHN"], recipient=["PHL"], contexts=["territory"],
              modality="asserted", date=tuesday, quad_class=4, goldstein=-7.0, sentence_index=3,
              sentence_start=cannon_at),
    ]
    return doc, Analysis(mentions=mentions, events=events, extractor="tests")


def _hostile() -> tuple[Document, Analysis]:
    doc = _document(XSS_TITLE, XSS_BODY, "2024-01-10", XSS_URL)
    text = doc.text
    memo, memo_at = _sentence(text, XSS_BODY.split("\n")[0])
    thanks, thanks_at = _sentence(text, XSS_BODY.split("\n")[1])
    day = DateValue(dt.date(2024, 1, 9), "day")
    script_at = text.index(XSS_SCRIPT)
    mentions = [
        _mention(text, "Japan", ("JPN",), start_at=memo_at), _mention(text, "Vietnam", ("VNM",), start_at=memo_at),
        # a span cut inside the payload: the page must still show it as text
        Mention(start=script_at + 3, end=script_at + 20, text=text[script_at + 3:script_at + 20], codes=("VNM",)),
    ]
    events = [
        Event(sentence=memo, event="AGREE", actor=["JPN", "VNM"], recipient=[], modality="asserted", date=day,
              quad_class=1, goldstein=4.0, sentence_index=1, sentence_start=memo_at),
        Event(sentence=thanks, event="SUPPORT", actor=["VNM"], recipient=["JPN"], modality="asserted", date=day,
              quad_class=1, goldstein=3.0, sentence_index=2, sentence_start=thanks_at),
    ]
    frameworks = [
        FrameworkObservation(a="JPN", b="VNM", label=f"partnership {XSS_ONERROR}", tier="OTHER", status="intended",
                             date=day, evidence=thanks, sentence_index=2, sentence_start=thanks_at),
    ]
    return doc, Analysis(mentions=mentions, events=events, frameworks=frameworks, extractor="tests")


def build_database(db: str) -> SampleData:
    """Create ``db`` (a SQLite path or URL) with the reference table and the three articles."""
    store = Store(db)
    try:
        load_reference(store)
        ids = []
        for doc, analysis in (_summit(), _dispute(), _hostile()):
            store.write_document(doc, analysis)
            ids.append(doc.doc_id)
    finally:
        store.close()
    return SampleData(db=db, summit_id=ids[0], dispute_id=ids[1], xss_id=ids[2])


class LiveServer:
    """A real uvicorn server on 127.0.0.1 and a free port, in a thread of this process."""

    def __init__(self, app: object) -> None:
        import socket

        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread: object = None

    def __enter__(self) -> LiveServer:
        import threading
        import time

        thread = threading.Thread(target=self.server.run, daemon=True)
        thread.start()
        self.thread = thread
        deadline = time.monotonic() + 15
        while not self.server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)  # type: ignore[attr-defined]
