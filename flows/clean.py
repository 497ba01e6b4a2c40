"""The main flow: the declared pipeline (cleaners/pipeline/stages.py, driven in order by
cleaners/pipeline/driver.py) with one Prefect task per batch of each stage.

`presswash` (the deployment entrypoint and what `presswash run` calls) resolves the date
in scheduled paths, picks the task runner (threads + process pool, or Dask) and runs
`clean_corpus` as a subflow with it. The artifacts and the counts go on `presswash`'s own
flow run, the one a deployment's run is: its final state's message is the count line.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import Any

from prefect import flow, get_run_logger
from prefect.futures import wait
from prefect.runtime import flow_run
from prefect.states import Completed, State

from cleaners.config import Config
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.driver import Driver, Hook, execute
from cleaners.pipeline.stages import Batch, Stage, per_shard_batches
from flows import artifacts, progress, runners
from flows.tasks import STAGE_TASKS, finalize_task, plan_task


class TaskDriver(Driver):
    """The declared pipeline (cleaners/pipeline/driver.py) with each step a Prefect task;
    a stage's batches are submitted together and run side by side."""

    def __init__(self) -> None:
        self.log = get_run_logger()
        self.resumed = 0
        self.batches = 0

    def started(self) -> float | None:
        return _process_age()

    def plan(self, rctx: dict[str, Any]) -> dict[str, Any]:
        plan = plan_task(rctx)
        r = RunContext.from_dict(rctx)
        self.log.info("run %s: %d shards of up to %d documents (config %s)", r.run_id, len(plan["shards"]),
                      r.cfg.run.batch_size, r.fingerprint)
        progress.start(per_shard_batches(len(plan["shards"])))
        return plan

    def stage(self, stage: Stage, todo: list[Batch], rctx: dict[str, Any]) -> list[dict[str, Any]]:
        futures = [STAGE_TASKS[stage.name].submit(b, rctx) for b in todo]
        results = [fut.result() for fut in futures]
        for res in results:
            self.resumed += bool(res.get("cached"))
            self.batches += 1
            if stage.per_shard:
                progress.batch_done(stage.name, res)
        return results

    def finalize(self, rctx: dict[str, Any], plan: dict[str, Any], results: dict[str, Any],
                 timings: dict[str, float], hook: Hook) -> dict[str, Any]:
        if self.resumed:
            self.log.info("resumed: skipped %d finished batches of %d", self.resumed, self.batches)
        return finalize_task(rctx, plan, results, timings)


@flow(name="presswash-clean")
def clean_corpus(inputs: list[str], out: str, state: str, config: str | None = None, run_id: str | None = None,
                 batch_size: int = 0, workers: int = 0, runner: str = "local",
                 state_wait: float = 0) -> dict[str, Any]:
    cfg = runners.load_config(config, batch_size, workers)
    r = RunContext.create(inputs, out, state, run_id, cfg, runner)
    driver = TaskDriver()
    summary = execute(r, driver, wait=state_wait)
    driver.log.info("documents %s", artifacts.counts_line(summary["documents"]))
    return {"run_id": r.run_id, "out": r.out, "documents": summary["documents"], "resumed_batches": driver.resumed,
            "summary": summary}


def _process_age() -> float | None:
    """Seconds since this process started (Linux: its start time in /proc, on the boot
    clock), or None where that cannot be read."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of proc(5)
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _resolve(value: str, day: str) -> str:
    return value.replace("{date}", day)


@flow(name="presswash")
def presswash(inputs: list[str] | None = None, out: str = "data/out", state: str = "data/state",
              config: str | None = None, run_id: str | None = None, runner: str = "local",
              dask_address: str | None = None, batch_size: int = 0, workers: int = 0,
              date: str | None = None, state_wait: float = 0) -> State[dict[str, Any]]:
    """Clean and deduplicate INPUTS into OUT.

    `{date}` in inputs, out and run_id becomes `date` (default: the day before the flow
    run's scheduled start, i.e. yesterday's scrape for a morning schedule). `state_wait`:
    seconds to wait for a STATE another run holds (0: fail at once).

    Ends in a Completed state whose message is the count line ("in 5 = kept 5 + duplicate
    0 + rejected 0"); calling the flow returns that state's data: run_id, out, documents
    (the four counts) and resumed_batches.
    """
    day = date or _yesterday()
    templated = [i for i in (inputs or ["seeds"]) if "{date}" in i]
    inputs = [_resolve(i, day) for i in (inputs or ["seeds"])]
    out = _resolve(out, day)
    # a day without a scrape (a dated input folder that does not exist) is an empty run,
    # recorded as such; a missing input named literally is an error
    missing = [i for i in runners.empty_inputs(inputs) if any(_resolve(t, day) == i for t in templated)]
    if missing:
        get_run_logger().warning("no input for %s (%s missing): recording an empty run", day, ", ".join(missing))
        inputs = [i for i in inputs if i not in missing]
    sub = clean_corpus.with_options(task_runner=runners.task_runner(runner, dask_address, workers))
    result = sub(inputs=inputs, out=out, state=state, config=config,
                 run_id=_resolve(run_id, day) if run_id else None, batch_size=batch_size, workers=workers,
                 runner=runner, state_wait=state_wait)
    artifacts.publish(result.pop("summary"), result["out"])
    return Completed(message=artifacts.counts_line(result["documents"]), data=result)


def _yesterday() -> str:
    start = flow_run.scheduled_start_time
    when = start if isinstance(start, dt.datetime) else dt.datetime.now(dt.UTC)
    return (when - dt.timedelta(days=1)).date().isoformat()


__all__ = ["Config", "clean_corpus", "presswash", "wait"]


if __name__ == "__main__":
    presswash()
