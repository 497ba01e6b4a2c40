"""Running `presswash run` as a user does (the CLI, a subprocess) and reading what it recorded.

Why the CLI and not the flow in-process: the figures must include everything a run costs
(reading, the process pool, writing the outputs) and the process tree's memory, and must
not share a process with the harness. Prefect's fixed start cost (an ephemeral server:
~15 s here; ~2 s against a running server) is taken out by reading the pipeline's own
wall time from `OUT/stats.json` (`timings_s.total_before_finalize`: plan → prepare →
clean → dedup → write); the whole-process wall time is reported beside it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.monitor import Measured, run_measured
from flows.prefect_env import environment

ROOT = Path(__file__).resolve().parents[1]
PRESSWASH = Path(sys.executable).parent / "presswash"


@dataclass
class PresswashRun:
    measured: Measured
    out: Path
    state: Path
    stats: dict[str, object] = field(default_factory=dict)

    @property
    def error(self) -> str | None:
        if self.measured.error:
            return self.measured.error
        return None if self.stats else "no stats.json (run did not finish)"

    @property
    def pipeline_s(self) -> float | None:
        t = self.stats.get("timings_s") or {}
        return t.get("total_before_finalize") if isinstance(t, dict) else None

    @property
    def timings(self) -> dict[str, float]:
        t = self.stats.get("timings_s")
        return dict(t) if isinstance(t, dict) else {}


def prefect_env() -> dict[str, str]:
    """The harness's environment with presswash's Prefect defaults (`flows.prefect_env`).

    A PREFECT_API_URL already set (the test suite's session server) is kept: runs then
    talk to that server instead of starting an ephemeral one."""
    return environment(os.environ)


def run_presswash(inputs: list[Path], out: Path, state: Path, log: Path, fresh_state: bool = True,
                  extra: list[str] | None = None, timeout: float | None = None) -> PresswashRun:
    """`presswash run INPUTS --out OUT --state STATE`, measured; never raises."""
    shutil.rmtree(out, ignore_errors=True)
    if fresh_state:
        shutil.rmtree(state, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [PRESSWASH, "run", *inputs, "--out", out, "--state", state, *(extra or [])]
    m = run_measured(cmd, log, env=prefect_env(), cwd=ROOT, timeout=timeout)
    stats: dict[str, object] = {}
    with contextlib.suppress(OSError, ValueError):
        stats = json.loads((out / "stats.json").read_text())
    return PresswashRun(m, out, state, stats)
