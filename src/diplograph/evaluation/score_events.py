"""Scoring the coder's events against an annotated article's gold events.

Every system event belongs to the gold sentence that holds its ``sentence_start`` (offsets into
the cleaned text, which is the stored document text). Within a sentence a gold event and a system
event match when their types agree (a gold ``A|B`` accepts either); of the pairings with the most
matches, the one with the most right dyads wins. A gold headline event that no system event of the
title matches is still found when the system has the same type and dyad anywhere in the document
(the coder folds a headline event into the body event that repeats it).

What is left over in a sentence pairs up as a *wrong type* when the two events share a party;
the rest of the gold events are *missed* and the rest of the system events *spurious*. Matched
events are checked for their dyad (actor and recipient code sets both equal; a joint gold event,
``recipient: []``, compares the union of actor and recipient), sectors, modality and date."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .metrics import best_pairing, prf, ratio

ERROR_KINDS = ("wrong type", "missed", "spurious", "wrong actor", "wrong recipient", "self-event")


@dataclass(frozen=True)
class GoldEvent:
    sentence: int
    types: tuple[str, ...]
    actor: frozenset[str]
    recipient: frozenset[str]
    modality: str
    date: str | None
    precision: str
    title: bool = False
    # (code, sector) per side; None when the annotation gives no sector anywhere
    actor_sectors: frozenset[tuple[str, str | None]] | None = None
    recipient_sectors: frozenset[tuple[str, str | None]] | None = None
    tags: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        return "|".join(self.types)

    @property
    def joint(self) -> bool:
        return not self.recipient

    @property
    def has_sectors(self) -> bool:
        pairs = (self.actor_sectors or frozenset()) | (self.recipient_sectors or frozenset())
        return any(sector is not None for _, sector in pairs)

    @property
    def domestic(self) -> bool:
        return bool(self.actor & self.recipient)


@dataclass(frozen=True)
class SystemEvent:
    sentence: int
    event: str
    actor: frozenset[str]
    recipient: frozenset[str]
    modality: str
    date: str | None
    precision: str
    actor_sectors: frozenset[tuple[str, str | None]] | None = None
    recipient_sectors: frozenset[tuple[str, str | None]] | None = None

    @property
    def has_sectors(self) -> bool:
        pairs = (self.actor_sectors or frozenset()) | (self.recipient_sectors or frozenset())
        return any(sector is not None for _, sector in pairs)

    @property
    def self_event(self) -> bool:
        return bool(self.actor & self.recipient)


@dataclass
class EventScore:
    """The outcome of matching one article: what was found, confused, missed and made up."""

    sentences: int = 0
    quiet_sentences: int = 0  # gold "none"
    quiet_sentences_with_system_events: int = 0
    gold: list[GoldEvent] = field(default_factory=list)
    system: list[SystemEvent] = field(default_factory=list)
    matched: list[tuple[GoldEvent, SystemEvent]] = field(default_factory=list)
    folded: list[tuple[GoldEvent, SystemEvent]] = field(default_factory=list)  # headline events found elsewhere
    confused: list[tuple[GoldEvent, SystemEvent]] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[SystemEvent] = field(default_factory=list)
    sentence_tags: dict[int, frozenset[str]] = field(default_factory=dict)


# ------------------------------------------------------------------------------------ reading

def _sector_pairs(codes: Sequence[str], sectors: Any) -> frozenset[tuple[str, str | None]] | None:
    if not isinstance(sectors, list) or len(sectors) != len(codes):
        return None
    return frozenset((code, sector) for code, sector in zip(codes, sectors, strict=True))


def gold_events(sentences: Sequence[Mapping[str, Any]]) -> list[GoldEvent]:
    """The gold events of an article's sentences (format ``diplograph-articles/1``)."""
    out: list[GoldEvent] = []
    for i, sentence in enumerate(sentences):
        events = sentence.get("events")
        if not isinstance(events, list):
            continue
        title = bool(sentence.get("title"))
        sentence_tags = set(sentence.get("tags") or ()) | ({"headline"} if title else set())
        for event in events:
            actor = [str(c) for c in event.get("actor") or []]
            recipient = [str(c) for c in event.get("recipient") or []]
            out.append(GoldEvent(
                sentence=i,
                types=tuple(str(event.get("event") or "").split("|")),
                actor=frozenset(actor),
                recipient=frozenset(recipient),
                modality=str(event.get("modality") or ""),
                date=event.get("date"),
                precision=str(event.get("date_precision") or "none"),
                title=title,
                actor_sectors=_sector_pairs(actor, event.get("actor_sectors", [None] * len(actor))),
                recipient_sectors=_sector_pairs(recipient, event.get("recipient_sectors", [None] * len(recipient))),
                tags=frozenset(sentence_tags | set(event.get("tags") or ())),
            ))
    return out


def _codes(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [str(c) for c in value or []]


def _system_sectors(codes: list[str], value: Any) -> frozenset[tuple[str, str | None]] | None:
    """A system event's sectors when the coder gives them: a list parallel to the codes, or the
    same as a space-separated string ('-' for none); None when the field is absent."""
    if value is None:
        return None
    if isinstance(value, str):
        value = [None if s in ("-", "") else s for s in value.split()]
    if not isinstance(value, list):
        return None
    return _sector_pairs(codes, list(value))


def sentence_of(starts: Sequence[int], ends: Sequence[int], offset: int) -> int:
    """The gold sentence holding document offset ``offset``: the first one that ends after it
    (whitespace before a sentence belongs to that sentence)."""
    i = bisect.bisect_right(ends, offset)
    return min(i, len(ends) - 1) if ends else 0


def system_events(records: Iterable[Mapping[str, Any]], sentences: Sequence[Mapping[str, Any]],
                  text: str | None = None) -> list[SystemEvent]:
    """The system's events of one document, each placed in its gold sentence by the offset of its
    sentence (``sentence_start``; for a record without one, where its sentence text occurs)."""
    starts = [int(s["start"]) for s in sentences]
    ends = [int(s["end"]) for s in sentences]
    out: list[SystemEvent] = []
    for record in records:
        offset = record.get("sentence_start")
        if offset is None and text is not None and record.get("sentence"):
            offset = text.find(str(record["sentence"]))
        index = sentence_of(starts, ends, int(offset)) if offset is not None and offset >= 0 else 0
        actor, recipient = _codes(record.get("actor")), _codes(record.get("recipient"))
        out.append(SystemEvent(
            sentence=index,
            event=str(record.get("event")),
            actor=frozenset(actor),
            recipient=frozenset(recipient),
            modality=str(record.get("modality") or ""),
            date=record.get("date"),
            precision=str(record.get("date_precision") or "none"),
            actor_sectors=_system_sectors(actor, record.get("actor_sectors")),
            recipient_sectors=_system_sectors(recipient, record.get("recipient_sectors")),
        ))
    return out


# ------------------------------------------------------------------------------------ comparing

def dyad_right(gold: GoldEvent, system: SystemEvent) -> bool:
    if gold.joint:
        return system.actor | system.recipient == gold.actor
    return system.actor == gold.actor and system.recipient == gold.recipient


def dyad_errors(gold: GoldEvent, system: SystemEvent) -> list[str]:
    """'wrong actor' and/or 'wrong recipient'. For a gold event without a recipient (joint), the
    actor is wrong when the system's actor holds another party or a gold party is missing from
    both sides, the recipient when it holds a party that is not the gold's."""
    kinds = []
    if gold.joint:
        if dyad_right(gold, system):
            return []
        if system.actor - gold.actor or gold.actor - (system.actor | system.recipient):
            kinds.append("wrong actor")
        if system.recipient - gold.actor:
            kinds.append("wrong recipient")
        return kinds
    if system.actor != gold.actor:
        kinds.append("wrong actor")
    if system.recipient != gold.recipient:
        kinds.append("wrong recipient")
    return kinds


def is_false_self_event(system: SystemEvent, gold: GoldEvent | None) -> bool:
    """A system event with a party on both sides where the gold has no domestic event."""
    return system.self_event and (gold is None or not gold.domestic)


def sectors_right(gold: GoldEvent, system: SystemEvent) -> bool:
    if gold.joint:
        want = (gold.actor_sectors or frozenset()) | (gold.recipient_sectors or frozenset())
        got = (system.actor_sectors or frozenset()) | (system.recipient_sectors or frozenset())
        return want == got
    return (gold.actor_sectors == system.actor_sectors
            and (gold.recipient_sectors or frozenset()) == (system.recipient_sectors or frozenset()))


def _overlap(gold: GoldEvent, system: SystemEvent) -> float:
    want = gold.actor | gold.recipient
    got = system.actor | system.recipient
    return len(want & got) / len(want | got) if want | got else 0.0


def _match_weight(gold: GoldEvent, system: SystemEvent) -> float | None:
    if system.event not in gold.types:
        return None
    return 10.0 * dyad_right(gold, system) + _overlap(gold, system)


def _confusion_weight(gold: GoldEvent, system: SystemEvent) -> float | None:
    if not (gold.actor | gold.recipient) & (system.actor | system.recipient):
        return None
    return 10.0 * dyad_right(gold, system) + _overlap(gold, system)


def match_article(sentences: Sequence[Mapping[str, Any]], system: Sequence[SystemEvent]) -> EventScore:
    """Match the system events of one article to its gold events (module docstring)."""
    gold = gold_events(sentences)
    score = EventScore(sentences=len(sentences), gold=gold, system=list(system))
    by_sentence_gold: dict[int, list[GoldEvent]] = {}
    by_sentence_system: dict[int, list[SystemEvent]] = {}
    for g in gold:
        by_sentence_gold.setdefault(g.sentence, []).append(g)
    for s in system:
        by_sentence_system.setdefault(s.sentence, []).append(s)
    for i, sentence in enumerate(sentences):
        tags = set(sentence.get("tags") or ()) | ({"headline"} if sentence.get("title") else set())
        score.sentence_tags[i] = frozenset(tags)
        if sentence.get("events") == "none":
            score.quiet_sentences += 1
            score.quiet_sentences_with_system_events += bool(by_sentence_system.get(i))
    for i in range(len(sentences)):
        golds = by_sentence_gold.get(i, [])
        systems = by_sentence_system.get(i, [])
        pairs = best_pairing(golds, systems, _match_weight)
        score.matched.extend((golds[a], systems[b]) for a, b in pairs)
        left_gold = [g for k, g in enumerate(golds) if k not in {a for a, _ in pairs}]
        left_system = [s for k, s in enumerate(systems) if k not in {b for _, b in pairs}]
        if any(g.title for g in left_gold):
            still = []
            for g in left_gold:
                body = next((s for s in system if s.event in g.types and dyad_right(g, s)), None) if g.title else None
                if body is not None:
                    score.folded.append((g, body))
                else:
                    still.append(g)
            left_gold = still
        confusions = best_pairing(left_gold, left_system, _confusion_weight)
        score.confused.extend((left_gold[a], left_system[b]) for a, b in confusions)
        score.missed.extend(g for k, g in enumerate(left_gold) if k not in {a for a, _ in confusions})
        score.spurious.extend(s for k, s in enumerate(left_system) if k not in {b for _, b in confusions})
    return score


# ------------------------------------------------------------------------------------ counting

def error_list(score: EventScore) -> list[dict[str, Any]]:
    """Every error of one article, for studying a dev set: kind, sentence, gold and system event."""
    out: list[dict[str, Any]] = []
    for g, s in score.matched + score.folded:
        for kind in dyad_errors(g, s):
            out.append({"kind": kind, "sentence": g.sentence, "gold": describe(g), "system": describe(s)})
        # attribute errors of found events: listed for study, counted in the accuracies, not as kinds
        if g.modality != s.modality:
            out.append({"kind": "wrong modality", "sentence": g.sentence, "gold": f"{describe(g)} {g.modality}",
                        "system": f"{describe(s)} {s.modality}"})
        if (g.date, g.precision) != (s.date, s.precision):
            out.append({"kind": "wrong date", "sentence": g.sentence, "gold": f"{describe(g)} {_date(g)}",
                        "system": f"{describe(s)} {_date(s)}"})
        if g.has_sectors and not sectors_right(g, s):
            out.append({"kind": "wrong sector", "sentence": g.sentence, "gold": f"{describe(g)} {_sectors(g)}",
                        "system": f"{describe(s)} {_sectors(s)}"})
    for g, s in score.confused:
        out.append({"kind": "wrong type", "sentence": g.sentence, "gold": describe(g), "system": describe(s)})
    for g in score.missed:
        out.append({"kind": "missed", "sentence": g.sentence, "gold": describe(g), "system": None})
    for s in score.spurious:
        out.append({"kind": "spurious", "sentence": s.sentence, "gold": None, "system": describe(s)})
    paired = {id(s): g for g, s in score.matched + score.confused}
    for s in score.system:
        if is_false_self_event(s, paired.get(id(s))):
            gold = paired.get(id(s))
            out.append({"kind": "self-event", "sentence": s.sentence, "gold": describe(gold) if gold else None,
                        "system": describe(s)})
    order = (*ERROR_KINDS, "wrong modality", "wrong date", "wrong sector")
    return sorted(out, key=lambda e: (e["sentence"], order.index(e["kind"])))


def _date(event: GoldEvent | SystemEvent) -> str:
    return f"{event.date}/{event.precision}" if event.date else "no date"


def _sectors(event: GoldEvent | SystemEvent) -> str:
    pairs = (event.actor_sectors or frozenset()) | (event.recipient_sectors or frozenset())
    given = sorted(f"{code}:{sector}" for code, sector in pairs if sector)
    return " ".join(given) if given else "no sectors"


def describe(event: GoldEvent | SystemEvent) -> str:
    """'ACCUSE CHN>JPN' ('CONSULT JPN+VNM' for a joint event)."""
    kind = event.label if isinstance(event, GoldEvent) else event.event
    actor = "+".join(sorted(event.actor)) or "?"
    if not event.recipient:
        return f"{kind} {actor}"
    return f"{kind} {actor}>{'+'.join(sorted(event.recipient))}"


@dataclass
class EventTally:
    """Counts summed over articles; ``to_dict`` turns them into the report's figures."""

    counts: Counter[str] = field(default_factory=Counter)
    by_type: dict[str, Counter[str]] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    by_tag: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, score: EventScore) -> None:
        c = self.counts
        c["articles"] += 1
        c["sentences"] += score.sentences
        c["quiet_sentences"] += score.quiet_sentences
        c["quiet_sentences_with_system_events"] += score.quiet_sentences_with_system_events
        c["gold_events"] += len(score.gold)
        c["system_events"] += len(score.system)
        c["found"] += len(score.matched) + len(score.folded)
        c["headline_folded"] += len(score.folded)
        c["matched_system"] += len(score.matched)
        found_pairs = score.matched + score.folded
        for g, s in found_pairs:
            c["dyad_right"] += dyad_right(g, s)
            c["modality_right"] += g.modality == s.modality
            c["date_right"] += (g.date, g.precision) == (s.date, s.precision)
            if g.has_sectors:
                c["sector_gold"] += 1
                c["sector_right"] += sectors_right(g, s)
        c["system_with_sectors"] += sum(s.has_sectors for s in score.system)
        for g, s in found_pairs:
            self._type(s.event)["gold"] += 1
            self._type(s.event)["found"] += 1
            self._tag_found(g, dyad_right(g, s))
        for g, s in score.matched:
            self._type(s.event)["matched_system"] += 1
            for kind in dyad_errors(g, s):
                self.errors[kind] += 1
                self._tag_error(g, kind)
        for g, s in score.confused:
            self._type(g.label)["gold"] += 1
            self.confusions[(g.label, s.event)] += 1
            self.errors["wrong type"] += 1
            self._tag_error(g, "wrong type")
        for g in score.missed:
            self._type(g.label)["gold"] += 1
            self.errors["missed"] += 1
            self._tag_error(g, "missed")
        for s in score.spurious:
            self.errors["spurious"] += 1
            for tag in score.sentence_tags.get(s.sentence, ()):
                self._tag(tag)["spurious"] += 1
        for s in score.system:
            self._type(s.event)["system"] += 1
        paired = {id(s): g for g, s in score.matched + score.confused}
        self.errors["self-event"] += sum(is_false_self_event(s, paired.get(id(s))) for s in score.system)

    def _type(self, name: str) -> Counter[str]:
        return self.by_type.setdefault(name, Counter())

    def _tag(self, name: str) -> Counter[str]:
        return self.by_tag.setdefault(name, Counter())

    def _tag_found(self, gold: GoldEvent, right_dyad: bool) -> None:
        for tag in gold.tags:
            self._tag(tag)["gold"] += 1
            self._tag(tag)["found"] += 1
            self._tag(tag)["dyad_right"] += right_dyad

    def _tag_error(self, gold: GoldEvent, kind: str) -> None:
        for tag in gold.tags:
            if kind in ("wrong type", "missed"):
                self._tag(tag)["gold"] += 1
            self._tag(tag)[kind] += 1

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        counts = {key: c[key] for key in (
            "articles", "sentences", "quiet_sentences", "quiet_sentences_with_system_events", "gold_events",
            "system_events", "found", "headline_folded", "matched_system", "dyad_right", "modality_right",
            "date_right", "sector_gold", "sector_right", "system_with_sectors")}
        figures = prf(c["found"], c["gold_events"], c["matched_system"], c["system_events"])
        figures.update({
            "dyad_accuracy": ratio(c["dyad_right"], c["found"]),
            "sector_accuracy": ratio(c["sector_right"], c["sector_gold"]),
            "sector_given_share": ratio(c["system_with_sectors"], c["system_events"]),
            "modality_accuracy": ratio(c["modality_right"], c["found"]),
            "date_accuracy": ratio(c["date_right"], c["found"]),
            "quiet_sentence_false_alarm_rate": ratio(c["quiet_sentences_with_system_events"], c["quiet_sentences"]),
        })
        by_type = {}
        for name in sorted(self.by_type):
            t = self.by_type[name]
            confused_as = {s: n for (g, s), n in sorted(self.confusions.items()) if g == name}
            by_type[name] = {
                "gold": t["gold"], "found": t["found"], "missed": t["gold"] - t["found"],
                "confused_as": confused_as, "system": t["system"], "matched_system": t["matched_system"],
                "false_alarms": t["system"] - t["matched_system"],
                **prf(t["found"], t["gold"], t["matched_system"], t["system"]),
            }
        by_tag = {}
        for name in sorted(self.by_tag):
            t = self.by_tag[name]
            by_tag[name] = {
                "gold": t["gold"], "found": t["found"], "recall": ratio(t["found"], t["gold"]),
                "dyad_right": t["dyad_right"], "dyad_accuracy": ratio(t["dyad_right"], t["found"]),
                "errors": {kind: t[kind] for kind in ERROR_KINDS if kind != "self-event" and t[kind]},
            }
        confusions = [{"gold": g, "system": s, "count": n}
                      for (g, s), n in sorted(self.confusions.items(), key=lambda kv: (-kv[1], kv[0]))]
        return {
            "counts": counts,
            "figures": figures,
            "errors": {kind: self.errors[kind] for kind in ERROR_KINDS},
            "by_type": by_type,
            "confusions": confusions,
            "by_tag": by_tag,
        }
