"""Work on the other cores that reads its input from memory inherited by fork.

The parsed library is large and made of many small objects, so pickling it out to worker
processes costs more than most of the work done on it. Workers forked after the input is in
place read it from the memory they inherited; only their results travel back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

_INHERITED: dict[int, Any] = {}
_CHUNK = 64


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def worker_count() -> int:
    return min(os.cpu_count() or 1, 4)


@contextmanager
def inheriting_pool(value: Any, workers: int) -> Iterator[tuple[ProcessPoolExecutor, int]]:
    """A pool whose workers see `value` through `inherited(token)`. Workers are forked at the
    first submit, so `value` must be complete before anything is submitted."""
    token = id(value)
    _INHERITED[token] = value
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
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
