"""The records that flow down the pipeline: documents, actor mentions, dates, events and
framework observations. Plain dataclasses, no behaviour beyond formatting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar, Literal

Precision = Literal["day", "week", "month", "year", "none"]
Modality = Literal["asserted", "planned", "hypothetical", "negated", "background"]
FrameworkStatus = Literal["established", "existing", "intended", "ended"]
Tier = Literal["CSP", "SP", "CP", "OTHER"]

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "none")
MODALITIES: tuple[str, ...] = ("asserted", "planned", "hypothetical", "negated", "background")
STATUSES: tuple[str, ...] = ("established", "existing", "intended", "ended")
TIERS: tuple[str, ...] = ("CSP", "SP", "CP", "OTHER")
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text allows. ``value`` is the first day of the period
    (the Monday of a week, the 1st of a month, 1 January of a year); ``end`` closes a range."""

    value: dt.date | None = None
    precision: str = "none"
    end: dt.date | None = None

    NONE: ClassVar[DateValue]  # the unknown date; set below the class

    def iso(self) -> str | None:
        """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' according to the precision; None when unknown."""
        if self.value is None or self.precision == "none":
            return None
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def end_iso(self) -> str | None:
        return self.end.isoformat() if self.end is not None else None

    @classmethod
    def parse(cls, text: str | None, precision: str | None = None) -> DateValue:
        """The inverse of :meth:`iso` ('2016' -> year, '2023-11' -> month, '2023-11-27' -> day)."""
        if not text:
            return cls()
        parts = text.split("-")
        if len(parts) == 1:
            return cls(dt.date(int(parts[0]), 1, 1), precision or "year")
        if len(parts) == 2:
            return cls(dt.date(int(parts[0]), int(parts[1]), 1), precision or "month")
        return cls(dt.date.fromisoformat(text[:10]), precision or "day")


DateValue.NONE = DateValue()


@dataclass
class Document:
    """One cleaned input document. ``doc_id`` is the hash of the normalized text."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    record_id: str | None = None
    input: str = ""
    language: str | None = None
    removed: list[str] = field(default_factory=list)
    # where the title sits in ``text`` (char offsets), when the text starts with it
    title_span: tuple[int, int] | None = None
    # record fields that could not be read: {"input", "field", "value", "reason", "detail"}
    warnings: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """An actor mention: a span of the document text resolved to one or more actor codes.

    ``codes`` has one code for a state or organisation, two for "the two countries".
    ``kind``: state, org, person, group (a pair or "the Southeast Asian nation" resolved
    from focus), ``via``: how it was recognised (name, alias, demonym, capital, seat,
    person, surname, pair...)."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    kind: str = "state"
    via: str = "name"
    sector: str | None = None
    person: str | None = None
    role: str | None = None

    @property
    def code(self) -> str:
        return self.codes[0]


@dataclass
class Sentence:
    """A sentence of a document, with char offsets into the document text."""

    index: int
    start: int
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    is_title: bool = False
    date: DateValue = field(default_factory=DateValue)
    # the date an event of the sentence takes when the clause that reports it names none (the
    # story's day: the lede's date or the publication date); dates/sentences.py sets it
    story_date: DateValue = field(default_factory=DateValue)
    # the sentence follows a date heading of a live blog or timeline ("Tuesday, June 24"): its
    # present tense narrates that day (dates/sentences.py sets it)
    under_date_heading: bool = False


@dataclass
class Event:
    """One PLOVER event observation."""

    sentence: str
    event: str
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    modality: str = "asserted"
    date: DateValue = field(default_factory=DateValue)
    intensity: float | None = None
    quad_class: int | None = None
    cameo_root: str | None = None
    goldstein: float | None = None
    trigger: str | None = None
    confidence: float | None = None
    sentence_index: int | None = None
    sentence_start: int | None = None
    actor_text: list[str] = field(default_factory=list)
    recipient_text: list[str] = field(default_factory=list)
    extractor: str = ""
    # parallel to actor/recipient: the CAMEO agent code of the part of the state that acts (GOV,
    # MIL, COP, JUD, ...; docs/actors.md "Sectors"), None where the state or organisation acts as
    # a whole
    actor_sectors: list[str | None] = field(default_factory=list)
    recipient_sectors: list[str | None] = field(default_factory=list)

    def sectors_of(self, which: str) -> list[str | None]:
        """``actor_sectors``/``recipient_sectors`` padded to the codes (None where not given)."""
        codes = self.actor if which == "actor" else self.recipient
        given = self.actor_sectors if which == "actor" else self.recipient_sectors
        return [given[i] if i < len(given) else None for i in range(len(codes))]

    def to_record(self) -> dict[str, object]:
        """The contract's event fields (DESIGN.md), plus the crosswalk columns."""
        return {
            "sentence": self.sentence,
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "actor_sectors": self.sectors_of("actor"),
            "recipient_sectors": self.sectors_of("recipient"),
            "event": self.event,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "modality": self.modality,
            "date": self.date.iso(),
            "date_precision": self.date.precision,
            "date_end": self.date.end_iso(),
            "intensity": self.intensity,
            "quad_class": self.quad_class,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "trigger": self.trigger,
            "confidence": self.confidence,
        }


@dataclass
class FrameworkObservation:
    """One statement that a pair has (had, will have) a partnership framework."""

    a: str
    b: str
    label: str
    tier: str
    status: str
    date: DateValue = field(default_factory=DateValue)
    evidence: str = ""
    sentence_index: int | None = None
    sentence_start: int | None = None
    in_title: bool = False
    source: str = "news"
    source_url: str | None = None
    note: str | None = None
    extractor: str = ""

    def __post_init__(self) -> None:
        # the contract wants a and b in alphabetical order
        if self.b < self.a:
            self.a, self.b = self.b, self.a

    def to_record(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "label": self.label,
            "tier": self.tier,
            "status": self.status,
            "date": self.date.iso(),
            "date_precision": self.date.precision,
            "evidence": self.evidence,
            "source": self.source,
            "in_title": self.in_title,
        }


@dataclass
class Analysis:
    """What the coding stages found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    frameworks: list[FrameworkObservation] = field(default_factory=list)
    sentences_total: int = 0
    sentences_parsed: int = 0
    extractor: str = ""
    # set when the document was not coded: a short reason ("over-coding-limit", "not-english",
    # "coding-failed") and a sentence; the ingest report lists such documents
    not_coded: str | None = None
    not_coded_detail: str = ""


@dataclass(frozen=True)
class Rejected:
    """An input that could not become a document, and why."""

    input: str
    reason: str
    detail: str = ""
    record_id: str | None = None
