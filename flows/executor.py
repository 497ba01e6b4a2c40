"""Where a batch's CPU work runs: a process pool beside Prefect's thread runner.

Prefect tasks (one per batch) run in threads and pass shard paths; the CPU-bound body is
sent to a pool of worker processes (forkserver, with the library preloaded), so every
core works without each worker being a Prefect client (a process runner in ephemeral
mode starts one API server per worker: prefect3.md §6). Under the Dask runner the task
already runs in a Dask worker process and calls the body directly.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

_POOL: ProcessPoolExecutor | None = None
_SIZE = 0
PRELOAD = ["cleaners.pipeline.prepare", "cleaners.pipeline.clean", "cleaners.pipeline.write"]


def workers(requested: int) -> int:
    return requested if requested > 0 else (os.cpu_count() or 1)


def pool(size: int) -> ProcessPoolExecutor:
    global _POOL, _SIZE
    if _POOL is None or size != _SIZE:
        shutdown()
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        _POOL, _SIZE = ProcessPoolExecutor(max_workers=size, mp_context=ctx), size
    return _POOL


def call(fn: Callable[..., dict[str, Any]], *args: Any, inline: bool, size: int) -> dict[str, Any]:
    if inline or size <= 1:
        return fn(*args)
    return pool(size).submit(fn, *args).result()


def shutdown() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL = None


atexit.register(shutdown)
