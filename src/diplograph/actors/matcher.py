"""Find actor mentions in a tokenized document (tokenizer output is enough: no tagger, parser or
NER is needed). One pass of two PhraseMatchers (case-sensitive names, case-insensitive titles,
sectors and focus phrases), then a left-to-right walk that builds mentions, longest match first
(walk.py, with persons in titled.py and group nouns in domestic.py)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from spacy.attrs import IDX, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from diplograph.actors.focus import MentionContext
from diplograph.actors.gazetteer import Gazetteer, Leader
from diplograph.actors.match_keys import ACTOR, BLOCK, DOMESTIC, FOCUS, LEADER, ORGAN, SECTOR, TITLE, MatchKey
from diplograph.actors.persons import osa_distance
from diplograph.actors.segment import as_date, split_sentences
from diplograph.actors.walk import MentionWalk
from diplograph.model import Mention

log = logging.getLogger(__name__)

# misspelled names: only tokens of 6+ letters, one edit from a name of 5+ letters, first letter equal.
# One edit is a fifth of a 5-letter name, and the unknown words one inserted consonant away from one
# (towns, people: "Nakuru" from "Nauru") outnumber its real misspellings: a 5-letter name takes
# only the insertions misspellings make, a vowel or a doubled letter ("Quatar", "Chinna").
MIN_FUZZY_TOKEN = 6
MIN_FUZZY_TARGET = 5
SHORT_NAME = 5
VOWELS = frozenset("aeiouy")
FUZZY_VIAS = frozenset({"name", "alias", "demonym"})
FUZZY_CACHE_SIZE = 50_000
ORTH_CACHE_SIZE = 500_000


class ActorMatcher:
    """Tags actor mentions (states, organisations, persons, pairs in focus) in spaCy docs."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, MatchKey] = {}
        self._starts: set[str] = set()
        self._leader_index: dict[str, list[Leader]] = {}
        self.single_token_forms: dict[str, str] = {}
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
        self._keys[match_id] = MatchKey(category, key)
        docs = []
        for variant in variants:
            doc = self._make_doc(variant)
            if len(doc):
                docs.append(doc)
                if category in (ACTOR, LEADER, TITLE, FOCUS, DOMESTIC):
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
            self._add(self._orth, ACTOR, form, self._variants(form))
            if " " not in form and "-" not in form:
                self.single_token_forms[form] = form
        for form in gaz.blockers:
            self._add(self._orth, BLOCK, form, self._variants(form))
        for leader in gaz.leaders:
            for name in (leader.name, *leader.keys):
                self._leader_index.setdefault(name, []).append(leader)
        for name in self._leader_index:
            self._add(self._orth, LEADER, name, {name, name.upper()})
        for form, rows in gaz.forms.items():
            if (form in self.single_token_forms and len(form) >= MIN_FUZZY_TARGET and form[0].isupper()
                    and not form.isupper() and all(row.via in FUZZY_VIAS for row in rows)):
                self._fuzzy_index.setdefault((form[0], len(form)), []).append((form, False))
        for name in self._leader_index:
            if " " not in name and len(name) >= MIN_FUZZY_TARGET:
                self._fuzzy_index.setdefault((name[0], len(name)), []).append((name, True))
        for title in gaz.titles:
            # "Gen." is one token, "gen." two: add the capitalised spellings too
            self._add(self._lower, TITLE, title, {title, title.capitalize(), title.title()})
        for phrase in gaz.sectors:
            self._add(self._lower, SECTOR, phrase, {phrase})
        for phrase in gaz.focus_phrases:
            self._add(self._lower, FOCUS, phrase, {phrase})
        for phrase in gaz.domestic_groups:
            self._add(self._lower, DOMESTIC, phrase, {phrase})
        for organ in gaz.organs:
            self._add(self._lower, ORGAN, organ, {organ})
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
        walk = MentionWalk(self, self.gazetteer, doc, self.token_texts(doc), self.classify_matches(doc), context)
        for start, end, is_title in split_sentences(doc, walk.words, walk.starts, title_end):
            context.new_sentence(is_title)
            walk.sentence(start, end)
        context.new_sentence(False)
        # mentions resolved when their sentence ended were appended after later ones
        walk.mentions.sort(key=lambda mention: mention.start)
        return walk.mentions

    def classify_matches(
        self, doc: Doc
    ) -> tuple[dict[int, tuple[int, MatchKey]], dict[int, list[tuple[int, MatchKey]]]]:
        """Case-sensitive matches, longest first, without overlaps (start -> (end, key)); and
        case-insensitive phrase matches by start (longest first)."""
        orth: dict[int, tuple[int, MatchKey]] = {}
        taken = bytearray(len(doc) + 1)
        found = sorted(self._orth(doc), key=lambda m: (m[1] - m[2], m[1]))
        for match_id, start, end in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            orth[start] = (end, self._keys[match_id])
        lower: dict[int, list[tuple[int, MatchKey]]] = {}
        for match_id, start, end in self._lower(doc):
            lower.setdefault(start, []).append((end, self._keys[match_id]))
        for items in lower.values():
            items.sort(key=lambda item: -item[0])
        return orth, lower

    def token_texts(self, doc: Doc) -> tuple[list[str], list[int], str]:
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
                 if osa_distance(text, form, 1) <= 1 and (len(form) > SHORT_NAME or _plausible_insertion(text, form))]
        result = found[0] if len({form for form, _ in found}) == 1 else None
        if len(self._fuzzy_cache) > FUZZY_CACHE_SIZE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[text] = result
        return result


def _plausible_insertion(text: str, name: str) -> bool:
    """Whether ``text`` is ``name`` with one inserted vowel or one doubled letter ("Quatar" and
    "Qatarr" for "Qatar"; not "Nakuru" for "Nauru")."""
    if len(text) != len(name) + 1:
        return False
    for k in range(len(text)):
        if text[:k] + text[k + 1:] == name:
            letter = text[k].lower()
            if letter in VOWELS or (k > 0 and text[k - 1].lower() == letter) or (
                    k + 1 < len(text) and text[k + 1].lower() == letter):
                return True
    return False
