"""A cheap language guess: the writing system first, then function-word profiles
(data/stopwords.json). Good enough to tell English news from the rest; coding is English-only."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 20_000
_MIN_TOKENS = 5
_MIN_SHARE = 0.06  # share of tokens that are function words of the winning language
_MIN_DISTINCT = 3  # different function words of the winning language: two can be chance (names, "a")

# Unicode character-name prefixes -> language (or script tag when the language is ambiguous)
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"), ("CJK", "zh"), ("ARABIC", "ar"),
    ("HEBREW", "he"), ("GREEK", "el"), ("THAI", "th"), ("DEVANAGARI", "hi"), ("BENGALI", "bn"),
    ("CYRILLIC", "cyrillic"), ("GEORGIAN", "ka"), ("ARMENIAN", "hy"), ("KHMER", "km"), ("LAO", "lo"),
    ("MYANMAR", "my"), ("TAMIL", "ta"), ("SINHALA", "si"),
)


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    raw = resources.files("diplograph.clean").joinpath("data/stopwords.json").read_text(encoding="utf-8")
    return {lang: frozenset(words) for lang, words in json.loads(raw).items() if not lang.startswith("_")}


def _script(text: str) -> str | None:
    counts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        if ord(char) < 0x250:  # Latin
            continue
        name = unicodedata.name(char, "")
        for prefix, tag in _SCRIPTS:
            if name.startswith(prefix):
                counts[tag] += 1
                break
    if not letters or not counts:
        return None
    if counts["ja"] and counts["ja"] >= 0.05 * letters:
        return "ja"  # Japanese mixes kana with CJK ideographs
    tag, n = counts.most_common(1)[0]
    return tag if n >= 0.3 * letters else None


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code ('en', 'fr', 'vi', 'zh'...), or None when the text is too short or
    matches no profile."""
    sample = text[:_SAMPLE_CHARS]
    script = _script(sample)
    if script is not None and script != "cyrillic":
        return script
    tokens = [t.casefold() for t in _TOKEN.findall(sample)]
    if len(tokens) < _MIN_TOKENS:
        return None
    profiles = _profiles()
    candidates = ("ru", "uk") if script == "cyrillic" else tuple(k for k in profiles if k not in {"ru", "uk"})
    scores = {lang: sum(1 for t in tokens if t in profiles[lang]) for lang in candidates}
    best = max(scores, key=lambda lang: scores[lang])
    if script == "cyrillic":
        return best  # the script already rules English out; the profiles only pick ru or uk
    distinct = {t for t in tokens if t in profiles[best]}
    if scores[best] / len(tokens) < _MIN_SHARE or len(distinct) < _MIN_DISTINCT:
        return None
    return best
