"""The word lists of the date resolver, loaded once from ``data/lexicon.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class DateLexicon:
    months: dict[str, int]
    """Full month names and abbreviations (lower case, no dot) -> month number."""
    full_months: tuple[str, ...]
    abbreviated_months: tuple[str, ...]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    vague_quantities: tuple[str, ...]
    future_cues: tuple[str, ...]
    past_markers: frozenset[str]
    present_reporting_verbs: tuple[str, ...]
    vague_expressions: tuple[str, ...]
    background_cues: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    month_prepositions: tuple[str, ...]
    amount_units: tuple[str, ...]


def phrase_alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases as a prefix tree (see :func:`trie_alternation`);
    inner spaces match any run of whitespace. Longer phrases are tried before their prefixes
    ("in the past few years" before "in the past")."""
    return trie_alternation([" ".join(phrase.split()) for phrase in phrases])


@lru_cache(maxsize=1)
def load_lexicon() -> DateLexicon:
    raw = json.loads(resources.files("diplograph.dates").joinpath("data/lexicon.json").read_text("utf-8"))
    months = {name: int(number) for name, number in raw["months"].items()}
    abbreviations = {name: int(number) for name, number in raw["month_abbreviations"].items()}
    return DateLexicon(
        months={**months, **abbreviations},
        full_months=tuple(months),
        abbreviated_months=tuple(abbreviations),
        weekdays={name: int(number) for name, number in raw["weekdays"].items()},
        number_words={name: int(number) for name, number in raw["number_words"].items()},
        vague_quantities=tuple(raw["vague_quantities"]),
        future_cues=tuple(raw["future_cues"]),
        past_markers=frozenset(raw["past_markers"]),
        present_reporting_verbs=tuple(raw["present_reporting_verbs"]),
        vague_expressions=tuple(raw["vague_expressions"]),
        background_cues=tuple(raw["background_cues"]),
        year_prepositions=tuple(raw["year_prepositions"]),
        month_prepositions=tuple(raw["month_prepositions"]),
        amount_units=tuple(raw["amount_units"]),
    )


def trie_alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of literal words arranged as a prefix tree, so the engine decides on
    the first letters instead of trying every word in turn (much faster than "a|b|c" lists)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = []
        optional = "" in node
        for char in sorted(key for key in node if key):
            branches.append((r"\s+" if char == " " else re.escape(char)) + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return render(tree)
