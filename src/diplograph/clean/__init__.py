"""Cleaning: a RawRecord becomes a Document (story text, title, language, content hash id).

HTML goes through trafilatura; plain text through layout rules that drop site chrome and teaser
headlines of other stories (see :mod:`diplograph.clean.text` and docs/reading.md). What was
removed is kept in ``Document.removed``."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Iterator, Sequence

from ..dates.publication import publication_date_option
from ..errors import InputError
from ..model import Document, Rejected
from ..read import RawRecord, check_inputs_exist, iter_records
from ..read.controls import describe_controls, scrub_record, strip_controls
from ..settings import Options
from .html import clean_html
from .language import detect_language
from .lines import normalize
from .text import CleanedText, clean_text

logger = logging.getLogger(__name__)

__all__ = [
    "CleanedText",
    "clean_html",
    "clean_inputs",
    "clean_record",
    "clean_text",
    "detect_language",
    "document_body",
    "document_id",
    "normalize",
]


def document_id(text: str) -> str:
    """The content hash of a document: sha256 (first 32 hex digits) of the normalized text
    (NFKC, quotes unified, whitespace collapsed, casefolded)."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:32]


def document_body(document: Document) -> str:
    """The document text without its title line."""
    if document.title_span is None:
        return document.text
    return document.text[document.title_span[1]:].lstrip("\n")


def clean_record(raw: RawRecord, options: Options) -> Document:
    """Clean one record. InputError(reason="no-text") when it has no text or HTML,
    ("empty-after-cleaning") when nothing of a story is left.

    Control characters are gone before the text is hashed: a record that did not come through
    ``iter_records`` (the API's) is scrubbed here, and what HTML extraction turns into one
    (``&#1;``) is taken out of the cleaned text."""
    detected_date: dt.date | None = None
    scrub_record(raw)
    record_title = " ".join(raw.title.split()) if raw.title else None
    if raw.text and raw.text.strip():
        cleaned = clean_text(raw.text, record_title)
    elif raw.html and raw.html.strip():
        cleaned, detected_date = clean_html(raw.html, raw.url, title=record_title)
    else:
        raise InputError("no text", reason="no-text", detail="the record has neither text nor HTML")
    extracted: Counter[str] = Counter()
    body = strip_controls(cleaned.text, extracted).strip()
    if not body:
        raise InputError("nothing left after cleaning", reason="empty-after-cleaning",
                         detail=f"every line was boilerplate ({len(cleaned.removed)} removed)")
    title = record_title or (" ".join(strip_controls(cleaned.title, extracted).split()) if cleaned.title else None)
    if title:
        text = f"{title}\n\n{body}"
        title_span: tuple[int, int] | None = (0, len(title))
    else:
        text, title_span = body, None
    return Document(
        doc_id=document_id(text),
        text=text,
        title=title,
        url=options.url or raw.url,
        published=publication_date_option(options.published) or raw.published or detected_date,
        record_id=raw.record_id,
        input=raw.input,
        language=detect_language(body),
        removed=[*raw.removed, *([describe_controls(extracted)] if extracted else []), *cleaned.removed],
        title_span=title_span,
        warnings=list(raw.warnings),
    )


def clean_inputs(inputs: Sequence[str], options: Options) -> Iterator[Document | Rejected]:
    """Read and clean every input: Documents, and Rejected items for what could not be used
    (InputError at once when not one of the inputs exists)."""
    check_inputs_exist(inputs)
    for item in iter_records(inputs, options):
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            yield clean_record(item, options)
        except InputError as exc:
            yield Rejected(item.input, exc.reason, exc.detail or exc.message, item.record_id)
        except Exception as exc:  # noqa: BLE001 - one bad document must never stop the batch
            logger.exception("cleaning %s failed", item.input)
            yield Rejected(item.input, "clean-failed", f"{type(exc).__name__}: {exc}", item.record_id)
