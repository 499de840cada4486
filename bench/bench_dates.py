"""Cost of the date resolver per sentence (µs), over the Reuters sample when present.

    PYTHONPATH=src .venv/bin/python bench/bench_dates.py [--limit N]

Sentences are cut with a cheap regex split (the pipeline uses spaCy's); each is run through
find_date_expressions and, per article, assign_sentence_dates. Prints figures, asserts nothing."""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

from diplograph.dates import assign_sentence_dates, find_date_expressions, parse_publication_date
from diplograph.model import Sentence

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "data" / "reuters_sample.jsonl"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")

SYNTHETIC = [
    "The foreign ministers met in Geneva on Monday and agreed to resume talks next month.",
    "Exports rose 4.5 pct in October from a year earlier, the trade ministry said on Tuesday.",
    "The central bank, which cut rates in March 2022, will announce its decision on Thursday.",
    "Officials said the summit, to be held from November 27 to 30, would focus on trade.",
    "The two countries have had close ties for decades and in recent years expanded cooperation.",
    "Shares of the company closed at 12.50 dlrs, up 25 cts, on volume of 1.2 mln shares.",
    "He told reporters the government had no plans to change its policy.",
    "The agreement, signed on 27 November 2023, takes effect on January 1.",
]


def load_articles(limit: int) -> list[tuple[date | None, str]]:
    if SAMPLE.exists():
        articles = []
        with SAMPLE.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = (record.get("title") or "") + "\n" + (record.get("text") or "")
                articles.append((parse_publication_date(record.get("published")), text))
                if len(articles) >= limit:
                    break
        return articles
    print(f"{SAMPLE} absent: using a synthetic corpus")
    return [(date(2023, 11, 28), " ".join(SYNTHETIC))] * min(limit, 500)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000, help="articles to read")
    args = parser.parse_args()
    articles = load_articles(args.limit)
    documents = [
        (published, [s for s in _SENTENCE_END.split(text) if s.strip()]) for published, text in articles
    ]
    sentences = [(published, s) for published, doc in documents for s in doc]
    chars = sum(len(s) for _, s in sentences)

    find_date_expressions("warm-up on Monday, 27 November 2023", date(2023, 11, 28))
    kinds: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    start = time.perf_counter()
    for published, text in sentences:
        for match in find_date_expressions(text, published):
            kinds[match.kind] += 1
            precisions[match.value.precision] += 1
    find_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for published, doc in documents:
        batch = [Sentence(index=i, start=0, end=len(s), text=s) for i, s in enumerate(doc)]
        assign_sentence_dates(batch, published)
    assign_seconds = time.perf_counter() - start

    print(
        f"articles: {len(documents)}  sentences: {len(sentences)}  mean chars/sentence: {chars / max(1, len(sentences)):.0f}"
    )
    print(
        f"find_date_expressions: {find_seconds * 1e6 / max(1, len(sentences)):.1f} µs/sentence "
        f"({find_seconds:.2f} s total)"
    )
    print(
        f"assign_sentence_dates: {assign_seconds * 1e6 / max(1, len(sentences)):.1f} µs/sentence "
        f"({assign_seconds:.2f} s total)"
    )
    print(f"expressions by kind: {dict(kinds)}  by precision: {dict(precisions)}")


if __name__ == "__main__":
    main()
