"""Ingest throughput of the engines, in one run: local with --jobs 1, local with --jobs 2, and Ray
Data with 2 workers, as documents per second and as ratios to the local engine with one job.

    PYTHONPATH=src .venv/bin/python bench/bench_engines.py [--data FILE.jsonl] [--limit N]

Each engine runs the whole `diplograph ingest` command (read, clean, NLP, coding, store into a new
SQLite file, --no-reference) in a subprocess, as a user runs it. The fixed cost of a run (imports,
model loading, starting Ray and its actors) is measured with a run over the first 20 documents, so
the table shows both the end-to-end rate and the steady rate (documents per second once running:
(N - 20) / (time(N) - time(20))). Input: ../shared/eval/data/reuters_sample.jsonl (2,000 articles),
or a synthetic corpus of --limit articles when it is absent."""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from common import REUTERS, has_ray, machine, run_diplograph, table, today, write_section
from synth import write_corpus

SMALL = 20


def _head(source: Path, n: int, target: Path) -> Path:
    with source.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(handle, n))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REUTERS)
    parser.add_argument("--limit", type=int, default=2000, help="articles to ingest (at most the file's)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per engine and size; the fastest counts")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()

    engines = [("local, --jobs 1", ["--jobs", "1"]), ("local, --jobs 2", ["--jobs", "2"])]
    if has_ray():
        engines.append(("ray, 2 workers", ["--engine", "ray", "--jobs", "2"]))
    else:
        print("Ray is not installed (pip install 'diplograph[ray]'): measuring the local engine only")
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        folder = Path(tmp)
        if args.data.exists():
            full = _head(args.data, args.limit, folder / "full.jsonl")
            source = f"{args.data.name} (first {args.limit})" if args.limit < 2000 else args.data.name
        else:
            full = write_corpus(args.limit, folder / "full.jsonl", source=None)
            source = f"a synthetic corpus ({args.limit} articles; {args.data} is absent)"
        n = sum(1 for _ in full.open(encoding="utf-8"))
        small = _head(full, SMALL, folder / "small.jsonl")
        rows, figures = [], {}
        for name, extra in engines:
            runs = {}
            for label, path in (("small", small), ("full", full)):
                tries = []
                for attempt in range(args.rounds):
                    db = folder / f"{name.replace(' ', '_').replace(',', '')}-{label}-{attempt}.sqlite"
                    tries.append(run_diplograph(["ingest", str(path), "--db", str(db), "--no-reference", "--quiet",
                                                 *extra]))
                # on a shared machine the fastest run is the one least disturbed by others
                runs[label] = min(tries, key=lambda r: r.seconds)
            full_run, small_run = runs["full"], runs["small"]
            steady = (n - SMALL) / max(1e-9, full_run.seconds - small_run.seconds)
            figures[name] = (n / full_run.seconds, steady)
            print(f"{name:16s} {full_run.seconds:7.1f} s for {n} docs = {n / full_run.seconds:6.1f} docs/s; "
                  f"steady {steady:6.1f} docs/s; fixed cost {small_run.seconds:5.1f} s; "
                  f"peak memory {full_run.peak_rss_mb:,.0f} MB RSS / {full_run.peak_pss_mb:,.0f} MB PSS", flush=True)
            rows.append([name, f"{full_run.seconds:.1f}", f"{n / full_run.seconds:.1f}", f"{steady:.1f}",
                         f"{small_run.seconds:.1f}", f"{full_run.peak_rss_mb:,.0f} / {full_run.peak_pss_mb:,.0f}"])
    base_total, base_steady = figures["local, --jobs 1"]
    for row, (name, _) in zip(rows, engines, strict=True):
        total, steady = figures[name]
        row.insert(4, f"{total / base_total:.2f}x / {steady / base_steady:.2f}x")
        print(f"{name:16s} ratio to --jobs 1: {total / base_total:.2f}x end to end, {steady / base_steady:.2f}x steady")
    if args.no_doc:
        return
    body = f"""## Ingest throughput by engine (`bench/bench_engines.py`)

Measured {today()} on {machine()}.

`diplograph ingest` over {n} articles of {source} into a new SQLite database (`--no-reference`), each engine
in its own process, the fastest of {args.rounds} runs. "Fixed cost" is a run over the first {SMALL} articles (imports, model loading, and for Ray
starting the local Ray instance and its actors); "steady" is the rate once running, (N - {SMALL}) / (time(N) -
time({SMALL})). Memory: peak of the whole process tree, summed RSS (an upper bound: forked workers share
pages) / summed PSS.

{table(["engine", "seconds", "docs/s", "steady docs/s", "ratio to --jobs 1 (end to end / steady)",
        "fixed cost s", "peak MB RSS / PSS"], rows)}
"""
    write_section("engines", body)


if __name__ == "__main__":
    main()
