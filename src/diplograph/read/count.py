"""How many records a run will read, where that can be known cheaply before reading: for a
progress bar's total and time left. Plain text and HTML files hold one record each, a JSON Lines
file one per non-blank line; for anything else (URLs, feeds, CSV, WARC, gzip) the count is
unknown and so is the total."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .sources import GZIP_MAGIC, SNIFF_BYTES, detect_kind, walk
from .urls import is_url

# scanning JSON Lines for their line count reads the files once more: not past this many bytes
MAX_SCAN_BYTES = 2_000_000_000
_ONE_RECORD_KINDS = ("text", "html")


class _Unknown(Exception):
    pass


def count_records(inputs: Sequence[str], max_scan_bytes: int = MAX_SCAN_BYTES) -> int | None:
    """The number of records (documents and rejects) reading ``inputs`` yields, or None when some
    input's count cannot be known without reading it as the run will."""
    budget = [max_scan_bytes]
    total = 0
    try:
        for item in inputs:
            if is_url(str(item)):
                return None
            path = Path(str(item)).expanduser()
            if path.is_dir():
                for child in walk(path):
                    if not isinstance(child, Path):
                        total += 1  # an unreadable folder is one reject
                        continue
                    total += _file_records(child, budget)
            else:
                total += _file_records(path, budget)
    except _Unknown:
        return None
    return total


def _file_records(path: Path, budget: list[int]) -> int:
    try:
        if not path.is_file():
            return 1  # missing, or not a regular file: one reject
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return 1  # unreadable: one reject
    if not head or head.startswith(GZIP_MAGIC):
        if not head:
            return 1  # empty: one reject
        raise _Unknown
    kind = detect_kind(path.name, head, None)
    if kind in _ONE_RECORD_KINDS:
        return 1
    if kind != "jsonl":
        raise _Unknown
    size = path.stat().st_size
    if size > budget[0]:
        raise _Unknown
    budget[0] -= size
    with path.open("rb") as stream:
        lines = sum(1 for line in stream if line.strip())
    return max(1, lines)  # a file of blank lines is one reject ("empty")
