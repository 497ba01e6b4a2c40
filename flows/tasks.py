"""Prefect tasks: one per batch of each declared stage (cleaners/pipeline/stages.py), plus
planning and finalizing.

Each task is a thin wrapper around `cleaners.pipeline.driver`: a batch whose completion
marker (in STATE/work, cleaners/pipeline/resume.py) holds its key is skipped, else its body
runs in the process pool. That marker is the only resume mechanism: Prefect's task cache
is off (`NO_CACHE`, results not persisted), so nothing about finished batches lives in
Prefect's storage. Results are small summaries (paths and counts), never documents.
"""

from __future__ import annotations

from typing import Any

from prefect import Task, task
from prefect.cache_policies import NO_CACHE

from cleaners.pipeline.context import RunContext
from cleaners.pipeline.driver import plan_run, run_batch
from cleaners.pipeline.finalize import finalize_run
from cleaners.pipeline.stages import BY_NAME, STAGES, Batch
from flows import executor

UNCACHED: dict[str, Any] = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="plan-shards", retries=2, retry_delay_seconds=[1, 5], **UNCACHED)
def plan_task(rctx: dict[str, Any]) -> dict[str, Any]:
    return plan_run(rctx)


@task(**UNCACHED)
def batch_task(batch: Batch, rctx: dict[str, Any]) -> dict[str, Any]:
    """A per-shard batch goes to the process pool (under Dask: this worker process); a
    once-per-run batch runs here."""
    if not BY_NAME[batch.stage].per_shard:
        return run_batch(batch, rctx)
    inline = rctx.get("runner", "local") != "local"
    size = executor.workers(RunContext.from_dict(rctx).cfg.run.workers)
    return run_batch(batch, rctx, lambda fn, *args: executor.call(fn, *args, inline=inline, size=size))


STAGE_TASKS: dict[str, Task[..., dict[str, Any]]] = {
    s.name: batch_task.with_options(name=f"{s.name}-batch" if s.per_shard else s.name, retries=s.retries,
                                    retry_delay_seconds=[1, 5])
    for s in STAGES
}


@task(name="finalize", retries=1, **UNCACHED)
def finalize_task(rctx: dict[str, Any], plan: dict[str, Any], results: dict[str, Any],
                  timings: dict[str, float]) -> dict[str, Any]:
    return finalize_run(rctx, plan, results, timings)


__all__ = ["STAGE_TASKS", "batch_task", "finalize_task", "plan_task"]
