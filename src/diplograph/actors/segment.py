"""Sentence ranges of a tokenized document and publication-date normalisation for the actor
matcher (no parser needed: a cheap split at sentence punctuation and line breaks)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

SENTENCE_END = frozenset({".", "!", "?", "…"})
# abbreviations the tokenizer leaves without their full stop ("Lt", ".", "Gen."): no sentence end
TITLE_ABBREVIATIONS = frozenset({"Lt", "Col", "Maj", "Capt", "Sgt", "Gen", "Brig", "Adm", "Cmdr", "Lieut", "Cpl",
                                 "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Pres", "Sheikh"})


def as_date(value: object) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO string ('2023-11-28')."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError as exc:
            raise ValueError(f"published must be a date or 'YYYY-MM-DD', not {value!r}") from exc
    raise TypeError(f"published must be a date, not {type(value).__name__}")


def split_sentences(doc: Doc, words: list[str], starts: list[int], title_end: int | None) -> list[tuple[int, int, bool]]:
    """Token ranges of sentences: the parser's when the doc has them, else a cheap split at
    sentence punctuation followed by a capital, and at line breaks. The headline (tokens
    before ``title_end``) is a sentence of its own."""
    n = len(words)
    if n == 0:
        return []
    title_tokens = 0
    if title_end:
        while title_tokens < n and starts[title_tokens] < title_end:
            title_tokens += 1
    bounds: list[tuple[int, int, bool]] = []
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            bounds.extend(_cut(sent.start, sent.end, title_tokens))
    else:
        start = 0
        for i in range(n):
            word = words[i]
            cut = False
            if "\n" in word and word.isspace():
                cut = True
            elif word in SENTENCE_END and i + 1 < n:
                # spaCy makes every line break a token of its own, so no other check is needed
                nxt = words[i + 1]
                cut = nxt.isspace() or nxt[:1].isupper() or nxt[:1] in "\"“‘'" or nxt.isdigit()
                if cut and word == "." and i > start and words[i - 1] in TITLE_ABBREVIATIONS and not nxt.isspace():
                    cut = False
            if i + 1 == title_tokens:
                cut = True
            if cut:
                bounds.extend(_cut(start, i + 1, title_tokens))
                start = i + 1
        if start < n:
            bounds.extend(_cut(start, n, title_tokens))
    # blank lines are no sentences: they must not push the previous sentence out of focus
    return [b for b in bounds if not all(words[k].isspace() for k in range(b[0], b[1]))]


def _cut(start: int, end: int, title_tokens: int) -> list[tuple[int, int, bool]]:
    if start < title_tokens < end:
        return [(start, title_tokens, True), (title_tokens, end, False)]
    return [(start, end, end <= title_tokens)]
