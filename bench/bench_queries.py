"""Query latency over HTTP against a warm `diplograph serve`, on SQLite and PostgreSQL.

    PYTHONPATH=src .venv/bin/python bench/bench_queries.py [--events 1000000] [--frameworks 100000]
        [--backends sqlite,postgresql] [--repeat 20] [--keep-sqlite FILE] [--endpoints changes,facts]

For each backend: a database of ``--events`` synthetic events (with their parties, one document
per 10 events) and ``--frameworks`` framework observations (bench/synth.py: bulk inserts, COPY on
PostgreSQL), the indexes of the schema's migrations, then `diplograph serve` in a subprocess.
Every query variant runs once to warm the server (and to let the knowledge base cache what it
computes once, such as document signatures), then ``--repeat`` times per variant; p50 and p95 are
over all the timed requests of an endpoint. PostgreSQL is a throwaway cluster on a free port (as
the tests start it: tests/postgres.py); it is skipped when PostgreSQL is not installed.

Targets (issue 7): p95 under 50 ms for partners, 100 ms for a pair timeline and 200 ms for an
events search, at 1M events on both backends; (issue 17) p95 under 500 ms for the first page of
/api/changes over two years, and no page of any endpoint over 256 KB: every variant's pages are
followed through their cursors (up to ``PAGES_FOLLOWED`` pages) and the largest is reported.

``--endpoints`` measures some endpoints only; their figures then go to a section of their own in
docs/benchmarks.md (``queries-SOME``), leaving the full run's section as it was."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import ROOT, SRC, machine, table, today, write_section
from synth import populate_database

sys.path.insert(0, str(ROOT / "tests"))

TARGETS_MS = {"partners": 50, "timeline": 100, "events search": 200, "changes (2 years)": 500, "facts": 200}
MAX_PAGE_BYTES = 256 * 1024
PAGES_FOLLOWED = 5
QUERIES: dict[str, list[str]] = {
    "partners": [f"/api/countries/{c}/partners?as_of=2023-11-30" for c in ("VNM", "USA", "CHN", "DEU", "KEN")],
    "timeline": [f"/api/pairs/{a}/{b}/timeline" for a, b in (("JPN", "VNM"), ("USA", "CHN"), ("DEU", "FRA"),
                                                              ("KEN", "ETH"))]
    + ["/api/pairs/USA/CHN/timeline?since=2020-01-01&until=2020-12-31"],
    "events search": [
        "/api/events?party=VNM&type=CONSULT&limit=50",
        "/api/events?actor=USA&recipient=CHN&since=2020-01-01&limit=50",
        "/api/events?type=SANCTION&since=2024-01-01&limit=50",
        "/api/events?party=KEN&modality=planned&limit=50",
        "/api/events?q=maritime&limit=50",
    ],
    "changes (2 years)": [f"/api/changes?since={a}-01-01&until={a + 1}-12-31" for a in (2016, 2018, 2020, 2022)],
    "facts": ["/api/facts?limit=50", "/api/facts?actor=USA&limit=50", "/api/facts?actor=CHN&limit=50",
              "/api/facts?a=USA&b=CHN&limit=50"],
}
SHORT_NAMES = {"events search": "events", "changes (2 years)": "changes"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(db: str) -> Iterator[str]:
    """`diplograph serve --db DB` on a free port; yields its base URL once /api/health answers."""
    import httpx

    port = _free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p))
    proc = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"diplograph serve exited: {proc.stderr.read() if proc.stderr else ''}")
            try:
                if httpx.get(base + "/api/health", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("diplograph serve did not answer /api/health within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def largest_page(client: Any, path: str) -> tuple[int, str]:
    """The largest of the first ``PAGES_FOLLOWED`` pages of ``path`` (following next_cursor) and
    which page it was."""
    largest, which, url = 0, path, path
    for number in range(1, PAGES_FOLLOWED + 1):
        response = client.get(url)
        response.raise_for_status()
        if len(response.content) > largest:
            largest, which = len(response.content), f"{path} (page {number})"
        cursor = response.json().get("next_cursor")
        if not cursor:
            break
        url = f"{path}{'&' if '?' in path else '?'}cursor={cursor}"
    return largest, which


def measure(base: str, repeat: int, budget_s: float = 60.0,
            endpoints: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Per endpoint: one warm-up call per variant, then up to ``repeat`` rounds over its variants,
    fewer when the endpoint has used up ``budget_s`` (a slow endpoint must not hold the run up for
    an hour: its figures then come from fewer requests, which the table shows); and the largest
    page of any of its variants."""
    import httpx

    results: dict[str, dict[str, Any]] = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for endpoint, paths in QUERIES.items():
            if endpoints is not None and endpoint not in endpoints:
                continue
            warm: list[float] = []
            sizes: list[int] = []
            for path in paths:  # warm-up: first call of each variant
                start = time.perf_counter()
                response = client.get(path)
                warm.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
                sizes.append(len(response.content))
            pages = [largest_page(client, path) for path in paths]
            biggest = max(pages)
            timings: list[float] = []
            slowest: tuple[float, str] = (0.0, "")
            began = time.perf_counter()
            for _ in range(repeat):
                if timings and time.perf_counter() - began > budget_s:
                    break
                for path in paths:
                    start = time.perf_counter()
                    client.get(path).raise_for_status()
                    elapsed = (time.perf_counter() - start) * 1000
                    timings.append(elapsed)
                    slowest = max(slowest, (elapsed, path))
            timings.sort()
            results[endpoint] = {
                "p50": statistics.median(timings),
                "p95": timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))],
                "first": max(warm),
                "requests": len(timings),
                "bytes": int(statistics.mean(sizes)),
                "largest": biggest[0],
                "largest_page": biggest[1],
                "slowest": slowest[1],
            }
    return results


@contextlib.contextmanager
def postgres_database() -> Iterator[str | None]:
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    from postgres import postgres_server  # tests/postgres.py

    with postgres_server() as cluster:
        yield None if cluster is None else cluster.create_database()


def run_backend(backend: str, events: int, frameworks: int, repeat: int, keep_sqlite: Path | None,
                budget_s: float, endpoints: list[str] | None = None) -> dict[str, Any]:
    with contextlib.ExitStack() as stack:
        if backend == "sqlite":
            if keep_sqlite is not None:
                db = str(keep_sqlite)
                fresh = not keep_sqlite.exists()
            else:
                db = str(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-q-"))) / "q.sqlite")
                fresh = True
        else:
            url = stack.enter_context(postgres_database())
            if url is None:
                print("PostgreSQL is not installed: skipping it")
                return {}
            db, fresh = url, True
        steps = populate_database(db, events, frameworks) if fresh else {}
        state = (f"filled in {steps['fill']:.0f} s, facts of {steps['pairs']:.0f} pairs built in {steps['facts']:.0f} s"
                 if fresh else "reused")
        print(f"{backend}: database ready ({state})", flush=True)
        base = stack.enter_context(serve(db))
        results = measure(base, repeat, budget_s, endpoints)
        return {"steps": steps, "results": results}


def main() -> None:
    # a terminated run still stops its server and its PostgreSQL cluster (the context managers' exits)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--frameworks", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per query variant")
    parser.add_argument("--budget-seconds", type=float, default=60.0,
                        help="stop repeating an endpoint's requests after this long (slow endpoints)")
    parser.add_argument("--keep-sqlite", type=Path, help="build the SQLite database here once and reuse it")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    parser.add_argument("--endpoints", help="comma-separated short names of the endpoints to measure "
                        f"({', '.join(SHORT_NAMES.get(e, e) for e in QUERIES)}; default: all)")
    args = parser.parse_args()
    by_short = {SHORT_NAMES.get(e, e): e for e in QUERIES}
    endpoints = None if not args.endpoints else [by_short[name.strip()] for name in args.endpoints.split(",")]

    where = machine()  # the load average before this run's own work
    rows = []
    builds = []
    for backend in args.backends.split(","):
        outcome = run_backend(backend.strip(), args.events, args.frameworks, args.repeat, args.keep_sqlite,
                              args.budget_seconds, endpoints)
        if outcome.get("steps"):
            steps = outcome["steps"]
            builds.append(f"{backend}: bulk fill {steps['fill']:.0f} s, then the facts and as-of states of "
                          f"{steps['pairs']:.0f} pairs {steps['facts']:.0f} s (what an ingest does when it finishes)")
        for endpoint, r in outcome.get("results", {}).items():
            target = TARGETS_MS[endpoint]
            verdict = "yes" if r["p95"] < target else "**no**"
            fits = "yes" if r["largest"] <= MAX_PAGE_BYTES else "**no**"
            line = (f"{backend:10s} {endpoint:18s} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  "
                    f"(target {target} ms: {verdict}; first call {r['first']:.0f} ms; {r['requests']} requests; "
                    f"largest page {r['largest']:,} bytes: {r['largest_page']})")
            print(line, flush=True)
            rows.append([backend, endpoint, f"{r['p50']:.1f}", f"{r['p95']:.1f}", f"< {target}", verdict,
                         f"{r['first']:.0f}", f"{r['bytes']:,}", f"{r['largest']:,}", fits, f"`{r['slowest']}`"])
    if args.no_doc or not rows:
        return
    measured = [e for e in QUERIES if endpoints is None or e in endpoints]
    variants = "\n".join(f"- {endpoint}: " + ", ".join(f"`{p}`" for p in QUERIES[endpoint]) for endpoint in measured)
    name = "queries" if endpoints is None else "queries-" + "-".join(SHORT_NAMES.get(e, e) for e in measured)
    title = "Query latency over HTTP" if endpoints is None else f"Query latency over HTTP: {', '.join(measured)}"
    command = "" if endpoints is None else f" `--endpoints {args.endpoints}`"
    body = f"""## {title} (`bench/bench_queries.py`{command})

Measured {today()} on {where}.

A warm `diplograph serve` over {args.events:,} synthetic events (with {2 * args.events:,} event-party rows and
{args.events // 10:,} documents) and {args.frameworks:,} framework observations plus the reference table;
{args.repeat} timed requests per query variant after one warm-up call each (keep-alive HTTP client on the same
machine; an endpoint stops repeating after {args.budget_seconds:.0f} s, so a slow one has fewer requests). Building
the databases: {"; ".join(builds) or "reused"}. Query variants (a timeline request is its first page, 200 items;
a changes request its first page, 100 entries; a facts request 50 facts):
{variants}

"Largest page": the largest answer among the first {PAGES_FOLLOWED} pages of every variant (following
`next_cursor`), against the limit of {MAX_PAGE_BYTES // 1024} KB a page. No other work ran on the
database while it was measured (a concurrent ingest would slow every request down).

{table(["backend", "endpoint", "p50 ms", "p95 ms", "target p95", "met", "first call ms", "mean bytes",
        "largest page bytes", "≤ 256 KB", "slowest variant"], rows)}
"""
    write_section(name, body)


if __name__ == "__main__":
    main()
