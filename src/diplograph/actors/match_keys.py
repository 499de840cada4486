"""What a phrase match stands for: the match categories shared by the matcher that builds the
PhraseMatchers and the walk that reads their matches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from diplograph.actors.gazetteer import Leader

ACTOR, BLOCK, LEADER = "A", "B", "L"
TITLE, SECTOR, FOCUS, DOMESTIC, ORGAN = "T", "S", "F", "D", "O"


@dataclass(frozen=True)
class MatchKey:
    """The category of a phrase match and the gazetteer key it was built from."""

    category: str
    key: str


class NameLookups(Protocol):
    """What the walk (walk.py, titled.py) asks of the matcher that runs it: name look-ups built
    once per matcher. A protocol, so that the walk does not import the matcher that imports it."""

    single_token_forms: dict[str, str]

    def leaders_for(self, name: str) -> list[Leader]: ...

    def misspelled(self, text: str) -> tuple[str, bool] | None: ...
