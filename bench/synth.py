"""Synthetic inputs for the scale benchmarks.

- :func:`write_corpus`: N news articles as JSON Lines, built from the Reuters sample (or, when
  ../shared is absent, from templates), each copy with one unique sentence added so that every
  document has its own text (deduplication must not skip the copies).
- :func:`populate_database`: a knowledge-base database of N events and M framework observations
  (with their documents and event parties), bulk-inserted with SQLAlchemy Core (SQLite) or COPY
  (PostgreSQL), for the query-latency benchmark.

    PYTHONPATH=src .venv/bin/python bench/synth.py corpus 10000 out.jsonl
    PYTHONPATH=src .venv/bin/python bench/synth.py database --events 1000000 --frameworks 100000 --db x.sqlite
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import REUTERS

# ------------------------------------------------------------------ corpus

_COMMODITIES = ["copper", "cocoa", "soybeans", "crude oil", "sugar", "coffee", "wheat", "zinc", "rubber", "cotton"]
_PLACES = ["the northern port", "the river terminal", "the main exchange", "the coastal depot", "the inland market"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_TEMPLATE_ARTICLES = [
    ("Ministers meet on trade", "The trade ministers of {a} and {b} met in {city} on {day} and agreed to cut "
     "tariffs on farm goods. Officials said a formal accord would be signed next year."),
    ("Talks on fisheries", "{a} and {b} held talks on fishing rights on {day}, the foreign ministry in {city} said. "
     "The two sides will meet again in the spring."),
    ("Exports rise", "Exports rose 4.5 pct in the third quarter, the statistics office in {city} said on {day}. "
     "Imports fell slightly on lower fuel prices."),
    ("Aid for flood victims", "{a} will send emergency aid to {b} after floods destroyed crops, officials in "
     "{city} said on {day}."),
]
_COUNTRIES = [("Japan", "Tokyo"), ("Vietnam", "Hanoi"), ("Brazil", "Brasilia"), ("Kenya", "Nairobi"),
              ("Norway", "Oslo"), ("Chile", "Santiago"), ("Egypt", "Cairo"), ("India", "New Delhi")]


def unique_sentence(serial: int) -> str:
    """A plain, eventless sentence that differs for every ``serial``."""
    rng = random.Random(serial)
    return (f"Market bulletin {serial} noted steady trade in {rng.choice(_COMMODITIES)} at "
            f"{rng.choice(_PLACES)} on {rng.choice(_WEEKDAYS)}, with {rng.randint(100, 99999)} lots handled.")


def _base_articles(source: Path | None) -> list[dict[str, Any]]:
    if source is not None and source.exists():
        with source.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    articles = []
    for n in range(200):
        title, template = _TEMPLATE_ARTICLES[n % len(_TEMPLATE_ARTICLES)]
        (a, city), (b, _) = _COUNTRIES[n % 8], _COUNTRIES[(n * 3 + 1) % 8]
        articles.append({"id": f"t{n}", "title": title, "published": "2024-05-14",
                         "text": template.format(a=a, b=b, city=city, day=_WEEKDAYS[n % 5])})
    return articles


def iter_corpus(n: int, source: Path | None = REUTERS) -> Iterator[dict[str, Any]]:
    """``n`` articles: the base articles in turn, copy k of each carrying unique sentence k."""
    base = _base_articles(source)
    for serial in range(n):
        article = dict(base[serial % len(base)])
        article["id"] = f"{article.get('id', 'a')}-c{serial}"
        article["text"] = f"{article['text']}\n\n{unique_sentence(serial)}"
        yield article


def write_corpus(n: int, path: Path, source: Path | None = REUTERS) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in iter_corpus(n, source):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


# ------------------------------------------------------------------ database

# roughly how often states appear in international news: a few very often, a long tail rarely
_STATES = [
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "ISR", "UKR", "IRN", "TUR", "KOR", "PRK",
    "SAU", "PAK", "AUS", "CAN", "BRA", "EGY", "ITA", "ESP", "SYR", "IRQ", "AFG", "VNM", "IDN", "PHL",
    "MEX", "ZAF", "NGA", "KEN", "ETH", "POL", "NLD", "BEL", "SWE", "NOR", "DNK", "FIN", "GRC", "QAT",
    "ARE", "JOR", "LBN", "LBY", "SDN", "YEM", "MMR", "THA", "MYS", "SGP", "KHM", "LAO", "BGD", "LKA",
    "NPL", "KAZ", "UZB", "AZE", "ARM", "GEO", "BLR", "HUN", "CZE", "SVK", "ROU", "BGR", "SRB", "HRV",
    "AUT", "CHE", "PRT", "IRL", "NZL", "ARG", "CHL", "COL", "PER", "VEN", "CUB", "BOL", "ECU", "URY",
    "PRY", "DZA", "MAR", "TUN", "GHA", "CIV", "SEN", "MLI", "NER", "TCD", "CMR", "COD", "AGO", "MOZ",
    "ZWE", "ZMB", "TZA", "UGA", "RWA", "SOM", "MNG", "BRN", "TLS", "FJI", "PNG"
]
_WEIGHTS = [1.0 / (rank + 1) ** 0.9 for rank in range(len(_STATES))]
_EVENTS = ["CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "ACCUSE", "AID", "PROTEST", "REJECT",
           "THREATEN", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE", "RETREAT"]
_EVENT_WEIGHTS = [30, 15, 12, 8, 6, 6, 4, 4, 3, 3, 2, 2, 2, 1.5, 1, 0.5]
_QUAD = {"CONSULT": 1, "AGREE": 1, "COOPERATE": 2, "SUPPORT": 1, "REQUEST": 1, "ACCUSE": 3, "AID": 2,
         "PROTEST": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
         "CONCEDE": 2, "RETREAT": 2}
_FRAMEWORKS = [("comprehensive strategic partnership", "CSP"), ("strategic partnership", "SP"),
               ("comprehensive partnership", "CP"), ("enhanced strategic partnership", "SP"),
               ("comprehensive strategic cooperative partnership", "CSP"), ("alliance", "OTHER")]
_STATUSES = ["existing", "established", "existing", "intended", "established", "ended"]
_WORDS = [
    "summit", "talks", "leaders", "agreed", "cooperation", "minister", "visit", "energy", "maritime",
    "trade", "security", "defence", "investment", "statement", "officials", "meeting", "bilateral",
    "relations"
]
_START = dt.date(2014, 1, 1)


def _day(rng: random.Random) -> str:
    return (_START + dt.timedelta(days=rng.randrange(4000))).isoformat()


def _pair(rng: random.Random) -> tuple[str, str]:
    while True:
        a, b = rng.choices(_STATES, _WEIGHTS, k=2)
        if a != b:
            return a, b


def _sentence(rng: random.Random, a: str, b: str, event: str) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(14))
    return f"{a} and {b} ({event.lower()}): {words}."


def _documents(rng: random.Random, n_docs: int) -> list[dict[str, Any]]:
    """Documents whose texts are as different from one another as distinct news stories are (a
    text drawn from a small vocabulary would make every document a near-copy of every other, and
    the knowledge base's syndication check would rightly group them all)."""
    docs = []
    for i in range(n_docs):
        text = f"Synthetic article {i}. " + " ".join(f"{rng.choice(_WORDS)}{rng.randrange(100_000)}"
                                                     for _ in range(40))
        docs.append({"doc_id": f"{i:032x}", "title": f"Synthetic article {i}", "text": text, "language": "en",
                     "published": _day(rng), "url": f"https://synthetic.example/{i}", "removed": "[]",
                     "title_end": None, "chars": len(text), "extractor": "synthetic",
                     "added_at": "2025-01-01T00:00:00"})
    return docs


def _event_batches(rng: random.Random, docs: list[dict[str, Any]], events: int,
                   batch: int = 50_000) -> Iterator[tuple[list[dict[str, Any]], ...]]:
    """(event rows, event_actors rows, event_pairs rows) in batches: a million events never sit in memory at once."""
    event_rows: list[dict[str, Any]] = []
    party_rows: list[dict[str, Any]] = []
    pair_rows: list[dict[str, Any]] = []  # event_pairs: what Store writes beside event_actors
    per_doc = max(1, events // len(docs))
    for event_id in range(1, events + 1):
        a, b = _pair(rng)
        kind = rng.choices(_EVENTS, _EVENT_WEIGHTS)[0]
        doc = docs[min((event_id - 1) // per_doc, len(docs) - 1)]
        date = doc["published"] if rng.random() < 0.7 else _day(rng)
        event_rows.append({
            "id": event_id, "doc_id": doc["doc_id"], "sentence_index": event_id % 10, "sentence_start": 0,
            "sentence": _sentence(rng, a, b, kind), "actor": a, "recipient": b, "event": kind, "mode": None,
            "contexts": rng.choice(["", "economic", "military", "diplomatic", "economic diplomatic"]),
            "modality": rng.choices(["asserted", "planned", "background"], [8, 1.5, 0.5])[0], "date": date,
            "date_precision": "day", "date_end": None, "intensity": None, "quad_class": _QUAD[kind],
            "cameo_root": None, "goldstein": None, "trigger": None, "confidence": 0.9, "extractor": "synthetic",
        })
        party_rows.append({"event_id": event_id, "role": "a", "code": a, "date": date})
        party_rows.append({"event_id": event_id, "role": "r", "code": b, "date": date})
        first, second = sorted((a, b))
        pair_rows.append({"event_id": event_id, "a": first, "b": second, "day": date, "quad_class": _QUAD[kind]})
        if len(event_rows) >= batch:
            yield event_rows, party_rows, pair_rows
            event_rows, party_rows, pair_rows = [], [], []
    if event_rows:
        yield event_rows, party_rows, pair_rows


def _framework_rows(rng: random.Random, docs: list[dict[str, Any]], frameworks: int) -> list[dict[str, Any]]:
    """Frameworks bind some hundreds of pairs, each reported again and again; a pair keeps one label
    most of the time."""
    framework_pairs = sorted({tuple(sorted(_pair(rng))) for _ in range(3000)})[:1500]
    rng.shuffle(framework_pairs)
    pair_weights = [1.0 / (i + 1) ** 0.5 for i in range(len(framework_pairs))]
    usual = {pair: rng.choice(_FRAMEWORKS) for pair in framework_pairs}
    rows = []
    for n in range(frameworks):
        a, b = rng.choices(framework_pairs, pair_weights)[0]
        label, tier = usual[(a, b)] if rng.random() < 0.8 else rng.choice(_FRAMEWORKS)
        status = rng.choice(_STATUSES)
        dated = status in ("established", "ended", "intended") or rng.random() < 0.2
        rows.append({
            "doc_id": docs[rng.randrange(len(docs))]["doc_id"], "a": a, "b": b, "label": label, "tier": tier,
            "status": status, "date": _day(rng) if dated else None, "date_precision": "day" if dated else "none",
            "evidence": f"{a} and {b} have a {label}, report {n}.", "sentence_index": 1, "sentence_start": 0,
            "in_title": False, "source": "news", "source_url": None, "note": None, "extractor": "synthetic",
        })
    return rows


def populate_database(db: str, events: int, frameworks: int, seed: int = 7) -> dict[str, float]:
    """Create ``db`` (migrated, with the reference table) and fill it with one document per 10
    events, ``events`` events with their parties and ``frameworks`` framework observations, then
    build every pair's facts as an ingest does when it finishes. Returns seconds per step ("fill",
    "facts") and the number of pairs built. SQLite: executemany inserts in big transactions;
    PostgreSQL: COPY."""
    from sqlalchemy import insert, select, text

    from diplograph.kb.reference import load_reference
    from diplograph.store import Store
    from diplograph.store import schema as t

    rng = random.Random(seed)
    store = Store(db)
    load_reference(store)
    start = time.perf_counter()
    docs = _documents(rng, max(1, events // 10))
    batches: Iterator[tuple[str, list[dict[str, Any]]]] = _all_batches(rng, docs, events, frameworks)
    if store.dialect == "postgresql":
        raw = store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            for name, rows in batches:
                columns = list(rows[0])
                quoted = ", ".join(f'"{c}"' for c in columns)
                with cursor.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([row[c] for c in columns])
            cursor.execute("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))")
            raw.commit()
            cursor.execute("ANALYZE")
            raw.commit()
        finally:
            raw.close()
    else:
        for name, rows in batches:
            with store.engine.begin() as c:
                c.execute(insert(t.metadata.tables[name]), rows)
        with store.engine.begin() as c:
            c.execute(text("ANALYZE"))
    store.rebuild_event_months()  # the per-month counts the store keeps as it writes events
    seconds = {"fill": time.perf_counter() - start}
    # what an ingest does when it finishes: the facts and as-of states of every changed pair
    from diplograph.kb.materialize import refresh_stale

    start = time.perf_counter()
    with store.engine.connect() as c:
        pairs = c.execute(select(t.framework_observations.c.a, t.framework_observations.c.b).distinct()).all()
    store.mark_pairs_changed((a, b) for a, b in pairs)
    seconds["pairs"] = refresh_stale(store)
    seconds["facts"] = time.perf_counter() - start
    store.close()
    return seconds


def _all_batches(rng: random.Random, docs: list[dict[str, Any]], events: int,
                 frameworks: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for i in range(0, len(docs), 50_000):
        yield "documents", docs[i:i + 50_000]
    for event_rows, party_rows, pair_rows in _event_batches(rng, docs, events):
        yield "events", event_rows
        yield "event_actors", party_rows
        yield "event_pairs", pair_rows
    rows = _framework_rows(rng, docs, frameworks)
    for i in range(0, len(rows), 50_000):
        yield "framework_observations", rows[i:i + 50_000]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    corpus = sub.add_parser("corpus")
    corpus.add_argument("n", type=int)
    corpus.add_argument("output", type=Path)
    corpus.add_argument("--source", type=Path, default=REUTERS, help="JSON Lines articles to copy")
    database = sub.add_parser("database")
    database.add_argument("--events", type=int, default=1_000_000)
    database.add_argument("--frameworks", type=int, default=100_000)
    database.add_argument("--db", required=True)
    args = parser.parse_args()
    if args.what == "corpus":
        write_corpus(args.n, args.output, args.source)
        print(f"wrote {args.n} articles to {args.output}")
    else:
        timings = populate_database(args.db, args.events, args.frameworks)
        print(f"filled {args.db}: bulk fill {timings['fill']:.1f} s; facts of {timings['pairs']:.0f} pairs "
              f"{timings['facts']:.1f} s")


if __name__ == "__main__":
    main()
