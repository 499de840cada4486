"""Annotated articles (``eval/articles/README.md``): the format, its checks, and building a file
from a draft.

An annotated article holds the record as ``ingest`` takes it, every sentence of its cleaned text
by character offsets and a hash, each sentence's gold events (or ``"none"``), and the article's
framework facts. The cleaned text is made by the very cleaning ``ingest`` runs, so offsets line up
with what the coder sees."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import MODALITIES, PLOVER_TYPES, STATUSES, TIERS

FORMAT = "diplograph-articles/1"

SECTORS = frozenset({
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "REB", "BUS", "NGO", "MED", "EDU",
    "LAB", "CVL", "REF",
})
# non-state actors without a home state (CAMEO's international actor types)
NONSTATE_CODES = frozenset({"NGO", "MNC", "IMG"})
EVENT_TAGS = frozenset({
    "headline", "caption", "dateline", "quote", "reported", "surname", "pronoun", "descriptor",
    "organ", "nominal", "passive", "clause", "list", "table", "preview", "domestic", "nonstate",
    "compound", "mediator",
})
FRAMEWORK_TAGS = frozenset({
    "list", "table", "standing", "preview", "intention", "earlier-tier", "headline", "disagreement",
    "ordinal", "ladder",
})
DATE_PRECISIONS = ("day", "week", "month", "year", "none")
_DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sentence_hash(text: str) -> str:
    """The sentence hash of the format: the first 16 hex digits of its SHA-256."""
    return sha256_hex(text)[:16]


@dataclass
class AnnotatedArticle:
    """One annotated article as loaded (``data`` is the JSON object; ``text`` the cleaned text
    when it is known: always for own sets, after rebuilding for lists of real articles)."""

    path: str
    data: dict[str, Any]
    text: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.data.get("id"))

    @property
    def record(self) -> dict[str, Any]:
        return dict(self.data.get("record") or {})

    @property
    def sentences(self) -> list[dict[str, Any]]:
        return list(self.data.get("sentences") or [])

    @property
    def frameworks(self) -> list[dict[str, Any]]:
        return list(self.data.get("frameworks") or [])

    @property
    def set_name(self) -> str | None:
        meta = self.data.get("meta") or {}
        return meta.get("set")


# ------------------------------------------------------------------------------------ cleaning

def cleaned_text(record: dict[str, Any]) -> str:
    """The document text ``ingest`` would store for ``record`` (title, blank line, body): the
    record goes through the JSON Lines reader and the cleaner, as in ``ingest``."""
    import tempfile

    from ..clean import clean_record
    from ..model import Rejected
    from ..read import iter_records
    from ..settings import load_options

    options = load_options()
    with tempfile.TemporaryDirectory(prefix="diplograph-annotation-") as folder:
        path = Path(folder) / "record.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        items = list(iter_records([str(path)], options))
    if len(items) != 1 or isinstance(items[0], Rejected):
        detail = items[0].detail if items and isinstance(items[0], Rejected) else f"{len(items)} records"
        raise InputError(f"record cannot be read: {detail}", reason="bad-record")
    return clean_record(items[0], options).text


def split_for_skeleton(text: str) -> list[tuple[int, int]]:
    """Sentence offsets proposed for a new draft: diplograph's own splitter over a blank English
    tokenizer (writers correct the split where a reader would split otherwise)."""
    import spacy

    from ..nlp.sentences import split_sentences

    nlp = spacy.blank("en")
    doc = nlp.make_doc(text)
    spans = [(s.start_char, s.end_char) for s in split_sentences(doc, text)]
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            out.append((start + lead, end - trail))
    return out


def skeleton(record: dict[str, Any]) -> dict[str, Any]:
    """A draft for ``record``: its cleaned text split into sentences, events to fill in."""
    text = cleaned_text(record)
    title = record.get("title")
    sentences = []
    for i, (start, end) in enumerate(split_for_skeleton(text)):
        item: dict[str, Any] = {"text": text[start:end], "events": None}
        if i == 0 and title:
            item["title"] = True
        sentences.append(item)
    return {
        "format": FORMAT,
        "id": record.get("id"),
        "record": record,
        "meta": {"set": None, "style": None, "region": None, "about": [], "written_by": None,
                 "checked_by": None, "notes": ""},
        "sentences": sentences,
        "frameworks": [],
    }


# ------------------------------------------------------------------------------------ building

def locate_sentences(text: str, pieces: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Find each sentence text in order in ``text``. Returns the offsets and the problems: a
    sentence not found where the previous one ended, or text left unlisted between sentences."""
    problems: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            problems.append(f"sentence {i}: empty")
            continue
        at = text.find(piece, pos)
        if at < 0:
            problems.append(f"sentence {i}: not found in the cleaned text after offset {pos}: {piece[:60]!r}")
            continue
        gap = text[pos:at]
        if gap.strip():
            problems.append(f"sentence {i}: text left unlisted before it: {gap.strip()[:80]!r}")
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    rest = text[pos:]
    if rest.strip():
        problems.append(f"text left unlisted at the end: {rest.strip()[:80]!r}")
    return spans, problems


def build(draft: dict[str, Any]) -> dict[str, Any]:
    """The annotated article for ``draft``: offsets and hashes filled in from the cleaned text.
    Raises InputError listing every problem (sentences not found, text left out, bad fields)."""
    record = dict(draft.get("record") or {})
    if "id" not in record and draft.get("id"):
        record["id"] = draft["id"]
    text = cleaned_text(record)
    pieces = [str(s.get("text") or "") for s in draft.get("sentences") or []]
    spans, problems = locate_sentences(text, pieces)
    if problems:
        raise InputError("draft does not match its cleaned text:\n  " + "\n  ".join(problems), reason="bad-draft")
    sentences = []
    for i, (sentence, (start, end)) in enumerate(zip(draft["sentences"], spans, strict=True)):
        item = {"index": i, "start": start, "end": end, "sha256": sentence_hash(text[start:end])}
        if sentence.get("title"):
            item["title"] = True
        item["text"] = text[start:end]
        item["events"] = sentence.get("events")
        if sentence.get("tags"):
            item["tags"] = sentence["tags"]
        sentences.append(item)
    article = {
        "format": FORMAT,
        "id": draft.get("id") or record.get("id"),
        "record": record,
        "meta": draft.get("meta") or {},
        "text_sha256": sha256_hex(text),
        "sentences": sentences,
        "frameworks": draft.get("frameworks") or [],
    }
    problems = check_article(article, text)
    if problems:
        raise InputError("annotation problems:\n  " + "\n  ".join(problems), reason="bad-annotation")
    return article


# ------------------------------------------------------------------------------------ checking

@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    from ..actors.gazetteer import Gazetteer

    return frozenset(Gazetteer.load().actors) | NONSTATE_CODES


def _check_date(where: str, obj: dict[str, Any], problems: list[str]) -> None:
    date, precision = obj.get("date"), obj.get("date_precision")
    if precision not in DATE_PRECISIONS:
        problems.append(f"{where}: date_precision {precision!r} is not one of {', '.join(DATE_PRECISIONS)}")
        return
    if precision == "none":
        if date is not None:
            problems.append(f"{where}: a date with precision none must be null")
        return
    if not isinstance(date, str) or not _DATE_FORMS[precision].match(date):
        problems.append(f"{where}: date {date!r} does not have precision {precision}")


def check_event(where: str, event: Any, codes: frozenset[str], problems: list[str]) -> None:
    if not isinstance(event, dict):
        problems.append(f"{where}: an event must be an object")
        return
    types = str(event.get("event") or "").split("|")
    if not all(t in PLOVER_TYPES for t in types):
        problems.append(f"{where}: event {event.get('event')!r} is not a PLOVER type (or A|B)")
    for side in ("actor", "recipient"):
        values = event.get(side)
        if not isinstance(values, list) or not all(isinstance(c, str) for c in values):
            problems.append(f"{where}: {side} must be a list of codes")
            continue
        for code in values:
            if code not in codes:
                problems.append(f"{where}: unknown {side} code {code!r}")
        sectors = event.get(f"{side}_sectors")
        if sectors is not None:
            if not isinstance(sectors, list) or len(sectors) != len(values):
                problems.append(f"{where}: {side}_sectors must be a list as long as {side}")
            else:
                for sector in sectors:
                    if sector is not None and sector not in SECTORS:
                        problems.append(f"{where}: unknown sector {sector!r}")
    if not event.get("actor"):
        problems.append(f"{where}: an event needs an actor")
    if event.get("modality") not in MODALITIES:
        problems.append(f"{where}: modality {event.get('modality')!r} is not one of {', '.join(MODALITIES)}")
    _check_date(where, event, problems)
    for tag in event.get("tags") or []:
        if tag not in EVENT_TAGS:
            problems.append(f"{where}: unknown tag {tag!r}")


def check_framework(where: str, fact: Any, codes: frozenset[str], n_sentences: int, problems: list[str]) -> None:
    from ..ladders import tier_of_label

    if not isinstance(fact, dict):
        problems.append(f"{where}: a framework fact must be an object")
        return
    a, b = fact.get("a"), fact.get("b")
    for code in (a, b):
        if code not in codes:
            problems.append(f"{where}: unknown party code {code!r}")
    if isinstance(a, str) and isinstance(b, str) and not a < b:
        problems.append(f"{where}: a must sort before b ({a!r}, {b!r})")
    if fact.get("tier") not in TIERS:
        problems.append(f"{where}: tier {fact.get('tier')!r} is not one of {', '.join(TIERS)}")
    if fact.get("status") not in STATUSES:
        problems.append(f"{where}: status {fact.get('status')!r} is not one of {', '.join(STATUSES)}")
    label = fact.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append(f"{where}: label must be the label as written")
    elif label != label.lower():
        problems.append(f"{where}: label must be lower case")
    else:
        by_rules = tier_of_label(label)
        ladder_phrase = any(t in (fact.get("tags") or []) for t in ("ladder", "ordinal"))
        if by_rules is not None and by_rules != fact.get("tier") and not ladder_phrase:
            problems.append(f"{where}: label {label!r} has tier {by_rules} by the label rules, not {fact.get('tier')}")
    _check_date(where, fact, problems)
    indices = fact.get("sentences")
    if not isinstance(indices, list) or not indices or not all(isinstance(i, int) and 0 <= i < n_sentences for i in indices):
        problems.append(f"{where}: sentences must list the indices of the sentences stating the fact")
    for tag in fact.get("tags") or []:
        if tag not in FRAMEWORK_TAGS:
            problems.append(f"{where}: unknown tag {tag!r}")


def check_article(article: dict[str, Any], text: str | None) -> list[str]:
    """Every problem of an annotated article (empty when it is right). ``text`` is its cleaned
    text when known: offsets and hashes are then checked against it."""
    problems: list[str] = []
    if article.get("format") != FORMAT:
        problems.append(f"format must be {FORMAT!r}")
    if not article.get("id"):
        problems.append("id is missing")
    record = article.get("record")
    if not isinstance(record, dict):
        problems.append("record must be an object")
        record = {}
    codes = _known_codes()
    sentences = article.get("sentences")
    if not isinstance(sentences, list) or not sentences:
        problems.append("sentences must be a non-empty list")
        sentences = []
    if text is not None and article.get("text_sha256") not in (None, sha256_hex(text)):
        problems.append("text_sha256 does not match the cleaned text (the text or the cleaning changed)")
    pos = 0
    for i, sentence in enumerate(sentences):
        where = f"sentence {i}"
        if not isinstance(sentence, dict):
            problems.append(f"{where}: must be an object")
            continue
        if sentence.get("index") != i:
            problems.append(f"{where}: index is {sentence.get('index')!r}")
        start, end = sentence.get("start"), sentence.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not pos <= start < end:
            problems.append(f"{where}: offsets {start!r}-{end!r} out of order")
        elif text is not None:
            if text[pos:start].strip():
                problems.append(f"{where}: text left unlisted before it")
            if sentence.get("sha256") != sentence_hash(text[start:end]):
                problems.append(f"{where}: sha256 does not match text[{start}:{end}]")
            if "text" in sentence and sentence["text"] != text[start:end]:
                problems.append(f"{where}: text differs from text[{start}:{end}]")
            pos = end
        else:
            pos = end
        events = sentence.get("events")
        if events == "none":
            pass
        elif isinstance(events, list) and events:
            for j, event in enumerate(events):
                check_event(f"{where} event {j}", event, codes, problems)
        else:
            problems.append(f"{where}: events must be \"none\" or a non-empty list")
        for tag in sentence.get("tags") or []:
            if tag not in EVENT_TAGS:
                problems.append(f"{where}: unknown tag {tag!r}")
    if text is not None and text[pos:].strip():
        problems.append("text left unlisted after the last sentence")
    frameworks = article.get("frameworks")
    if not isinstance(frameworks, list):
        problems.append("frameworks must be a list")
        frameworks = []
    seen: set[tuple[Any, ...]] = set()
    for k, fact in enumerate(frameworks):
        check_framework(f"framework {k}", fact, codes, len(sentences), problems)
        if isinstance(fact, dict):
            key = (fact.get("a"), fact.get("b"), fact.get("tier"), fact.get("status"), fact.get("date"))
            if key in seen:
                problems.append(f"framework {k}: the same (pair, tier, status, date) twice")
            seen.add(key)
    return problems


# ------------------------------------------------------------------------------------ loading

def iter_article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The ``*.json`` files named or found (recursively, sorted) under ``paths``."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder", reason="not-found")


def load_article(path: str | Path, texts: Mapping[str, str] | None = None) -> AnnotatedArticle:
    """Load and check one annotated article. A record without text or HTML (a list of real
    articles) takes its text from ``texts`` (record id -> rebuilt record text) when given."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable JSON file ({exc})", reason="bad-annotation") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a JSON object", reason="bad-annotation")
    record = dict(data.get("record") or {})
    if not (record.get("text") or record.get("html")) and texts is not None:
        rebuilt = texts.get(str(record.get("id") or data.get("id")))
        if rebuilt is not None:
            record["text"] = rebuilt
            data = {**data, "record": record}
    text = cleaned_text(record) if (record.get("text") or record.get("html")) else None
    article = AnnotatedArticle(str(path), data, text)
    article.problems = check_article(data, text)
    return article
