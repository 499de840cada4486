"""Cleaning plain text: keep the story, drop site chrome and teaser headlines of other stories.

The rules work on layout and repetition, with a lexicon of generic site chrome
(data/boilerplate.tsv); see docs/reading.md for the reasoning. In short, a line is removed when

- it is site chrome from the lexicon (whole-line match), or a comment-section / footer heading
  after the story (then everything from it on goes), or a related-stories heading (then the
  headline-like lines right after it go);
- it is a teaser: a block of its own (blank lines around it) whose lines do not end like a
  sentence and either repeat elsewhere in the text, or read as headlines (6+ words with
  headline cues: no articles, a quote in single quotes, Title-ish capitals, "A, B verb ...");
  short noun-phrase subheadings (1-5 words) and sentence-final lines survive;
- it repeats the title, or repeats an earlier prose line word for word (the first copy stays);
- it sits in the closing zone after the last prose line, next to chrome, and is not a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import (
    boilerplate_kind,
    ending,
    headline_score,
    is_annotation,
    is_bullet,
    is_numeric,
    is_table_row,
    looks_like_title,
    normalize,
    words,
)

# a comment-section heading cuts the rest only after this much story text
_STORY_BEFORE_FOOTER = 300
_TEASER_MIN_WORDS = 6
_TEASER_MIN_SCORE = 2
_REPEAT_MIN_WORDS = 3
# a repeated line of fewer words (a label, a table row) is not deduplicated
_DEDUPE_MIN_WORDS = 6
# reasons that come from the lexicon (site chrome), as opposed to layout (teasers, repeats)
_CHROME = frozenset({"line", "short", "related", "comments", "footer"})


@dataclass
class CleanedText:
    """The story text (title NOT included), the title, and what was removed."""

    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)
    # why each removed line went (parallel to ``removed``): line, short, related, comments,
    # footer (lexicon kinds), teaser headline, teaser list, repeated headline, title repeated,
    # repeated line, closing zone
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Line:
    index: int
    text: str
    norm: str
    block: int  # lines of one block sit between blank lines


def _blocks(lines: list[str], paragraph_per_line: bool) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    previous_blank = True
    for index, text in enumerate(lines):
        if not text:
            previous_blank = True
            continue
        if previous_blank or paragraph_per_line:
            block += 1
        out.append(_Line(index, text, normalize(text), block))
        previous_blank = False
    return out


def _split_title(lines: list[_Line], title: str | None, detect: bool) -> tuple[str | None, set[int]]:
    """The title and the line indexes that carry it at the top of the text."""
    if not lines:
        return title, set()
    first = lines[0]
    if title:
        if first.norm == normalize(title):
            return title, {first.index}
        return title, set()
    second_block = len(lines) > 1 and lines[1].block != first.block
    if detect and second_block and looks_like_title(first.text):
        return first.text.strip(), {first.index}
    return None, set()


def clean_text(
    text: str, title: str | None = None, *, paragraph_per_line: bool = False, detect_title: bool = True
) -> CleanedText:
    """Clean a plain-text article. ``title`` (when known) is removed from the top of the text;
    when it is not known, a headline-like first line followed by a blank line becomes the title.
    ``paragraph_per_line``: every line is its own paragraph (text extracted from HTML);
    ``detect_title=False``: never take the first line as the title."""
    raw_lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = _blocks(raw_lines, paragraph_per_line)
    title, title_lines = _split_title(lines, title, detect_title)
    title_norm = normalize(title) if title else None
    body = [line for line in lines if line.index not in title_lines]

    removed_at: dict[int, str] = {}  # line index -> why (for logging/debugging)
    _mark_lexicon(body, removed_at)
    _mark_teasers(body, removed_at, title_norm)
    _mark_repeats(body, removed_at)
    _mark_closing_zone(body, removed_at)

    kept: list[str] = []
    removed: list[str] = []
    reasons: list[str] = []
    last_block = None
    for line in body:
        if line.index in removed_at:
            removed.append(line.text)
            reasons.append(removed_at[line.index])
            continue
        if last_block is not None and line.block != last_block:
            kept.append("")
        kept.append(line.text)
        last_block = line.block
    return CleanedText(text="\n".join(kept).strip(), title=title, removed=removed, reasons=reasons)


def _mark_lexicon(body: list[_Line], removed_at: dict[int, str]) -> None:
    story_chars = 0
    position = 0
    while position < len(body):
        line = body[position]
        kind = boilerplate_kind(line.text)
        if kind == "comments" and story_chars >= _STORY_BEFORE_FOOTER:
            for rest in body[position:]:
                removed_at.setdefault(rest.index, "footer")
            return
        if kind is not None:
            removed_at[line.index] = kind
            if kind == "related":
                position = _mark_related_list(body, position + 1, removed_at)
                continue
        else:
            story_chars += len(line.text)
        position += 1


def _mark_related_list(body: list[_Line], start: int, removed_at: dict[int, str]) -> int:
    """After a related-stories heading: remove the lines that are not sentences (headlines,
    dates, bylines of the listed stories) up to the first prose line; return where to go on."""
    position = start
    while position < len(body):
        line = body[position]
        if ending(line.text) == "period" and len(words(line.text)) >= 8:
            break
        removed_at[line.index] = "related"
        position += 1
    return position


def _continues(line: _Line) -> bool:
    """A block that finishes the sentence of the block before: it starts in lower case, or it
    is a fragment of a few words ending the sentence."""
    first = line.text.lstrip("\"'“‘(<[")[:1]
    return (first.islower()) or (len(words(line.text)) <= 2 and _is_prose(line))


def _is_prose(line: _Line) -> bool:
    return ending(line.text) == "period"


def _mark_teasers(body: list[_Line], removed_at: dict[int, str], title_norm: str | None) -> None:
    counts: dict[str, int] = {}
    for line in body:
        counts[line.norm] = counts.get(line.norm, 0) + 1
    blocks: dict[int, list[_Line]] = {}
    for line in body:
        blocks.setdefault(line.block, []).append(line)
    ordered = list(blocks.values())
    for number, block in enumerate(ordered):
        if any(line.index in removed_at for line in block):
            continue
        previous = ordered[number - 1][-1] if number > 0 else None
        if previous is not None and ending(previous.text) == "continues":
            continue  # "He said:" then the quoted line: part of the story
        if any(_is_prose(line) or ending(line.text) == "continues" or is_bullet(line.text)
               or is_numeric(line.text) or is_table_row(line.text) or is_annotation(line.text)
               for line in block):
            continue  # sentences, lead-ins, list items, table rows and notes are story content
        following = ordered[number + 1][0] if number + 1 < len(ordered) else None
        if following is not None and _continues(following):
            continue  # the sentence goes on in the next block: a broken line, not a headline
        for line in block:
            if title_norm is not None and line.norm == title_norm:
                removed_at[line.index] = "title repeated"
        if all(line.index in removed_at for line in block):
            continue
        if all(counts[line.norm] > 1 and len(words(line.text)) >= _REPEAT_MIN_WORDS for line in block):
            in_table = any(is_numeric(other.text) or is_table_row(other.text) for other in (previous, following) if other is not None)
            if not in_table:
                for line in block:
                    removed_at[line.index] = "repeated headline"
            continue  # a repeated caption of a table: _mark_repeats keeps its first copy
        if len(block) == 1:
            line = block[0]
            if len(words(line.text)) >= _TEASER_MIN_WORDS and headline_score(line.text) >= _TEASER_MIN_SCORE:
                removed_at[line.index] = "teaser headline"
        elif all(len(words(line.text)) >= _TEASER_MIN_WORDS for line in block):
            # a stack of headline-like lines: a list of other stories
            mean = sum(headline_score(line.text) for line in block) / len(block)
            if mean >= _TEASER_MIN_SCORE - 1:
                for line in block:
                    removed_at[line.index] = "teaser list"


def _mark_repeats(body: list[_Line], removed_at: dict[int, str]) -> None:
    """A line repeated word for word (a pull quote, a pasted paragraph, a repeated caption):
    keep the first copy. Short labels and table rows repeat legitimately and stay."""
    seen: set[str] = set()
    for line in body:
        if line.index in removed_at:
            continue
        if line.norm in seen and len(words(line.text)) >= _DEDUPE_MIN_WORDS and not is_numeric(line.text):
            removed_at[line.index] = "repeated line"
        seen.add(line.norm)


def _mark_closing_zone(body: list[_Line], removed_at: dict[int, str]) -> None:
    """After the last prose line: once chrome was found there, the non-sentence lines after it
    (tags, author names, headlines of a list) are chrome too."""
    last_prose = -1
    for position, line in enumerate(body):
        if line.index not in removed_at and _is_prose(line) and len(words(line.text)) >= 5:
            last_prose = position
    if last_prose < 0:
        return  # no prose at all (a table, a list): no closing zone to speak of
    zone = body[last_prose + 1:]
    first_chrome = next((n for n, line in enumerate(zone) if removed_at.get(line.index) in _CHROME), None)
    if first_chrome is None:
        return
    for line in zone[first_chrome + 1:]:
        if line.index not in removed_at and not _is_prose(line):
            removed_at[line.index] = "closing zone"
