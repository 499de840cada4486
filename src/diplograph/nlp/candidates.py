"""The candidate-sentence filter: which sentences are worth a dependency parse.

A sentence is a candidate when it has an actor mention of a party kind (state, organisation,
person, pair; a bare place does not count) and either a trigger word of the event lexicon (any
inflected form, compared lower-cased on tokenizer output) or a framework cue. The same filter
serves `diplograph code` and `diplograph ingest`; its recall on gold event sentences is reported
in docs/evaluation.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

PARTY_KINDS = frozenset({"state", "org", "person", "group"})


def has_party(mentions: Iterable[Mention]) -> bool:
    return any(m.kind in PARTY_KINDS for m in mentions)


Requirements = Mapping[str, tuple[frozenset[str] | None, ...]]


def has_trigger(tokens: Span, trigger_forms: frozenset[str], requirements: Requirements | None = None) -> bool:
    """A trigger form is present, and, when ``requirements`` are given, what one of its entries
    needs besides ("share" only with "intelligence/information/..." nearby in the sentence)."""
    lowers: set[str] | None = None
    for tok in tokens:
        form = tok.lower_
        if form not in trigger_forms:
            continue
        needs = requirements.get(form) if requirements is not None else None
        if not needs or None in needs:
            return True
        if lowers is None:
            lowers = {t.lower_ for t in tokens}
        if any(need & lowers for need in needs if need is not None):
            return True
    return False


def is_candidate(
    tokens: Span,
    mentions: Iterable[Mention],
    trigger_forms: frozenset[str],
    framework_candidate: Callable[[str], bool] | None = None,
    text: str | None = None,
    requirements: Requirements | None = None,
) -> bool:
    if not has_party(mentions):
        return False
    if has_trigger(tokens, trigger_forms, requirements):
        return True
    return framework_candidate is not None and framework_candidate(text if text is not None else tokens.text)


def _headline(text: str) -> bool:
    """Most words capitalised: a headline, where capitals say nothing about names."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


class CandidateFilter:
    """``is_candidate`` for all sentences of a tokenized document at once: the trigger-form test
    runs on the document's array of lower-case hashes, without creating Token objects."""

    def __init__(
        self,
        vocab: Vocab,
        trigger_forms: frozenset[str],
        requirements: Requirements | None = None,
        framework_candidate: Callable[[str], bool] | None = None,
    ) -> None:
        self.strings = vocab.strings
        self.forms = trigger_forms
        self.requirements = requirements or {}
        self.framework_candidate = framework_candidate
        self._hashes = frozenset(vocab.strings.add(f) for f in trigger_forms)

    def select(self, doc: Doc, spans: Sequence[tuple[int, int]], mentions: Sequence[Iterable[Mention]],
               texts: Sequence[str]) -> list[bool]:
        """One flag per sentence ``spans[i]`` (token start, end) with its mentions and text."""
        from spacy.attrs import LOWER, ORTH

        arrays = doc.to_array([LOWER, ORTH]).tolist() if len(doc) else []
        lowers = [a[0] for a in arrays]
        orths = [a[1] for a in arrays]
        hashes = self._hashes
        flags: list[bool] = []
        for (start, end), ms, text in zip(spans, mentions, texts, strict=True):
            ok = False
            if has_party(ms):
                where = [i - start for i in range(start, end) if lowers[i] in hashes]
                if where and not _headline(text):
                    # a capitalised word inside a sentence is a name ("March", "Finance Minister")
                    where = [k for k in where if k == 0 or orths[start + k] == lowers[start + k]]
                if where:
                    ok = self._requirements_met(lowers, start, end, where)
                if not ok and self.framework_candidate is not None:
                    ok = self.framework_candidate(text)
            flags.append(ok)
        return flags

    def _requirements_met(self, lowers: list[int], start: int, end: int, where: list[int]) -> bool:
        words: set[str] | None = None
        for offset in where:
            needs = self.requirements.get(self.strings[lowers[start + offset]])
            if not needs or None in needs:
                return True
            if words is None:
                words = {self.strings[h] for h in lowers[start:end]}
            if any(need & words for need in needs if need is not None):
                return True
        return False
