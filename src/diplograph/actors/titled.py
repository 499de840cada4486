"""Persons in the matcher's walk: titled persons ("Japanese Prime Minister Fumio Kishida",
"President Joe Biden", "Wang Yi, China's foreign minister", "King Hassan of Morocco"), leaders known
by name from the dated leaders table, and later mentions of a person by surname. See docs/actors.md,
"titled persons"."""

from __future__ import annotations

import datetime as dt

from diplograph.actors.domestic import DomesticRules
from diplograph.actors.gazetteer import Leader
from diplograph.actors.match_keys import MatchKey, NameLookups
from diplograph.actors.persons import Person, is_name_token, read_name

# the sector of a former office holder (every term in the leaders table over by the article's date)
FORMER_SECTOR = "opposition"


class TitledPersonRules(DomesticRules):
    """Part of the matcher's left-to-right walk (``MentionWalk`` in walk.py): persons named with a
    title or known as office holders."""

    m: NameLookups
    day: dt.date | None
    orth: dict[int, tuple[int, MatchKey]]
    lower: dict[int, list[tuple[int, MatchKey]]]

    def _span(self, start_tok: int, end_tok: int) -> str:
        raise NotImplementedError

    def _kind(self, code: str) -> str:
        raise NotImplementedError

    def _after_possessive(self, i: int) -> int:
        raise NotImplementedError

    def _stops(self) -> set[int]:
        raise NotImplementedError

    def _person_mention(self, start: int, end: int, person: Person, via: str) -> int:
        """Emit a person mention; "Kishida's government" becomes the state's government."""
        after = self._after_possessive(end)
        # "Kishida's government", "the Bush administration"
        if after < self.sent_end and self._lower(after) in self.gaz.words("government_noun"):
            self._emit(start, after + 1, (person.code,), self._kind(person.code), "person",
                       sector="government", person=person.name, role=person.role)
            return after + 1
        self._emit(start, end, (person.code,), "person", via, sector=person.sector, person=person.name,
                   role=person.role)
        return end

    def _leader(self, name: str) -> tuple[Leader | None, bool]:
        """The office holder a name refers to on the article's date, and whether the date falls
        within the tenure (False: same person, role unknown)."""
        leaders = self.m.leaders_for(name)
        if not leaders:
            return None, False
        day = self.day or dt.date.today()
        for leader in leaders:
            if leader.holds_on(day):
                return leader, True
        codes = {leader.code for leader in leaders}
        if len(codes) == 1:
            return leaders[-1], False
        return None, False

    def _out_of_office_sector(self, name: str) -> str | None:
        """"opposition" for a person whose every term in the leaders table ended before the
        article's date (a former leader acting at home is an opposition politician: "Hasina denied
        the charges"); None otherwise (in office, not yet in office, or no date)."""
        if self.day is None:
            return None
        leaders = self.m.leaders_for(name)
        if leaders and all(leader.valid_to is not None and leader.valid_to < self.day for leader in leaders):
            return FORMER_SECTOR
        return None

    def _on_leader_name(self, start: int, end: int, name: str) -> int:
        known = self.ctx.persons.find(name)
        if known is None:
            leader, in_office = self._leader(name)
            if leader is None:
                return end
            if not in_office and self.day is not None and " " not in name:
                # a bare surname outside the tenure is likely someone else ("Clinton County")
                return end
            known = self.ctx.persons.add(Person(
                leader.name, leader.code, leader.title if in_office else None,
                leader.role if in_office else self._out_of_office_sector(name), keys=(name,)))
            if name != leader.name:
                self.ctx.persons.by_key.setdefault(name, known)
        via = "surname" if name != known.name and " " not in name else "person"
        return self._person_mention(start, end, known, via=via)


    def _titled(self, start: int, name_start: int, name_end: int, code: str, role_text: str,
                role: str) -> int:
        """A person with a state and a title; the name follows (``name_end > name_start``),
        stands before in apposition ("Wang Yi, China's foreign minister"), or is not given."""
        if name_end > name_start:
            name_end = self._known_prefix(name_start, name_end) or name_end
            name = self._span(name_start, name_end)
            person = self.ctx.persons.add(Person(name, code, role_text, role))
            return self._person_mention(start, name_end, person, via="person")
        before = self._name_before(start)
        if before is not None:
            name = self._span(before, self._name_run_end(before))
            person = self.ctx.persons.add(Person(name, code, role_text, role))
            self._emit(before, name_start, (code,), "person", "person", sector=role, person=person.name,
                       role=role_text)
            return name_start
        after = self._name_after_comma(name_start)
        if after is not None:
            # "Serbia's prime minister, Milos Vucevic, resigned": the name in apposition after the
            # title is remembered for later mentions by surname
            person = self.ctx.persons.add(Person(self._span(name_start + 1, after), code, role_text, role))
            self._emit(start, name_start, (code,), "person", "person", sector=role, person=person.name,
                       role=role_text)
            return after
        self._emit(start, name_start, (code,), "person", "person", sector=role, role=role_text)
        return name_start

    def _name_after_comma(self, comma: int) -> int | None:
        """The end of a name of two or more words standing between commas right after a title
        phrase ("China's foreign minister, Wang Yi, said"); None when there is none."""
        if comma + 1 >= self.sent_end or self.words[comma] != ",":
            return None
        end = read_name(self.words, self.starts, comma + 1, self.sent_end, self._stops())
        if end - (comma + 1) < 2 or end >= self.sent_end or self.words[end] != ",":
            return None
        if any(self.consumed[k] for k in range(comma + 1, end)):
            return None
        return end

    def _host_capital(self, i: int) -> str | None:
        """The state whose capital follows "in" at token ``i`` ("... in Honiara"), else None."""
        if i + 1 >= self.sent_end or self._lower(i) != "in" or (i + 1) not in self.orth:
            return None
        end, key = self.orth[i + 1]
        row = self.gaz.resolve(key.key, self.day)
        if row is None or row.via != "capital" or end > self.sent_end or self._kind(row.code) != "state":
            return None
        before = [m for m in self.ctx.current_sentence if m.kind != "place"]
        if before and row.code in before[-1].codes:
            return None  # "Biden met President X in Washington": the host is the one who met him
        return row.code

    def _known_prefix(self, start: int, end: int) -> int | None:
        """The end of the longest known person's name at the start of a run of capitalised words
        ("Biden Meets Xi" in a title-case headline -> "Biden"); None when no prefix is known."""
        for stop in range(end, start, -1):
            name = self._span(start, stop)
            if self.ctx.persons.find(name) is not None or self.m.leaders_for(name):
                return stop
        return None

    def _name_before(self, start: int) -> int | None:
        """Where a person's name starts when it stands before ", [the] <title phrase>"."""
        j = start - 1
        if j > self.sent_start and self._lower(j) == "the":
            j -= 1
        if j <= self.sent_start or self.words[j] != ",":
            return None
        k = j
        while k - 1 >= self.sent_start and j - k < 4 and not self.consumed[k - 1] and is_name_token(self.words[k - 1]):
            k -= 1
        if k == j:
            return None
        if j - k < 2 and not self.m.leaders_for(self.words[k]):
            return None  # one capitalised word before a comma is too weak a name ("Officials, ...")
        return k

    def _name_run_end(self, k: int) -> int:
        while self.words[k] != ",":
            k += 1
        return k

    def _on_title(self, start: int, end: int, title_key: str) -> int | None:
        """A title without a state word before it: "President Joe Biden", "Emperor Naruhito",
        "President of Vietnam Vo Van Thuong", "the foreign minister of Japan"."""
        role, hint = self.gaz.titles[title_key]
        if self._actor_follows_of(end):
            actor_end, key = self.orth[end + 1]
            row = self.gaz.resolve(key.key, self.day)
            if row is not None and row.via in ("name", "alias"):
                name_end = read_name(self.words, self.starts, actor_end, self.sent_end, self._stops())
                return self._titled(start, actor_end, name_end, row.code, self._span(start, end), role)
        office = title_key in self.gaz.office_titles
        # "visiting President X", "talks with Prime Minister X": a guest or partner, whose state
        # is not the one the sentence is about
        guest = self._after_cue(self.starts[start], -1) or (
            start > self.sent_start and self._lower(start - 1) == "visiting")
        # "Minister for Interior Aftab Sherpao": the name follows the portfolio
        name_start = self._portfolio_end(end) if office else end
        name_end = read_name(self.words, self.starts, name_start, self.sent_end, self._stops())
        # a lower-case title ("former prime minister Andreas Papandreou") needs a full name
        if name_end == name_start or (not self.words[start][:1].isupper() and name_end - name_start < 2):
            return None
        name_end = self._known_prefix(name_start, name_end) or name_end
        name = self._span(name_start, name_end)
        person = self.ctx.persons.find(name)
        if person is None and self._actor_follows_of(name_end):
            # "King Hassan of Morocco"
            row = self.gaz.resolve(self.orth[name_end + 1][1].key, self.day)
            if row is not None and row.via in ("name", "alias") and self._kind(row.code) == "state":
                person = self.ctx.persons.add(Person(name, row.code, self._span(start, end), role))
        if person is None:
            leader, in_office = self._leader(name)
            if leader is None and name_end - end > 1:
                # "President Francois Mitterand": the surname alone, exact or misspelled
                surname = self.words[name_end - 1]
                misspelled = self.m.misspelled(surname)
                if not self.m.leaders_for(surname) and misspelled is not None and misspelled[1]:
                    surname = misspelled[0]
                leader, in_office = self._leader(surname)
            if leader is not None:
                person = self.ctx.persons.add(Person(
                    leader.name, leader.code, self._span(start, end),
                    role if in_office else self._out_of_office_sector(leader.name), keys=(name,)))
            elif hint is not None and hint in self.ctx.seen_codes:
                person = self.ctx.persons.add(Person(name, hint, self._span(start, end), role))
            elif office and guest and (host := self._host_capital(name_end)) is not None:
                # "a delegation met Prime Minister X in Honiara": the host, met in his own capital
                person = self.ctx.persons.add(Person(name, host, self._span(start, end), role))
            elif (office and hint is None and not guest and self._state_officer(start, self.lower)
                  and not self._company_name(name_start, name_end)):
                return self._defer_person(start, name_end, name, self._span(start, end), role)
        if person is None:
            return None
        return self._person_mention(start, name_end, person, via="person")

