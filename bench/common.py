"""What the scale benchmarks share: the machine they ran on, peak memory of a process tree, running
a `diplograph` command, and writing a section of docs/benchmarks.md.

Each benchmark owns one section of docs/benchmarks.md, between ``<!-- bench:NAME -->`` and
``<!-- /bench:NAME -->``, and replaces only that section, so they can be run one at a time."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SHARED_DATA = ROOT.parent / "shared" / "eval" / "data"
REUTERS = SHARED_DATA / "reuters_sample.jsonl"
DOC = ROOT / "docs" / "benchmarks.md"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

DOC_HEADER = """# Benchmarks

Figures written by the scripts in `bench/` (`make bench` runs them all: `python bench/run_all.py`).
Each section says the machine and the date it was measured on; a section is replaced when its
script runs again. Timings on a shared machine vary with its load: the load average at the start
of each run is shown with the machine.
"""


def machine(with_load: bool = True) -> str:
    """One line: CPU model, cores, memory, OS, Python, and (``with_load``) the load average now."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text(encoding="utf-8"))[1])  # type: ignore[index]
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, TypeError):
        pass
    load = ""
    if with_load and hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f}"
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}{load}")


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


def today() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def write_section(name: str, body: str) -> None:
    """Replace (or add) the section ``name`` of docs/benchmarks.md."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else DOC_HEADER
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- memory of a process tree

def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out.extend(int(c) for c in (task / "children").read_text().split())
    except OSError:
        pass
    return out


def process_tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS shares pages among the processes that map them."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled every ``interval`` seconds in a
    thread: the peak of the summed RSS (counts pages shared by forked workers once per process:
    an upper bound) and of the summed PSS (shared pages split among their users)."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = process_tree(self.pid)
            rss = pss = 0
            for pid in pids:
                r, p = _memory_kb(pid)
                rss, pss = rss + r, pss + p
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.peak_processes = max(self.peak_processes, len(pids))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    peak_pss_mb: float
    processes: int
    stderr: str


def run_diplograph(args: Sequence[str], *, timeout: float = 3600, env: dict[str, str] | None = None) -> Run:
    """Run ``python -m diplograph ARGS`` with this source tree, timing it and sampling the memory
    of its whole process tree; raise with its stderr when it fails."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), environment.get("PYTHONPATH")) if p)
    environment.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    environment.setdefault("RAY_AUTH_MODE", "disabled")
    environment.update(env or {})
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "diplograph", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT)
    with TreeMemory(proc.pid) as memory:
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"diplograph {' '.join(args)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return Run(seconds, memory.peak_rss_kb / 1024, memory.peak_pss_kb / 1024, memory.peak_processes, stderr)


def has_ray() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True
