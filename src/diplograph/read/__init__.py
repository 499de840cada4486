"""Reading: every kind of news input becomes a stream of RawRecords (or Rejected items).

Inputs are file paths, folders (recursive, sorted, hidden names skipped) and http(s) URLs.
Formats: plain text (any encoding), HTML, JSON Lines / JSON, CSV/TSV with a header, RSS/Atom,
WARC, and gzip of any of these. Nothing raises out of :func:`iter_records` for a bad input: it
becomes ``Rejected(input, reason, detail)`` and the iteration goes on. See docs/reading.md."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..dates.publication import publication_date_option
from ..errors import InputError
from ..model import Rejected
from ..settings import Options
from .controls import scrub_record, scrub_rejected
from .formats import PUBLISHED_ALIASES, READERS
from .record import RawRecord
from .sources import (
    GZIP_MAGIC,
    SNIFF_BYTES,
    Source,
    bytes_source,
    detect_kind,
    file_source,
    open_guarded,
    strip_gz,
    walk,
)
from .urls import Fetched, fetch, is_url

logger = logging.getLogger(__name__)

_DATE_FIELDS = frozenset(("published", *PUBLISHED_ALIASES))

__all__ = ["Fetched", "RawRecord", "Source", "check_inputs_exist", "fetch", "iter_records", "read_source"]


def check_inputs_exist(inputs: Sequence[str]) -> None:
    """InputError when not one of ``inputs`` names something there (a URL counts as there until it
    is fetched): a run that could read nothing stops before it stores anything. A missing path
    among others is only that input's reject."""
    items = [str(item) for item in inputs]
    if not items:
        raise InputError("no input given", reason="no-input")
    for item in items:
        if is_url(item):
            return
        try:
            if Path(item).expanduser().exists():
                return
        except OSError:
            return  # there, though it cannot be looked at: its reject will say why
    shown = ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
    what = "it does not exist" if len(items) == 1 else f"none of the {len(items)} inputs exists"
    raise InputError(f"nothing to read: {what} ({shown})", reason="not-found")


def iter_records(inputs: Sequence[str], options: Options) -> Iterator[RawRecord | Rejected]:
    """Every record of every input, in order; problems come out as Rejected items.

    ``options.published`` ('YYYY-MM-DD') and ``options.url`` override what each record says.
    Control characters are taken out of every record here (read.controls)."""
    published = publication_date_option(options.published)
    for item in inputs:
        for record in _iter_input(str(item), options):
            if isinstance(record, Rejected):
                yield scrub_rejected(record)
                continue
            scrub_record(record)
            if published is not None:
                record.published = published
                record.warnings = [w for w in record.warnings if w["field"] not in _DATE_FIELDS]
            if options.url:
                record.url = options.url
            yield record


def _iter_input(item: str, options: Options) -> Iterator[RawRecord | Rejected]:
    if is_url(item):
        try:
            page = fetch(item, options)
        except InputError as exc:
            yield Rejected(item, exc.reason, exc.detail or exc.message)
            return
        name = Path(page.url.split("?", 1)[0].split("#", 1)[0]).name or "index.html"
        source = bytes_source(item, name, page.content, content_type=page.content_type,
                              charset=page.charset, url=page.url)
        yield from read_source(source, options)
        return
    path = Path(item).expanduser()
    try:
        is_dir = path.is_dir()
    except OSError:
        is_dir = False
    if is_dir:
        for child in walk(path):
            if isinstance(child, InputError):
                yield Rejected(str(path), child.reason, child.detail or child.message)
                continue
            yield from _read_path(child, options)
        return
    yield from _read_path(path, options)


def _read_path(path: Path, options: Options) -> Iterator[RawRecord | Rejected]:
    try:
        source = file_source(path)
    except InputError as exc:
        yield Rejected(str(path), exc.reason, exc.detail or exc.message)
        return
    yield from read_source(source, options)


def read_source(source: Source, options: Options) -> Iterator[RawRecord | Rejected]:
    """The records of one source; any failure becomes one Rejected for the source (records
    already yielded stay yielded)."""
    try:
        yield from _dispatch(source, options)
    except InputError as exc:
        yield Rejected(source.label, exc.reason, exc.detail or exc.message)
    except MemoryError:
        yield Rejected(source.label, "too-large", "not enough memory to read it")
    except OSError as exc:
        yield Rejected(source.label, "unreadable", str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the batch
        logger.exception("reading %s failed", source.label)
        yield Rejected(source.label, "read-failed", f"{type(exc).__name__}: {exc}")


def _dispatch(source: Source, options: Options) -> Iterator[RawRecord | Rejected]:
    with source.open() as stream:
        head = stream.read(SNIFF_BYTES)
    if not head:
        raise InputError(f"{source.label} is empty", reason="empty", detail="0 bytes")
    name = source.name
    if head.startswith(GZIP_MAGIC):
        inner_name = strip_gz(name)
        source.compressed = True
        with open_guarded(source, None, options.max_decompression_ratio) as inner:
            inner_head = inner.read(SNIFF_BYTES)
        if inner_head.lstrip().lower().startswith(b"warc/"):
            # WARC readers decompress record by record themselves
            source.compressed = False
            kind = "warc"
        else:
            if not inner_head:
                raise InputError(f"{source.label} is empty", reason="empty", detail="an empty gzip")
            if inner_head.startswith(GZIP_MAGIC):
                raise InputError("gzip inside gzip", reason="binary", detail="nested compression is not read")
            kind = detect_kind(inner_name, inner_head, None)
    else:
        kind = detect_kind(name, head, source.content_type)
    logger.debug("%s: reading as %s", source.label, kind)
    yield from READERS[kind](source, options)
