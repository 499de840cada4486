"""Scoring the coder's framework observations against an article's gold framework facts.

Everything is compared per article by (pair, tier), the pair in alphabetical order:

- **established**: the system's (pair, tier) keys with an ``established`` observation against the
  gold's established facts. A gold fact with ``"disagreement": true`` (a headline the body
  contradicts) is not an established fact; a system key that only in-title observations support
  and that matches such a fact is correct (the headline is kept and shown, DESIGN.md), neither a
  hit nor a false upgrade.
- **label** and **date**: for each gold established fact whose key the system established, whether
  one of the system's established observations of that key has the same normalized label, and the
  same date value and precision.
- **intended**: the gold's intended keys (not also established in the article) that the system
  did not establish: an intention is not an upgrade (higher is better).
- **existing**: the gold's existing keys that the system observed as existing or established.
- **intended established share** and **wrong date share**: the complements of the intended and
  date figures, as a reader of the knowledge base meets them (intentions stored as done upgrades;
  found upgrades with a wrong date).
- **false upgrades**: the system's established keys with no gold established fact, by what the
  gold says of the pair: ``intended`` / ``existing`` (any tier), ``other`` (only another tier
  established, or ended), ``nothing``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ladders import normalize_label
from .metrics import prf, ratio

Key = tuple[str, str, str]  # (a, b, tier), a < b
UPGRADE_SOURCES = ("intended", "existing", "other", "nothing")


@dataclass(frozen=True)
class Fact:
    """A gold fact or a system observation, reduced to what is scored."""

    a: str
    b: str
    tier: str
    status: str
    label: str
    date: str | None
    precision: str
    in_title: bool = False
    disagreement: bool = False
    tags: frozenset[str] = frozenset()

    @property
    def key(self) -> Key:
        return (self.a, self.b, self.tier)

    @property
    def dated(self) -> tuple[str | None, str]:
        return (self.date, self.precision)


def _fact(record: Mapping[str, Any]) -> Fact:
    a, b = sorted((str(record.get("a")), str(record.get("b"))))
    return Fact(
        a=a, b=b,
        tier=str(record.get("tier")),
        status=str(record.get("status")),
        label=normalize_label(str(record.get("label") or "")),
        date=record.get("date"),
        precision=str(record.get("date_precision") or "none"),
        in_title=bool(record.get("in_title")),
        disagreement=bool(record.get("disagreement")),
        tags=frozenset(record.get("tags") or ()),
    )


def gold_facts(records: Iterable[Mapping[str, Any]]) -> list[Fact]:
    return [_fact(r) for r in records]


def system_facts(records: Iterable[Mapping[str, Any]]) -> list[Fact]:
    """The system's observations of one document (reference rows are never passed in)."""
    return [_fact(r) for r in records]


@dataclass
class FrameworkScore:
    """One article's framework comparison."""

    gold_established: set[Key] = field(default_factory=set)
    system_established: set[Key] = field(default_factory=set)
    hits: set[Key] = field(default_factory=set)
    disagreement_in_title: set[Key] = field(default_factory=set)
    matched_facts: int = 0  # gold established facts whose key the system established
    label_right: int = 0
    date_right: int = 0
    intended: set[Key] = field(default_factory=set)
    intended_kept: set[Key] = field(default_factory=set)
    existing: set[Key] = field(default_factory=set)
    existing_found: set[Key] = field(default_factory=set)
    false_upgrades: dict[Key, str] = field(default_factory=dict)
    fact_results: list[tuple[Fact, bool]] = field(default_factory=list)  # every gold fact: right or not
    wrong_details: list[dict[str, Any]] = field(default_factory=list)  # label or date of a matched fact

    def counts(self) -> Counter[str]:
        c: Counter[str] = Counter()
        c["gold_established"] = len(self.gold_established)
        c["system_established"] = len(self.system_established)
        c["established_hits"] = len(self.hits)
        c["disagreement_in_title"] = len(self.disagreement_in_title)
        c["matched_facts"] = self.matched_facts
        c["label_right"] = self.label_right
        c["date_right"] = self.date_right
        c["gold_intended"] = len(self.intended)
        c["intended_not_established"] = len(self.intended_kept)
        c["gold_existing"] = len(self.existing)
        c["existing_found"] = len(self.existing_found)
        c["false_upgrades"] = len(self.false_upgrades)
        for source in self.false_upgrades.values():
            c[f"false_upgrades_{source}"] += 1
        return c


def _upgrade_source(key: Key, gold: Sequence[Fact]) -> str:
    on_pair = [f for f in gold if (f.a, f.b) == key[:2]]
    statuses = {f.status for f in on_pair}
    for status in ("intended", "existing"):
        if status in statuses:
            return status
    return "other" if on_pair else "nothing"


def _date_text(fact: Fact) -> str:
    return f"{fact.date}/{fact.precision}" if fact.date else "none"


def score_article(gold: Sequence[Fact], system: Sequence[Fact]) -> FrameworkScore:
    score = FrameworkScore()
    established = [f for f in gold if f.status == "established" and not f.disagreement]
    disagreements = {f.key for f in gold if f.disagreement}
    score.gold_established = {f.key for f in established}
    system_est: dict[Key, list[Fact]] = {}
    for obs in system:
        if obs.status == "established":
            system_est.setdefault(obs.key, []).append(obs)
    score.system_established = set(system_est)
    score.hits = score.gold_established & score.system_established
    for key in score.system_established - score.gold_established:
        if key in disagreements and all(o.in_title for o in system_est[key]):
            score.disagreement_in_title.add(key)
        else:
            score.false_upgrades[key] = _upgrade_source(key, gold)
    for fact in established:
        observed = system_est.get(fact.key)
        if observed:
            score.matched_facts += 1
            label_right = any(o.label == fact.label for o in observed)
            date_right = any(o.dated == fact.dated for o in observed)
            score.label_right += label_right
            score.date_right += date_right
            where = {"pair": f"{fact.a}-{fact.b}", "tier": fact.tier}
            if not label_right:
                score.wrong_details.append({"kind": "wrong label", **where, "gold": fact.label,
                                            "system": sorted({o.label for o in observed})})
            if not date_right:
                score.wrong_details.append({"kind": "wrong date", **where, "gold": _date_text(fact),
                                            "system": sorted({_date_text(o) for o in observed})})
    score.intended = {f.key for f in gold if f.status == "intended" and not f.disagreement} - score.gold_established
    score.intended_kept = score.intended - score.system_established
    score.existing = {f.key for f in gold if f.status == "existing" and not f.disagreement} - score.gold_established
    seen = {o.key for o in system if o.status in ("existing", "established")}
    score.existing_found = score.existing & seen
    ended = {o.key for o in system if o.status == "ended"}
    for fact in gold:
        if fact.disagreement:
            right = fact.key not in score.false_upgrades
        elif fact.status == "established":
            right = fact.key in score.system_established
        elif fact.status == "existing":
            right = fact.key in seen
        elif fact.status == "intended":
            right = fact.key in score.gold_established or fact.key not in score.system_established
        else:  # ended
            right = fact.key in ended
        score.fact_results.append((fact, right))
    return score


def error_list(score: FrameworkScore) -> list[dict[str, Any]]:
    """The framework errors of one article, for studying a dev set."""
    out: list[dict[str, Any]] = []
    for key in sorted(score.gold_established - score.system_established):
        out.append({"kind": "established missed", "pair": f"{key[0]}-{key[1]}", "tier": key[2]})
    for key, source in sorted(score.false_upgrades.items()):
        out.append({"kind": "false upgrade", "pair": f"{key[0]}-{key[1]}", "tier": key[2], "gold": source})
    for key in sorted(score.existing - score.existing_found):
        out.append({"kind": "existing missed", "pair": f"{key[0]}-{key[1]}", "tier": key[2]})
    return out + score.wrong_details


@dataclass
class FrameworkTally:
    counts: Counter[str] = field(default_factory=Counter)
    by_tag: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, score: FrameworkScore) -> None:
        self.counts["articles"] += 1
        self.counts.update(score.counts())
        for fact, right in score.fact_results:
            for tag in fact.tags:
                t = self.by_tag.setdefault(tag, Counter())
                t["facts"] += 1
                t["right"] += right

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        names = ("articles", "gold_established", "system_established", "established_hits", "disagreement_in_title",
                 "matched_facts", "label_right", "date_right", "gold_intended", "intended_not_established",
                 "gold_existing", "existing_found", "false_upgrades")
        figures = prf(c["established_hits"], c["gold_established"],
                      c["established_hits"] + c["disagreement_in_title"], c["system_established"])
        return {
            "counts": {name: c[name] for name in names},
            "figures": {
                "established_precision": figures["precision"],
                "established_recall": figures["recall"],
                "established_f1": figures["f1"],
                "label_accuracy": ratio(c["label_right"], c["matched_facts"]),
                "date_accuracy": ratio(c["date_right"], c["matched_facts"]),
                "intended_not_established_share": ratio(c["intended_not_established"], c["gold_intended"]),
                "existing_recall": ratio(c["existing_found"], c["gold_existing"]),
                # the same two from the other side, as a reader of the knowledge base meets them:
                # announced intentions stored as done upgrades, found upgrades with a wrong date
                "intended_established_share": ratio(c["gold_intended"] - c["intended_not_established"],
                                                    c["gold_intended"]),
                "wrong_date_share": ratio(c["matched_facts"] - c["date_right"], c["matched_facts"]),
            },
            "false_upgrades": {source: c[f"false_upgrades_{source}"] for source in UPGRADE_SOURCES},
            "by_tag": {tag: {"facts": t["facts"], "right": t["right"], "share": ratio(t["right"], t["facts"])}
                       for tag, t in sorted(self.by_tag.items())},
        }
