"""Partnership tiers and per-country ladders, read once from ``data/tiers.json``.

Extraction, consolidation, the knowledge base and the UI all ask this module what a label's
tier is and how a country ranks tiers, so that there is one answer. The rules are data (see
the file's ``label_rules``); this module only applies them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import ConfigError

TIERS_FILE = "tiers.json"

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_ARTICLE = re.compile(r"^(?:the|a|an|their|its|our|this|that)\s+")


@dataclass(frozen=True)
class Rung:
    """One rung of a ladder: a tier, optionally narrowed to some labels (China ranks labels)."""

    tier: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    labels: dict[str, str]
    sectoral: frozenset[str]
    other_markers: tuple[str, ...]
    layered: tuple[str, ...]
    ladders: dict[str, tuple[Rung, ...]]
    layered_by_country: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    default: tuple[Rung, ...]
    version: str


@lru_cache(maxsize=65536)  # labels repeat endlessly: a knowledge-base rebuild ranks each many times
def normalize_label(label: str) -> str:
    """Lower case; curly quotes, dashes and odd spaces unified; quotes and a leading article
    dropped; ' - ' and '- ' glued ('all - weather' -> 'all-weather'); spaces collapsed."""
    text = label.translate(_QUOTES).lower()
    text = text.replace('"', " ").replace("'s ", " 's ")
    text = text.strip(" '\t\n.,;:")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = _ARTICLE.sub("", text)
    return text.replace(" 's ", "'s ")


def _load_json() -> dict[str, Any]:
    try:
        raw = resources.files("diplograph").joinpath("data", TIERS_FILE).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, ValueError) as exc:  # a broken install, not bad user input
        raise ConfigError(f"cannot read the tier data file {TIERS_FILE}: {exc}") from exc


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = _load_json()
    lr = data["label_rules"]
    labels = {normalize_label(k): v for k, v in data["labels"].items() if k != "comment"}
    ladders: dict[str, tuple[Rung, ...]] = {}
    aliases: dict[str, str] = {}
    layered_by_country: dict[str, tuple[str, ...]] = {}
    for code, entry in data["ladders"].items():
        ladders[code] = tuple(
            Rung(r["tier"], tuple(normalize_label(x) for x in r.get("labels", []))) for r in entry["rungs"]
        )
        aliases[code.lower()] = code
        for alias in [entry.get("name", ""), *entry.get("aliases", [])]:
            if alias:
                aliases[normalize_label(alias)] = code
        layered_by_country[code] = tuple(normalize_label(x) for x in entry.get("layered", []))
    default = tuple(Rung(r["tier"]) for r in data["default_ladder"]["rungs"])
    return _Rules(
        labels=labels,
        sectoral=frozenset(lr["sectoral_words"]),
        other_markers=tuple(normalize_label(x) for x in lr["other_markers"]),
        layered=tuple(normalize_label(x) for x in lr["layered"]),
        ladders=ladders,
        layered_by_country=layered_by_country,
        aliases=aliases,
        default=default,
        version=str(data.get("version", "")),
    )


def tiers_version() -> str:
    """The data file's version string (recorded with extracted observations' extractor)."""
    return _rules().version


def _words(label: str) -> list[str]:
    return re.findall(r"[a-z]+(?:-[a-z]+)*", label)


def is_sectoral(label: str) -> bool:
    """A partnership about a sector ('strategic partnership on climate change', 'green
    partnership', 'energy transition partnership'): not a tier."""
    rules = _rules()
    return any(w in rules.sectoral or w.split("-")[0] in rules.sectoral for w in _words(normalize_label(label)))


def tier_of_label(label: str) -> str | None:
    """The tier (CSP, SP, CP, OTHER) of a partnership label, or None when the label names no
    tier (a sectoral partnership, a bare 'partnership', an unrelated phrase)."""
    rules = _rules()
    norm = normalize_label(label)
    if not norm or is_sectoral(norm):
        return None
    if norm in rules.labels:
        return rules.labels[norm]
    # a trailing qualifier ("... for peace and prosperity in asia and the world") keeps the tier
    core = re.split(r"\s(?:for|in|towards?|of|on|with)\s", norm, maxsplit=1)[0]
    if core in rules.labels and not any(m in norm for m in rules.other_markers):
        return rules.labels[core]
    if any(re.search(rf"(?<![a-z-]){re.escape(m)}(?![a-z])", norm) for m in rules.other_markers):
        return "OTHER"
    words = set(_words(core))
    if not words & {"partnership", "partnerships", "partner", "partners", "relationship", "relationships"}:
        return None
    comprehensive = "comprehensive" in words
    strategic = "strategic" in words
    if comprehensive and strategic:
        return "CSP"
    if strategic:
        return "SP"
    if comprehensive or "all-round" in words:
        return "CP"
    if "cooperative" in words:
        return "OTHER"
    return None


def is_layered(label: str) -> bool:
    """A label that adds to a pair's state without ending the tier beneath it ('community with
    a shared future')."""
    norm = normalize_label(label)
    return any(m in norm for m in _rules().layered)


def country_code(country: str) -> str:
    """A ladder key for a code or a name ('VNM', 'Vietnam', 'viet nam' -> 'VNM'); other codes
    are returned upper-cased (they use the default ladder)."""
    rules = _rules()
    key = normalize_label(country)
    if key in rules.aliases:
        return rules.aliases[key]
    return country.strip().upper()


def _rungs(country: str) -> tuple[Rung, ...]:
    rules = _rules()
    return rules.ladders.get(country_code(country), rules.default)


def has_own_ladder(country: str) -> bool:
    """True when the data file ranks this country's labels itself (not the default ladder)."""
    return country_code(country) in _rules().ladders


def ladder(country: str) -> list[str]:
    """The country's ranked tiers, top first (VNM -> ['CSP', 'SP', 'CP']). A country that ranks
    labels within a tier (China) has a longer list in which a tier can repeat; OTHER appears
    where the country ranks it. A country without its own entry gets the default ladder."""
    return [r.tier for r in _rungs(country)]


def ladder_rungs(country: str) -> list[dict[str, Any]]:
    """The country's ladder as records, top first: ``{"rung": 1, "tier": "CSP", "labels": [...]}``
    (``labels`` empty where the rung holds every label of its tier)."""
    return [{"rung": i, "tier": r.tier, "labels": list(r.labels)} for i, r in enumerate(_rungs(country), start=1)]


def default_ladder() -> list[str]:
    """The ranked tiers of a country without its own ladder, top first."""
    return [r.tier for r in _rules().default]


def top_tier(country: str) -> str:
    """The tier of the top rung: what 'top-tier partner' and 'highest level' name."""
    return _rungs(country)[0].tier


_QUALIFIER = re.compile(r"\s(?:for|in|towards?|of|on|with|featuring)\s")


def _label_cores(norm: str) -> list[str]:
    """The label, then the label cut before each trailing qualifier, longest first: 'strategic
    partnership of cooperation featuring ever-lasting friendship' -> itself, 'strategic
    partnership of cooperation', 'strategic partnership'. The longest one a ladder lists ranks it."""
    cuts = [m.start() for m in _QUALIFIER.finditer(norm)]
    return [norm, *(norm[:cut] for cut in reversed(cuts))]


@lru_cache(maxsize=65536)
def tier_rank(country: str, tier: str, label: str | None = None) -> int:
    """The rung index (0 = top) of a tier, narrowed by the label where the country ranks labels.
    A label the ladder does not list takes the rung of its tier that lists no labels, else the
    lowest rung of its tier (an unknown wording never climbs above the rungs its tier is known
    to hold), except that an unlisted OTHER label has no rung: OTHER gathers unlike labels
    (China's all-weather and its bare 'cooperative' ones). A layered label ('community with a
    shared future') is no rung of its own either. Tiers the ladder does not rank get
    len(ladder) (below every rung), so an 'upgrade' comparison (lower is higher) still works."""
    rungs = _rungs(country)
    if label:
        norm = normalize_label(label)
        for candidate in _label_cores(norm):
            for i, rung in enumerate(rungs):
                if candidate in rung.labels:
                    return i
        if is_layered(norm):
            return len(rungs)
    of_tier = [i for i, rung in enumerate(rungs) if rung.tier == tier]
    unlisted = [i for i in of_tier if not rungs[i].labels]
    if unlisted:
        return unlisted[0]
    if not of_tier or tier == "OTHER":  # OTHER gathers unlike labels: an unlisted one has no rung
        return len(rungs)
    return of_tier[-1]


def rung(country: str, tier: str | None, label: str | None = None) -> int | None:
    """The position (1 = top) of a tier and label on ``country``'s ladder, or None when the
    ladder does not rank it (OTHER on the default ladder, a layered label)."""
    if not tier:
        return None
    rank = tier_rank(country, tier, label)
    return rank + 1 if rank < len(_rungs(country)) else None


def ladder_countries() -> list[str]:
    """The codes that have their own ladder in the data file."""
    return sorted(_rules().ladders)
