"""Persons within one document: reading a name after a title, remembering who was introduced
("Vietnamese President Vo Van Thuong"), and recognising later mentions by full name, by surname
or slightly misspelled ("Thoung")."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# lower-case words that may sit inside a name ("Ursula von der Leyen", "Mohammed bin Salman")
NAME_PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "den", "de", "da", "del", "di", "du", "al", "el",
                            "la", "le", "dos", "das", "ibn", "abu"})
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# capitalised words that start a sentence or a clause, never a name (data/not_names.tsv)
NOT_NAME_WORDS = frozenset(
    line.strip() for line in (Path(__file__).resolve().parent / "data" / "not_names.tsv").read_text(
        encoding="utf-8").splitlines()[4:] if line.strip() and not line.startswith("#"))
MAX_NAME_TOKENS = 5
MIN_FUZZY_LENGTH = 6


def is_name_token(text: str) -> bool:
    """A word that can be part of a person's name: capitalised, letters only (initials and
    apostrophes allowed), not a function word, and not an ALL-CAPS headline word."""
    if not text[:1].isupper() or text in NOT_NAME_WORDS:
        return False
    letters = text.replace(".", "").replace("'", "").replace("’", "")
    if not letters.isalpha():
        return False
    return not (len(letters) > 2 and letters.isupper() and "." not in text)


def read_name(words: list[str], starts: list[int], start: int, limit: int,
              stop: set[int] | frozenset[int] = frozenset()) -> int:
    """The end (exclusive token index) of a person's name starting at ``start``, or ``start``
    when no name starts there. ``words``/``starts`` are the tokens' texts and char offsets;
    ``stop`` holds token indices that may not be part of a name (starts of actor mentions).
    Hyphenated parts ("Jae-in", "el-Sisi") are kept together."""
    i = start
    count = 0
    while i < limit and count < MAX_NAME_TOKENS and i not in stop:
        text = words[i]
        if is_name_token(text) or (count and text in NAME_SUFFIXES):
            i += 1
            count += 1
        elif count and text.lower() in NAME_PARTICLES and i + 1 < limit and is_name_token(words[i + 1]):
            i += 1
        elif (count and text in ("-", "‑") and starts[i] == starts[i - 1] + len(words[i - 1])
              and i + 1 < limit and words[i + 1].isalpha()):
            i += 2
        else:
            break
        if words[i - 1] in ("'s", "’s"):
            i -= 1
            break
    return i


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits and adjacent transpositions), cut at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def fuzzy_limit(length: int) -> int:
    """How many edits a misspelling of a name of this length may have (0: no fuzzy match)."""
    if length < MIN_FUZZY_LENGTH:
        return 0
    return 1 if length < 8 else 2


@dataclass
class Person:
    """A person introduced in the document."""

    name: str
    code: str
    role: str | None = None  # the title as written ("President")
    sector: str | None = None  # the role class ("head of state")
    keys: tuple[str, ...] = ()


@dataclass
class PersonRegistry:
    """Who the document has introduced so far, by full name and by name parts."""

    by_key: dict[str, Person] = field(default_factory=dict)

    def add(self, person: Person) -> Person:
        existing = self.by_key.get(person.name)
        if existing is not None:
            return existing
        parts = [part for part in person.name.replace("-", " ").split()
                 if part not in NAME_SUFFIXES and part.lower() not in NAME_PARTICLES]
        keys = {person.name, *person.keys}
        if len(parts) >= 2:
            # Western names are repeated by surname (last part), Chinese and Korean ones by
            # family name (first part): keep both, the text decides which it uses.
            keys.update({parts[0], parts[-1]})
        elif parts:
            keys.add(parts[0])
        person.keys = tuple(sorted(keys))
        for key in keys:
            self.by_key.setdefault(key, person)
        return person

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def find(self, text: str) -> Person | None:
        return self.by_key.get(text)

    def find_fuzzy(self, text: str) -> Person | None:
        """A person whose name part is a slight misspelling of ``text`` (same first letter)."""
        limit = fuzzy_limit(len(text))
        if not limit:
            return None
        best: Person | None = None
        best_distance = limit + 1
        for key, person in self.by_key.items():
            if " " in key or key[0] != text[0] or fuzzy_limit(len(key)) == 0:
                continue
            distance = osa_distance(text, key, limit)
            if distance < best_distance:
                best, best_distance = person, distance
        return best
