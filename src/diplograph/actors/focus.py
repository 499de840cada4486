"""What a document is about so far: the actors of the current and previous sentence, the
headline dyad and the persons introduced. Used to resolve "the two countries" and "the
Southeast Asian nation" only when the text makes the answer unambiguous (never guess)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from diplograph.actors.persons import PersonRegistry
from diplograph.model import Mention

# mention kinds that make an actor "in focus" (a location such as "in Tokyo" does not)
FOCUS_KINDS = frozenset({"state", "org", "person", "group"})
TITLE_WEIGHT = 3.0
# the document's main pair: the second state named at least this much, and this many times more than
# the third
MAIN_PAIR_MIN = 3.0
MAIN_PAIR_MARGIN = 1.5


@dataclass
class MentionContext:
    """State carried across the sentences of one document.

    ``find_mentions`` makes one per call; pass the same context to successive calls when a
    document is fed sentence by sentence, so persons and focus carry over."""

    published: dt.date | None = None
    persons: PersonRegistry = field(default_factory=PersonRegistry)
    previous_sentence: list[Mention] = field(default_factory=list)
    current_sentence: list[Mention] = field(default_factory=list)
    title_codes: list[str] = field(default_factory=list)
    seen_codes: set[str] = field(default_factory=set)
    in_title: bool = False
    # the codes that are states (set by the matcher; organisations are never "the country")
    state_codes: frozenset[str] = frozenset()
    # group noun (sectors.tsv / domestic_groups.tsv phrase, lower case) -> the state it first named
    # in the document ("Sudan's army", then "the army")
    group_states: dict[str, str] = field(default_factory=dict)
    # the same, the state that named the noun last ("China's foreign ministry ... Japan's foreign
    # ministry ... the ministry said": Japan's)
    last_group_states: dict[str, str] = field(default_factory=dict)
    # organisations in the order of their last mention ("the Council" is the last one with a council)
    recent_orgs: list[str] = field(default_factory=list)
    # how much the document so far is about each state (headline mentions count more)
    weights: dict[str, float] = field(default_factory=dict)

    def new_sentence(self, is_title: bool = False) -> None:
        if self.in_title and not is_title:
            # the headline dyad is fixed when the headline ends
            self.title_codes = _codes_in(self.current_sentence, self.state_codes)
        if self.current_sentence or not is_title:
            self.previous_sentence = self.current_sentence
        self.current_sentence = []
        self.in_title = is_title

    def add(self, mention: Mention) -> None:
        self.current_sentence.append(mention)
        if mention.kind in FOCUS_KINDS and len(mention.codes) == 1 and mention.code in self.state_codes:
            self.weights[mention.code] = self.weights.get(mention.code, 0.0) + (TITLE_WEIGHT if self.in_title else 1.0)
        if mention.kind == "org":
            for code in mention.codes:
                if code in self.recent_orgs:
                    self.recent_orgs.remove(code)
                self.recent_orgs.append(code)
        if mention.kind != "place":
            self.seen_codes.update(mention.codes)

    def pair_in_focus(self, states_only: bool = False) -> tuple[str, str] | None:
        """The two actors the text is talking about, when unambiguous (``states_only``: "the two
        countries" are never an organisation). A local pair that shares nothing with the document's
        main pair ("talks mediated by Qatar and Turkey, and the two sides agreed" in an
        Afghanistan-Pakistan story) gives way to the main pair."""
        local = self._local_pair(self.state_codes if states_only else None)
        main = self._main_pair()
        if local is not None and main is not None and not set(local) & set(main):
            return main
        return local if local is not None else main

    def _local_pair(self, states: frozenset[str] | None) -> tuple[str, str] | None:
        current = _codes_in(self.current_sentence, states)
        if len(current) == 2:
            return current[0], current[1]
        if len(current) > 2:
            return None
        combined = list(dict.fromkeys(current + _codes_in(self.previous_sentence, states)))
        if len(combined) == 2:
            return combined[0], combined[1]
        dyad = self.title_codes
        if len(dyad) == 2 and len(combined) < 2 and set(combined) <= set(dyad):
            return dyad[0], dyad[1]
        return None

    def _main_pair(self) -> tuple[str, str] | None:
        """The two states the document so far is most about, when a third does not rival the second
        ("both leaders" in a Thai-Cambodian story)."""
        ranked = sorted(self.weights.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) < 2 or ranked[1][1] < MAIN_PAIR_MIN:
            return None
        if len(ranked) > 2 and ranked[2][1] * MAIN_PAIR_MARGIN > ranked[1][1]:
            return None
        return ranked[0][0], ranked[1][0]

    def single_in_focus(self, group: frozenset[str] | None) -> str | None:
        """The one state of ``group`` (None: any state) in focus, when unambiguous: looked for
        in the current sentence first, then in the previous one."""
        for mentions in (self.current_sentence, self.previous_sentence):
            codes = [code for code in _codes_in(mentions, self.state_codes) if group is None or code in group]
            if len(codes) == 1:
                return codes[0]
            if len(codes) > 1:
                return None
        return None


def _codes_in(mentions: list[Mention], states: frozenset[str] | None) -> list[str]:
    codes: list[str] = []
    for mention in mentions:
        if mention.kind not in FOCUS_KINDS:
            continue
        for code in mention.codes:
            if code in codes:
                continue
            if states and code not in states:
                continue
            codes.append(code)
    return codes
