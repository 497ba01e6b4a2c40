"""Prefect tasks: one per batch (shard) per stage, plus the once-per-run reducers.

Each task is a thin wrapper: it computes its cache key (input shard digest, what the
stage depends on, and — through the work folder's name — the run id, config fingerprint
and code version), lets `resumable` skip a batch already finished, and runs the body from
`cleaners.pipeline` in the process pool. Results are small JSON summaries (paths and
counts), persisted with the JSON serializer: nothing large and nothing pickled goes
through Prefect.
"""

from __future__ import annotations

from typing import Any

from prefect import task
from prefect.context import TaskRunContext

from cleaners.pipeline.clean import clean_shard
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.dedup_stage import run_dedup
from cleaners.pipeline.finalize import clear_stale_staging, finalize_run
from cleaners.pipeline.prepare import prepare_shard
from cleaners.pipeline.resume import key_of, resumable
from cleaners.pipeline.sitetable import build_site_tables
from cleaners.pipeline.write import write_shard
from cleaners.readers.plan import make_plan, own_folders
from flows import executor


def _key(ctx: TaskRunContext, params: dict[str, Any]) -> str:
    rctx = params["rctx"]
    return f"{RunContext.from_dict(rctx).work.name}-{params['key']}"


CACHED: dict[str, Any] = {"cache_key_fn": _key, "result_serializer": "json", "persist_result": True}


def _run(stage: str, index: int, key: str, rctx: dict[str, Any], fn: Any, *args: Any) -> dict[str, Any]:
    r = RunContext.from_dict(rctx)
    inline = rctx.get("runner", "local") != "local"
    size = executor.workers(r.cfg.run.workers)
    return resumable(r.work, stage, index, key, lambda: executor.call(fn, *args, inline=inline, size=size))


@task(name="plan-shards", retries=2, retry_delay_seconds=[1, 5])
def plan_task(rctx: dict[str, Any]) -> dict[str, Any]:
    r = RunContext.from_dict(rctx)
    r.work.mkdir(parents=True, exist_ok=True)
    clear_stale_staging(r)
    plan = make_plan(list(r.inputs), r.work, r.cfg, own_folders(r.out, r.state))
    return {"shards": [s.to_dict() for s in plan.shards], "skipped": plan.skipped, "warnings": plan.warnings}


@task(name="prepare-batch", **CACHED)
def prepare_task(spec: dict[str, Any], rctx: dict[str, Any], key: str) -> dict[str, Any]:
    return _run("prepare", spec["index"], key, rctx, prepare_shard, spec, rctx)


@task(name="site-statistics", **CACHED)
def sitetable_task(n_shards: int, rctx: dict[str, Any], key: str) -> dict[str, Any]:
    r = RunContext.from_dict(rctx)
    return resumable(r.work, "sitetable", 0, key, build_site_tables, rctx, n_shards)


@task(name="clean-batch", **CACHED)
def clean_task(index: int, rctx: dict[str, Any], key: str) -> dict[str, Any]:
    return _run("clean", index, key, rctx, clean_shard, index, rctx)


@task(name="dedup", **CACHED)
def dedup_task(n_shards: int, rctx: dict[str, Any], key: str) -> dict[str, Any]:
    r = RunContext.from_dict(rctx)
    return resumable(r.work, "dedup", 0, key, run_dedup, rctx, n_shards)


@task(name="write-batch", retries=2, retry_delay_seconds=[1, 5], **CACHED)
def write_task(index: int, rctx: dict[str, Any], key: str) -> dict[str, Any]:
    return _run("write", index, key, rctx, write_shard, index, rctx)


@task(name="finalize", retries=1)
def finalize_task(rctx: dict[str, Any], plan: dict[str, Any], stages: dict[str, list[dict[str, Any]]],
                  dedup: dict[str, Any], timings: dict[str, float]) -> dict[str, Any]:
    return finalize_run(rctx, plan, stages, dedup, timings)


__all__ = ["key_of", "plan_task", "prepare_task", "sitetable_task", "clean_task", "dedup_task", "write_task",
           "finalize_task"]
