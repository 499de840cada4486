"""Time the knowledge-base queries on a synthetic store: N articles, each reporting a few framework
observations and events among 40 countries, plus the reference table.

    PYTHONPATH=src .venv/bin/python bench/kb_queries.py [N]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from diplograph.kb.exports import records_for
from diplograph.kb.queries import build_facts, partners
from diplograph.kb.reference import load_reference
from diplograph.model import Analysis, DateValue, Document, Event, FrameworkObservation
from diplograph.store import Store

CODES = ["VNM", "JPN", "CHN", "USA", "IND", "RUS", "KOR", "AUS", "FRA", "DEU", "GBR", "IDN", "MYS", "SGP", "THA",
         "PHL", "NZL", "CAN", "BRA", "ESP", "ITA", "NLD", "DNK", "HUN", "CHL", "MNG", "BGR", "KAZ", "PAK", "IRN",
         "SAU", "ARE", "EGY", "ZAF", "NGA", "KEN", "MEX", "ARG", "TUR", "POL"]
WORDS = ["summit", "talks", "upgrade", "trade", "security", "leaders", "agreed", "cooperation", "minister", "visit", "energy", "maritime"]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.sqlite"))
        load_reference(store)
        start = time.perf_counter()
        for i in range(n):
            a, b = rng.sample(CODES[:12] if rng.random() < 0.6 else CODES, 2)
            day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
            text = f"Article {i}. " + " ".join(rng.choice(WORDS) for _ in range(120))
            frameworks = [FrameworkObservation(a=a, b=b, label="comprehensive strategic partnership", tier="CSP",
                                               status=rng.choice(["established", "existing", "intended"]),
                                               date=DateValue(day, "day"), evidence=text[:80])]
            events = [Event(sentence=text[:60], event=rng.choice(["CONSULT", "AGREE", "AID", "PROTEST"]),
                            actor=[a], recipient=[b], date=DateValue(day, "day"))]
            store.write_document(Document(doc_id=f"{i:08d}", text=text, published=day),
                                 Analysis(frameworks=frameworks, events=events, extractor="bench"))
        print(f"wrote {n} documents in {time.perf_counter() - start:.1f} s")
        for label, call in (
            ("partners VNM (first: signatures computed)", lambda: partners(store, "VNM", "2023-11-30")),
            ("partners VNM (cached signatures)", lambda: partners(store, "VNM", "2023-11-30")),
            ("build_facts all pairs", lambda: build_facts(store)),
            ("gdelt export records", lambda: list(records_for(store, "gdelt"))),
            ("series export records", lambda: records_for(store, "series")),
        ):
            start = time.perf_counter()
            result = call()
            print(f"{label}: {time.perf_counter() - start:.2f} s ({len(result)} records)")
        store.close()


if __name__ == "__main__":
    main()
