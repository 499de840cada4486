"""A rule-based sentence splitter over tokenizer output.

spaCy's parser finds sentence boundaries as a side effect of parsing, which is the very cost we
avoid; its ``sentencizer`` splits after every full stop token. News text needs a little more:
paragraph breaks (a whitespace token holding a newline) always end a sentence, and a full stop
ends one only when the next word looks like a sentence start (capital letter, digit, opening
quote). Abbreviations ("Mr.", "U.S.", "Jan.") are kept whole by spaCy's tokenizer exceptions, so
a stand-alone "." token is almost always sentence-final."""

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


@dataclass(frozen=True)
class SentenceSpan:
    """Token and char offsets of one sentence in the tokenized document."""

    start: int  # first token index
    end: int  # one past the last token index
    start_char: int
    end_char: int


def _is_final(text: str) -> bool:
    return bool(text) and all(ch in _FINAL for ch in text)


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or text in _OPENERS


def split_sentences(doc: Doc) -> list[SentenceSpan]:
    """Sentences of a tokenizer-only doc, whitespace-only stretches left out."""
    spans: list[SentenceSpan] = []
    n = len(doc)
    start: int | None = None

    def close(end: int) -> None:
        nonlocal start
        if start is None:
            return
        last = end - 1
        while last >= start and doc[last].is_space:
            last -= 1
        if last >= start:
            first_tok, last_tok = doc[start], doc[last]
            spans.append(SentenceSpan(start, last + 1, first_tok.idx, last_tok.idx + len(last_tok.text)))
        start = None

    i = 0
    while i < n:
        tok = doc[i]
        text = tok.text
        if tok.is_space:
            if "\n" in text or "\n" in tok.whitespace_:
                close(i)
            i += 1
            continue
        if start is None:
            start = i
        if "\n" in tok.whitespace_:
            close(i + 1)
            i += 1
            continue
        if _is_final(text):
            j = i + 1
            # a closing quote hugs the full stop; one after a space opens the next sentence
            while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            k = j
            while k < n and doc[k].is_space and "\n" not in doc[k].text:
                k += 1
            if k >= n or _starts_sentence(doc[k].text) or text != ".":
                close(j)
                i = j
                continue
        if start is not None and i - start + 1 >= MAX_TOKENS and (text in {";", ","} or tok.is_punct):
            close(i + 1)
        i += 1
    close(n)
    return spans
