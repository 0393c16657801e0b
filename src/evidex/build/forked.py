"""Work on the other cores that reads its input from memory inherited by fork.

The parsed library is large and made of many small objects, so pickling it out to worker
processes costs more than most of the work done on it. Workers forked after the input is in
place read it from the memory they inherited; only their results travel back.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any

_INHERITED: dict[int, Any] = {}
_CHUNK = 64


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def worker_count() -> int:
    return min(os.cpu_count() or 1, 4)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker when the process that started it dies, even by
    SIGKILL. A worker of a killed build would otherwise wait on its pipe forever: it holds a
    copy of the pipe's other end itself, so it never reads end-of-file."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:  # pragma: no cover - elsewhere, look for the parent once a second
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _watch_parent(parent: int) -> None:  # pragma: no cover - not Linux
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def worker_pool(workers: int, context: BaseContext | None = None) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process (the one way the build makes one)."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )


@contextmanager
def inheriting_pool(value: Any, workers: int) -> Iterator[tuple[ProcessPoolExecutor, int]]:
    """A pool whose workers see `value` through `inherited(token)`. Workers are forked at the
    first submit, so `value` must be complete before anything is submitted."""
    token = id(value)
    _INHERITED[token] = value
    try:
        context = multiprocessing.get_context("fork")
        with worker_pool(workers, context) as pool:
            yield pool, token
    finally:
        del _INHERITED[token]


def inherited(token: int) -> Any:
    return _INHERITED[token]


def map_inherited(function: Callable[[Any], Any], jobs: list[Any]) -> list[Any]:
    """`[function(job) for job in jobs]` on every core, in order; jobs are inherited."""
    if not can_fork() or worker_count() < 2:
        return [function(job) for job in jobs]
    with inheriting_pool(jobs, worker_count()) as (pool, token):
        starts = range(0, len(jobs), _CHUNK)
        done = pool.map(_run_chunk, [function] * len(starts), [token] * len(starts), starts)
        return [result for chunk in done for result in chunk]


def _run_chunk(function: Callable[[Any], Any], token: int, start: int) -> list[Any]:
    return [function(job) for job in inherited(token)[start : start + _CHUNK]]
