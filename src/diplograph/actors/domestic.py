"""Titled persons and group nouns that name no state ("President Askar Akayev", "the rebels",
"police", "Shona rebels", "the opposition coalition"), resolved at the end of their sentence to
the one state in focus: the sentence's, else the previous sentence's, else the only state the
document has named so far. Two or more candidates: no mention (never guess). See docs/actors.md,
"titled persons" rule 2b and "domestic groups"."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.actors.persons import Person, is_name_token
from diplograph.model import Mention

if TYPE_CHECKING:
    from diplograph.actors.focus import MentionContext
    from diplograph.actors.gazetteer import Gazetteer

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
ARTICLES = frozenset({"the", "a", "an"})
# modifiers that make a group noun name a person or people outside the group ("a former police
# officer", "ex-soldiers")
NOT_THE_GROUP = frozenset({"former", "ex", "ex-", "retired"})
LIST_JOINERS = frozenset({"and", "or", ","})
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
# "militants from Niger", "the rebels of Sudan": the group's own state ("in Tripoli" may be a place
# of another state: left to the focus rule)
GROUP_ORIGIN = frozenset({"from", "of"})
# how many modifiers may stand between "the" and a group noun ("the new Sandinista government")
MAX_GROUP_MODIFIERS = 2
# an organisation this close before a group noun owns it ("NATO peacekeeping troops")
ORG_OWNER_WINDOW = 2
# the head word of a sector noun -> the descriptors that may refer back to it ("Japan's defence
# ministry ... the ministry"; "China's foreign ministry spokesperson ... the spokesperson")
DESCRIPTOR_TAILS = {"ministry": ("ministry",), "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
                    "spokesman": ("spokesperson", "spokesman", "spokeswoman"),
                    "spokeswoman": ("spokesperson", "spokesman", "spokeswoman")}
# a state right before one of these speaks: a group noun in what it reports is not its own
REPORTING_VERBS = frozenset({"said", "says", "accused", "accuses", "alleged", "alleges", "claimed", "claims",
                             "charged", "blamed", "blames", "told", "warned", "reported"})


@dataclass
class PendingMention:
    """A mention whose state is decided when its sentence ends (the state may come later)."""

    start: int  # token indices
    end: int
    sector: str | None
    places_count: bool  # a place ("protesters in Manila") locates a group, not a visiting leader
    person: str | None = None
    role: str | None = None
    # an ethnic group named by its nation's demonym ("ethnic Albanians"): that nation's code, used
    # when the sentence names no single other state the group could live in
    nation: str | None = None
    # the group noun as matched ("army", "rebels"): a later "the army" is the army named before
    phrase: str | None = None


class DomesticRules:
    """Part of the matcher's left-to-right walk (``MentionWalk`` in walk.py): finds group nouns and
    titled persons without a state word, and resolves them when their sentence ends."""

    words: list[str]
    starts: list[int]
    sent_start: int
    sent_end: int
    consumed: bytearray
    ctx: MentionContext
    gaz: Gazetteer
    pending: list[PendingMention]

    def _emit(self, start_tok: int, end_tok: int, codes: tuple[str, ...], kind: str, via: str,
              sector: str | None = None, person: str | None = None, role: str | None = None,
              char_span: tuple[int, int] | None = None) -> Mention:
        raise NotImplementedError

    def _lower(self, i: int) -> str:
        return self.words[i].lower()

    def _actor_follows_of(self, end: int) -> bool:
        raise NotImplementedError

    def _reserve(self, item: PendingMention) -> int:
        self.consumed[item.start:item.end] = b"\x01" * (item.end - item.start)
        self.pending.append(item)
        return item.end

    # --------------------------------------------------------------------------- group nouns
    def _on_domestic(self, start: int, end: int, phrase: str) -> int | None:
        """ "the rebels", "police", "Shona rebels", "the military junta": reserved for focus."""
        group = self.gaz.domestic_groups[phrase]
        if self._actor_follows_of(end):
            return None  # "the government of Sudan": the sector rule of the state takes it
        if group.refers_back and end < self.sent_end and self._lower(end) in ("for", "of", "on"):
            return None  # "the agency for development": another body, named by what follows
        modifiers = self.gaz.words("sector_modifier")
        first = start
        while (first - 1 >= self.sent_start and start - first < MAX_GROUP_MODIFIERS and not self.consumed[first - 1]
               and (is_name_token(self.words[first - 1]) or self._lower(first - 1) in modifiers)):
            first -= 1
        before = first - 1
        if before >= self.sent_start and self._lower(before) in OWNER_PRONOUNS:
            return None  # "its troops": the owner is already a mention of the sentence
        if before >= self.sent_start and (self.consumed[before] or (
                self.words[before] in POSSESSIVES and not self.words[before - 1][:1].isupper())):
            return None  # an actor's or a company's own group ("NATO troops", "the company's workers")
        if any(self._lower(k) in NOT_THE_GROUP for k in range(first, start)):
            return None  # "a former police officer" is a person, not the police
        has_the = before >= self.sent_start and (self._lower(before) == "the" or (
            group.any_article and self._lower(before) in ARTICLES))
        # a capitalised modifier ("the Sandinista government") stands for "the"; not a sentence's
        # first word ("Strong opposition ...")
        capitalised = any(is_name_token(self.words[k]) for k in range(max(first, self.sent_start + 1), start))
        if group.needs_the and not (has_the or capitalised):
            return None
        if self._org_owner(first):
            return None
        return self._reserve(PendingMention(before if has_the else first, end, group.sector, places_count=True,
                                            phrase=phrase))

    def _org_owner(self, first: int) -> bool:
        """An organisation right before the group ("UN peacekeeping troops") owns it."""
        if not self.ctx.current_sentence:
            return False
        last = self.ctx.current_sentence[-1]
        window = max(self.sent_start, first - ORG_OWNER_WINDOW)
        return last.kind == "org" and last.end >= self.starts[window]

    # --------------------------------------------------------------------------- titled persons
    def _portfolio_end(self, end: int) -> int:
        """Where a name starts after "Minister for Interior" / "Minister of Information"."""
        if end + 1 >= self.sent_end or self._lower(end) not in ("for", "of"):
            return end
        portfolio = self.gaz.words("portfolio")
        k = end + 1
        while k < self.sent_end and self._lower(k) in portfolio:
            k += 1
        return k if k > end + 1 and self.words[k - 1][:1].isupper() else end

    def _state_officer(self, start: int, lower_matches: dict[int, list[tuple[int, object]]]) -> bool:
        """Whether a title at ``start`` (with no state word) is a state's office: not an
        organisation's officer ("Acme President", "the firm's president") and not the tail of a
        longer title that is no office ("Secretary General")."""
        for begin in range(max(self.sent_start, start - 3), start):
            for title_end, key in lower_matches.get(begin, ()):
                if getattr(key, "category", None) == "T" and title_end > start:
                    return False
        prev = start - 1
        if prev < self.sent_start:
            return True
        word = self.words[prev]
        if word in POSSESSIVES:
            return False
        allowed = self.gaz.words("title_modifier") | self.gaz.words("portfolio")
        return not (is_name_token(word) and word.lower() not in allowed)

    def _company_name(self, name_start: int, name_end: int) -> bool:
        """ "General Motors Corp", "General Electric": a company, not a general."""
        words = self.gaz.words("company_word")
        tail = self.words[name_start:min(name_end + 1, self.sent_end)]
        return any(word.lower().rstrip(".") in words for word in tail)

    def _defer_person(self, start: int, name_end: int, name: str, role_text: str, role: str) -> int:
        return self._reserve(PendingMention(start, name_end, role, places_count=False, person=name,
                                            role=role_text))

    # --------------------------------------------------------------------------- resolution
    def _resolve_pending(self) -> None:
        if not self.pending:
            return
        # the homes are read while the group nouns are still pending: a speaker is recognised by them
        homes = {places: self._home_state(places) for places in {item.places_count for item in self.pending}}
        weak_homes = {code for places, code in homes.items() if code is not None and self._home_state(places, cues=False) != code}
        pending, self.pending = self.pending, []
        for item in pending:
            if item.nation is not None:
                self._emit(item.start, item.end, (self._residence(item.nation),), "state", "demonym",
                           sector=item.sector)
                continue
            code = self._origin(item) if item.person is None else None
            guessed = False
            # coreference: "the army" in a story that named "Sudan's army" or resolved "the army" before
            group = self.gaz.domestic_groups.get(item.phrase or "")
            if group is not None and group.refers_back:
                # "the ministry said": the state whose ministry the story named last, else nobody
                code = self.ctx.last_group_states.get(item.phrase or "")
            else:
                code = code or self.ctx.group_states.get(item.phrase or "")
                guessed = code is None and homes[item.places_count] in weak_homes
                code = code or homes[item.places_count]
            if code is None:
                continue
            if item.phrase and not guessed:
                # remembered for later mentions, unless the home was only what was left after a
                # partner or target was set aside ("Biden orders sanctions on Myanmar generals as
                # protesters defy the junta": a guess that later sentences should not inherit)
                self.ctx.group_states.setdefault(item.phrase, code)
                self._remember_descriptor(item.phrase, code)
            if item.person is not None:
                person = self.ctx.persons.add(Person(item.person, code, item.role, item.sector))
                self._emit(item.start, item.end, (person.code,), "person", "focus", sector=item.sector,
                           person=person.name, role=item.role)
            else:
                self._emit(item.start, item.end, (code,), "group", "focus", sector=item.sector)

    def _remember_descriptor(self, phrase: str, code: str) -> None:
        """Record the state a group or sector noun named last, also under the descriptors that may
        refer back to it ("foreign ministry" -> "the ministry"; domestic_groups.tsv, determiner back)."""
        self.ctx.last_group_states[phrase] = code
        for short in DESCRIPTOR_TAILS.get(phrase.split()[-1], ()):
            self.ctx.last_group_states[short] = code

    def _residence(self, nation: str) -> str:
        """Where an ethnic group lives: the one other state its sentence names ("ethnic Albanians
        demonstrated in Serbia" -> Serbia), else its nation (never a guess between two states)."""
        codes, _named = self._states_in(self.ctx.current_sentence, True)
        others = [code for code in codes if code != nation]
        return others[0] if len(others) == 1 else nation

    def _origin(self, item: PendingMention) -> str | None:
        """The state right after "from"/"of" (and an article) that follows a group noun."""
        if item.end + 1 >= self.sent_end or self._lower(item.end) not in GROUP_ORIGIN:
            return None
        k = item.end + 1
        if self._lower(k) in ARTICLES and k + 1 < self.sent_end:
            k += 1
        start_char = self.starts[k]
        for mention in self.ctx.current_sentence:
            if mention.start == start_char and len(mention.codes) == 1 and mention.code in self.ctx.state_codes:
                return mention.code
        return None

    def _home_state(self, places: bool, cues: bool = True) -> str | None:
        """The one state in focus: of this sentence; if it names none, of the previous one; if
        that names none either, the only state of the document so far."""
        for mentions in (self.ctx.current_sentence, self.ctx.previous_sentence):
            codes, named = self._states_in(mentions, places, cues)
            if named:
                return codes[0] if len(codes) == 1 else None
        seen = [code for code in self.ctx.seen_codes if code in self.ctx.state_codes]
        return seen[0] if len(seen) == 1 else None

    def _states_in(self, mentions: list[Mention], places: bool, cues: bool = True) -> tuple[list[str], bool]:
        """The states that can be home to a person or group of the sentence, and whether the
        sentence names any state at all. A state after "with", "to", "visit"... is a partner or
        a target, an embassy is abroad, a place ("arrived in Tokyo") does not make a leader's home."""
        codes: list[str] = []
        named = False
        cued_end = -1  # where the last state after a cue ended: "to Croatia and Ecuador" are both cued
        for mention in mentions:
            states = [code for code in mention.codes if code in self.ctx.state_codes]
            if not states or mention.via == "dateline":
                continue  # a dateline is where the report was filed, not what the sentence says
            named = True
            if (mention.kind == "place" and not places) or mention.sector == "foreign ministry":
                continue
            # a group noun already resolved is the state's own part, not a partner ("one of the
            # government's critics"): only state words and persons after a cue are set aside
            if cues and mention.kind != "group" and self._after_cue(mention.start, cued_end):
                cued_end = mention.end
                continue
            if places and self._speaker(mention):
                continue  # "Washington said the army had bombed schools": the speaker is not the army's home
            codes.extend(code for code in states if code not in codes)
        return codes, named

    def _speaker(self, mention: Mention) -> bool:
        """Whether a state mention is the subject of a reporting verb right after it ("Washington
        said", "Kyiv accused"), with a group noun of the same sentence after it."""
        j = bisect_left(self.starts, mention.end)
        if j >= len(self.words) or self.words[j].lower() not in REPORTING_VERBS:
            return False
        return any(item.start > j and item.person is None for item in self.pending)

    def _after_cue(self, start_char: int, cued_end: int) -> bool:
        """Whether a mention starting at ``start_char`` follows a foreign cue ("talks with",
        "a visit to"; not "according to", "returning to"), or continues a list that did."""
        j = bisect_left(self.starts, start_char) - 1
        while j >= 0 and self.words[j].lower() in ARTICLES:
            j -= 1
        if j < 0:
            return False
        word = self.words[j].lower()
        if word in LIST_JOINERS and cued_end >= 0 and j > 0 and self.starts[j - 1] < cued_end:
            return True
        if word not in self.gaz.words("foreign_cue"):
            return False
        return not (j > 0 and self.words[j - 1].lower() in self.gaz.words("foreign_cue_exempt"))
