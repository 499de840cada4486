"""How often the reader decodes a text file right, by encoding: the measurement behind the
encoding detection of ``diplograph.read.decode`` (docs/reading.md, "Encodings").

    PYTHONPATH=src .venv/bin/python bench/bench_encodings.py [--verbose]

The texts are our own (bench/data/encoding_texts.json: news-like paragraphs in 20 languages and
scripts). Each text, whole and cut to its first sentence (short texts are the hard case), is
encoded in UTF-8, UTF-16 LE and BE with and without a BOM, and in its language's legacy code page
(Latin-1 and cp1252 for Western European languages, cp1250 for Central European ones, cp1251 for
Cyrillic, GB18030 for Chinese, Shift-JIS for Japanese). A case is right when the reader's text is
exactly the original (so "Señor" read as "Seńor" is wrong). Three readers are compared:

- ``diplograph``: ``read.decode.decode_text``, as the product reads plain text now;
- ``before``: the reader before issue 16 (BOM, strict UTF-8, charset-normalizer's best guess, cp1252;
  any NUL byte made the file binary);
- ``charset-normalizer``: ``from_bytes(data).best()`` alone.

Prints a table of detection rates; asserts nothing."""

from __future__ import annotations

import argparse
import codecs
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charset_normalizer import from_bytes  # noqa: E402

from diplograph.errors import InputError  # noqa: E402
from diplograph.read.decode import decode_text  # noqa: E402

TEXTS = ROOT / "bench" / "data" / "encoding_texts.json"
LEGACY = {
    "latin": ("latin-1", "cp1252"),
    "central": ("cp1250",),
    "cyrillic": ("cp1251",),
    "zh": ("gb18030",),
    "ja": ("shift_jis",),
}
FAMILY = {"en": "latin", "es": "latin", "fr": "latin", "de": "latin", "pt": "latin", "it": "latin",
          "no": "latin", "sv": "latin", "pl": "central", "cs": "central", "hu": "central", "hr": "central",
          "sk": "central", "ro": "central", "ru": "cyrillic", "mk": "cyrillic", "be": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic",
          "zh": "zh", "ja": "ja"}
UNICODE = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-16-le+bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be+bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
}
_FIRST_SENTENCE = re.compile(r"^.+?[.。!?](?=\s|$|[^\d])")


def cases(part: str) -> list[tuple[str, str, str, str, bytes]]:
    """(language, length, encoding, text, bytes) for every text of ``part`` ("texts": those the
    detection was built with; "held_out": written afterwards, only measured), cut and whole, in
    every encoding it fits."""
    texts = json.loads(TEXTS.read_text(encoding="utf-8"))[part]
    out = []
    for item in texts:
        text, language = item["text"], item["language"]
        first = _FIRST_SENTENCE.match(text)
        # a whole paragraph as a file ends with a newline; a first sentence stands for a title or snippet
        for length, body in (("whole", text + "\n"), ("first sentence", first.group() if first else text)):
            encoders: dict[str, Callable[[str], bytes]] = dict(UNICODE)
            for name in LEGACY[FAMILY[language]]:
                encoders[name] = lambda t, name=name: t.encode(name)
            for name, encode in encoders.items():
                try:
                    out.append((language, length, name, body, encode(body)))
                except UnicodeEncodeError:
                    continue  # e.g. a text with "€" has no Latin-1 form
    return out


def before(data: bytes) -> str:
    """The reader before issue 16, for comparison."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, name in boms:
        if data.startswith(bom):
            return data.decode(name)
    if b"\x00" in data[:8192]:
        raise InputError("binary", reason="binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    encoding = best.encoding if best is not None and best.encoding else "cp1252"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return data.decode("cp1252", errors="replace")


def normalizer_only(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise InputError("no guess", reason="binary")
    return str(best)


READERS: dict[str, Callable[[bytes], str]] = {"diplograph": decode_text, "before": before,
                                              "charset-normalizer": normalizer_only}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list every case the product's reader gets wrong")
    args = parser.parse_args()
    for part, title in (("texts", "texts the detection was built with"),
                        ("held_out", "held-out texts, written after the detection and only measured")):
        print(f"\n### {title}\n")
        report(cases(part), args.verbose)


def report(all_cases: list[tuple[str, str, str, str, bytes]], verbose: bool) -> None:
    right: dict[str, dict[str, list[int]]] = {name: defaultdict(lambda: [0, 0]) for name in READERS}
    started = time.perf_counter()
    for language, length, encoding, original, data in all_cases:
        for name, read in READERS.items():
            try:
                text: str | None = read(data)
            except (InputError, UnicodeDecodeError, LookupError):
                text = None
            ok = text is not None and text.lstrip("\ufeff") == original
            bucket = right[name][encoding]
            bucket[0] += ok
            bucket[1] += 1
            if verbose and not ok and name == "diplograph":
                shown = "(refused as binary)" if text is None else repr(text[:70])
                print(f"  wrong: {language} {length} {encoding}: {shown}")
    elapsed = time.perf_counter() - started
    encodings = list(UNICODE) + list(dict.fromkeys(e for family in LEGACY.values() for e in family))
    texts = len({(c[0], c[3]) for c in all_cases})
    print(f"{len(all_cases)} cases: {texts} texts (whole and first sentence), each in UTF-8, UTF-16 and its "
          f"legacy code pages; all readers over all cases: {elapsed:.1f} s\n")
    print("| encoding | cases | " + " | ".join(READERS) + " |")
    print("|---|---|" + "---|" * len(READERS))
    totals = {name: [0, 0] for name in READERS}
    for encoding in encodings:
        cells = []
        for name in READERS:
            good, count = right[name][encoding]
            totals[name][0] += good
            totals[name][1] += count
            cells.append(f"{good}/{count} ({100 * good / count:.0f} %)" if count else "-")
        print(f"| {encoding} | {right['diplograph'][encoding][1]} | " + " | ".join(cells) + " |")
    cells = [f"{good}/{count} ({100 * good / count:.1f} %)" for good, count in totals.values()]
    print(f"| all | {totals['diplograph'][1]} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
