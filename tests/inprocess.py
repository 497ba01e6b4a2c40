"""The declared pipeline run in-process, without Prefect: the same driver the flow runs
with its steps as tasks (cleaners/pipeline/driver.py), for tests that check what the
library computes (faster than a flow run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cleaners.config import Config
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.driver import execute


def run(inputs: list[str | Path], out: Path, state: Path, cfg: Config | None = None,
        run_id: str | None = None) -> dict[str, Any]:
    r = RunContext.create([str(i) for i in inputs], str(out), str(state), run_id, cfg or Config())
    return execute(r)
