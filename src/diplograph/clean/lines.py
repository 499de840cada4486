"""Line-level cues for cleaning plain text: normalisation, how a line ends, whether it reads
like a headline, and the boilerplate lexicon (data/boilerplate.tsv)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
})
_SPACES = re.compile(r"\s+")
_CLOSERS = "\"'”’»)]*"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
# words that headline style drops; their presence is a cue for prose or a subheading
_ARTICLES = frozenset({"the", "a", "an"})
# words title case leaves in lower case; not counted when measuring capitalisation
_MINOR = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "into", "over", "via", "vs", "per", "than", "up",
})
# a quoted phrase in headline style: 'x y' or ‘x y’ (a pair of single quotes around words)
_HEADLINE_QUOTE = re.compile(r"(?:^|[\s(])['‘][^'‘’\n]{2,80}['’](?=$|[\s,.;:?!)])")
# two capitalised names joined by a comma at the start: "Japan, Vietnam vow ..."
_NAME_LIST_START = re.compile(r"^(?:[A-Z][\w'’-]*\s?){1,3},\s+(?:[A-Z][\w'’-]*\s?){1,3}")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "these", "those", "there", "his", "her"})
_REPORTED = frozenset({"said", "told", "added", "noted", "explained", "stated"})
# "Note: ...", "NOTE - ...": a labelled remark, not a headline; "Q:"/"A:" label the turns of a
# briefing or interview transcript, whose questions read like headlines
_LABEL_START = re.compile(r"^(?:[A-Za-z]{2,12}|[QA])\s?[:]")
_COLUMN_GAP = re.compile(r"\S( {2,}|\t)(?=\S)")
_BULLET = re.compile(r"^\s*(?:[-*•·►▶»›]|\d{1,2}[.)])\s+")


def normalize(text: str) -> str:
    """NFKC, quotes unified, whitespace collapsed, casefolded: the form used for matching and
    for document ids."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().casefold()


def ending(line: str) -> str:
    """How a line ends: 'period' (. ! …), 'question', 'continues' (, ; : or a dash: the next
    line carries on), or 'open' (no punctuation: headline style)."""
    stripped = line.rstrip().rstrip(_CLOSERS).rstrip()
    if not stripped:
        return "open"
    last = stripped[-1]
    if last in ".!…。":
        return "period"
    if last in "?？":
        return "question"
    if last in ",;:–—-":
        return "continues"
    return "open"


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_annotation(line: str) -> bool:
    """A labelled note ("Note: ...") or a parenthesised line: remarks of the story, not headlines."""
    stripped = line.strip()
    return bool(_LABEL_START.match(stripped)) or (stripped.startswith("(") and stripped.endswith(")"))


def is_table_row(line: str) -> bool:
    """A row of a table as HTML extraction writes it ("| cell | cell |"): cells of names and
    dates read like a headline, but the row is story content."""
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 3


def is_numeric(line: str) -> bool:
    """A table row or figures line: a quarter or more of its tokens hold digits, or columns
    aligned with runs of spaces."""
    tokens = line.split()
    if not tokens:
        return False
    if len(_COLUMN_GAP.findall(line.strip())) >= 2:
        return True
    return sum(1 for t in tokens if any(c.isdigit() for c in t)) >= 0.25 * len(tokens)


def headline_score(line: str) -> int:
    """Cues that a line is a headline rather than a subheading or prose: no articles
    (headlinese), a quoted phrase in single quotes, Title-ish capitalisation, a comma-joined
    list of names at the start; minus prose cues. 0 to 4."""
    tokens = words(line)
    if not tokens:
        return 0
    lowered = [t.casefold() for t in tokens]
    score = 0
    if not any(t in _ARTICLES for t in lowered):
        score += 1
    if _HEADLINE_QUOTE.search(line):
        score += 1
    content = [t for t in tokens[1:] if t.casefold() not in _MINOR]
    if content and sum(1 for t in content if t[0].isupper()) / len(content) >= 0.5:
        score += 1
    if _NAME_LIST_START.match(line.strip()):
        score += 1
    # prose cues: a pronoun subject ("He said they are ...") and past-tense reporting verbs
    # are rare in headlines, which use the present ("X says")
    if lowered[0] in _PRONOUNS:
        score -= 1
    if any(t in _REPORTED for t in lowered):
        score -= 1
    return max(score, 0)


def looks_like_title(line: str) -> bool:
    """A first line that can be the article's headline: 3-30 words, under 250 characters,
    not ending like a sentence with a full stop."""
    n = len(words(line))
    return 3 <= n <= 30 and len(line) < 250 and ending(line) in {"open", "question"} and not is_bullet(line)


@dataclass(frozen=True)
class LexiconEntry:
    kind: str  # line | short | related | comments
    pattern: re.Pattern[str]
    source: str


@lru_cache(maxsize=1)
def boilerplate_lexicon() -> tuple[LexiconEntry, ...]:
    raw = resources.files("diplograph.clean").joinpath("data/boilerplate.tsv").read_text(encoding="utf-8")
    entries = []
    for number, row in enumerate(raw.splitlines(), 1):
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        kind, _, expression = row.partition("\t")
        if kind not in {"line", "short", "related", "comments"} or not expression:
            raise ValueError(f"boilerplate.tsv line {number}: expected 'kind<TAB>regex'")
        entries.append(LexiconEntry(kind, re.compile(rf"(?:{expression})", re.IGNORECASE), expression))
    return tuple(entries)


def boilerplate_kind(line: str) -> str | None:
    """The lexicon kind a whole line matches (line, short, related, comments), or None."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", line)).strip()
    if not text or len(text) > 600:
        return None
    for entry in boilerplate_lexicon():
        if entry.pattern.fullmatch(text):
            if entry.kind == "short" and (len(words(text)) > 12 or ending(text) in {"period", "question"}):
                continue
            return entry.kind
    return None
