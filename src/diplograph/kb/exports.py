"""Exports: documents, events, frameworks, facts, relations, a GDELT-style event table and a
dyad-by-month cooperation/conflict series, as JSON Lines, CSV, Parquet (pyarrow) or GraphML
(networkx). Readers: ``json``, ``csv``, ``pyarrow.parquet``, ``networkx.read_graphml``."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError, MissingExtraError
from ..outputs import atomic_output
from ..store import Store
from .asof import parse_day, states_by_pair
from .events import COOPERATION_QUADS, EventFact, event_facts
from .names import actor_name
from .queries import build_facts

KINDS = ("documents", "events", "frameworks", "facts", "relations", "gdelt", "series")
FORMATS = ("jsonl", "csv", "parquet", "graphml")
BINARY_FORMATS = ("parquet", "graphml")
GRAPH_KINDS = ("relations", "facts", "frameworks")
REFERENCE_KINDS = ("frameworks", "facts", "relations")


# ---------------------------------------------------------------------- records


def document_records(store: Store) -> Iterator[dict[str, Any]]:
    for record in store.iter_documents():
        yield {k: record.get(k) for k in ("doc_id", "title", "url", "published", "language", "chars", "extractor",
                                          "added_at", "removed", "sources", "text")}


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    for record in store.iter_events():
        record.pop("id", None)
        yield record


def framework_records(store: Store, *, include_reference: bool = True) -> Iterator[dict[str, Any]]:
    for record in store.iter_frameworks(include_reference=include_reference):
        record.pop("id", None)
        yield record


def fact_records(store: Store, *, include_reference: bool = True) -> Iterator[dict[str, Any]]:
    for fact in build_facts(store, include_reference=include_reference):
        yield fact.to_record()


def _dyads(actor: Iterable[str], recipient: Iterable[str]) -> set[tuple[str, str]]:
    """Unordered pairs an event links: actor x recipient, or the joint actors among themselves."""
    actors, recipients = sorted(set(actor)), sorted(set(recipient))
    if recipients:
        pairs = {tuple(sorted((x, y))) for x in actors for y in recipients if x != y}
    else:
        pairs = set(combinations(actors, 2))
    return {(x, y) for x, y in pairs}


def relation_records(store: Store, *, include_reference: bool = True,
                     as_of: str | dt.date | None = None) -> list[dict[str, Any]]:
    """One record per pair: its framework on ``as_of`` (default today) and its event counts."""
    day = parse_day(as_of, name="as_of") or dt.date.today()
    states = states_by_pair(build_facts(store, include_reference=include_reference), day)
    counts: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for fact in event_facts(store, until=day.isoformat()):
        if fact.modality != "asserted":
            continue
        for pair in _dyads(fact.actor, fact.recipient):
            bucket = counts[pair]
            bucket["events"] += 1
            kind = "cooperation" if (fact.quad_class or 0) in COOPERATION_QUADS else "conflict"
            if fact.quad_class:
                bucket[f"{kind}_events"] += 1
    records = []
    for pair in sorted(set(states) | set(counts)):
        state = states.get(pair)
        bucket = counts.get(pair, {})
        records.append({
            "a": pair[0], "b": pair[1], "as_of": day.isoformat(),
            "tier": state.tier if state else None, "label": state.label if state else None,
            "labels": list(state.layered) if state else [], "since": state.since if state else None,
            "in_force_by": state.in_force_by if state else None, "sources": state.sources if state else 0,
            "reference": state.reference if state else False,
            "pending": [p["tier"] for p in state.pending] if state else [],
            "events": int(bucket.get("events", 0)),
            "cooperation_events": int(bucket.get("cooperation_events", 0)),
            "conflict_events": int(bucket.get("conflict_events", 0)),
        })
    return records


def _sqldate(value: str | None) -> int | None:
    if not value:
        return None
    parts = value.split("-")
    return int(parts[0]) * 10000 + (int(parts[1]) if len(parts) > 1 else 0) * 100 + (int(parts[2]) if len(parts) > 2 else 0)


def gdelt_records(store: Store, *, modalities: tuple[str, ...] = ("asserted",)) -> Iterator[dict[str, Any]]:
    """A GDELT-style event table: one row per merged event and (Actor1, Actor2) pair."""
    for fact in event_facts(store):
        if fact.modality not in modalities:
            continue
        actors = sorted(fact.actor) or [None]
        recipients = sorted(fact.recipient) or [None]
        for actor in actors:
            for recipient in recipients:
                day = _sqldate(fact.date)
                yield {
                    "GlobalEventID": f"{fact.event_id}-{actor or ''}-{recipient or ''}",
                    "SQLDATE": day,
                    "MonthYear": day // 100 if day else None,
                    "Year": day // 10000 if day else None,
                    "DatePrecision": fact.date_precision,
                    "Actor1Code": actor, "Actor1Name": actor_name(actor) if actor else None,
                    # GDELT's agent type: the CAMEO sector code (GOV, MIL, COP, ...), empty when the
                    # whole state acts
                    "Actor1Type1Code": fact.sector_of(actor, "actor") if actor else None,
                    "Actor2Code": recipient, "Actor2Name": actor_name(recipient) if recipient else None,
                    "Actor2Type1Code": fact.sector_of(recipient, "recipient") if recipient else None,
                    "IsRootEvent": 1,
                    "EventCode": fact.cameo_root, "EventBaseCode": fact.cameo_root, "EventRootCode": fact.cameo_root,
                    "QuadClass": fact.quad_class, "GoldsteinScale": fact.goldstein,
                    "NumMentions": fact.mentions, "NumSources": fact.sources, "NumArticles": fact.articles,
                    "SOURCEURL": fact.source_url,
                    "PloverEvent": fact.event, "PloverMode": fact.mode, "Contexts": list(fact.contexts),
                    "Modality": fact.modality,
                }


def _intensity(fact: EventFact) -> float:
    if fact.intensity is not None:
        return abs(float(fact.intensity))
    return abs(float(fact.goldstein or 0.0))


def series_records(store: Store) -> list[dict[str, Any]]:
    """Dyad-by-month series of asserted events: counts and summed intensity of cooperation (quad
    classes 1-2) and conflict (3-4), and the summed Goldstein score. Each merged event counts once."""
    buckets: dict[tuple[str, str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for fact in event_facts(store):
        if fact.modality != "asserted" or not fact.date or len(fact.date) < 7 or not fact.quad_class:
            continue
        month = fact.date[:7]
        for a, b in _dyads(fact.actor, fact.recipient):
            bucket = buckets[(month, a, b)]
            kind = "cooperation" if fact.quad_class in COOPERATION_QUADS else "conflict"
            bucket["events"] += 1
            bucket[f"{kind}_events"] += 1
            bucket[f"{kind}_intensity"] += _intensity(fact)
            bucket["goldstein"] += float(fact.goldstein or 0.0)
    return [
        {"month": month, "a": a, "b": b, "events": int(v["events"]),
         "cooperation_events": int(v["cooperation_events"]), "conflict_events": int(v["conflict_events"]),
         "cooperation_intensity": round(v["cooperation_intensity"], 3),
         "conflict_intensity": round(v["conflict_intensity"], 3), "goldstein_sum": round(v["goldstein"], 3)}
        for (month, a, b), v in sorted(buckets.items())
    ]


def records_for(store: Store, kind: str, *, include_reference: bool = True,
                as_of: str | dt.date | None = None) -> Iterable[dict[str, Any]]:
    """The records of one export ``kind`` (see KINDS)."""
    makers: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {
        "documents": lambda: document_records(store),
        "events": lambda: event_records(store),
        "frameworks": lambda: framework_records(store, include_reference=include_reference),
        "facts": lambda: fact_records(store, include_reference=include_reference),
        "relations": lambda: relation_records(store, include_reference=include_reference, as_of=as_of),
        "gdelt": lambda: gdelt_records(store),
        "series": lambda: series_records(store),
    }
    if kind not in makers:
        raise ConfigError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    return makers[kind]()


# ---------------------------------------------------------------------- writers


def _flat(value: Any) -> Any:
    """A CSV cell: lists of plain values joined by ';', structures as JSON."""
    if isinstance(value, list | tuple):
        if all(isinstance(v, str | int | float) for v in value):
            return ";".join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        n += 1
    out.flush()
    return n


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for record in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _flat(v) for k, v in record.items()})
        n += 1
    out.flush()
    return n


def _parquet_value(value: Any) -> Any:
    if isinstance(value, dict) or (isinstance(value, list | tuple) and any(isinstance(v, dict | list) for v in value)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, tuple):
        return list(value)
    return value


def write_parquet(records: Iterable[dict[str, Any]], out: Any) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("pyarrow (Parquet export)", "export") from None
    rows = [{k: _parquet_value(v) for k, v in r.items()} for r in records]
    columns = list(rows[0]) if rows else ["empty"]
    arrays = {}
    for name in columns:
        values = [r.get(name) for r in rows]
        if all(v is None for v in values):
            arrays[name] = pa.array(values, type=pa.string())
        elif any(isinstance(v, list) for v in values):
            arrays[name] = pa.array([[str(x) for x in v] if isinstance(v, list) else None for v in values],
                                    type=pa.list_(pa.string()))
        else:
            arrays[name] = pa.array(values)
    pq.write_table(pa.table(arrays), out)
    return len(rows)


def _graph_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, dict) else _flat(value)


def write_graphml(records: Iterable[dict[str, Any]], out: Any) -> int:
    """Nodes are actors (with their names), edges the records' (a, b) pairs with the other fields
    as attributes; a MultiGraph when a pair has several records."""
    try:
        import networkx as nx
    except ImportError:
        raise MissingExtraError("networkx (GraphML export)", "export") from None
    graph = nx.MultiGraph()
    n = 0
    for record in records:
        a, b = record.get("a"), record.get("b")
        if not a or not b:
            continue
        for code in (a, b):
            if code not in graph:
                graph.add_node(code, name=actor_name(code))
        attributes = {k: _graph_value(v) for k, v in record.items() if k not in ("a", "b", "evidence")}
        graph.add_edge(a, b, **attributes)
        n += 1
    nx.write_graphml(graph, out)
    return n


def check_export(kind: str, fmt: str) -> None:
    """ConfigError unless export ``kind`` can be written in ``fmt``: checked before any output is
    opened, so that a refused export never touches an existing file."""
    if kind not in KINDS:
        raise ConfigError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "graphml" and kind not in GRAPH_KINDS:
        raise ConfigError(f"GraphML fits pair-shaped exports only ({', '.join(GRAPH_KINDS)}), not {kind}")


def write_export(store: Store, kind: str, fmt: str, out: Any, *, include_reference: bool = True,
                 as_of: str | dt.date | None = None) -> int:
    """Write export ``kind`` in ``fmt`` to ``out`` (a text stream for jsonl/csv, a binary stream or
    path for parquet/graphml). Returns the number of records written."""
    check_export(kind, fmt)
    records = records_for(store, kind, include_reference=include_reference, as_of=as_of)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet, "graphml": write_graphml}[fmt]
    return writer(records, out)


def export_to_file(store: Store, kind: str, fmt: str, path: str | Path, *, include_reference: bool = True,
                   as_of: str | dt.date | None = None) -> int:
    """Write export ``kind`` in ``fmt`` to the file ``path``, all or nothing: the export is checked
    first, written to a temporary file and renamed over ``path`` only once it is complete."""
    check_export(kind, fmt)
    with atomic_output(path, binary=fmt in BINARY_FORMATS) as out:
        return write_export(store, kind, fmt, out, include_reference=include_reference, as_of=as_of)
