"""Find actor mentions in a tokenized document (tokenizer output is enough: no tagger, parser or
NER is needed). One pass of two PhraseMatchers (case-sensitive names, case-insensitive titles,
sectors and focus phrases), then a left-to-right walk that builds mentions, longest match first."""

from __future__ import annotations

import datetime as dt
import logging
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import IDX, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from diplograph.actors.domestic import DomesticRules, PendingMention
from diplograph.actors.focus import MentionContext
from diplograph.actors.gazetteer import ANY_GROUP, FormRow, Gazetteer, Leader
from diplograph.actors.persons import Person, is_name_token, osa_distance, read_name
from diplograph.actors.segment import as_date, split_sentences
from diplograph.model import Mention

log = logging.getLogger(__name__)

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DETERMINERS_DEFINITE = frozenset({"the"})
DETERMINERS_INDEFINITE = frozenset({"a", "an", "another"})

# misspelled names: only tokens of 6+ letters, one edit from a name of 5+ letters, first letter equal
MIN_FUZZY_TOKEN = 6
MIN_FUZZY_TARGET = 5
FUZZY_VIAS = frozenset({"name", "alias", "demonym"})
FUZZY_CACHE_SIZE = 50_000
ORTH_CACHE_SIZE = 500_000

_ACTOR, _BLOCK, _LEADER = "A", "B", "L"
_TITLE, _SECTOR, _FOCUS, _DOMESTIC = "T", "S", "F", "D"


@dataclass(frozen=True)
class _Key:
    category: str
    key: str


class ActorMatcher:
    """Tags actor mentions (states, organisations, persons, pairs in focus) in spaCy docs."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, _Key] = {}
        self._starts: set[str] = set()
        self._leader_index: dict[str, list[Leader]] = {}
        self._single_token_forms: dict[str, str] = {}
        # misspelling candidates by first letter: (form, is_leader_name)
        self._fuzzy_index: dict[tuple[str, int], list[tuple[str, bool]]] = {}
        self._fuzzy_cache: dict[str, tuple[str, bool] | None] = {}
        self._orth_cache: dict[int, str] = {}
        self._state_codes = frozenset(code for code, actor in self.gazetteer.actors.items()
                                      if actor.kind == "state")
        self._build()

    # ----------------------------------------------------------------------------- building
    def _add(self, matcher: PhraseMatcher, category: str, key: str, variants: set[str]) -> None:
        label = f"{category}:{key}"
        match_id = self.vocab.strings.add(label)
        self._keys[match_id] = _Key(category, key)
        docs = []
        for variant in variants:
            doc = self._make_doc(variant)
            if len(doc):
                docs.append(doc)
                if category in (_ACTOR, _LEADER, _TITLE, _FOCUS, _DOMESTIC):
                    self._starts.add(doc[0].text.lower())
        matcher.add(label, docs)

    @staticmethod
    def _variants(form: str) -> set[str]:
        variants = {form, form.upper()}
        for text in list(variants):
            variants.add(text.replace("'", "’"))
            variants.add(text.replace("’", "'"))
        return variants

    def _build(self) -> None:
        gaz = self.gazetteer
        for form in gaz.forms:
            self._add(self._orth, _ACTOR, form, self._variants(form))
            if " " not in form and "-" not in form:
                self._single_token_forms[form] = form
        for form in gaz.blockers:
            self._add(self._orth, _BLOCK, form, self._variants(form))
        for leader in gaz.leaders:
            for name in (leader.name, *leader.keys):
                self._leader_index.setdefault(name, []).append(leader)
        for name in self._leader_index:
            self._add(self._orth, _LEADER, name, {name, name.upper()})
        for form, rows in gaz.forms.items():
            if (form in self._single_token_forms and len(form) >= MIN_FUZZY_TARGET and form[0].isupper()
                    and not form.isupper() and all(row.via in FUZZY_VIAS for row in rows)):
                self._fuzzy_index.setdefault((form[0], len(form)), []).append((form, False))
        for name in self._leader_index:
            if " " not in name and len(name) >= MIN_FUZZY_TARGET:
                self._fuzzy_index.setdefault((name[0], len(name)), []).append((name, True))
        for title in gaz.titles:
            # "Gen." is one token, "gen." two: add the capitalised spellings too
            self._add(self._lower, _TITLE, title, {title, title.capitalize(), title.title()})
        for phrase in gaz.sectors:
            self._add(self._lower, _SECTOR, phrase, {phrase})
        for phrase in gaz.focus_phrases:
            self._add(self._lower, _FOCUS, phrase, {phrase})
        for phrase in gaz.domestic_groups:
            self._add(self._lower, _DOMESTIC, phrase, {phrase})
        # "the" is no start: "two"/"both"/"bilateral"/"nation" are what a focus phrase needs
        self._starts.discard("the")

    def surface_forms(self) -> frozenset[str]:
        """Lower-cased tokens that can start an actor mention; a sentence with none of them has
        no mention except later mentions of persons introduced earlier (cheap candidate filter)."""
        return frozenset(self._starts)

    def new_context(self, published: dt.date | None = None) -> MentionContext:
        """A fresh per-document context, for feeding one document sentence by sentence."""
        return MentionContext(published=published, state_codes=self._state_codes)

    # ----------------------------------------------------------------------------- matching
    def find_mentions(self, doc: Doc | str, published: dt.date | str | None = None, title_end: int | None = None,
                      context: MentionContext | None = None) -> list[Mention]:
        """The actor mentions of ``doc`` in text order.

        ``published`` dates the article (historical states, capitals that moved, tenures of
        office holders). ``title_end`` is the char offset where the headline ends when ``doc``
        starts with it. ``context`` carries persons and focus across calls."""
        if isinstance(doc, str):
            doc = self._make_doc(doc)
        elif not isinstance(doc, Doc):
            raise TypeError(f"find_mentions needs a spaCy Doc or a str, not {type(doc).__name__}")
        published = as_date(published)
        if context is None:
            context = self.new_context(published)
        elif published is not None and context.published is None:
            context.published = published
        if not context.state_codes:
            context.state_codes = self._state_codes
        walk = _Walk(self, doc, context)
        for start, end, is_title in split_sentences(doc, walk.words, walk.starts, title_end):
            context.new_sentence(is_title)
            walk.sentence(start, end)
        context.new_sentence(False)
        # mentions resolved when their sentence ended were appended after later ones
        walk.mentions.sort(key=lambda mention: mention.start)
        return walk.mentions

    def _classify(self, doc: Doc) -> tuple[dict[int, tuple[int, _Key]], dict[int, list[tuple[int, _Key]]]]:
        """Case-sensitive matches, longest first, without overlaps (start -> (end, key)); and
        case-insensitive phrase matches by start (longest first)."""
        orth: dict[int, tuple[int, _Key]] = {}
        taken = bytearray(len(doc) + 1)
        found = sorted(self._orth(doc), key=lambda m: (m[1] - m[2], m[1]))
        for match_id, start, end in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            orth[start] = (end, self._keys[match_id])
        lower: dict[int, list[tuple[int, _Key]]] = {}
        for match_id, start, end in self._lower(doc):
            lower.setdefault(start, []).append((end, self._keys[match_id]))
        for items in lower.values():
            items.sort(key=lambda item: -item[0])
        return orth, lower

    def _token_texts(self, doc: Doc) -> tuple[list[str], list[int], str]:
        """Token texts, char offsets and the doc text, read from arrays: iterating a Doc builds a
        Token object per token, which costs more than the whole match."""
        if not len(doc):
            return [], [], doc.text
        array = doc.to_array([ORTH, SPACY, IDX])
        cache = self._orth_cache
        if len(cache) > ORTH_CACHE_SIZE:
            cache.clear()
        strings = self.vocab.strings
        words = []
        for key in array[:, 0].tolist():
            word = cache.get(key)
            if word is None:
                word = cache[key] = strings[key]
            words.append(word)
        spaces = array[:, 1].tolist()
        text = "".join([word + " " if space else word for word, space in zip(words, spaces, strict=True)])
        return words, array[:, 2].tolist(), text

    def has_candidate(self, words: Iterable[str]) -> bool:
        """Whether any of these token texts can start a mention (also inside hyphenated
        compounds such as "U.S.-led"). Later mentions of persons introduced earlier and
        misspelled names are not covered: run find_mentions on the whole document for those."""
        starts = self._starts
        for word in words:
            lowered = word.lower()
            if lowered in starts:
                return True
            if "-" in lowered and any(part in starts for part in lowered.split("-")):
                return True
        return False

    def leaders_for(self, name: str) -> list[Leader]:
        return self._leader_index.get(name, [])

    def misspelled(self, text: str) -> tuple[str, bool] | None:
        """The state name, demonym or leader's surname that ``text`` misspells by one edit
        ("Afganistan", "Phillippines", "Mitterand"), when exactly one is that close."""
        if len(text) < MIN_FUZZY_TOKEN:
            return None
        if text in self._fuzzy_cache:
            return self._fuzzy_cache[text]
        found = [(form, is_leader)
                 for size in (len(text) - 1, len(text), len(text) + 1)
                 for form, is_leader in self._fuzzy_index.get((text[0], size), ())
                 if osa_distance(text, form, 1) <= 1]
        result = found[0] if len({form for form, _ in found}) == 1 else None
        if len(self._fuzzy_cache) > FUZZY_CACHE_SIZE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[text] = result
        return result


class _Walk(DomesticRules):
    """One left-to-right pass over a document's tokens."""

    def __init__(self, matcher: ActorMatcher, doc: Doc, context: MentionContext) -> None:
        self.m = matcher
        self.gaz = matcher.gazetteer
        self.doc = doc
        self.words, self.starts, self.text = matcher._token_texts(doc)
        self.ctx = context
        self.day = context.published
        self.orth, self.lower = matcher._classify(doc)
        # only matches, capitalised words (persons, misspelled names) and compounds need a look
        orth, lower = self.orth, self.lower
        self.candidates = [i for i, word in enumerate(self.words)
                           if word[:1].isupper() or i in orth or i in lower or "-" in word]
        self.mentions: list[Mention] = []
        self.consumed = bytearray(len(doc) + 1)
        self.sent_start = 0
        self.sent_end = 0
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
        return {start for start, (_end, key) in self.orth.items() if key.category == _ACTOR}

    # --------------------------------------------------------------------------- the walk
    def sentence(self, start: int, end: int) -> None:
        self.sent_start, self.sent_end = start, end
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
        self._resolve_pending()

    def _on_orth(self, start: int, end: int, key: _Key) -> int:
        if key.category == _BLOCK:
            return end
        if key.category == _LEADER:
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
        # a titled person: "Japanese Prime Minister Fumio Kishida", "China's foreign minister Wang Yi"
        after = self._after_possessive(end)
        # "Lebanon's new President Elias Hrawi", "Iraq's former prime minister"
        modifiers = self.gaz.words("title_modifier")
        title_start = after
        while title_start < min(self.sent_end, after + 2) and self._lower(title_start) in modifiers:
            title_start += 1
        title = self._lower_at(title_start, _TITLE) if title_start > after else None
        if title is not None and title[1] in self.gaz.office_titles:
            after = title_start
        else:
            title = self._lower_at(after, _TITLE)
        if title is not None:
            title_end, title_key = title
            name_end = read_name(self.words, self.starts, title_end, self.sent_end, self._stops())
            role, _hint = self.gaz.titles[title_key]
            role_text = self._span(after, title_end)
            return self._titled(start, title_end, name_end, code, role_text, role)
        # a sector: "Japan's Foreign Ministry", "Vietnamese troops", "Hungarian officials"
        sector_start = after
        if (sector_start < self.sent_end and self._lower(sector_start) in self.gaz.words("sector_modifier")
                and self._lower_at(sector_start, _SECTOR) is None):
            sector_start += 1
        sector = self._lower_at(sector_start, _SECTOR)
        if sector is not None and kind == "state":
            sector_end, sector_key = sector
            self._emit(start, sector_end, (code,), kind, row.via, sector=self.gaz.sectors[sector_key])
            return sector_end
        # "the army of Vietnam", "the foreign ministry of Japan"
        first = start
        sector_name = row.sector
        if start >= 2 and self._lower(start - 1) == "of":
            for begin in range(max(self.sent_start, start - 4), start - 1):
                found = self._lower_at(begin, _SECTOR)
                if found is not None and found[0] == start - 1 and not any(self.consumed[begin:start]):
                    first, sector_name = begin, self.gaz.sectors[found[1]]
                    break
        if kind == "state" and self._locative(start, row):
            kind = "place"
        if row.via == "demonym" and kind == "state":
            code = self._host_state(start, end) or code
        self._emit(first, end, (code,), kind, row.via, sector=sector_name)
        return end

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
        if not marked or hit is None or hit[1].category != _ACTOR or hit[0] > self.sent_end:
            return None
        host = self.gaz.resolve(hit[1].key, self.day)
        return host.code if host is not None and self._kind(host.code) == "state" else None

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
                leader.role if in_office else None, keys=(name,)))
            if name != leader.name:
                self.ctx.persons.by_key.setdefault(name, known)
        via = "surname" if name != known.name and " " not in name else "person"
        return self._person_mention(start, end, known, via=via)

    def _on_lower(self, i: int) -> int | None:
        for end, key in self.lower.get(i, ()):
            if end > self.sent_end:
                continue
            if key.category == _TITLE:
                nxt = self._on_title(i, end, key.key)
            elif key.category == _FOCUS:
                nxt = self._on_focus(i, end, key.key)
            elif key.category == _DOMESTIC:
                nxt = self._on_domestic(i, end, key.key)
            else:
                continue
            if nxt is not None:
                return nxt
        return None

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
        self._emit(start, name_start, (code,), "person", "person", sector=role, role=role_text)
        return name_start

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
                    role if in_office else None, keys=(name,)))
            elif hint is not None and hint in self.ctx.seen_codes:
                person = self.ctx.persons.add(Person(name, hint, self._span(start, end), role))
            elif (office and hint is None and not guest and self._state_officer(start, self.lower)
                  and not self._company_name(name_start, name_end)):
                return self._defer_person(start, name_end, name, self._span(start, end), role)
        if person is None:
            return None
        return self._person_mention(start, name_end, person, via="person")

    def _actor_follows_of(self, end: int) -> bool:
        """Whether "of <actor>" follows token ``end - 1`` ("the government of Sudan")."""
        if end + 1 >= self.sent_end or self._lower(end) != "of":
            return False
        hit = self.orth.get(end + 1)
        return hit is not None and hit[1].category == _ACTOR and hit[0] <= self.sent_end

    def _on_focus(self, start: int, end: int, phrase: str) -> int | None:
        focus = self.gaz.focus_phrases[phrase]
        first = start
        if focus.kind == "pair":
            if phrase != "bilateral" and not phrase.startswith("both"):
                if start - 1 < self.sent_start or self._lower(start - 1) not in DETERMINERS_DEFINITE:
                    return None
                first = start - 1
            pair = self.ctx.pair_in_focus()
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
            if person is None and text not in self.m._single_token_forms:
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
        for part in self.words[i].replace("–", "-").split("-"):
            row = self.gaz.resolve(part, self.day) if part in self.m._single_token_forms else None
            if row is not None:
                mention = Mention(start=offset, end=offset + len(part), text=part, codes=(row.code,),
                                  kind=self._kind(row.code), via=row.via, sector=row.sector)
                self.mentions.append(mention)
                self.ctx.add(mention)
            offset += len(part) + 1
        self.consumed[i] = 1
