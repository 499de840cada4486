"""Ingest throughput of the engines, in one run: local with --jobs 1, local with --jobs 2, and Ray
Data with 2 workers, as documents per second and as ratios to the local engine with one job.

    PYTHONPATH=src .venv/bin/python bench/bench_engines.py [--data FILE.jsonl] [--limit N] [--rounds 2]

Each engine ingests the whole input (read, clean, NLP, coding, store into a new SQLite file,
no reference rows) in a fresh subprocess that calls the library's ingest function with a progress
callback, so one run gives three figures: the end-to-end rate (what a user sees), the start-up
cost (until the first chunk is stored: imports, model loading, and for Ray starting a local Ray
and its actors), and the steady rate (documents stored per second from the first chunk to the
last). Memory is the peak of the subprocess and all its children (summed RSS / PSS). The fastest
of ``--rounds`` runs counts (on a shared machine, the one least disturbed by others).

Input: ../shared/eval/data/reuters_sample.jsonl (2,000 articles), or a synthetic corpus of
--limit articles when it is absent."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import REUTERS, ROOT, SRC, TreeMemory, has_ray, machine, table, today, write_section
from synth import write_corpus

ENGINES = [("local, --jobs 1", "local", 1), ("local, --jobs 2", "local", 2), ("ray, 2 workers", "ray", 2)]


def child(engine: str, jobs: int, corpus: str, db: str) -> None:
    """Run one ingest in this process and print its timings as JSON (``--child``)."""
    import logging

    logging.basicConfig(level=logging.ERROR)
    from diplograph.settings import load_options

    started = time.perf_counter()
    marks: list[tuple[float, int]] = []

    def progress(_what: str, report: Any) -> None:
        marks.append((time.perf_counter(), report.read))

    options = load_options(db=db, jobs=jobs)
    if engine == "ray":
        from diplograph.scale import ingest_ray

        report = ingest_ray([corpus], options, load_reference=False, progress=progress)
    elif engine == "ray-output":  # ``db`` is the output folder
        from diplograph.scale import ingest_ray

        report = ingest_ray([corpus], options, load_reference=False, progress=progress, output=db)
    elif engine == "load":  # ``corpus`` is an output folder: the driver's write path alone
        from diplograph.scale import load_outcomes

        report = load_outcomes(corpus, options, load_reference=False, progress=progress)
    else:
        from diplograph.ingest import ingest

        report = ingest([corpus], options, load_reference=False, progress=progress)
    total = time.perf_counter() - started
    (first_t, first_n), (last_t, last_n) = marks[0], marks[-1]
    print(json.dumps({"documents": report.read, "seconds": total, "startup": first_t - started,
                      "steady": (last_n - first_n) / max(1e-9, last_t - first_t)}))


def run_child(engine: str, jobs: int, corpus: Path, db: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    env.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    env.setdefault("RAY_AUTH_MODE", "disabled")
    command = [sys.executable, __file__, "--child", engine, str(jobs), str(corpus), str(db)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    with TreeMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate(timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"{engine} --jobs {jobs} failed:\n{stderr[-3000:]}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["rss_mb"], result["pss_mb"] = memory.peak_rss_kb / 1024, memory.peak_pss_kb / 1024
    return result


def corpus_copy(args: argparse.Namespace, folder: Path) -> Path:
    corpus = folder / "corpus.jsonl"
    if args.copies_of is not None:
        write_corpus(args.limit, corpus, source=args.copies_of)
    elif args.data.exists():
        with args.data.open(encoding="utf-8") as handle, corpus.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(handle, args.limit))
    else:
        write_corpus(args.limit, corpus, source=None)
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REUTERS)
    parser.add_argument("--limit", type=int, default=2000, help="articles to ingest (at most the file's)")
    parser.add_argument("--copies-of", type=Path, help="ingest --limit copies of these JSON Lines articles (each "
                        "copy with its own unique sentence) instead of --data")
    parser.add_argument("--section", default="engines", help="the section of docs/benchmarks.md to write")
    parser.add_argument("--rounds", type=int, default=2, help="runs per engine; the fastest counts")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    parser.add_argument("--child", nargs=4, metavar=("ENGINE", "JOBS", "INPUT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        engine, jobs, corpus, db = args.child
        child(engine, int(jobs), corpus, db)
        return

    engines = [e for e in ENGINES if e[1] == "local" or has_ray()]
    if len(engines) < len(ENGINES):
        print("Ray is not installed (pip install 'diplograph[ray]'): measuring the local engine only")
    rows, results = [], {}
    where = machine()  # the load average before this run's own work
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        folder = Path(tmp)
        corpus = corpus_copy(args, folder)
        if args.copies_of is not None:
            source = f"copies of {args.copies_of.name} (each with its own unique sentence)"
        else:
            source = args.data.name if args.data.exists() else f"a synthetic corpus ({args.data} is absent)"
        for name, engine, jobs in engines:
            tries = [run_child(engine, jobs, corpus, folder / f"{engine}-{jobs}-{attempt}.sqlite")
                     for attempt in range(args.rounds)]
            best = min(tries, key=lambda r: r["seconds"])
            results[name] = best
            print(f"{name:16s} {best['seconds']:6.1f} s for {best['documents']} docs = "
                  f"{best['documents'] / best['seconds']:6.1f} docs/s end to end; steady {best['steady']:6.1f} docs/s; "
                  f"start-up {best['startup']:4.1f} s; peak {best['rss_mb']:,.0f} MB RSS / {best['pss_mb']:,.0f} MB PSS",
                  flush=True)
    if has_ray():
        # the driver's share of a Ray run: decoding outcomes and writing them to the database, measured
        # alone by loading the Parquet outcomes of a run (on a cluster this caps one driver's throughput)
        with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
            outcomes = Path(tmp) / "outcomes"
            run_child("ray-output", 2, corpus_copy(args, Path(tmp)), outcomes)
            load = min((run_child("load", 1, outcomes, Path(tmp) / f"load-{i}.sqlite") for i in range(args.rounds)),
                       key=lambda r: r["seconds"])
        print(f"driver write path (load of the outcomes into SQLite): {load['steady']:.1f} docs/s", flush=True)
    base = results["local, --jobs 1"]
    base_total, base_steady = base["documents"] / base["seconds"], base["steady"]
    for name, _, _ in engines:
        r = results[name]
        total = r["documents"] / r["seconds"]
        ratio = f"{total / base_total:.2f}x / {r['steady'] / base_steady:.2f}x"
        print(f"{name:16s} ratio to --jobs 1: {ratio} (end to end / steady)")
        rows.append([name, f"{r['seconds']:.1f}", f"{total:.1f}", f"{r['steady']:.1f}", ratio, f"{r['startup']:.1f}",
                     f"{r['rss_mb']:,.0f} / {r['pss_mb']:,.0f}"])
    if args.no_doc:
        return
    n = base["documents"]
    load_note = ("" if not has_ray() else
                 f"\nThe driver's write path alone (`diplograph load` of a Ray run's `--output` Parquet files into a new "
                 f"SQLite database: decoding outcomes and one transaction per chunk): {load['steady']:.0f} documents a "
                 "second. One driver cannot store more than this, however many workers code for it.\n")
    title = "Ingest throughput by engine" + ("" if args.copies_of is None else f": {args.copies_of.name} copies")
    body = f"""## {title} (`bench/bench_engines.py`)

Measured {today()} on {where}.

Ingest of {n} articles of {source} into a new SQLite database (no reference rows), each engine in a fresh
process, the fastest of {args.rounds} runs. "Start-up" is the time until the first chunk is stored (imports,
model loading, and for Ray starting a local Ray instance and its actors); "steady" is the rate from the first
stored chunk to the last (for Ray, whose actors work ahead while the first chunk is awaited in order, the
steady rate of a small input is flattered and its start-up overstated). Peak memory of the whole process tree: summed RSS (an upper bound: forked workers
share pages) / summed PSS. The Reuters sample is short economic news (about 780 characters an article, few
events); the founding article (3,500 characters, dense with actors and events) stands for international news.

{table(["engine", "seconds", "docs/s end to end", "steady docs/s", "ratio to --jobs 1 (end to end / steady)",
        "start-up s", "peak MB RSS / PSS"], rows)}
{load_note}"""
    write_section(args.section, body)


if __name__ == "__main__":
    main()
