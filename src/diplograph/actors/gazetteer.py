"""The actor gazetteer: states, organisations, their names, aliases, demonyms, capitals and seats
of power, read once from the versioned tables in ``actors/data/`` (see its README.md)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplograph.errors import UnknownActorError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
ANY_GROUP = "*"
LEADER_COLUMNS = ("name", "keys", "code", "title", "role", "from", "to", "source")


@dataclass(frozen=True)
class Actor:
    """A state or organisation the gazetteer knows."""

    code: str
    name: str
    kind: str  # "state" or "org"
    historic: bool = False
    ended: dt.date | None = None


@dataclass(frozen=True)
class FormRow:
    """One meaning of a surface form: the actor it names, how, and (optionally) when."""

    code: str
    via: str  # name, alias, demonym, capital, seat
    sector: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)


@dataclass(frozen=True)
class Leader:
    """A well-known office holder with a tenure (leaders.tsv)."""

    name: str
    keys: tuple[str, ...]
    code: str
    title: str
    role: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str = ""

    def holds_on(self, day: dt.date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)


@dataclass(frozen=True)
class DomesticGroup:
    """A group noun standing for a part of a state without naming it ("the rebels", "police")."""

    sector: str
    needs_the: bool  # "the government" is an actor, "government bonds" is not
    # "a court in Dhaka", "a special tribunal": any article will do (still not a bare "court ruling")
    any_article: bool = False
    # "the ministry", "the spokesman": only the state that named the same noun before ("China's
    # foreign ministry ... the ministry"), never a guess from the sentence's states
    refers_back: bool = False


@dataclass(frozen=True)
class FocusPhrase:
    kind: str  # "pair" or "single"
    group: str
    sector: str | None


def _numbered_rows(name: str) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a TSV table with their line numbers: comment lines and the header row
    skipped."""
    header_seen = False
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            yield number, line.split("\t")


def _rows(name: str) -> Iterator[list[str]]:
    """The data rows of a TSV table: comment lines and the header row skipped."""
    for _number, row in _numbered_rows(name):
        yield row


def _date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


def period_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a date written as YYYY-MM-DD, YYYY-MM or YYYY (None when
    blank); raises ValueError for anything else. Term dates whose day (or month) is not known
    are written as the month (or year)."""
    text = text.strip()
    if not text:
        return None
    parts = text.split("-")
    if len(parts) == 3 and len(parts[0]) == 4:
        day = dt.date.fromisoformat(text)
        return day, day
    if not all(part.isdigit() for part in parts) or len(parts[0]) != 4 or len(parts) > 2 or (
            len(parts) == 2 and len(parts[1]) != 2):
        raise ValueError(f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {text!r}")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    first = dt.date(year, month, 1)  # ValueError for month 13
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def read_leader(fields: list[str]) -> Leader:
    """One row of leaders.tsv (name, keys, code, title, role, from, to, source). A partial
    ``from`` date counts from the first day of its month or year, a partial ``to`` until the
    last day, so an uncertain day widens the term rather than inventing one."""
    if len(fields) != len(LEADER_COLUMNS):
        raise ValueError(f"{len(fields)} columns, expected {len(LEADER_COLUMNS)} ({', '.join(LEADER_COLUMNS)})")
    name, keys, code, title, role, start, end, source = (field.strip() for field in fields)
    if not name or not code or not title or not role or not source:
        raise ValueError("name, code, title, role and source are required")
    first = period_bounds(start)
    last = period_bounds(end)
    return Leader(name, tuple(_split(keys)), code, title, role, first[0] if first else None,
                  last[1] if last else None, source)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


def _usable_name(name: str) -> bool:
    # ISO names such as "Korea, Republic of" or "Falkland Islands (Malvinas)" never occur in prose
    return bool(name) and "," not in name and "(" not in name and "Province of" not in name


class Gazetteer:
    """All actor reference data, indexed for the matcher and for name look-ups."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.forms: dict[str, list[FormRow]] = {}
        self.blockers: set[str] = set()
        self.person_name_forms: set[str] = set()
        self.context_blockers: dict[str, tuple[str, ...]] = {}
        self.sectors: dict[str, str] = {}
        self.titles: dict[str, tuple[str, str | None]] = {}
        # titles of a state office: title + name resolve to the one state in focus
        self.office_titles: frozenset[str] = frozenset()
        self.domestic_groups: dict[str, DomesticGroup] = {}
        self.leaders: list[Leader] = []
        self.focus_phrases: dict[str, FocusPhrase] = {}
        self.groups: dict[str, frozenset[str]] = {}
        # organ ("council", "board", lower case) -> the organisations that have it
        self.organs: dict[str, frozenset[str]] = {}
        # sector nouns that come from agents.tsv (used after state names and demonyms only)
        self.agent_phrases: frozenset[str] = frozenset()
        self.capitalised_organs: frozenset[str] = frozenset()
        self.context_words: dict[str, frozenset[str]] = {}
        self._lower_index: dict[str, list[str]] = {}

    # ----------------------------------------------------------------------------- loading
    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Gazetteer:
        """The gazetteer built from the shipped data files (read once, then cached)."""
        gazetteer = cls()
        gazetteer._load_states()
        gazetteer._load_orgs()
        gazetteer._load_institutions()
        gazetteer._load_dated_forms()
        gazetteer._load_context_tables()
        gazetteer._build_lower_index()
        log.debug("gazetteer: %d actors, %d forms", len(gazetteer.actors), len(gazetteer.forms))
        return gazetteer

    def _add_form(self, form: str, row: FormRow) -> None:
        form = form.strip()
        if not form:
            return
        rows = self.forms.setdefault(form, [])
        if all(existing.code != row.code or existing.valid_from != row.valid_from for existing in rows):
            rows.append(row)

    def _load_states(self) -> None:
        official: dict[str, list[str]] = {}
        for alpha3, _alpha2, _num, name, official_name, common_name, historic, _until in _rows("states.tsv"):
            if historic == "1":
                continue
            display = common_name or name
            self.actors[alpha3] = Actor(alpha3, display, "state")
            official[alpha3] = [n for n in (name, official_name, common_name) if _usable_name(n)]
        for code, name, _ended_note in ((r[0], r[1], r[2]) for r in _rows("historical.tsv")):
            self.actors[code] = Actor(code, name, "state", historic=True, ended=_date(_ended_note))
        for code, name, aliases, demonyms, capitals in _rows("state_forms.tsv"):
            if code not in self.actors:
                self.actors[code] = Actor(code, name or code, "state")
            elif name:
                self.actors[code] = Actor(code, name, "state")
            for form in official.get(code, []):
                self._add_form(form.removeprefix("the "), FormRow(code, "name"))
            for form in _split(aliases):
                self._add_form(form, FormRow(code, "alias"))
            for form in _split(demonyms):
                self._add_form(form, FormRow(code, "demonym"))
            for form in _split(capitals):
                self._add_form(form, FormRow(code, "capital"))
        # the display name is always a form (e.g. "Vietnam", "Laos")
        for actor in list(self.actors.values()):
            if not actor.historic:
                self._add_form(actor.name, FormRow(actor.code, "name"))

    def _load_orgs(self) -> None:
        for code, name, aliases, seats in _rows("orgs.tsv"):
            self.actors[code] = Actor(code, name, "org")
            self._add_form(name, FormRow(code, "name"))
            for form in _split(aliases):
                self._add_form(form, FormRow(code, "alias"))
            for form in _split(seats):
                # an organisation's seat wins over the host state's capital ("Brussels" -> EU)
                self.forms[form] = [FormRow(code, "seat")]

    def _load_institutions(self) -> None:
        for form, code, sector in _rows("institutions.tsv"):
            # a territory or city without a sector is a place that may stand for its state
            self.forms[form] = [FormRow(code, "seat" if sector else "city", sector or None)]
        for form, code, sector in _rows("nonstate_groups.tsv"):
            self.forms[form] = [FormRow(code, "group", sector or None)]

    def _load_dated_forms(self) -> None:
        dated: dict[str, list[FormRow]] = {}
        for form, code, via, start, end, sector in _rows("dated_forms.tsv"):
            dated.setdefault(form, []).append(FormRow(code, via, sector or None, _date(start), _date(end)))
        # a form listed here is authoritative: its undated meaning elsewhere is replaced
        self.forms.update(dated)

    def _load_context_tables(self) -> None:
        self.blockers = {row[0] for row in _rows("not_actors.tsv")}
        for form, person_name, context in _rows("ambiguous_forms.tsv"):
            if person_name == "1":
                self.person_name_forms.add(form)
            if context:
                self.context_blockers[form] = tuple(_split(context))
        self.sectors = {phrase.lower(): sector for phrase, sector in _rows("sectors.tsv")}
        # the PETRARCH2 agent nouns (agents.tsv, derived; MIT) where sectors.tsv has none of its own
        own = set(self.sectors)
        for phrase, sector in _rows("agents.tsv"):
            self.sectors.setdefault(phrase.lower(), sector)
        self.agent_phrases = frozenset(set(self.sectors) - own)
        title_rows = list(_rows("titles.tsv"))
        self.titles = {row[0].lower(): (row[1], row[2] or None) for row in title_rows}
        self.office_titles = frozenset(row[0].lower() for row in title_rows if len(row) > 3 and row[3] == "1")
        self.domestic_groups = {phrase.lower(): DomesticGroup(sector, determiner in ("the", "a", "back"), determiner == "a", determiner == "back")
                                for phrase, sector, determiner in _rows("domestic_groups.tsv")}
        for number, fields in _numbered_rows("leaders.tsv"):
            try:
                self.leaders.append(read_leader(fields))
            except ValueError as error:
                raise ValueError(f"leaders.tsv line {number}: {error}") from error
        for phrase, kind, group, sector in _rows("focus_phrases.tsv"):
            self.focus_phrases[phrase.lower()] = FocusPhrase(kind, group, sector or None)
        self.groups = {group: frozenset(codes.split()) for group, codes in _rows("groups.tsv")}
        organs: dict[str, set[str]] = {}
        capitalised: set[str] = set()
        for organ, code in _rows("organs.tsv"):
            organs.setdefault(organ.lower(), set()).add(code)
            if organ[:1].isupper():
                capitalised.add(organ.lower())  # "the Council", not a city's "council"
        self.organs = {organ: frozenset(codes) for organ, codes in organs.items()}
        self.capitalised_organs = frozenset(capitalised)
        lists: dict[str, set[str]] = {}
        for name, word in _rows("context_words.tsv"):
            lists.setdefault(name, set()).add(word.lower())
        self.context_words = {name: frozenset(words) for name, words in lists.items()}

    def _build_lower_index(self) -> None:
        for form, rows in self.forms.items():
            codes = self._lower_index.setdefault(form.lower(), [])
            for row in rows:
                if row.code not in codes:
                    codes.append(row.code)

    # ----------------------------------------------------------------------------- queries
    def resolve(self, form: str, published: dt.date | None = None) -> FormRow | None:
        """The meaning of an exact surface form on the article's date (None: not an actor on
        that date). Without a date, today's meaning is used."""
        rows = self.forms.get(form)
        if not rows:
            return None
        day = published or dt.date.today()
        for row in rows:
            if row.holds_on(day):
                return row
        return None

    def words(self, name: str) -> frozenset[str]:
        """A context word list from context_words.tsv (lower case; empty when unknown)."""
        return self.context_words.get(name, frozenset())

    def leaders_named(self, name: str) -> list[Leader]:
        return [leader for leader in self.leaders if name == leader.name or name in leader.keys]

    def lookup(self, name: str) -> str:
        """The actor code for a code or a name ("VNM", "vnm", "Vietnam", "the US").

        Raises UnknownActorError for anything the gazetteer does not know."""
        if not isinstance(name, str) or not name.strip():
            raise UnknownActorError(f"unknown actor: {name!r}")
        text = " ".join(name.split())
        if text.upper() in self.actors:
            return text.upper()
        candidates = [text]
        lowered = text.lower()
        if lowered.startswith("the "):
            candidates.append(text[4:])
        for candidate in candidates:
            row = self.resolve(candidate)
            if row is None and self.forms.get(candidate):
                row = self.forms[candidate][-1]  # a name used only in the past ("Bonn", "FRG")
            if row is not None:
                return row.code
        for candidate in candidates:
            codes = self._lower_index.get(candidate.lower(), [])
            if len(codes) == 1:
                return codes[0]
            if codes:
                row = self.resolve(next(f for f in self.forms if f.lower() == candidate.lower()))
                if row is not None:
                    return row.code
        raise UnknownActorError(f"unknown actor: {name!r}")

    def name(self, code: str) -> str:
        actor = self.actors.get(code.upper()) if isinstance(code, str) else None
        if actor is None:
            raise UnknownActorError(f"unknown actor code: {code!r}")
        return actor.name

    def is_state(self, code: str) -> bool:
        actor = self.actors.get(code.upper()) if isinstance(code, str) else None
        if actor is None:
            raise UnknownActorError(f"unknown actor code: {code!r}")
        return actor.kind == "state"


def lookup_actor(name: str) -> str:
    """The code of a state or organisation named by code or name; raises UnknownActorError."""
    return Gazetteer.load().lookup(name)


def actor_name(code: str) -> str:
    """The display name of an actor code ("VNM" -> "Vietnam"); raises UnknownActorError."""
    return Gazetteer.load().name(code)


def is_state(code: str) -> bool:
    """True for states (ISO 3166-1 and historical), False for organisations."""
    return Gazetteer.load().is_state(code)
