"""Cost of the event-type classifier per sentence (µs), batched, over the Reuters sample when present.

    PYTHONPATH=src .venv/bin/python bench/bench_classifier.py [--limit N] [--batch N]

Sentences are cut with a cheap regex split; the shipped model classifies them in batches. Also prints
the model's load time and size. Prints figures, asserts nothing."""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

from diplograph.code.classifier import DEFAULT_MODEL_PATH, EventClassifier

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "data" / "reuters_sample.jsonl"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
SYNTHETIC = [
    "The foreign ministers met in Geneva on Monday and agreed to resume talks next month.",
    "Exports rose 4.5 pct in October from a year earlier, the trade ministry said on Tuesday.",
    "Troops fired on demonstrators in the capital, killing at least six people, witnesses said.",
    "The government expelled two diplomats and recalled its ambassador for consultations.",
]


def sentences(limit: int) -> list[str]:
    if not SAMPLE.is_file():
        return (SYNTHETIC * (limit // len(SYNTHETIC) + 1))[:limit]
    found: list[str] = []
    with SAMPLE.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            found.extend(s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20)
            if len(found) >= limit:
                break
    return found[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    started = time.perf_counter()
    model = EventClassifier.load()
    if model is None:
        raise SystemExit("no shipped model")
    load_ms = (time.perf_counter() - started) * 1000
    texts = sentences(args.limit)
    model.predict_proba(texts[:50])  # warm up
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for i in range(0, len(texts), args.batch):
            model.predict_matrix(texts[i : i + args.batch])
        best = min(best, time.perf_counter() - started)
    started = time.perf_counter()
    model.predict_proba(texts[: args.batch])
    dicts_us = (time.perf_counter() - started) / min(args.batch, len(texts)) * 1e6
    print(f"load average: {os.getloadavg()[0]:.1f}")
    print(
        f"model: {DEFAULT_MODEL_PATH.name} {DEFAULT_MODEL_PATH.stat().st_size / 1e6:.2f} MB, loaded in {load_ms:.0f} ms"
    )
    print(
        f"sentences: {len(texts)} (mean {sum(map(len, texts)) / max(len(texts), 1):.0f} chars), batch {args.batch}"
    )
    print(f"predict_matrix: {best / len(texts) * 1e6:.1f} µs/sentence (best of 3)")
    print(f"predict_proba (with dicts): {dicts_us:.1f} µs/sentence")


if __name__ == "__main__":
    main()
