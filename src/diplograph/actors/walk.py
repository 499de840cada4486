"""The matcher's left-to-right walk over one document's tokens: builds mentions from the phrase
matches, longest first (states and organisations, sectors, locative capitals, ethnic groups and
their host state, focus phrases, hyphenated compounds, misspelled names). Persons are handled in
titled.py, group nouns and deferred mentions in domestic.py."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from diplograph.actors.domestic import PendingMention
from diplograph.actors.focus import MentionContext
from diplograph.actors.gazetteer import ANY_GROUP, FormRow
from diplograph.actors.match_keys import (
    ACTOR,
    BLOCK,
    DOMESTIC,
    FOCUS,
    LEADER,
    ORGAN,
    SECTOR,
    TITLE,
    MatchKey,
    NameLookups,
)
from diplograph.actors.persons import is_name_token, read_name
from diplograph.actors.titled import TitledPersonRules
from diplograph.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from diplograph.actors.gazetteer import Gazetteer

# a document's tokens as the matcher reads them: texts, char offsets, the text
Tokens = tuple[list[str], list[int], str]
# the phrase matches: case-sensitive (start -> (end, key)), case-insensitive (start -> [(end, key)])
Matches = tuple[dict[int, tuple[int, MatchKey]], dict[int, list[tuple[int, MatchKey]]]]

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DETERMINERS_DEFINITE = frozenset({"the"})
# "the six leaders", "the three countries": a counted group of the states named before
COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
COUNTED_NOUNS = frozenset({"countries", "nations", "states", "leaders", "governments", "sides", "presidents",
                           "neighbours", "neighbors", "members", "powers"})
DETERMINERS_INDEFINITE = frozenset({"a", "an", "another"})
# codes of transnational armed groups: "<state>'s <group>" is the group's branch in that state
TRANSNATIONAL_GROUPS = frozenset({"IMG"})
# "the two countries", "both nations": a pair of states, never an organisation
STATE_PAIR_WORDS = ("countr", "nation", "government", "state", "neighbo")
SUBJECT_PRONOUNS = frozenset({"It", "They", "He", "She"})
# how far into the previous sentence (tokens) its subject may start for a pronoun to continue it
ANAPHOR_WINDOW = 6
POSSESSIVE_PRONOUNS = frozenset({"Its", "Their", "His", "Her"})
# "The group, which controls ...": a descriptor of the armed group or movement named last
GROUP_DESCRIPTORS = frozenset({"group", "militia", "movement", "militants", "insurgents"})
ANAPHOR_VERBS = frozenset({"said", "says", "has", "had", "will", "would", "also", "later", "then", "denied", "denies",
                           "accused", "accuses", "rejected", "rejects", "called", "calls", "urged", "urges", "warned",
                           "warns", "vowed", "vows", "agreed", "agrees", "blamed", "blames", "demanded", "demands",
                           "threatened", "threatens", "condemned", "condemns", "met", "meets", "signed", "signs",
                           "sent", "sends", "told", "tells", "held", "holds", "launched", "launches"})
NOT_ANAPHOR_VERBS = frozenset({"is", "was", "were", "are", "seemed", "seems", "remained", "remains", "appeared",
                               "appears", "needed", "needs", "followed", "came", "comes"})
PARTICIPLE_LISTS = ("origin_participle", "territory_participle", "broker_participle")
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
# "Japan's ruling Liberal Democratic Party": the word before a party's name and the party's sector
PARTY_MODIFIERS = {"ruling": "party", "governing": "party", "opposition": "opposition", "main": "party"}
MAX_PARTY_WORDS = 6
# an institution of these sectors is what a later descriptor of this noun refers to (domestic.py
# DESCRIPTOR_TAILS): "the Ministry of External Affairs ... the ministry". Not "the (spy) agency": news
# agencies are agencies too, and on the Reuters sample "the spy agency" after the CIA made false events
SEAT_DESCRIPTORS = {"foreign ministry": "ministry"}
# how far a list of state words may run before an emblem noun ("EU, Ukrainian and Georgian flags")
MAX_EMBLEM_LIST = 6
MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])


class MentionWalk(TitledPersonRules):
    """One left-to-right pass over a document's tokens."""

    def __init__(self, lookups: NameLookups, gazetteer: Gazetteer, doc: Doc, tokens: Tokens, matches: Matches,
                 context: MentionContext) -> None:
        self.m = lookups
        self.gaz = gazetteer
        self.doc = doc
        self.words, self.starts, self.text = tokens
        self.ctx = context
        self.day = context.published
        self.orth, self.lower = matches
        # only matches, capitalised words (persons, misspelled names) and compounds need a look
        orth, lower = self.orth, self.lower
        self.candidates = [i for i, word in enumerate(self.words)
                           if word[:1].isupper() or i in orth or i in lower or "-" in word]
        self.mentions: list[Mention] = []
        self.consumed = bytearray(len(doc) + 1)
        self.sent_start = 0
        self.sent_end = 0
        self.previous_start = 0
        self.pending: list[PendingMention] = []

    # --------------------------------------------------------------------------- helpers
    def _emit(self, start_tok: int, end_tok: int, codes: tuple[str, ...], kind: str, via: str,
              sector: str | None = None, person: str | None = None, role: str | None = None,
              char_span: tuple[int, int] | None = None) -> Mention:
        if char_span is None:
            start_char, end_char = self.starts[start_tok], self._end_char(end_tok)
        else:
            start_char, end_char = char_span
        mention = Mention(start=start_char, end=end_char, text=self.text[start_char:end_char], codes=codes,
                          kind=kind, via=via, sector=sector, person=person, role=role)
        self.mentions.append(mention)
        self.ctx.add(mention)
        self.consumed[start_tok:end_tok] = b"\x01" * (end_tok - start_tok)
        return mention

    def _end_char(self, end_tok: int) -> int:
        return self.starts[end_tok - 1] + len(self.words[end_tok - 1])

    def _span(self, start_tok: int, end_tok: int) -> str:
        return self.text[self.starts[start_tok]:self._end_char(end_tok)]

    def _kind(self, code: str) -> str:
        actor = self.gaz.actors.get(code)
        return actor.kind if actor is not None else "state"

    def _lower_at(self, i: int, category: str) -> tuple[int, str] | None:
        for end, key in self.lower.get(i, ()):
            if key.category == category and end <= self.sent_end:
                return end, key.key
        return None

    def _after_possessive(self, i: int) -> int:
        if i < self.sent_end and self.words[i] in POSSESSIVES:
            return i + 1
        return i

    def _stops(self) -> set[int]:
        return {start for start, (_end, key) in self.orth.items() if key.category == ACTOR}

    # --------------------------------------------------------------------------- the walk
    def sentence(self, start: int, end: int) -> None:
        self.previous_start, self.sent_start, self.sent_end = self.sent_start, start, end
        if start + 1 < end and self.words[start] in SUBJECT_PRONOUNS:
            self._anaphor(start)
        elif start + 1 < end and self.words[start] in POSSESSIVE_PRONOUNS:
            self._anaphor(start, possessive=True)
        elif start + 2 < end and self.words[start] == "The" and self._lower(start + 1) in GROUP_DESCRIPTORS:
            self._group_descriptor(start)
        candidates = self.candidates
        k = bisect_left(candidates, start)
        free = start  # the first token not yet covered by what was handled
        while k < len(candidates) and candidates[k] < end:
            i = candidates[k]
            k += 1
            if i < free or self.consumed[i]:
                continue
            hit = self.orth.get(i)
            if hit is not None and hit[0] <= end:
                free = self._on_orth(i, hit[0], hit[1])
                continue
            nxt = self._on_lower(i) if i in self.lower else None
            if nxt is None:
                word = self.words[i]
                nxt = self._on_token(i) if word[:1].isupper() or "-" in word else i + 1
            free = max(nxt, i + 1)
        self._counted_groups()
        self._resolve_pending()

    def _counted_groups(self) -> None:
        """ "The six leaders signed ...", "the three countries": exactly that many distinct states named
        before in the sentence, else in the previous sentence (never a guess: another count, nothing)."""
        for i in range(self.sent_start, self.sent_end - 2):
            if self._lower(i) not in DETERMINERS_DEFINITE or self._lower(i + 1) not in COUNT_WORDS:
                continue
            k = i + 2
            while k < min(self.sent_end, i + 4) and is_name_token(self.words[k]) and self._lower(k) not in COUNTED_NOUNS:
                k += 1  # "the five Central Asian states"
            if k >= self.sent_end or self._lower(k) not in COUNTED_NOUNS or any(self.consumed[i:k + 1]):
                continue
            count = COUNT_WORDS[self._lower(i + 1)]
            before = [m for m in self.ctx.current_sentence if m.end <= self.starts[i]]
            for mentions in (before, self.ctx.previous_sentence):
                codes = list(dict.fromkeys(code for m in mentions if m.kind != "place" and m.via != "dateline"
                                           for code in m.codes if code in self.ctx.state_codes))
                if len(codes) == count:
                    self._emit(i, k + 1, tuple(codes), "group", "count")
                    # in text order, so that "They" in the next sentence finds the group first
                    self.ctx.current_sentence.sort(key=lambda m: m.start)
                    break

    def _on_orth(self, start: int, end: int, key: MatchKey) -> int:
        if key.category == BLOCK:
            return end
        if key.category == LEADER:
            return self._on_leader_name(start, end, key.key)
        row = self.gaz.resolve(key.key, self.day)
        if row is None or self._dropped(start, end, key.key) or self._ticker(start, end):
            return end
        return self._on_actor(start, end, row)

    def _ticker(self, start: int, end: int) -> bool:
        """A stock ticker in angle brackets ("Rockwell <ROK>"), not an actor."""
        return (start > 0 and end < len(self.words) and self.words[start - 1] == "<"
                and self.words[end] == ">")

    def _dropped(self, start: int, end: int, form: str) -> bool:
        """Context rules for names that are also person names or other places."""
        gaz = self.gaz
        if form in gaz.context_blockers:
            sentence_text = self._span(self.sent_start, self.sent_end)
            if any(word in sentence_text for word in gaz.context_blockers[form]):
                return True
        if form in gaz.person_name_forms:
            if end < self.sent_end and self._capitalised_other(end):
                return True
            if start - 1 > self.sent_start and self._capitalised_other(start - 1):
                return True
        return False

    def _capitalised_other(self, i: int) -> bool:
        """A capitalised word that is not an actor, a title or a sentence opener."""
        text = self.words[i]
        if not is_name_token(text):
            return False
        # actors, titles and sector nouns ("Jordan Army", "American President") are no name parts
        return i not in self.orth and i not in self.lower

    def _on_actor(self, start: int, end: int, row: FormRow) -> int:
        code = row.code
        kind = self._kind(code)
        if (start - 2 >= self.sent_start and self.words[start - 1] in ("-", "–")
                and self._lower(start - 2) in self.gaz.words("compound_prefix")):
            return end  # "Inter-American Commission", "Pan-African parliament": no party
        if self._emblem_follows(end):
            return end  # "waving EU and Georgian flags": an emblem, no party
        compound = self._participle_compound(end)
        if compound == "origin_participle":
            return end + 2  # "Iranian-made drones": the state only qualifies the thing
        if compound is not None:
            # "Indian-administered Kashmir": a place of that state; "US-brokered talks": the broker
            kind = "place" if compound == "territory_participle" else "broker"
            self._emit(start, end, (code,), kind, row.via)
            return end + 2
        # a titled person: "Japanese Prime Minister Fumio Kishida", "China's foreign minister Wang Yi"
        after = self._after_possessive(end)
        branch = self.orth.get(after)
        if kind == "state" and branch is not None and branch[1].category == ACTOR and branch[0] <= self.sent_end:
            owner = self.gaz.resolve(branch[1].key, self.day)
            if owner is not None and owner.code in TRANSNATIONAL_GROUPS:
                # "Iraq's al-Qaeda", "Yemeni al-Qaeda": the group's branch in that state (an armed group)
                self._emit(start, branch[0], (code,), kind, row.via, sector="armed group")
                return branch[0]
        # "Lebanon's new President Elias Hrawi", "Iraq's former prime minister"
        modifiers = self.gaz.words("title_modifier")
        title_start = after
        while title_start < min(self.sent_end, after + 2) and self._lower(title_start) in modifiers:
            title_start += 1
        title = self._lower_at(title_start, TITLE) if title_start > after else None
        if title is not None and title[1] in self.gaz.office_titles:
            after = title_start
        else:
            title = self._lower_at(after, TITLE)
        if title is not None:
            title_end, title_key = title
            name_end = read_name(self.words, self.starts, title_end, self.sent_end, self._stops())
            role, _hint = self.gaz.titles[title_key]
            role_text = self._span(after, title_end)
            return self._titled(start, title_end, name_end, code, role_text, role)
        # a sector: "Japan's Foreign Ministry", "Vietnamese troops", "Hungarian officials"
        sector_start = after
        if (sector_start < self.sent_end and self._lower(sector_start) in self.gaz.words("sector_modifier")
                and self._lower_at(sector_start, SECTOR) is None):
            sector_start += 1
        sector = self._lower_at(sector_start, SECTOR)
        if sector is not None and sector[1] in self.gaz.agent_phrases and (
                row.via in ("capital", "seat", "city")
                or (sector[0] < self.sent_end and self.words[sector[0]] in POSSESSIVES)):
            sector = None  # "Kyiv children's hospital": a derived agent noun after a city, or a possessor
        if sector is not None and kind == "state":
            sector_end, sector_key = sector
            sector_name = self.gaz.sectors[sector_key]
            if row.sector == "armed group" and sector_name in ("military", "government", "armed group"):
                sector_name = row.sector  # "Houthi military spokesman": the group's own forces and officials
            self._emit(start, sector_end, (code,), kind, row.via, sector=sector_name)
            self.ctx.group_states.setdefault(sector_key, code)
            self._remember_descriptor(sector_key, code)
            return sector_end
        party = self._party_after(after) if kind == "state" and after > end else None
        if party is not None:
            # "Japan's ruling Liberal Democratic Party", "Serbia's opposition Freedom Party"
            self._emit(start, party[0], (code,), kind, row.via, sector=party[1])
            return party[0]
        # "the army of Vietnam", "the foreign ministry of Japan"
        first = start
        sector_name = row.sector
        if start >= 2 and self._lower(start - 1) == "of":
            for begin in range(max(self.sent_start, start - 4), start - 1):
                found = self._lower_at(begin, SECTOR)
                if found is not None and found[0] == start - 1 and not any(self.consumed[begin:start]):
                    first, sector_name = begin, self.gaz.sectors[found[1]]
                    break
        via = row.via
        if kind == "state" and self._dateline(start, end, row):
            kind, via = "place", "dateline"  # where the report was filed: neither party nor scene
        elif kind == "state" and self._locative(start, row):
            kind = "place"
        if row.via == "demonym" and kind == "state":
            host = self._host_state(start, end)
            if host is None and self._ethnic_marked(start):
                # "ethnic Albanians demonstrated in Serbia": where they live is decided at the sentence end
                return self._reserve(PendingMention(first, end, sector_name, places_count=True, nation=code))
            code = host or code
        self._emit(first, end, (code,), kind, via, sector=sector_name)
        if kind == "state" and row.via == "seat" and sector_name in SEAT_DESCRIPTORS:
            # "India's Ministry of External Affairs ... the ministry said"
            self._remember_descriptor(SEAT_DESCRIPTORS[sector_name], code)
        return end

    def _ethnic_marked(self, start: int) -> bool:
        return start - 1 >= self.sent_start and self._lower(start - 1) in self.gaz.words("ethnic_marker")

    def _host_state(self, start: int, end: int) -> str | None:
        """The state an ethnic group lives in: "ethnic Turks in Bulgaria", "the Hungarian minority
        in Romania", "Kurds of northern Iraq" are coded to that state, not to the group's nation."""
        marked = start - 1 >= self.sent_start and self._lower(start - 1) in self.gaz.words("ethnic_marker")
        j = end
        if j < self.sent_end and self._lower(j) in self.gaz.words("minority_noun"):
            marked, j = True, j + 1
        if j + 1 >= self.sent_end or self._lower(j) not in ("in", "of"):
            return None
        j += 1
        if self._lower(j) in self.gaz.words("compass"):
            marked, j = True, j + 1
        hit = self.orth.get(j)
        if not marked or hit is None or hit[1].category != ACTOR or hit[0] > self.sent_end:
            return None
        host = self.gaz.resolve(hit[1].key, self.day)
        return host.code if host is not None and self._kind(host.code) == "state" else None

    def _group_descriptor(self, i: int) -> None:
        """ "The group, which controls the capital, ...": the armed group or movement the document
        named last (Houthis, Hamas, the RSF)."""
        referent = next((m for m in reversed(self.mentions) if m.sector == "armed group" or m.via == "group"), None)
        if referent is not None:
            self._emit(i, i + 2, referent.codes, "group", "anaphor", sector="armed group")

    def _anaphor(self, i: int, possessive: bool = False) -> None:
        """A sentence that opens with a subject pronoun ("It denied ...", "He said ...") continues
        the previous sentence's subject: the person last named for "He"/"She", the first state,
        organisation or group of the previous sentence for "It"/"They". Only before a verb form
        that reports or acts ("It denied", "They agreed"), not "It is" or "It was not clear". A
        possessive ("Its fighters seized ...") needs no verb."""
        nxt = self._lower(i + 1)
        if not possessive and (nxt in NOT_ANAPHOR_VERBS or not (nxt.endswith("ed") or nxt in ANAPHOR_VERBS)):
            return
        # the previous sentence's subject stands at its start ("Russia's defence ministry said ..."); a
        # first mention further in is not what the pronoun continues ("The Eastern Theater Command
        # said ... around Taiwan": no mention for "It")
        opening = self.starts[min(self.previous_start + ANAPHOR_WINDOW, len(self.starts) - 1)]
        previous = [m for m in self.ctx.previous_sentence if m.kind in ("state", "org", "group", "person")]
        if previous and previous[0].start > opening:
            return
        if self.words[i] in ("He", "She", "His", "Her"):
            previous = [m for m in previous if m.kind == "person"]
        if not previous:
            return
        referent = previous[0]
        codes = list(referent.codes)
        if self.words[i] in ("They", "Their"):
            # "India and Brazil met. They said ...": the whole coordinated subject
            for before, after in zip(previous, previous[1:], strict=False):
                if self.text[before.end:after.start].strip(" ,") not in ("and", ""):
                    break
                codes += [c for c in after.codes if c not in codes]
        self._emit(i, i + 1, tuple(codes), "group", "anaphor", sector=referent.sector if len(codes) == 1 else None,
                   person=referent.person if len(codes) == 1 else None, role=referent.role if len(codes) == 1 else None)

    def _participle_compound(self, end: int) -> str | None:
        """The context list of the participle in "<actor>-<participle>" right after ``end``
        ("Iranian-made", "US-brokered"), else None."""
        if end + 1 >= self.sent_end or self.words[end] not in ("-", "–") or self.starts[end] != self._end_char(end):
            return None
        word = self._lower(end + 1)
        for name in PARTICIPLE_LISTS:
            if word in self.gaz.words(name):
                return name
        return None

    def _emblem_follows(self, i: int) -> bool:
        """Whether an emblem noun follows a state word ending before token ``i``, directly or after a
        short list of other state words ("EU and Georgian flags")."""
        emblems = self.gaz.words("emblem_noun")
        k = i
        while k < min(self.sent_end, i + MAX_EMBLEM_LIST) and (
                self.words[k] in ("and", ",", "or") or (k in self.orth and self.words[k][:1].isupper())):
            k = self.orth[k][0] if k in self.orth else k + 1
        return k < self.sent_end and self._lower(k) in emblems

    def _party_after(self, i: int) -> tuple[int, str] | None:
        """A party's name after a state's possessive: an optional "ruling", "governing" or
        "opposition", then two to five capitalised words ending in "Party"; its end and sector."""
        sector = "party"
        if i < self.sent_end and self._lower(i) in PARTY_MODIFIERS:
            sector = PARTY_MODIFIERS[self._lower(i)]
            i += 1
        k = i
        while k < min(self.sent_end, i + MAX_PARTY_WORDS) and not self.consumed[k] and (
                is_name_token(self.words[k]) or (k > i and self._lower(k) in ("of", "and", "for"))):
            if self.words[k] == "Party":
                return (k + 1, sector) if k > i else None
            k += 1
        return None

    def _dateline(self, start: int, end: int, row: FormRow) -> bool:
        """A wire story's dateline: the city a report was filed from ("KYIV, July 8 (Reuters) -",
        "ANKARA —") is where the reporter was, not a party."""
        if row.via not in ("capital", "seat", "city") or end >= self.sent_end:
            return False
        # not at the sentence's start: only the second city of a joint dateline ("ISLAMABAD/NEW DELHI, April 24")
        if start != self.sent_start and not (
                start - 2 >= self.sent_start and self.words[start - 1] == "/"
                and all(w.isupper() or w == "/" for w in self.words[self.sent_start:start])):
            return False
        nxt = self.words[end]
        if nxt in DATELINE_DASHES:
            return True
        if nxt == "/" and self.words[start].isupper() and end + 1 < self.sent_end and self.words[end + 1].isupper():
            return True  # the first city of a joint dateline, written in capitals
        if nxt != "," or end + 1 >= self.sent_end:
            return False
        # "KYIV, July 8", "WASHINGTON, 31 March 2023"
        month = end + 2 if self.words[end + 1].isdigit() and end + 2 < self.sent_end else end + 1
        return self._lower(month).rstrip(".") in MONTHS

    def _locative(self, start: int, row: FormRow) -> bool:
        """A capital or seat used as a location ("talks in Tokyo"), or a country name with a
        compass word ("in southern Japan")."""
        prev = start - 1
        if prev < self.sent_start:
            return False
        word = self._lower(prev)
        if row.via in ("capital", "seat", "city"):
            return word in self.gaz.words("locative")
        if word in self.gaz.words("compass") and prev - 1 >= self.sent_start:
            return self._lower(prev - 1) in self.gaz.words("locative")
        return False


    def _on_lower(self, i: int) -> int | None:
        for end, key in self.lower.get(i, ()):
            if end > self.sent_end:
                continue
            if key.category == TITLE:
                nxt = self._on_title(i, end, key.key)
            elif key.category == FOCUS:
                nxt = self._on_focus(i, end, key.key)
            elif key.category == DOMESTIC:
                nxt = self._on_domestic(i, end, key.key)
            elif key.category == ORGAN:
                nxt = self._on_organ(i, end, key.key)
            else:
                continue
            if nxt is not None:
                return nxt
        return None


    def _on_organ(self, start: int, end: int, organ: str) -> int | None:
        """ "the Council", "the Board", "the bloc": the organisation mentioned last that has it."""
        if start - 1 < self.sent_start or self._lower(start - 1) != "the" or self._actor_follows_of(end):
            return None
        if organ in self.gaz.capitalised_organs and not self.words[start][:1].isupper():
            return None
        owners = self.gaz.organs.get(organ, frozenset())
        code = next((c for c in reversed(self.ctx.recent_orgs) if c in owners), None)
        if code is None:
            return None
        self._emit(start - 1, end, (code,), "org", "organ")
        return end

    def _actor_follows_of(self, end: int) -> bool:
        """Whether "of <actor>" follows token ``end - 1`` ("the government of Sudan")."""
        if end + 1 >= self.sent_end or self._lower(end) != "of":
            return False
        hit = self.orth.get(end + 1)
        return hit is not None and hit[1].category == ACTOR and hit[0] <= self.sent_end

    def _on_focus(self, start: int, end: int, phrase: str) -> int | None:
        focus = self.gaz.focus_phrases[phrase]
        first = start
        if focus.kind == "pair":
            if phrase != "bilateral" and not phrase.startswith("both"):
                if start - 1 < self.sent_start or self._lower(start - 1) not in DETERMINERS_DEFINITE:
                    return None
                first = start - 1
            pair = self.ctx.pair_in_focus(states_only=any(word in phrase for word in STATE_PAIR_WORDS))
            if pair is None:
                return None
            self._emit(first, end, pair, "group", "pair", sector=focus.sector)
            return end
        # a single state: "the Southeast Asian nation", "Vietnam, a key Southeast Asian nation"
        j = start - 1
        skipped = 0
        while j >= self.sent_start and skipped < 2 and self.words[j].isalpha() and self._lower(j) not in (
                DETERMINERS_DEFINITE | DETERMINERS_INDEFINITE):
            j -= 1
            skipped += 1
        if j < self.sent_start:
            return None
        determiner = self._lower(j)
        group = None if focus.group == ANY_GROUP else self.gaz.groups.get(focus.group, frozenset())
        code: str | None = None
        if determiner in DETERMINERS_DEFINITE:
            if self._lower(end - 1) in ("country", "nation") and end < self.sent_end and self.words[end][:1].isupper():
                return None  # "the Nation Party"
            code = self.ctx.single_in_focus(group)
        elif determiner in ("a", "an") and j - 1 >= self.sent_start and self.words[j - 1] == ",":
            # apposition: the actor right before the comma
            before = [m for m in self.ctx.current_sentence if m.end == self.starts[j - 1] and m.kind in ("state", "group")]
            if before and len(before[-1].codes) == 1 and (group is None or before[-1].codes[0] in group):
                code = before[-1].codes[0]
        if code is None:
            return None
        self._emit(j, end, (code,), "group", "focus")
        return end

    def _on_token(self, i: int) -> int:
        text = self.words[i]
        if self.ctx.persons and is_name_token(text):
            person = self.ctx.persons.find(text)
            via = "surname"
            if person is None and text not in self.m.single_token_forms:
                person = self.ctx.persons.find_fuzzy(text)
            if person is not None:
                end = read_name(self.words, self.starts, i, self.sent_end)
                name = self._span(i, end)
                if end > i + 1 and self.ctx.persons.find(name) is person:
                    via = "person"
                else:
                    end = i + 1
                return self._person_mention(i, end, person, via=via)
        if "-" in text or "–" in text:
            if len(text) > 1:
                self._split_compound(i)
        elif is_name_token(text) and not self._near_name(i):
            misspelled = self.m.misspelled(text)
            if misspelled is not None:
                form, is_leader = misspelled
                if is_leader:
                    return self._on_leader_name(i, i + 1, form)
                row = self.gaz.resolve(form, self.day)
                if row is not None:
                    return self._on_actor(i, i + 1, row)
        return i + 1

    def _near_name(self, i: int) -> bool:
        """Whether token i sits in a run of capitalised words (a name, an organisation)."""
        before = i - 1 > self.sent_start and is_name_token(self.words[i - 1])
        after = i + 1 < self.sent_end and is_name_token(self.words[i + 1])
        return before or after

    def _split_compound(self, i: int) -> None:
        """Actors inside one hyphenated token: "U.S.-Japan", "U.S.-led"."""
        offset = self.starts[i]
        parts = self.words[i].replace("–", "-").split("-")
        for k, part in enumerate(parts):
            row = self.gaz.resolve(part, self.day) if part in self.m.single_token_forms else None
            after = parts[k + 1].lower() if k + 1 < len(parts) else ""
            compound = next((name for name in PARTICIPLE_LISTS if after in self.gaz.words(name)), None)
            prefixed = k > 0 and parts[k - 1].lower() in self.gaz.words("compound_prefix")
            if row is not None and compound != "origin_participle" and not prefixed:
                kind = {"territory_participle": "place", "broker_participle": "broker"}.get(
                    compound or "", self._kind(row.code))
                mention = Mention(start=offset, end=offset + len(part), text=part, codes=(row.code,),
                                  kind=kind, via=row.via, sector=row.sector)
                self.mentions.append(mention)
                self.ctx.add(mention)
            offset += len(part) + 1
        self.consumed[i] = 1
