"""Run options: the config with CLI overrides, and the task runner a run uses."""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner

from cleaners.config import Config
from flows import executor


def load_config(path: str | None, batch_size: int = 0, workers: int = 0) -> Config:
    cfg = Config.from_toml(path)
    run = cfg.run
    if batch_size:
        run = dataclasses.replace(run, batch_size=batch_size)
    if workers:
        run = dataclasses.replace(run, workers=workers)
    return dataclasses.replace(cfg, run=run)


def task_runner(runner: str, dask_address: str | None, workers: int) -> Any:
    """Threads (each batch's work goes to the process pool), or prefect-dask's runner: on an
    existing scheduler when an address is given, else a LocalCluster of one process per
    core on 127.0.0.1."""
    n = executor.workers(workers)
    if runner == "local":
        return ThreadPoolTaskRunner(max_workers=n)
    if runner != "dask":
        raise ValueError(f"unknown runner {runner!r}: use local or dask")
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    # Dask workers are daemonic by default and could not start the extraction sandbox
    os.environ.setdefault("DASK_DISTRIBUTED__WORKER__DAEMON", "False")
    return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                          "host": "127.0.0.1", "dashboard_address": None})


def empty_inputs(inputs: list[str]) -> list[str]:
    return [i for i in inputs if not os.path.exists(i)]
