"""The candidate-sentence filter: which sentences are worth a dependency parse.

A sentence is a candidate when it has an actor mention of a party kind (state, organisation,
person, pair; a bare place does not count) and either a trigger word of the event lexicon (any
inflected form, compared lower-cased on tokenizer output) or a framework cue. The same filter
serves `diplograph code` and `diplograph ingest`; its recall on gold event sentences is reported
in docs/evaluation.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

PARTY_KINDS = frozenset({"state", "org", "person", "group"})


def has_party(mentions: Iterable[Mention]) -> bool:
    return any(m.kind in PARTY_KINDS for m in mentions)


def has_trigger(tokens: Span, trigger_forms: frozenset[str]) -> bool:
    return any(tok.lower_ in trigger_forms for tok in tokens)


def is_candidate(
    tokens: Span,
    mentions: Iterable[Mention],
    trigger_forms: frozenset[str],
    framework_candidate: Callable[[str], bool] | None = None,
    text: str | None = None,
) -> bool:
    if not has_party(mentions):
        return False
    if has_trigger(tokens, trigger_forms):
        return True
    return framework_candidate is not None and framework_candidate(text if text is not None else tokens.text)
