"""What a phrase match stands for: the match categories shared by the matcher that builds the
PhraseMatchers and the walk that reads their matches."""

from __future__ import annotations

from dataclasses import dataclass

ACTOR, BLOCK, LEADER = "A", "B", "L"
TITLE, SECTOR, FOCUS, DOMESTIC, ORGAN = "T", "S", "F", "D", "O"


@dataclass(frozen=True)
class MatchKey:
    """The category of a phrase match and the gazetteer key it was built from."""

    category: str
    key: str
