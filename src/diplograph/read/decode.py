"""Bytes to text: encoding detection and the binary-file test.

UTF-8 is tried first (most news is UTF-8 and a strict decode is cheap); otherwise
charset-normalizer guesses, and cp1252 is the last resort so that latin-1/cp1252 files never
crash the reader."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
# the share of control bytes (NUL included) above which bytes are not text: a few stray NULs or
# controls in a text are removed at reading (read.controls); a JPEG or a zip has about 11 %
_BINARY_CONTROL_SHARE = 0.05


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: many NUL or other control bytes
    in the first few kilobytes (outside UTF-16/32 with a BOM)."""
    sample = data[:_SAMPLE]
    if not sample or bom_encoding(sample) in {"utf-16", "utf-32"}:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def guess_encoding(data: bytes) -> str:
    """The most likely encoding of ``data`` (a prefix is enough)."""
    bom = bom_encoding(data)
    if bom:
        return bom
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of a sample is still UTF-8
        if exc.start >= len(data) - 3 and exc.reason.startswith("unexpected end"):
            return "utf-8"
    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        return best.encoding
    return "cp1252"


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` as text; raise InputError("binary") for binary content.

    ``declared`` (an HTTP or XML charset) is used when it decodes the bytes cleanly."""
    if looks_binary(data):
        raise InputError("binary content, not text", reason="binary",
                         detail="the input holds NUL or control bytes; it is not a text document")
    if declared:
        try:
            return _strip_bom(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = guess_encoding(data)
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        # charset-normalizer guessed from a prefix; cp1252 with replacement never fails
        text = data.decode("cp1252", errors="replace")
    return _strip_bom(text)


def _strip_bom(text: str) -> str:
    # control characters are taken out (and recorded) for every record at once: read.controls
    return text.lstrip("\ufeff")
