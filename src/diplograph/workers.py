"""Worker processes that never outlive the run, and a run that can be stopped cleanly.

- A worker dies with its parent: on Linux the kernel sends it SIGKILL when the parent dies
  (``PR_SET_PDEATHSIG``; kill -9 of an ingest used to leave its workers coding for minutes), and a
  watchdog thread checks the parent every quarter second where that is not available.
- A worker ignores SIGINT and takes SIGTERM's default action: the parent, which gets Ctrl-C or
  SIGTERM, decides, and ends its workers itself.
- ``StopRequest`` is what a signal handler sets; :func:`run_parallel` and :func:`until_stopped`
  stop handing out work once it is set, so what was stored stays stored and the run ends at once."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.25
WAIT_SECONDS = 0.2  # how often a waiting parent looks at the stop request


class StopRequest:
    """Set (from a signal handler) to ask a run to stop; ``reason`` names why ("SIGTERM")."""

    def __init__(self) -> None:
        self.reason: str | None = None

    def set(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason

    def __bool__(self) -> bool:
        return self.reason is not None


def bind_to_parent(parent_pid: int) -> None:
    """Make this (worker) process end when ``parent_pid`` does, and leave signals to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _kill_on_parent_death():
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watchdog", daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before we were bound to it
        os._exit(1)


def _kill_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    stopped = threading.Event()
    while not stopped.wait(WATCHDOG_SECONDS):
        if os.getppid() != parent_pid:
            os._exit(1)


def _bound_initializer(parent_pid: int, initializer: Callable[..., None], args: tuple[Any, ...]) -> None:
    bind_to_parent(parent_pid)
    initializer(*args)


def until_stopped(items: Iterable[T], stop: StopRequest | None) -> Iterator[T]:
    """``items`` until ``stop`` is set (checked before each one is taken)."""
    for item in items:
        if stop:
            return
        yield item


def run_parallel(function: Callable[[T], R], items: Iterable[T], jobs: int, *,
                 initializer: Callable[..., None], initargs: tuple[Any, ...] = (),
                 stop: StopRequest | None = None) -> Iterator[R]:
    """``function`` over ``items`` on ``jobs`` forked worker processes, results as they complete,
    with at most ``3 * jobs`` items in flight (memory stays flat however many items there are).

    When ``stop`` is set, no more items are taken and the workers are ended at once (the results
    in flight are dropped: their work is redone by the next run)."""
    context = multiprocessing.get_context("fork")
    pool = cf.ProcessPoolExecutor(jobs, mp_context=context, initializer=_bound_initializer,
                                  initargs=(os.getpid(), initializer, initargs))
    stopped = False
    try:
        pending: set[cf.Future[R]] = set()
        max_in_flight = jobs * 3
        for item in until_stopped(items, stop):
            pending.add(pool.submit(function, item))
            while len(pending) >= max_in_flight and not stop:
                done, pending = cf.wait(pending, timeout=WAIT_SECONDS, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        while pending and not stop:
            done, pending = cf.wait(pending, timeout=WAIT_SECONDS, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield future.result()
        stopped = bool(stop)
    except BaseException:
        stopped = True
        raise
    finally:
        if stopped:
            _end_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _end_workers(pool: cf.ProcessPoolExecutor) -> None:
    """Terminate the pool's workers now (they take SIGTERM's default action: see bind_to_parent)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    logger.info("ended %d worker processes", len(processes))
