"""A tiny hand-made stand-in for the actor and date stages, for framework unit tests: country
names found by a small dictionary, 'the two countries' resolved to a given pair, one date per
sentence given by the test. Keeps the framework tests independent of diplograph.actors/dates."""

from __future__ import annotations

import datetime as dt
import re

from diplograph.model import DateValue, Mention, Sentence

NAMES: dict[str, str] = {
    "Japan": "JPN", "Japanese": "JPN", "Tokyo": "JPN", "Kishida": "JPN",
    "Vietnam": "VNM", "Viet Nam": "VNM", "Vietnamese": "VNM", "Hanoi": "VNM", "Thuong": "VNM",
    "China": "CHN", "Chinese": "CHN", "Beijing": "CHN",
    "the United States": "USA", "United States": "USA", "the US": "USA", "US": "USA", "U.S.": "USA",
    "Washington": "USA",
    "India": "IND", "Indian": "IND", "Russia": "RUS", "South Korea": "KOR",
    "Australia": "AUS", "Australian": "AUS", "Indonesia": "IDN", "Indonesian": "IDN",
    "the Philippines": "PHL", "Philippines": "PHL", "France": "FRA", "Malaysia": "MYS",
    "Singapore": "SGP", "Brazil": "BRA", "Saudi Arabia": "SAU", "Kazakhstan": "KAZ", "Pakistan": "PAK",
    "Germany": "DEU", "Netherlands": "NLD", "Denmark": "DNK", "Spain": "ESP", "Mongolia": "MNG",
    "ASEAN": "ASEAN", "the European Union": "EU", "European Union": "EU", "EU": "EU",
    "New Zealand": "NZL", "Thailand": "THA", "Serbia": "SRB", "Hungary": "HUN", "Nicaragua": "NIC",
    "Taiwan": "TWN", "Canada": "CAN", "Italy": "ITA", "Ukraine": "UKR",
}
PLACES = {"Tokyo", "Hanoi", "Beijing", "Washington"}  # after "in", a capital is a place
GROUP = re.compile(r"\b(?:the two (?:countries|leaders|sides|nations|neighbours|neighbors)|both countries|both sides)\b",
                   re.IGNORECASE)
_NAME_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True))
                      + r")(?![\w])")


def make_sentences(lines: list[str], dates: list[DateValue | None] | None = None,
                   pair: tuple[str, str] | None = None, title: bool = False) -> list[Sentence]:
    """Sentences of one document; the first is the title when ``title``."""
    sentences: list[Sentence] = []
    offset = 0
    for i, line in enumerate(lines):
        mentions: list[Mention] = []
        for m in _NAME_RE.finditer(line):
            name = m.group(1)
            kind = "place" if name in PLACES and re.search(r"\bin\s+$", line[:m.start()]) else "state"
            mentions.append(Mention(offset + m.start(), offset + m.end(), name, (NAMES[name],), kind))
        if pair:
            for m in GROUP.finditer(line):
                mentions.append(Mention(offset + m.start(), offset + m.end(), m.group(0), pair, "group", "pair"))
        mentions.sort(key=lambda x: x.start)
        date = (dates[i] if dates and i < len(dates) else None) or DateValue()
        sentences.append(Sentence(i, offset, offset + len(line), line, mentions, title and i == 0, date))
        offset += len(line) + 1
    return sentences


def day(text: str) -> DateValue:
    return DateValue(dt.date.fromisoformat(text), "day")
