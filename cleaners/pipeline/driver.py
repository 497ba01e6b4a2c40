"""A run from start to end in the declared order: plan, every stage of `STAGES`, finalize,
under STATE's lock.

How each step executes is the caller's choice: `Driver` runs it in this process; the
Prefect flow (flows/clean.py) overrides its methods to run each step as tasks. Whoever
drives, `execute` alone decides the order, so the flow, the in-process runner and the
crash-test driver run the same pipeline. `hook` is called with a phase's name as it
starts ("plan", each stage's name, "finalize", then inside finalize "report", "swap",
"commit", "cleanup"): a test can aim a kill at a phase without patching what runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from cleaners.pipeline.context import RunContext
from cleaners.pipeline.finalize import PHASES as FINALIZE_PHASES
from cleaners.pipeline.finalize import Hook, clear_stale_staging, finalize_run, quiet
from cleaners.pipeline.resume import resumable
from cleaners.pipeline.stages import STAGES, Batch, Stage, batches, stage_keys
from cleaners.readers.plan import make_plan, own_folders
from cleaners.state import StateStore

Call = Callable[..., dict[str, Any]]
PHASES = ("plan", *(s.name for s in STAGES), "finalize", *FINALIZE_PHASES)  # what `hook` is called with, in order


def direct(fn: Call, *args: Any) -> dict[str, Any]:
    return fn(*args)


def plan_run(rctx_d: dict[str, Any]) -> dict[str, Any]:
    """The run's shards (written into the work folder) and what reading skipped."""
    r = RunContext.from_dict(rctx_d)
    r.work.mkdir(parents=True, exist_ok=True)
    clear_stale_staging(r)
    plan = make_plan(list(r.inputs), r.work, r.cfg, own_folders(r.out, r.state))
    return {"shards": [s.to_dict() for s in plan.shards], "skipped": plan.skipped, "warnings": plan.warnings}


def run_batch(batch: Batch, rctx_d: dict[str, Any], call: Callable[..., dict[str, Any]] = direct) -> dict[str, Any]:
    """One batch, skipped when its completion marker holds its key; `call(fn, *args)`
    runs the body (here, or in a process pool)."""
    fn, args = batch.call(rctx_d)
    work = RunContext.from_dict(rctx_d).work
    return resumable(work, batch.stage, batch.index, batch.key, lambda: call(fn, *args))


class Driver:
    """Runs each step in this process, one batch after another."""

    def started(self) -> float | None:
        """Seconds the process spent before the run began (imports, a server's start): the
        fixed cost `timings_s.start` reports apart from the work; None when not known."""
        return None

    def plan(self, rctx: dict[str, Any]) -> dict[str, Any]:
        return plan_run(rctx)

    def stage(self, stage: Stage, todo: list[Batch], rctx: dict[str, Any]) -> list[dict[str, Any]]:
        return [run_batch(b, rctx) for b in todo]

    def finalize(self, rctx: dict[str, Any], plan: dict[str, Any], results: dict[str, Any],
                 timings: dict[str, float], hook: Hook) -> dict[str, Any]:
        return finalize_run(rctx, plan, results, timings, hook)


def execute(r: RunContext, driver: Driver | None = None, hook: Hook = quiet, wait: float = 0,
            clock: Callable[[], float] = time.monotonic) -> dict[str, Any]:
    """One run; the summary stats.json holds. `wait`: seconds to wait for a STATE another
    run holds; `clock` times the stages (stats.json's `timings_s`)."""
    driver = driver or Driver()
    rctx = r.to_dict()
    with StateStore(r.state).locked(r.run_id, wait) as store:
        generation = store.snapshot().generation
        timings: dict[str, float] = {}
        age = driver.started()
        if age is not None:
            timings["start"] = age
        start = clock()
        hook("plan")
        plan = driver.plan(rctx)
        timings["plan"] = clock() - start
        specs = plan["shards"]
        keys = stage_keys(specs, generation)
        results: dict[str, Any] = {}
        for stage in STAGES:
            hook(stage.name)
            t = clock()
            done = driver.stage(stage, batches(stage, specs, keys), rctx)
            results[stage.name] = done if stage.per_shard else done[0]
            timings[stage.name] = clock() - t
        timings["total_before_finalize"] = clock() - start
        hook("finalize")
        return driver.finalize(rctx, plan, results, timings, hook)
