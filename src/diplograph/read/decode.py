"""Bytes to text: which encoding, and whether the bytes are text at all.

In order (measured with bench/bench_encodings.py; the figures are in docs/reading.md):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a BOM, from its NUL bytes: text with ASCII, digits or spaces in it has a NUL in
   one byte of those characters' pairs, always the same one (the high byte: odd offsets in
   little-endian, even offsets in big-endian);
3. strict UTF-8 (most news; a strict decode is cheap and almost never succeeds by accident);
4. otherwise each candidate encoding (cp1252, cp1250, cp1251, GB18030, Shift-JIS, UTF-16 LE/BE,
   and charset-normalizer's own guesses) decodes the bytes and the most plausible text wins:
   accented letters that all belong to one language's alphabet (``data/alphabets.json``: "Señor
   Muñoz" is Spanish; read as cp1250 it would be "Seńor Muńoz", a Polish letter among Spanish
   ones), no letters of two scripts in one word, no control or unassigned characters, no stray
   symbols inside words, kana for Japanese. A tie goes to the candidate first in the list (cp1252:
   the most common legacy encoding of news).

Bytes that are none of these (many NUL or control bytes) are binary, not text."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536  # bytes looked at to choose an encoding
_BINARY_SAMPLE = 8192
_SCORED_CHARS = 16384  # characters of each candidate's text that are scored
# the share of control bytes (NUL included) above which bytes are not text: a few stray NULs or
# controls in a text are removed at reading (read.controls); a JPEG or a zip has about 11 %
_BINARY_CONTROL_SHARE = 0.05
# UTF-16 by its NULs: at least this share of the pairs hold a NUL at one offset...
_UTF16_NUL_SHARE = 0.05
# ... and at most this many times as few at the other
_UTF16_OTHER_SIDE = 0.1
# a UTF-16 reading by NULs is taken when at most this share of its characters are unreadable
# (16-bit binary data has NULs in a pattern too)
_UTF16_UNREADABLE = 0.01
# a UTF-16 candidate this plausible is text even when its bytes look binary (CJK without a BOM:
# punctuation such as U+3001 has a control byte in it)
_UTF16_CONFIDENT = 0.8
# UTF-16 without NULs (CJK text without a BOM, ASCII or newline) is a candidate only when at least
# this share of the bytes are over 0x7F: in such text a fifth (kana) to a half (hanzi) are; in a
# single-byte text with a few accented letters a few percent are, and read as UTF-16 its ASCII
# pairs would make CJK characters
_UTF16_HIGH_BYTES = 0.1
# tried in this order; ties go to the first
_CANDIDATES = ("cp1252", "cp1250", "cp1251", "gb18030", "shift_jis", "utf-16-le", "utf-16-be")
# the labels that mean windows-1252 in practice (the WHATWG encoding standard): a page declared
# ISO-8859-1 holds cp1252 quotes and dashes
_DECLARED_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                     "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso_8859-1": "cp1252"}
_TYPOGRAPHY = frozenset("“”‘’„‚‹›«»–—…•·€£¥¢§©®™°¡¿†‡\u00a0\u2009\u202f")
_LETTERS = re.compile(r"[^\W\d_]+")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(sample)


def guess_encoding(data: bytes) -> str:
    """The most likely encoding of ``data`` (a prefix is enough); cp1252 for bytes that look
    binary (callers that must refuse those use :func:`detect_encoding`)."""
    return detect_encoding(data) or "cp1252"


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data`` (see the module's docstring), or None when it is not text."""
    sample = data[:_SAMPLE]
    if not sample:
        return "utf-8"
    bom = bom_encoding(sample)
    if bom:
        return bom
    utf16 = _utf16_by_nuls(sample)
    if utf16:
        return utf16
    if _decodes(sample, "utf-8"):
        # NUL and control bytes are valid UTF-8: a file of them is still binary
        return None if _control_share(sample[:_BINARY_SAMPLE]) > _BINARY_CONTROL_SHARE else "utf-8"
    best, score = _most_plausible(sample)
    if best and best.startswith("utf-16") and score >= _UTF16_CONFIDENT:
        return best
    if _control_share(sample[:_BINARY_SAMPLE]) > _BINARY_CONTROL_SHARE:
        return None
    return best or "cp1252"


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` as text; raise InputError("binary") for binary content.

    ``declared`` (an HTTP or XML charset) is used when it decodes the bytes cleanly and no BOM
    says otherwise."""
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError("binary content, not text", reason="binary",
                         detail="the input holds NUL or control bytes; it is not a text document")
    if declared and bom_encoding(data[:4]) is None:
        name = _DECLARED_ALIASES.get(declared.strip().lower(), declared.strip())
        try:
            return _strip_bom(data.decode(name))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        # chosen from the first 64 KB; a bad byte further on is replaced, not a reason to lose the text
        text = data.decode(encoding if _known(encoding) else "cp1252", errors="replace")
    return _strip_bom(text)


def _strip_bom(text: str) -> str:
    # control characters are taken out (and recorded) for every record at once: read.controls
    return text.lstrip("\ufeff")


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _decodes(sample: bytes, encoding: str) -> str | None:
    """``sample`` decoded strictly, a character cut at its end forgiven; None when it does not decode."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        return decoder.decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_by_nuls(sample: bytes) -> str | None:
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0:2 * pairs:2].count(0)
    odd = sample[1:2 * pairs:2].count(0)
    # little-endian: the high byte (odd offsets) of an ASCII character is the NUL
    for encoding, dominant, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if dominant >= max(2, _UTF16_NUL_SHARE * pairs) and other <= _UTF16_OTHER_SIDE * dominant:
            text = _decodes(sample[:2 * pairs], encoding)
            # text, not a 16-bit pattern: a few different characters and almost no unreadable ones
            if text is not None and len(set(text)) >= min(8, len(text) // 4 + 1) \
                    and _unreadable_share(text) <= _UTF16_UNREADABLE:
                return encoding
    return None


def _unreadable_share(text: str) -> float:
    """The share of characters that no text holds: controls (but tab, newline, carriage return),
    unassigned and private-use code points."""
    if not text:
        return 0.0
    unreadable = sum(1 for c in text if c not in "\t\n\r" and unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs"))
    return unreadable / len(text)


def _most_plausible(sample: bytes) -> tuple[str | None, float]:
    """The candidate encoding whose text scores best, with its score."""
    best: str | None = None
    best_score = float("-inf")
    for encoding in _candidates(sample):
        chunk = sample[:len(sample) // 2 * 2] if encoding.startswith("utf-16") else sample
        text = _decodes(chunk, encoding)
        if text is None:
            continue
        score = _plausibility(text[:_SCORED_CHARS])
        if score > best_score + 1e-9:
            best, best_score = encoding, score
    return best, best_score


def _candidates(sample: bytes) -> list[str]:
    names = list(_CANDIDATES)
    if sum(1 for b in sample[:_BINARY_SAMPLE] if b > 0x7F) < _UTF16_HIGH_BYTES * min(len(sample), _BINARY_SAMPLE):
        names = [n for n in names if not n.startswith("utf-16")]
    try:
        guesses = [match.encoding for match in from_bytes(sample[:16384])][:3]
    except Exception:  # noqa: BLE001 - a detector's failure must not stop the reading
        guesses = []
    for guess in guesses:
        try:
            name = codecs.lookup(guess).name
        except LookupError:
            continue
        if name not in names and not name.startswith(("utf-16", "utf-32", "utf-8")):
            names.append(name)
    names.append("latin-1")  # always decodes: the last resort
    return names


@lru_cache(maxsize=1)
def _alphabets() -> tuple[frozenset[str], ...]:
    raw = json.loads(resources.files("diplograph.read").joinpath("data/alphabets.json").read_text("utf-8"))
    return tuple(frozenset(letters) for letters in raw["latin"].values())


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x370 <= code <= 0x3FF:
        return "greek"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF:  # not extension A (U+3400-4DBF): rare, and what ASCII pairs read as UTF-16 make
        return "han"
    if 0xAC00 <= code <= 0xD7AF:
        return "hangul"
    if 0x590 <= code <= 0x6FF:
        return "hebrew-arabic"
    if 0xE00 <= code <= 0xE7F:
        return "thai"
    return "other"


def _plausibility(text: str) -> float:
    """How much ``text`` looks like text written in one language and script: about 1 for real
    text, lower (down to negative) for a text decoded with the wrong code page."""
    good = bad = 0.0
    seen = 0
    latin: Counter[str] = Counter()
    for index, char in enumerate(text):
        code = ord(char)
        if code < 0x80:
            continue
        seen += 1
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Co", "Cn", "Cs") or char == "\ufffd":
            bad += 1
        elif category[0] == "L":
            script = _script(char)
            if script == "latin":
                latin[char.lower()] += 1
            elif script == "other":
                bad += 0.5
            elif 0xFF61 <= code <= 0xFF9F:
                bad += 0.5  # half-width katakana: a sign of Shift-JIS read from other bytes
            else:
                good += 1.5 if script == "kana" else 1
        elif 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E:
            good += 1  # CJK and full-width punctuation
        elif _inside_word(text, index):
            bad += 1  # "Pó³noc": a symbol between letters is a letter of another code page
        elif char in _TYPOGRAPHY:
            good += 1
    if latin:
        total = sum(latin.values())
        fitting = max(sum(n for letter, n in latin.items() if letter in alphabet) for alphabet in _alphabets())
        good += fitting
        bad += (total - fitting) * 0.5
    bad += _mixed_words(text)
    return (good - 2 * bad) / max(1, seen)


def _inside_word(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def _mixed_words(text: str) -> int:
    """Words whose letters come from two scripts ('Seсor': a Cyrillic letter in a Latin word)."""
    mixed = 0
    for word in _LETTERS.findall(text):
        if word.isascii():
            continue
        scripts = {_script(c) for c in word} - {"kana"}  # Japanese writes kanji and kana in one word
        if len(scripts) > 1:
            mixed += 1
    return mixed
