"""The two sides of an event, once the grammar has named its parties (structure.py): their CAMEO
agent codes (sectors) and no false self-events.

- Sectors come from the mentions' sector names (gazetteer tables) through one data file,
  ``actors/data/sector_codes.tsv``: "Ukraine's air force" is UKR with MIL; a leader, minister,
  diplomat or the government acting abroad is the state as a whole (no sector).
- A state is its own recipient only in a domestic event: both sides of one state with different
  sectors (police and protesters, a court and an opposition leader). Then both sides carry a
  sector, the state's own side GOV where the text names no other.
- Otherwise the actor's state is taken out of the recipient; an event left without a recipient
  takes the other party of its sentence, and where the grammar named no other party (the parse
  filled one side from the other), the article's focus decides: the state the article pairs the
  actor with ("Pakistan violated the ceasefire" in an India-Pakistan story is PAK -> IND), or, in
  a story about one state, the domestic other side (the government's measure is on civilians,
  protesters march against the government).
See docs/actors.md, "Sectors" and "Coreference"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Mention

SECTOR_TABLE = Path(__file__).resolve().parents[1] / "actors" / "data" / "sector_codes.tsv"
NONE = "-"
# agents of the state: in a domestic event their counterpart is society (and the reverse)
STATE_SIDE = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
# sectors whose actions are domestic by nature when their own state is the only one in view
DOMESTIC_AGENTS = frozenset({"COP", "JUD", "LEG", "OPP", "PTY", "CVL", "EDU", "LAB", "REF", "NGO", "MED", "BUS",
                             "REB"})
# events whose agent a story may leave unnamed on the target's own soil ("a landmine killed three
# farmers", "gunmen attacked a village"): the domestic other side acted
UNNAMED_AGENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# the state's security forces are one side: "Chinese police and armed forces" is no domestic event
SECURITY_FORCES = frozenset({"MIL", "COP", "SPY"})
# parts of a state that act at home when the text names no target (rebels, the opposition, police,
# courts, parties): not companies or the media, whose acts in business news are no events against
# their government
HOME_AGENTS = frozenset({"REB", "OPP", "COP", "JUD", "PTY"})
# in a story about one state, these acts with no target named are aimed at its own society or
# government (a domestic event)
HOME_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# sectors (gazetteer names) of a state's society and politics at home: a story that names them often
# for a state is about that state's domestic affairs (protests, a crackdown, a trial, a mutiny)
# (not parliament, parties or unions: business and political news name them in stories of bills and
# votes, where the Reuters sample measured false domestic events)
DOMESTIC_SECTOR_NAMES = frozenset({"civilians", "police", "opposition", "armed group", "education", "judiciary",
                                   "refugees"})
# a domestic story: at least this weight of such mentions, and this share of the partner's weight
DOMESTIC_STORY_MIN = 5.0
DOMESTIC_STORY_SHARE = 0.33
# in a domestic story, the state's acts of these types with no target named are on its own society
# (or government): measured on the annotated articles about one state, their gold recipients are
# almost all the state itself
DOMESTIC_STORY_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONCEDE", "RETREAT", "REQUEST",
                                  "THREATEN", "ACCUSE"})
# events whose joint actors (two or more states) are each other's counterparts: no recipient
JOINT_TYPES = frozenset({"AGREE"})
# a state named on both sides of these, with no sector to tell its parts apart, is a misreading
# (in business news: "Venezuela and its bank advisory committee agreed"), not a domestic event
COOPERATION_TYPES = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID"})
# what joins the members of a list of parties, and which mentions can be listed
# (not ", or": "the Pakistani Taliban, or TTP" renames)
LIST_JOINERS = frozenset({", ", " and ", ", and "})
LIST_KINDS = frozenset({"state", "org"})
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "´s", "`s"})
# how a state counts towards an article's focus: its headline mentions weigh more
TITLE_WEIGHT = 3.0
PLACE_WEIGHT = 0.5
# a second state is the article's partner state when it has at least this share of the first's weight
PARTNER_SHARE = 0.25
PARTNER_MIN = 2.0


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    from ..actors import Gazetteer

    return frozenset(code for code, actor in Gazetteer.load().actors.items() if actor.kind == "state")


@lru_cache(maxsize=1)
def sector_table() -> dict[str, tuple[str | None, str]]:
    """sector name -> (code between states or None, code in a domestic event)."""
    table: dict[str, tuple[str | None, str]] = {}
    header = False
    for line in SECTOR_TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        name, foreign, domestic = line.split("\t")[:3]
        table[name] = (None if foreign == NONE else foreign, domestic)
    return table


def sector_code(sector: str | None, *, domestic: bool) -> str | None:
    """The CAMEO agent code of a sector name (None: the state as a whole, abroad)."""
    if sector is None:
        return "GOV" if domestic else None
    foreign, home = sector_table().get(sector, (None, "GOV"))
    return home if domestic else foreign


def acting_sector(sector: str | None, event_type: str) -> str:
    """The acting side's code in a domestic event: protest is society's ("Chile's protests" are
    CVL against the government), every other act of the state as a whole is the government's."""
    if sector is None and event_type == "PROTEST":
        return "CVL"
    return sector_code(sector, domestic=True) or "GOV"


def counterpart(code: str | None) -> str:
    """The other side of a domestic event the text does not name: society for the state's agents,
    the government for everyone else."""
    return "CVL" if code is None or code in STATE_SIDE else "GOV"


@dataclass
class ArticleFocus:
    """Which states an article is about: weights of the states it names (headline mentions count
    more), read from the document's actor mentions."""

    weights: dict[str, float] = field(default_factory=dict)
    # how much of each state's weight comes from mentions of its society and politics at home
    domestic: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, mentions: Iterable[Mention], title_end: int | None) -> ArticleFocus:
        states = state_codes()
        weights: Counter[str] = Counter()
        domestic: Counter[str] = Counter()
        for mention in mentions:
            weight = TITLE_WEIGHT if title_end is not None and mention.start < title_end else 1.0
            if mention.kind == "place":
                weight *= PLACE_WEIGHT  # where things happen says less about whom the story is about
            for code in mention.codes:
                if code in states:
                    weights[code] += weight
                    if mention.sector in DOMESTIC_SECTOR_NAMES and len(mention.codes) == 1:
                        domestic[code] += weight
        return cls(dict(weights), dict(domestic))

    def domestic_story(self, code: str) -> bool:
        """Whether the article is about ``code``'s domestic affairs: it names the state's society and
        politics (protesters, police, courts, the opposition, rebels) often, also next to a partner."""
        weight = self.domestic.get(code, 0.0)
        if weight < DOMESTIC_STORY_MIN:
            return False
        partner = self.partner(code)
        return partner is None or weight >= DOMESTIC_STORY_SHARE * self.weights.get(partner, 0.0)

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.weights.items(), key=lambda kv: (-kv[1], kv[0]))

    def partner(self, code: str) -> str | None:
        """The state the article pairs ``code`` with: the weightiest other state, when it is one of
        the article's two main states and clearly ahead of the third."""
        ranked = self.ranked()
        if len(ranked) < 2:
            return None
        top = [c for c, _ in ranked[:2]]
        if code not in top:
            # a third state acting: its partner is the article's main state when that stands out
            main, weight = ranked[0]
            return main if main != code and weight >= 2 * ranked[1][1] else None
        other = top[1] if top[0] == code else top[0]
        weight_other = self.weights[other]
        if weight_other < PARTNER_MIN or weight_other < PARTNER_SHARE * ranked[0][1]:
            return None
        if len(ranked) > 2 and ranked[2][1] >= weight_other:
            return None  # a tie for second place: no partner
        return other

    def home(self) -> str | None:
        """The one state a story is about (a domestic story), when no second state rivals it."""
        ranked = self.ranked()
        if not ranked:
            return None
        top, second = ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0
        if second < PARTNER_SHARE * top or (second < PARTNER_MIN and top > second):
            return ranked[0][0]
        return None


@dataclass
class Side:
    """One side of an event: codes in order with the sector name each was named with."""

    codes: list[str] = field(default_factory=list)
    sectors: list[str | None] = field(default_factory=list)  # gazetteer sector names

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> Side:
        side = cls()
        for mention in mentions:
            for code in mention.codes:
                if code in side.codes:
                    k = side.codes.index(code)
                    if side.sectors[k] is None and mention.sector is not None:
                        side.sectors[k] = mention.sector
                    continue
                side.codes.append(code)
                side.sectors.append(mention.sector)
        return side

    def drop(self, code: str) -> None:
        k = self.codes.index(code)
        del self.codes[k]
        del self.sectors[k]


@dataclass
class Sides:
    actor: list[str]
    recipient: list[str]
    actor_sectors: list[str | None]
    recipient_sectors: list[str | None]


def with_list_members(side: Sequence[Mention], pool: Sequence[Mention], text: str, offset: int,
                      taken: Sequence[Mention] = ()) -> list[Mention]:
    """``side`` with the states and organisations listed together with its own ("Kazakhstan,
    Kyrgyzstan, Tajikistan and Uzbekistan", "France, Italy and Poland"), where the parse kept only
    one of them: mentions of ``pool`` joined to a member by nothing but a comma, "and" or "or".
    ``text`` is the sentence, ``offset`` its start in the document; ``taken`` (the other side) is
    never added."""
    members = list(side)
    candidates = sorted((m for m in pool if m.kind in LIST_KINDS and m not in members and m not in taken),
                        key=lambda m: m.start)
    grown = True
    while grown:
        grown = False
        for mention in candidates:
            if mention in members:
                continue
            if any(member.kind in LIST_KINDS and listed_together(member, mention, text, offset)
                   for member in members):
                members.append(mention)
                grown = True
    return sorted(members, key=lambda m: m.start)


def listed_together(a: Mention, b: Mention, text: str, offset: int) -> bool:
    """Whether nothing but a comma, "and" or "or" stands between two mentions."""
    first, second = (a, b) if a.end <= b.start else (b, a)
    if text[second.end - offset:second.end - offset + 2] in POSSESSIVE_ENDINGS:
        return False  # "a visit to India, Pakistan's arch-rival": an apposition, not a list
    return text[first.end - offset:second.start - offset] in LIST_JOINERS


def resolve_sides(actor: Sequence[Mention], recipient: Sequence[Mention], implicit: str | None,
                  others: Sequence[Mention], focus: ArticleFocus | None, event_type: str = "",
                  unnamed_agent: bool = True, target_sector: str | None = None,
                  sentence: tuple[str, int] | None = None) -> Sides:
    """Codes and sectors of both sides. ``implicit`` names the side the parse filled from the other
    ("actor"/"recipient") when the text named only one; ``others`` are the sentence's other party
    mentions, nearest to the trigger first; ``sentence`` (its text and document offset) lets a side
    take the rest of a list it names one member of."""
    states = state_codes()
    if sentence is not None and implicit is None:
        text, offset = sentence
        actor = with_list_members(actor, others, text, offset, recipient)
        recipient = with_list_members(recipient, [m for m in others if m not in actor], text, offset, actor)
        if any(a.kind in LIST_KINDS and r.kind in LIST_KINDS and listed_together(a, r, text, offset)
               for a in actor for r in recipient):
            # "France, Italy and Poland backed the duties" parsed as Poland backing France and Italy:
            # the members of one list are one side, acting together
            actor, recipient = sorted([*actor, *recipient], key=lambda m: m.start), []
    a, r = Side.of(actor), Side.of(recipient)
    if len(a.codes) >= 2:
        for code in [c for c in r.codes if c in a.codes]:
            r.drop(code)  # joint actors: "between X and Y" names no recipient
    domestic_codes: dict[str, tuple[str, str]] = {}
    had_recipient = bool(r.codes)
    for code in [c for c in r.codes if c in a.codes]:
        sa = a.sectors[a.codes.index(code)]
        sr = r.sectors[r.codes.index(code)]
        if implicit is not None:
            decided = _implicit_side(code, sa if implicit == "recipient" else sr, implicit, focus, states,
                                     event_type, unnamed_agent)
            if decided is None:
                r.drop(code)
                continue
            if isinstance(decided, tuple):
                domestic_codes[code] = decided
                continue
            # the focus partner takes the side the text did not name
            if implicit == "recipient":
                r.drop(code)
                if decided not in r.codes and decided not in a.codes:
                    r.codes.append(decided)
                    r.sectors.append(target_sector)
            else:
                k = a.codes.index(code)
                a.codes[k], a.sectors[k] = decided, None
            continue
        ca, cr = acting_sector(sa, event_type), sector_code(sr, domestic=True)
        if sr is None and any(c in states and c not in a.codes for c in r.codes):
            # "Cambodian troops ... fighting along the two countries' border": the state named as a
            # whole beside a foreign target is one of a pair, not its own forces' domestic target
            r.drop(code)
            continue
        if ca != cr and not {ca, cr} <= SECURITY_FORCES:
            domestic_codes[code] = (ca, cr)
        elif code in states and (focus is None or focus.home() == code) and event_type not in COOPERATION_TYPES:
            # both named as the state in a story about that state: the government acts on its society
            domestic_codes[code] = (ca, counterpart(ca))
        else:
            r.drop(code)
    replacement = None
    if had_recipient and not r.codes:
        replacement = next((m for m in others if not set(m.codes) & set(a.codes)), None)
        if replacement is not None:
            for code in replacement.codes:
                r.codes.append(code)
                r.sectors.append(replacement.sector)
    if not r.codes and replacement is None and focus is not None and len(a.codes) == 1 and a.codes[0] in states:
        # the grammar names no other party: the state the article pairs the actor with
        named_home = acting_sector(a.sectors[0], event_type)
        partner = focus.partner(a.codes[0])
        if a.sectors[0] is not None and named_home in HOME_AGENTS:
            # rebels, police, protesters, a court: their acts with no target named are at home
            domestic_codes[a.codes[0]] = (named_home, counterpart(named_home))
            r.codes.append(a.codes[0])
            r.sectors.append(None)
        elif partner is not None and not (focus.domestic_story(a.codes[0]) and event_type in DOMESTIC_STORY_TYPES):
            r.codes.append(partner)
            r.sectors.append(target_sector)
        elif ((focus.home() == a.codes[0] and event_type in HOME_TARGET_TYPES)
              or (focus.domestic_story(a.codes[0]) and event_type in DOMESTIC_STORY_TYPES)):
            # a story about one state, an act that names no target: its own society (or government)
            named = acting_sector(a.sectors[0], event_type)
            domestic_codes[a.codes[0]] = (named, counterpart(named))
            r.codes.append(a.codes[0])
            r.sectors.append(None)
    for code in [c for c in r.codes if c in a.codes and c not in domestic_codes]:
        r.drop(code)  # the invariant: a state on both sides only in a domestic event
    if event_type in JOINT_TYPES and len([c for c in a.codes if c in states]) >= 2 and not domestic_codes:
        # "Trump said Israel and Iran had agreed to a ceasefire", "Saudi Arabia and Iran agree ...:
        # statement with China": two states agreeing agree with each other (the annotated articles'
        # joint agreements name a third party in 3 of 49)
        r = Side()
    actor_sectors = [domestic_codes[c][0] if c in domestic_codes else sector_code(s, domestic=False)
                     for c, s in zip(a.codes, a.sectors, strict=True)]
    recipient_sectors = [domestic_codes[c][1] if c in domestic_codes else sector_code(s, domestic=False)
                         for c, s in zip(r.codes, r.sectors, strict=True)]
    return Sides(a.codes, r.codes, actor_sectors, recipient_sectors)


def _implicit_side(code: str, named_sector: str | None, implicit: str, focus: ArticleFocus | None,
                   states: frozenset[str] | set[str], event_type: str = "",
                   unnamed_agent: bool = True) -> str | tuple[str, str] | None:
    """What the side the text did not name is, for a state ``code`` on the named side: the focus
    partner state (a code), a domestic other side (the (actor, recipient) sector codes), or
    nothing (None)."""
    if code not in states:
        return None  # an organisation is not its own target
    named = acting_sector(named_sector, event_type) if implicit == "recipient" else sector_code(named_sector, domestic=True)
    domestic = (named_sector is not None and named in DOMESTIC_AGENTS) or (
        focus is not None and event_type in DOMESTIC_STORY_TYPES and focus.domestic_story(code))
    partner = None if domestic or focus is None else focus.partner(code)
    if partner is not None:
        return partner
    if implicit == "actor" and not domestic and not unnamed_agent and event_type not in UNNAMED_AGENT_TYPES:
        return None  # nobody the text names acted: no actor is invented ("Reagan's popularity fell")
    if domestic or focus is None or focus.home() == code:
        other = counterpart(named)
        return (named, other) if implicit == "recipient" else (other, named)
    return None
