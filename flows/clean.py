"""The main flow: a table of contents of the pipeline, one Prefect task per batch.

    plan shards → prepare (read, extract, repair, first clean) per batch
      → site statistics → clean per batch → dedup → write per batch → finalize

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
from cleaners.pipeline.resume import StageKeys
from cleaners.state import StateStore
from flows import artifacts, progress, runners
from flows.tasks import (
    clean_task,
    dedup_task,
    finalize_task,
    plan_task,
    prepare_task,
    sitetable_task,
    write_task,
)


def _batches(task: Any, items: list[Any], rctx: dict[str, Any], keys: list[str], stage: str) -> list[dict[str, Any]]:
    futures = [task.submit(item, rctx, key) for item, key in zip(items, keys, strict=True)]
    results = []
    for fut in futures:
        res = fut.result()
        prefect_cached = fut.state.name == "Cached"  # Prefect's cache: the body did not run
        res = res | {"cached": bool(res.get("cached")) or prefect_cached}
        progress.batch_done(stage, res, prefect_cached)
        results.append(res)
    return results


@flow(name="presswash-clean")
def clean_corpus(inputs: list[str], out: str, state: str, config: str | None = None, run_id: str | None = None,
                 batch_size: int = 0, workers: int = 0, runner: str = "local",
                 state_wait: float = 0) -> dict[str, Any]:
    log = get_run_logger()
    cfg = runners.load_config(config, batch_size, workers)
    r = RunContext.create(inputs, out, state, run_id, cfg, runner)
    rctx = r.to_dict()
    timings: dict[str, float] = {}
    with StateStore(state).locked(r.run_id, state_wait) as store:
        gen = store.snapshot().generation
        t = time.monotonic()
        started = _process_age()
        if started is not None:  # the fixed cost before any work: imports, Prefect's server
            timings["start"] = started
        plan = plan_task(rctx)
        timings["plan"] = time.monotonic() - t
        specs = plan["shards"]
        log.info("run %s: %d shards of up to %d documents (config %s)", r.run_id, len(specs),
                 cfg.run.batch_size, r.fingerprint)
        progress.start(len(specs))
        keys = StageKeys.of(specs, gen)
        prepared = _batches(prepare_task, specs, rctx, keys.prepare, "prepare")
        timings["prepare"] = time.monotonic() - t
        sitetable_task(len(specs), rctx, keys.sitetable)
        idx = [s["index"] for s in specs]
        cleaned = _batches(clean_task, idx, rctx, keys.clean, "clean")
        timings["clean"] = time.monotonic() - t - timings["prepare"]
        dedup = dedup_task(len(specs), rctx, keys.dedup)
        written = _batches(write_task, idx, rctx, keys.write, "write")
        timings["total_before_finalize"] = time.monotonic() - t
        stages = {"prepare": prepared, "clean": cleaned, "write": written}
        resumed = sum(1 for s in prepared + cleaned + written if s.get("cached"))
        if resumed:
            log.info("resumed: skipped %d cached batches of %d", resumed, 3 * len(specs))
        # before finalize, like the resume markers: finalize swaps the staging folder the
        # clean/dedup/write batches wrote into OUT, so a re-run after a kill there must
        # recompute them, not take Prefect's cached results for done (cleaners/pipeline/finalize.py)
        runners.drop_cache_records(r.work.name)
        summary = finalize_task(rctx, plan, stages, dedup, timings)
    log.info("documents %s", artifacts.counts_line(summary["documents"]))
    return {"run_id": r.run_id, "out": r.out, "documents": summary["documents"], "resumed_batches": resumed,
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
