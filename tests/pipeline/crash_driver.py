"""A run driven the way flows/clean.py drives it — same stages, same `resumable` markers
and cache keys — but without Prefect, so that a test can SIGKILL it twenty times in
about a minute. The in-process runner (tests/inprocess.py) recomputes everything and so
would never exercise the markers a real re-run trusts after a crash; this one does.

As a script (`python -m tests.pipeline.crash_driver SPEC.json`) it prints one line
`phase NAME` (flushed) as each phase starts, so the killing test can aim at a phase and
tell afterwards which phase a kill landed in. Phase markers inside finalize (report,
swap, commit, cleanup) come from wrappers installed only in that script mode; they do
not change what runs.

The cache keys come from `StageKeys`, as in flows/clean.py (`clean_corpus`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleaners.config import Config, RunConfig
from cleaners.pipeline import finalize
from cleaners.pipeline.clean import clean_shard
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.dedup_stage import run_dedup
from cleaners.pipeline.prepare import prepare_shard
from cleaners.pipeline.resume import StageKeys, resumable
from cleaners.pipeline.sitetable import build_site_tables
from cleaners.pipeline.write import write_shard
from cleaners.readers.plan import make_plan, own_folders
from cleaners.state import StateStore

Mark = Callable[[str], None]


def config(batch_size: int) -> Config:
    return Config(run=RunConfig(batch_size=batch_size, workers=1))


def _quiet(_: str) -> None:
    return None


def run(inputs: list[str], out: Path, state: Path, run_id: str, batch_size: int,
        mark: Mark = _quiet) -> dict[str, Any]:
    """One run, resumable batch by batch exactly as the flow's tasks are."""
    cfg = config(batch_size)
    r = RunContext.create(inputs, str(out), str(state), run_id, cfg)
    rd = r.to_dict()
    with StateStore(state).locked(r.run_id) as store:
        gen = store.snapshot().generation
        mark("plan")
        r.work.mkdir(parents=True, exist_ok=True)
        finalize.clear_stale_staging(r)
        plan = make_plan(list(r.inputs), r.work, cfg, own_folders(r.out, r.state))
        specs = [s.to_dict() for s in plan.shards]
        keys = StageKeys.of(specs, gen)
        mark("prepare")
        prepared = [resumable(r.work, "prepare", s["index"], k, prepare_shard, s, rd)
                    for s, k in zip(specs, keys.prepare, strict=True)]
        mark("sitetable")
        resumable(r.work, "sitetable", 0, keys.sitetable, build_site_tables, rd, len(specs))
        mark("clean")
        idx = [s["index"] for s in specs]
        cleaned = [resumable(r.work, "clean", i, k, clean_shard, i, rd) for i, k in zip(idx, keys.clean, strict=True)]
        mark("dedup")
        dedup = resumable(r.work, "dedup", 0, keys.dedup, run_dedup, rd, len(specs))
        mark("write")
        written = [resumable(r.work, "write", i, k, write_shard, i, rd) for i, k in zip(idx, keys.write, strict=True)]
        mark("finalize")
        stages = {"prepare": prepared, "clean": cleaned, "write": written}
        # fixed timings: stats.json is then the same bytes on every attempt too
        return finalize.finalize_run(rd, {"skipped": plan.skipped}, stages, dedup, {"total": 0.0})


def _print_mark(name: str) -> None:
    sys.stdout.write(f"phase {name}\n")
    sys.stdout.flush()


def _announce(name: str, fn: Callable[..., Any], after: str | None = None) -> Callable[..., Any]:
    def wrapped(*args: Any, **kw: Any) -> Any:
        _print_mark(name)
        result = fn(*args, **kw)
        if after:
            _print_mark(after)
        return result
    return wrapped


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    finalize.build_report = _announce("report", finalize.build_report)  # type: ignore[assignment]
    finalize.swap_in = _announce("swap", finalize.swap_in)
    StateStore.commit = _announce("commit", StateStore.commit, after="cleanup")  # type: ignore[method-assign]
    _print_mark("start")
    run(spec["inputs"], Path(spec["out"]), Path(spec["state"]), spec["run_id"], spec["batch_size"], _print_mark)
    _print_mark("done")


if __name__ == "__main__":
    main(sys.argv[1])
