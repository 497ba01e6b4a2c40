"""The driver runs the declared stages in order under STATE's lock, calls the phase hook
at each phase, and skips a batch whose completion marker holds its key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cleaners.config import Config
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.driver import PHASES, Driver, execute, run_batch
from cleaners.pipeline.finalize import Hook
from cleaners.pipeline.resume import forget, markers
from cleaners.pipeline.stages import STAGES, Batch, Stage
from tests.inprocess import run


class Recorder(Driver):
    """Runs nothing: records what it was asked, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def plan(self, rctx: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(("plan", None))
        return {"shards": [{"index": 0}, {"index": 1}], "skipped": {}}

    def stage(self, stage: Stage, todo: list[Batch], rctx: dict[str, Any]) -> list[dict[str, Any]]:
        self.calls.append((stage.name, [(b.index, b.arg) for b in todo]))
        return [{"index": b.index} for b in todo]

    def finalize(self, rctx: dict[str, Any], plan: dict[str, Any], results: dict[str, Any],
                 timings: dict[str, float], hook: Hook) -> dict[str, Any]:
        self.calls.append(("finalize", sorted(results)))
        return {"timings": timings}


def context(tmp_path: Path) -> RunContext:
    return RunContext.create([str(tmp_path / "in")], str(tmp_path / "out"), str(tmp_path / "state"), "r1", Config())


def test_execute_runs_the_declared_order_and_calls_the_hook(tmp_path: Path) -> None:
    driver, phases = Recorder(), []
    ticks = iter(range(100))
    summary = execute(context(tmp_path), driver, phases.append, clock=lambda: float(next(ticks)))
    assert [c[0] for c in driver.calls] == ["plan", *(s.name for s in STAGES), "finalize"]
    assert phases == ["plan", *(s.name for s in STAGES), "finalize"]
    for name, arg in driver.calls[1:-1]:
        stage = next(s for s in STAGES if s.name == name)
        assert arg == ([(0, {"index": 0}), (1, {"index": 1})] if name == "prepare" else [(0, 0), (1, 1)]
                       if stage.per_shard else [(0, 2)])
    assert driver.calls[-1] == ("finalize", sorted(s.name for s in STAGES))
    assert set(summary["timings"]) == {s.name for s in STAGES} | {"plan", "total_before_finalize"}
    assert all(v == 1.0 for k, v in summary["timings"].items() if k != "total_before_finalize")


def test_run_batch_skips_a_batch_whose_marker_holds_its_key(tmp_path: Path) -> None:
    rctx = context(tmp_path).to_dict()
    work = RunContext.from_dict(rctx).work
    ran: list[tuple[Any, ...]] = []

    def call(fn: Any, *args: Any) -> dict[str, Any]:
        ran.append(args[:1])
        return {"index": args[0], "docs": 5}

    assert run_batch(Batch("clean", 3, "k1", 3), rctx, call) == {"index": 3, "docs": 5, "cached": False}
    assert run_batch(Batch("clean", 3, "k1", 3), rctx, call) == {"index": 3, "docs": 5, "cached": True}
    assert ran == [(3,)]
    assert json.loads((markers(work) / "clean-00003.json").read_text())["key"] == "k1"
    assert run_batch(Batch("clean", 3, "k2", 3), rctx, call)["cached"] is False  # another key: computed again
    forget(work, ["clean"])
    assert run_batch(Batch("clean", 3, "k2", 3), rctx, call)["cached"] is False  # no marker: computed again
    assert len(ran) == 3


def test_finalize_phases_come_in_order_and_leave_no_markers(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"story {i} " + "word " * 60}) + "\n"
                           for i in range(6)))
    phases: list[str] = []
    r = RunContext.create([str(src)], str(tmp_path / "out"), str(tmp_path / "state"), "r1", Config())
    summary = execute(r, hook=phases.append)
    assert phases == list(PHASES) == ["plan", *(s.name for s in STAGES), "finalize", "report", "swap", "commit",
                                      "cleanup"]
    assert summary["documents"]["in"] == 6
    assert not r.work.exists()  # markers and work files gone after the commit
    again = run([src], tmp_path / "out", tmp_path / "state", run_id="r1")  # a later run recomputes it all
    assert again["documents"] == summary["documents"]
