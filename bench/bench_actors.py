"""Benchmark of the actor matcher (issue 3, item 5) and its recall on PLOVER gold actors.

    PYTHONPATH=src .venv/bin/python bench/bench_actors.py [--misses N]

1. Speed: the matcher's cost per sentence (µs/sentence) on tokenizer-only docs over the Reuters
   sample in ../shared/eval/data/reuters_sample.jsonl (a synthetic corpus when it is absent).
2. Recall: on ../shared/eval/data/plover_gsr.jsonl, the share of records whose gold actor and
   recipient state codes are all among the state codes the matcher finds (printed only; nothing
   derived from the evaluation data is stored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections import Counter
from pathlib import Path

import spacy

from diplograph.actors import ActorMatcher, is_state
from diplograph.actors.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "data"


def synthetic_corpus(n: int = 500) -> list[tuple[str, dt.date | None]]:
    rng = random.Random(7)
    subjects = ["Japan", "Vietnamese President Vo Van Thuong", "The U.S.", "Beijing", "Officials",
                "Chinese companies", "The two countries", "Prices", "The central bank", "Analysts"]
    verbs = ["said", "agreed to expand", "warned about", "reported", "rejected", "welcomed"]
    objects = ["trade talks with India", "the South China Sea dispute", "rising oil output",
               "a visit to Tokyo", "quarterly earnings", "the EU's new rules", "NATO exercises"]
    docs = []
    for _ in range(n):
        sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}." for _ in range(8)]
        docs.append((" ".join(sentences), dt.date(2023, 11, 28)))
    return docs


def load_reuters() -> list[tuple[str, dt.date | None]]:
    path = EVAL / "reuters_sample.jsonl"
    if not path.is_file():
        return synthetic_corpus()
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        title = record.get("title") or ""
        docs.append(((title + "\n\n" if title else "") + (record.get("text") or ""), published))
    return docs


def bench_speed(nlp: spacy.language.Language, matcher: ActorMatcher) -> None:
    corpus = load_reuters()
    t0 = time.perf_counter()
    docs = [(nlp.make_doc(text), published) for text, published in corpus]
    t_tok = time.perf_counter() - t0
    sentences = sum(len(split_sentences(doc, [t.text for t in doc], [t.idx for t in doc], None)) for doc, _ in docs)
    # warm-up, then timed run
    for doc, published in docs[:20]:
        matcher.find_mentions(doc, published=published)
    t0 = time.perf_counter()
    mentions = 0
    for doc, published in docs:
        mentions += len(matcher.find_mentions(doc, published=published))
    t_match = time.perf_counter() - t0
    candidates = matcher.surface_forms()
    print(f"corpus: {len(docs)} docs, {sentences} sentences, {sum(len(d) for d, _ in docs)} tokens")
    print(f"tokenizer: {1e6 * t_tok / sentences:.1f} µs/sentence")
    print(f"actor matcher: {1e6 * t_match / sentences:.1f} µs/sentence ({t_match:.2f} s total, "
          f"{t_match / t_tok:.2f}x the tokenizer), "
          f"{mentions} mentions, {len(candidates)} surface forms")


def bench_recall(nlp: spacy.language.Language, matcher: ActorMatcher, show_misses: int) -> None:
    path = EVAL / "plover_gsr.jsonl"
    if not path.is_file():
        print("plover recall: skipped (no plover_gsr.jsonl)")
        return
    total = covered = gold_codes = found_codes = 0
    missing: Counter[str] = Counter()
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = {c for c in record.get("actor", []) + record.get("recipient", []) if len(c) == 3 and c.isupper()}
        gold = {c for c in gold if _is_state(c)}
        if not gold:
            continue
        mentions = matcher.find_mentions(nlp.make_doc(record["text"]))
        found = {c for m in mentions for c in m.codes if _is_state(c)}
        total += 1
        gold_codes += len(gold)
        found_codes += len(gold & found)
        if gold <= found:
            covered += 1
        else:
            missing.update(gold - found)
            misses.append((sorted(gold - found), record["text"]))
    print(f"plover recall: {covered}/{total} records with all gold states found ({covered / total:.1%}); "
          f"codes {found_codes}/{gold_codes} ({found_codes / gold_codes:.1%})")
    print(f"most missed codes: {missing.most_common(12)}")
    for codes, text in misses[:show_misses]:
        print(f"  MISS {codes}: {text}")


def _is_state(code: str) -> bool:
    try:
        return is_state(code)
    except Exception:  # codes such as IGO or REB in the gold data
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="print this many missed PLOVER records")
    args = parser.parse_args()
    nlp = spacy.blank("en")
    t0 = time.perf_counter()
    matcher = ActorMatcher(nlp)
    print(f"matcher build: {time.perf_counter() - t0:.2f} s")
    bench_speed(nlp, matcher)
    bench_recall(nlp, matcher, args.misses)


if __name__ == "__main__":
    main()
