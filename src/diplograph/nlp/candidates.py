"""The candidate-sentence filter: which sentences are worth a dependency parse.

A sentence is a candidate when it has an actor mention of a party kind (state, organisation,
person, pair; a bare place does not count) and either a trigger word of the event lexicon (any
inflected form, compared lower-cased on tokenizer output) or a framework cue. The same filter
serves `diplograph code` and `diplograph ingest`; its recall on gold event sentences is reported
in docs/evaluation.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from ..model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

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
