"""The cost curve: ingest time and peak memory of the whole process tree as the input grows.

    PYTHONPATH=src .venv/bin/python bench/bench_cost_curve.py [--sizes 1000,10000,100000]
        [--engine local|ray] [--jobs 2] [--budget-minutes 20]

Each size is a corpus built from the Reuters sample (bench/synth.py: copy k of an article carries
a unique sentence k, so no copy is a duplicate of another) ingested by `diplograph ingest` in a
subprocess into a new SQLite database. Memory is the peak, sampled every 0.2 s, of the summed RSS
(and PSS) of the command and all its children. Streaming with bounded batches should keep memory
flat as the input grows and time linear in it.

Before each size the time is estimated from the previous size's rate; a size whose estimate is
over ``--budget-minutes`` is skipped (say so with a bigger budget: 100k documents take about
half an hour on 2 cores). Results are kept per size in bench/results/cost_curve.json, so a later
run of one size (``--sizes 100000``) adds its row to the table instead of replacing the others."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from common import ROOT, load_average, machine, run_diplograph, table, today, write_section
from synth import write_corpus

RESULTS = ROOT / "bench" / "results" / "cost_curve.json"
MEMORY_LIMIT_MB = 1536  # issue 7: memory stays under 1.5 GB at 100k documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--engine", default="local", choices=["local", "ray"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--budget-minutes", type=float, default=60.0,
                        help="skip a size whose estimated time is over this")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())  # "": rewrite the table only

    saved: dict[str, dict[str, object]] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    rate: float | None = None  # documents per second of the last size run (start-up included: conservative)
    with tempfile.TemporaryDirectory(prefix="bench-cost-") as tmp:
        for size in sizes:
            if rate is not None:
                estimate = size / rate
                print(f"{size}: estimated {estimate / 60:.1f} min", flush=True)
                if estimate > args.budget_minutes * 60:
                    print(f"{size}: skipped (over the budget of {args.budget_minutes:.0f} min; "
                          f"run it with --sizes {size} --budget-minutes {estimate / 60 * 1.5:.0f})", flush=True)
                    continue
            corpus = write_corpus(size, Path(tmp) / f"corpus-{size}.jsonl")
            db = Path(tmp) / f"db-{size}.sqlite"
            command = ["ingest", str(corpus), "--db", str(db), "--no-reference", "--quiet", "--jobs", str(args.jobs)]
            if args.engine == "ray":
                command += ["--engine", "ray"]
            load_before = load_average()
            run = run_diplograph(command, timeout=6 * 3600)
            rate = size / run.seconds
            per_1k = run.seconds / size * 1000
            print(f"{size:>7} docs: {run.seconds:8.1f} s ({per_1k:5.1f} s per 1k docs, {rate:5.1f} docs/s); "
                  f"peak {run.peak_rss_mb:,.0f} MB RSS / {run.peak_pss_mb:,.0f} MB PSS over "
                  f"{run.processes} processes", flush=True)
            saved[f"{args.engine}-{size}"] = {
                "engine": args.engine, "jobs": args.jobs, "documents": size, "seconds": round(run.seconds, 1),
                "peak_rss_mb": round(run.peak_rss_mb), "peak_pss_mb": round(run.peak_pss_mb),
                "processes": run.processes, "measured": today(), "machine": machine(with_load=False),
                "load_average": load_before,
            }
            db.unlink(missing_ok=True)
            corpus.unlink(missing_ok=True)
    if args.no_doc:  # a trial run: keep neither its figures nor the table
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
    rows = []
    for key in sorted(saved, key=lambda k: (saved[k]["engine"], saved[k]["documents"])):  # type: ignore[arg-type,return-value]
        r = saved[key]
        docs, seconds = int(r["documents"]), float(r["seconds"])  # type: ignore[call-overload,arg-type]
        under = "yes" if int(r["peak_rss_mb"]) < MEMORY_LIMIT_MB else "**no**"  # type: ignore[call-overload]
        rows.append([r["engine"], r["jobs"], f"{docs:,}", f"{seconds:,.1f}", f"{seconds / docs * 1000:.1f}",
                     f"{docs / seconds:.1f}", f"{r['peak_rss_mb']:,} / {r['peak_pss_mb']:,}", under, r["measured"],
                     r.get("load_average", "?")])
    machines = sorted({str(r["machine"]) for r in saved.values()})
    body = f"""## Cost curve: time and memory by input size (`bench/bench_cost_curve.py`)

Measured on {"; ".join(machines)} (each row has its date and the machine's load average when it started:
others' work on a shared machine slows a run down).

`diplograph ingest` of N articles built from the Reuters sample, every copy with its own unique sentence
(no duplicates), into a new SQLite database. Time linear in N means a constant "s per 1k docs"; memory flat
means the same peak whatever N (the limit is {MEMORY_LIMIT_MB:,} MB at 100k documents). Peak memory of the
whole process tree: summed RSS (upper bound) / summed PSS.

{table(["engine", "jobs", "documents", "seconds", "s per 1k docs", "docs/s", "peak MB RSS / PSS",
        f"under {MEMORY_LIMIT_MB:,} MB", "measured", "load average at start"], rows)}
"""
    write_section("cost-curve", body)


if __name__ == "__main__":
    main()
