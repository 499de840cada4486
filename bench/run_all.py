"""Run the scale benchmarks one after the other (`make bench`) and update docs/benchmarks.md.

    python bench/run_all.py [--quick]

1. bench_engines.py: ingest throughput, local --jobs 1 / --jobs 2 / Ray with 2 workers, on the Reuters
   sample and on copies of the founding article (dense international news);
2. bench_cost_curve.py: time and memory for 1k, 10k and 100k documents (100k is skipped when its
   estimate from 10k exceeds 12 minutes, i.e. on a much slower machine; then run
   `bench/bench_cost_curve.py --sizes 100000` on its own: its row is kept in the table);
3. bench_queries.py: HTTP query latency at 1M events on SQLite and PostgreSQL.

All of it takes about 20 minutes on 2 cores (8 of them the 100k-document ingest, 5 the query benchmark's
two 1M-event databases); ``--quick`` runs small sizes (a smoke test, a few
minutes) and does not touch docs/benchmarks.md. The other benchmarks in bench/ (coding, dates, actors, kb)
are run on their own."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT.parent / "shared" / "eval" / "data" / "seed.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, no docs update")
    args = parser.parse_args()
    if args.quick:
        steps = [
            ["bench_engines.py", "--limit", "200", "--no-doc"],
            ["bench_cost_curve.py", "--sizes", "200,1000", "--no-doc"],
            ["bench_queries.py", "--events", "20000", "--frameworks", "2000", "--repeat", "5", "--no-doc"],
        ]
    else:
        steps = [
            ["bench_engines.py"],
            ["bench_engines.py", "--copies-of", str(SEED), "--limit", "400", "--rounds", "1",
             "--section", "engines-dense"],
            ["bench_cost_curve.py", "--sizes", "1000,10000,100000", "--budget-minutes", "12"],
            ["bench_queries.py", "--repeat", "10", "--budget-seconds", "30"],
        ]
    steps = [s for s in steps if "--copies-of" not in s or SEED.exists()]  # ../shared may be absent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    started = time.perf_counter()
    failed = []
    for step in steps:
        print(f"\n== {' '.join(step)}", flush=True)
        begin = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / step[0]), *step[1:]], env=env, cwd=ROOT, check=False)
        print(f"== {step[0]}: {time.perf_counter() - begin:.0f} s"
              + ("" if result.returncode == 0 else f", FAILED ({result.returncode})"), flush=True)
        if result.returncode != 0:
            failed.append(step[0])
    print(f"\nall benchmarks: {(time.perf_counter() - started) / 60:.1f} min"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
