"""A rule-based sentence splitter over tokenizer output.

spaCy's parser finds sentence boundaries as a side effect of parsing, which is the very cost we
avoid; its ``sentencizer`` splits after every full stop token. News text needs a little more:
paragraph breaks (a whitespace token holding a newline) always end a sentence, and a full stop
ends one only when the next word looks like a sentence start (capital letter, digit, opening
quote). Abbreviations ("Mr.", "U.S.", "Jan.") are kept whole by spaCy's tokenizer exceptions, so
a stand-alone "." token is almost always sentence-final. Works on the token offset arrays and
the text, without creating Token objects (this runs on every sentence of every document)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_FINAL = frozenset(".!?…")
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»", "''"})
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«", "``"})
# Long enumerations (tables in wire copy) are cut so that one parse never sees thousands of tokens.
MAX_TOKENS = 160
HARD_MAX_TOKENS = 2 * MAX_TOKENS  # text without punctuation (lists, garbage) is cut regardless
_SOFT_BREAKS = frozenset({";", ",", ":", "-", "--", "—", "–"})


@dataclass(frozen=True)
class SentenceSpan:
    """Token and char offsets of one sentence in the tokenized document."""

    start: int  # first token index
    end: int  # one past the last token index
    start_char: int
    end_char: int


def _is_final(text: str) -> bool:
    return bool(text) and text[0] in _FINAL and all(ch in _FINAL for ch in text)


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or text in _OPENERS


def split_sentences(doc: Doc, text: str | None = None) -> list[SentenceSpan]:
    """Sentences of a tokenizer-only doc, whitespace-only stretches left out. ``text`` is the
    doc's text when the caller has it (``Doc.text`` is rebuilt from the tokens on every access)."""
    from spacy.attrs import IDX, LENGTH

    n = len(doc)
    if n == 0:
        return []
    if text is None:
        text = doc.text
    arr = doc.to_array([IDX, LENGTH]).tolist()
    starts = [a[0] for a in arr]
    ends = [a[0] + a[1] for a in arr]
    words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
    # whitespace after token i: up to the next token (or the end of the text)
    after = [text[ends[i]:(starts[i + 1] if i + 1 < n else len(text))] for i in range(n)]
    space = [not w.strip() for w in words]

    spans: list[SentenceSpan] = []
    start: int | None = None

    def close(end: int) -> None:
        nonlocal start
        if start is None:
            return
        last = end - 1
        while last >= start and space[last]:
            last -= 1
        if last >= start:
            spans.append(SentenceSpan(start, last + 1, starts[start], ends[last]))
        start = None

    i = 0
    while i < n:
        word = words[i]
        if space[i]:
            if "\n" in word or "\n" in after[i]:
                close(i)
            i += 1
            continue
        if start is None:
            start = i
        if "\n" in after[i]:
            close(i + 1)
            i += 1
            continue
        if _is_final(word):
            j = i + 1
            # a closing quote hugs the full stop; one after a space opens the next sentence
            while j < n and words[j] in _CLOSERS and not after[j - 1]:
                j += 1
            k = j
            while k < n and space[k] and "\n" not in words[k]:
                k += 1
            if k >= n or _starts_sentence(words[k]) or word != ".":
                close(j)
                i = j
                continue
        length = i - start + 1
        if (length >= MAX_TOKENS and word in _SOFT_BREAKS) or length >= HARD_MAX_TOKENS:
            close(i + 1)
        i += 1
    close(n)
    return spans
