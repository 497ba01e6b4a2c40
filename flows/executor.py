"""Where a batch's CPU work runs: a process pool beside Prefect's thread runner.

Prefect tasks (one per batch) run in threads and pass shard paths; the CPU-bound body is
sent to a pool of worker processes (forkserver, with the library preloaded), so every
core works without each worker being a Prefect client (a process runner in ephemeral
mode starts one API server per worker). Under the Dask runner the task
already runs in a Dask worker process and calls the body directly.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from cleaners.pipeline.stages import STAGES

_POOL: ProcessPoolExecutor | None = None
_SIZE = 0
_LOCK = threading.Lock()  # batches of one stage ask for the pool from several threads at once
# datasketch (its banding parameters and permutations, asked for lazily by the clean
# stage) imports scipy: ~0.7 s that each worker would otherwise pay again
PRELOAD = [*dict.fromkeys(s.fn.__module__ for s in STAGES if s.per_shard), "datasketch"]


def workers(requested: int) -> int:
    return requested if requested > 0 else (os.cpu_count() or 1)


def pool(size: int) -> ProcessPoolExecutor:
    global _POOL, _SIZE
    with _LOCK:
        if _POOL is None or size != _SIZE:
            _stop_pool()
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
            _POOL, _SIZE = ProcessPoolExecutor(max_workers=size, mp_context=ctx), size
        return _POOL


def _stop_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL = None


def call(fn: Callable[..., dict[str, Any]], *args: Any, inline: bool, size: int) -> dict[str, Any]:
    if inline or size <= 1:
        return fn(*args)
    return pool(size).submit(fn, *args).result()


def shutdown() -> None:
    """Stop the pool, then the helper processes multiprocessing started for it (the fork
    server and the resource tracker): left to interpreter exit they outlive the command by
    a second or two, and a supervisor waiting for the process group sees a run still going."""
    with _LOCK:
        _stop_pool()
    from multiprocessing import forkserver, resource_tracker

    for helper in (forkserver._forkserver, resource_tracker._resource_tracker):
        stop = getattr(helper, "_stop", None)
        if stop is not None:
            stop()


atexit.register(shutdown)
