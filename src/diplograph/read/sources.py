"""Where the bytes come from: paths, folders and gzip streams (with size and bomb guards), and
which format they hold (by extension, declared content type and a look at the first bytes)."""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, TooLargeError

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096
# below this many decompressed bytes the ratio test is not applied: a small, repetitive text
# compresses very well without being a bomb
BOMB_FLOOR = 1 << 20

_EXTENSION_KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
}
_CONTENT_TYPE_KINDS: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/plain": "text", "application/warc": "warc",
}


@dataclass
class Source:
    """One readable thing: a file or a fetched body. ``open`` returns a fresh binary stream."""

    label: str  # what RawRecord.input / Rejected.input say
    name: str  # a file name (or URL path) whose extension hints at the format
    open: Callable[[], BinaryIO]
    size: int | None = None  # bytes on disk (or fetched), when known
    content_type: str | None = None  # declared by a server
    charset: str | None = None
    url: str | None = None  # the final URL, for fetched sources
    compressed: bool = False


def walk(path: Path) -> Iterator[Path | InputError]:
    """Files under a folder, recursively, sorted, hidden names skipped; an unreadable
    sub-folder becomes an InputError in the stream (the walk goes on)."""
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(f"cannot list folder {path}", reason="unreadable", detail=str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk(child)
        else:
            yield child


def file_source(path: Path) -> Source:
    """A Source for a regular file; InputError for anything else (missing, a FIFO, a device)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}", reason="not-found", detail=f"{path} does not exist") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}", reason="unreadable", detail=str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        # never open a FIFO or a device: the read could block forever or never end
        raise InputError(f"not a regular file: {path}", reason="unreadable",
                         detail=f"{path} is not a regular file (a pipe, socket or device)")
    if not os.access(path, os.R_OK):
        raise InputError(f"permission denied: {path}", reason="unreadable", detail=f"{path} is not readable")

    def opener() -> BinaryIO:
        try:
            return open(path, "rb")
        except OSError as exc:
            raise InputError(f"cannot open {path}", reason="unreadable", detail=str(exc)) from None

    return Source(label=str(path), name=path.name, open=opener, size=info.st_size)


def bytes_source(label: str, name: str, data: bytes, **kwargs: object) -> Source:
    return Source(label=label, name=name, open=lambda: io.BytesIO(data), size=len(data), **kwargs)  # type: ignore[arg-type]


class GuardedGzip(io.RawIOBase):
    """A gzip stream that refuses decompression bombs and names truncation.

    Raises InputError("decompression-bomb") when the decompressed size passes ``limit`` or the
    ratio of decompressed to compressed bytes passes ``max_ratio`` (past a 1 MiB floor), and
    InputError("truncated-gzip") / ("bad-gzip") for a cut or corrupt stream."""

    def __init__(self, raw: BinaryIO, limit: int | None, max_ratio: int) -> None:
        super().__init__()
        self._raw = raw
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self._limit = limit
        self._max_ratio = max_ratio
        self.decompressed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            n = self._gzip.readinto(buffer)
        except EOFError as exc:
            raise InputError("truncated gzip", reason="truncated-gzip",
                             detail=f"the compressed stream ends early ({exc})") from None
        except (gzip.BadGzipFile, zlib.error, OSError) as exc:
            raise InputError("corrupt gzip", reason="bad-gzip", detail=str(exc)) from None
        self.decompressed += n
        if self._limit is not None and self.decompressed > self._limit:
            raise InputError("decompressed size over the limit", reason="decompression-bomb",
                             detail=f"more than {self._limit} bytes once decompressed (max_bytes)")
        if self.decompressed > BOMB_FLOOR:
            compressed = max(1, self._raw.tell())
            if self.decompressed / compressed > self._max_ratio:
                raise InputError("decompression bomb", reason="decompression-bomb",
                                 detail=f"decompresses {self.decompressed / compressed:.0f}x "
                                        f"(max_decompression_ratio {self._max_ratio})")
        return n

    def close(self) -> None:
        try:
            self._gzip.close()
        finally:
            self._raw.close()
            super().close()


def open_guarded(source: Source, limit: int | None, max_ratio: int) -> BinaryIO:
    """The source's bytes, decompressed when it is a gzip."""
    raw = source.open()
    if not source.compressed:
        return raw
    return io.BufferedReader(GuardedGzip(raw, limit, max_ratio), buffer_size=65536)  # type: ignore[return-value]


def read_limited(stream: BinaryIO, limit: int, label: str) -> bytes:
    """All of ``stream``, or TooLargeError when it holds more than ``limit`` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"{label} is over the size limit", detail=f"more than {limit} bytes (max_bytes)")
    return data


def strip_gz(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        return name[:-3]
    if lower.endswith(".tgz"):
        return name[:-4] + ".tar"
    return name


def extension_kind(name: str) -> str | None:
    suffix = Path(name.split("?")[0].split("#")[0]).suffix.lower()
    return _EXTENSION_KINDS.get(suffix)


def content_type_kind(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return _CONTENT_TYPE_KINDS.get(content_type.split(";")[0].strip().lower())


def sniff_kind(head: bytes) -> str:
    """The format that the first bytes show; 'text' when nothing else fits."""
    sample = head[:SNIFF_BYTES]
    for bom in (b"\xef\xbb\xbf",):
        if sample.startswith(bom):
            sample = sample[len(bom):]
    lower = sample.lstrip().lower()
    if lower.startswith(b"warc/"):
        return "warc"
    if lower.startswith(b"<?xml") or lower.startswith(b"<rss") or lower.startswith(b"<feed") \
            or lower.startswith(b"<rdf:rdf"):
        if b"<html" in lower and not any(tag in lower for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "html"
        return "feed"
    if lower.startswith(b"<!doctype html") or lower.startswith(b"<html") or lower.startswith(b"<!--") \
            or any(tag in lower[:1024] for tag in (b"<body", b"<head", b"<div", b"<p>", b"<article")):
        return "html"
    if lower.startswith(b"{"):
        return "jsonl"
    if lower.startswith(b"["):
        return "json"
    return "text"


def _first_line_is_json(head: bytes) -> bool:
    line = head.lstrip().split(b"\n", 1)[0]
    if len(line) >= len(head.lstrip()) and len(head) >= SNIFF_BYTES:
        return True  # a first line longer than the sample: assume JSON Lines (long records)
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def detect_kind(name: str, head: bytes, content_type: str | None) -> str:
    """The reader to use: extension first, then the declared content type, then the bytes.
    A '.txt' (or text/plain) that is really an HTML page is read as HTML; a '.json' that
    starts with '{' on its first line is JSON Lines."""
    kind = extension_kind(name) or content_type_kind(content_type)
    sniffed = sniff_kind(head)
    if sniffed == "jsonl" and not _first_line_is_json(head):
        sniffed = "json"  # one pretty-printed object, not JSON Lines
    if kind is None:
        return sniffed
    if kind == "text" and sniffed in {"html", "warc"}:
        return sniffed
    if kind == "json" and sniffed == "jsonl":
        return "jsonl"
    if kind == "feed" and sniffed == "html":
        return "html"
    if kind == "html" and sniffed == "feed" and b"<html" not in head[:SNIFF_BYTES].lower():
        return "feed"
    return kind
