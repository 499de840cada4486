"""One reader per input format. Each takes a Source and yields RawRecords, or Rejected items
for the records it cannot read; a problem with the whole source is raised as InputError (the
caller turns it into one Rejected and goes on)."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..dates.publication import read_publication_date
from ..errors import InputError, TooLargeError
from ..model import Rejected
from ..settings import Options
from .decode import decode_text, detect_encoding, guess_encoding
from .plain import field_type_problem, json_syntax_problem, not_an_object
from .record import RawRecord
from .sources import Source, open_guarded, read_limited

logger = logging.getLogger(__name__)

RecordStream = Iterator[RawRecord | Rejected]

# the contract's field names and the common variants met in news dumps
_FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "record_id", "doc_id", "guid", "uuid", "newid"),
    "url": ("url", "link", "href", "source_url"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate", "publication_date", "datetime"),
    "text": ("text", "body", "content", "article", "story"),
    "html": ("html", "raw_html", "page"),
}
PUBLISHED_ALIASES = _FIELD_ALIASES["published"]
_XML_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")


def single_document_bytes(source: Source, options: Options) -> bytes:
    """The whole source, within max_bytes; InputError for an empty one."""
    if source.size is not None and not source.compressed and source.size > options.max_bytes:
        raise TooLargeError(f"{source.label} is over the size limit",
                            detail=f"{source.size} bytes > max_bytes {options.max_bytes}")
    with open_guarded(source, options.max_bytes, options.max_decompression_ratio) as stream:
        data = read_limited(stream, options.max_bytes, source.label)
    if not data.strip():
        raise InputError(f"{source.label} is empty", reason="empty", detail="no content (0 bytes or only whitespace)")
    return data


def read_text(source: Source, options: Options) -> RecordStream:
    data = single_document_bytes(source, options)
    text = decode_text(data, source.charset)
    if not text.strip():
        raise InputError(f"{source.label} is empty", reason="empty", detail="only whitespace")
    yield RawRecord(input=source.label, url=source.url, text=text)


def read_html(source: Source, options: Options) -> RecordStream:
    data = single_document_bytes(source, options)
    html = decode_text(data, source.charset or _meta_charset(data))
    yield RawRecord(input=source.label, url=source.url, html=html)


def _meta_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def record_from_mapping(mapping: dict[str, Any], label: str, source: Source) -> RawRecord | Rejected:
    """A RawRecord from a JSON object or CSV row in the contract's shape."""
    lowered = {str(k).strip().lower(): v for k, v in mapping.items()}

    def named_field(name: str) -> tuple[str, Any]:
        for alias in _FIELD_ALIASES[name]:
            value = lowered.get(alias)
            if value not in (None, ""):
                return alias, value
        return name, None

    def field(name: str) -> Any:
        return named_field(name)[1]

    record_id = field("id")
    record_id = None if record_id is None else str(record_id)
    for name, value in (named_field("text"), named_field("html")):
        if value is not None and not isinstance(value, str):
            return Rejected(label, "bad-field", field_type_problem(name, value), record_id)
    text, html = field("text"), field("html")
    if not isinstance(text, str) or not text.strip():
        text = None
    if not isinstance(html, str) or not html.strip():
        html = None
    if text is None and html is None:
        return Rejected(label, "no-text", "the record has neither a 'text' nor an 'html' field with content", record_id)
    title = field("title")
    url = field("url")
    record = RawRecord(
        input=label,
        record_id=record_id,
        url=str(url) if url is not None else source.url,
        title=str(title).strip() if title is not None and str(title).strip() else None,
        text=text,
        html=html,
    )
    date_field, date_value = named_field("published")
    record.published = published_date(record, date_field, date_value)
    return record


def published_date(record: RawRecord, name: str, value: Any) -> Any:
    """The record's publication date from field ``name``; a value that is not a clear date gives
    None and a warning on the record (the record itself is kept)."""
    reading = read_publication_date(value)
    if reading.reason is not None:
        shown = value if isinstance(value, str) else json.dumps(value, default=str)
        record.warnings.append({"input": record.input, "field": name, "value": str(shown)[:100],
                                "reason": reading.reason, "detail": reading.detail or ""})
    return reading.date


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line longer than ``limit``
    (which is skipped without being held in memory)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(65536)
            yield number, None
            continue
        yield number, line


def read_jsonl(source: Source, options: Options) -> RecordStream:
    """One JSON object a line, streamed; max_bytes applies to each line."""
    seen = 0
    with open_guarded(source, None, options.max_decompression_ratio) as stream:
        for number, line in _lines(stream, options.max_bytes):
            label = f"{source.label}#line {number}"
            if line is None:
                yield Rejected(label, "too-large", f"the line is longer than max_bytes {options.max_bytes}")
                continue
            if not line.strip():
                continue
            seen += 1
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                text = line.decode(guess_encoding(line), errors="replace")
            try:
                # a line cut inside a string ends there; strict=False: a raw control character inside
                # a string is read (and then removed with the others, read.controls), not a reason
                # to lose the record
                value = json.loads(text.rstrip("\r\n"), strict=False)
            except json.JSONDecodeError as exc:
                yield Rejected(label, "bad-json", json_syntax_problem(exc))
                continue
            if not isinstance(value, dict):
                yield Rejected(label, "bad-json", not_an_object(value))
                continue
            yield record_from_mapping(value, label, source)
    if seen == 0:
        raise InputError(f"{source.label} is empty", reason="empty", detail="no JSON lines")


def read_json(source: Source, options: Options) -> RecordStream:
    """A .json file: one object (one article) or an array of objects."""
    data = single_document_bytes(source, options)
    try:
        value = json.loads(decode_text(data), strict=False)
    except json.JSONDecodeError as exc:
        raise InputError("not JSON", reason="bad-json", detail=f"{exc.msg} at line {exc.lineno}") from None
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items, 1):
        label = f"{source.label}#item {index}" if isinstance(value, list) else source.label
        if not isinstance(item, dict):
            yield Rejected(label, "bad-json", not_an_object(item))
            continue
        yield record_from_mapping(item, label, source)


def read_csv(source: Source, options: Options, delimiter: str | None = None) -> RecordStream:
    """A CSV (or TSV) file with a header row naming the contract's columns, streamed."""
    with open_guarded(source, None, options.max_decompression_ratio) as raw:
        buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
        head = buffered.peek(65536)[:65536]
        if not head.strip():
            raise InputError(f"{source.label} is empty", reason="empty", detail="no CSV header")
        encoding = detect_encoding(head)
        if encoding is None:
            raise InputError("binary content, not CSV", reason="binary", detail="NUL or control bytes")
        text_stream = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
        if delimiter is None:
            sample = head.decode(encoding, errors="replace").split("\n", 1)[0]
            counts = {d: sample.count(d) for d in (",", ";", "\t", "|")}
            delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
        csv.field_size_limit(max(options.max_bytes, 131072))
        reader = csv.DictReader(text_stream, delimiter=delimiter)
        fields = [name.strip().lower() for name in reader.fieldnames or []]
        known = {alias for aliases in _FIELD_ALIASES.values() for alias in aliases}
        if not any(name in known for name in fields):
            raise InputError("CSV without a known header", reason="bad-csv",
                             detail=f"the header {fields[:8]} names none of id, url, title, published, text, html")
        try:
            for row in reader:
                label = f"{source.label}#row {reader.line_num}"
                yield record_from_mapping({k: v for k, v in row.items() if k is not None}, label, source)
        except csv.Error as exc:
            raise InputError("malformed CSV", reason="bad-csv", detail=f"line {reader.line_num}: {exc}") from None


def check_xml_safe(data: bytes) -> None:
    """Refuse XML that declares entities (the "billion laughs" expansion) or external references."""
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    if _XML_ENTITY_DECL.search(data[:1_000_000]):
        raise InputError("XML entity declarations refused", reason="unsafe-xml",
                         detail="the document declares XML entities (entity expansion is not allowed)")
    try:
        safe_tree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError("unsafe XML refused", reason="unsafe-xml", detail=str(exc) or type(exc).__name__) from None
    except Exception:  # noqa: BLE001 - malformed XML: feedparser's lenient parser deals with it
        logger.debug("feed is not well-formed XML; parsing leniently")


def read_feed(source: Source, options: Options) -> RecordStream:
    """RSS/Atom: each item an article; the linked page is fetched only when follow_feed_links."""
    import feedparser

    data = single_document_bytes(source, options)
    check_xml_safe(data)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        raise InputError("no feed items", reason="no-items",
                         detail=f"no RSS/Atom items found{f' ({problem})' if problem else ''}")
    for index, entry in enumerate(entries, 1):
        label = f"{source.label}#item {index}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value") or "" for c in entry["content"]), key=len)
        body = body or entry.get("summary") or entry.get("description") or ""
        link = entry.get("link")
        record = RawRecord(
            input=label,
            record_id=entry.get("id") or None,
            url=link or None,
            title=(entry.get("title") or "").strip() or None,
        )
        # the date as written (feedparser's parsed form is converted to UTC, which may change the day);
        # feedparser's reading of a form ours does not take comes second
        written = entry.get("published") or entry.get("updated")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if written and parsed is not None and read_publication_date(written).date is None:
            written = None
        record.published = published_date(record, "published", written or parsed)
        if options.follow_feed_links and link:
            from .urls import fetch

            try:
                page = fetch(link, options)
                record.html = decode_text(page.content, page.charset)
                record.url = page.url
            except InputError as exc:
                yield Rejected(label, exc.reason, f"{link}: {exc.detail or exc.message}", record.record_id)
                continue
        elif _TAG.search(body):
            record.html = body
        else:
            record.text = body
        if not (record.text or record.html or "").strip():
            yield Rejected(label, "no-text", "the item has no content, summary or followed link", record.record_id)
            continue
        yield record


def read_warc(source: Source, options: Options) -> RecordStream:
    """HTML responses from a WARC (plain or gzip per record); other records are skipped."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    found = 0
    with source.open() as stream:
        try:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True,
                                      auto_decode="all", fsspec_args=False)
            for number, record in enumerate(records, 1):
                label = f"{source.label}#record {number}"
                content_type = (record.http_content_type or "").lower()
                if "html" not in content_type:
                    continue
                status = getattr(record.http_headers, "status_code", 200)
                if status and not 200 <= int(status) < 300:
                    continue
                url = record.headers.get("WARC-Target-URI")
                if record.content_length > options.max_bytes:
                    yield Rejected(label, "too-large", f"record of {record.content_length} bytes > max_bytes")
                    continue
                payload = record.reader.read(options.max_bytes + 1)
                found += 1
                if not payload.strip():
                    yield Rejected(label, "empty", "empty HTTP body")
                    continue
                try:
                    html = decode_text(payload, record.http_charset or _meta_charset(payload))
                except InputError as exc:
                    yield Rejected(label, exc.reason, exc.detail or exc.message)
                    continue
                yield RawRecord(input=label, record_id=(record.record_id or "").strip("<>") or None, url=url, html=html)
        except OSError as exc:
            raise InputError("unreadable WARC", reason="bad-warc", detail=str(exc)) from None
    if found == 0:
        raise InputError("no HTML responses in the WARC", reason="no-html",
                         detail="the WARC holds no HTML response record")


READERS = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": lambda source, options: read_csv(source, options, "\t"),
    "feed": read_feed,
    "warc": read_warc,
}
