"""The declared pipeline (cleaners/pipeline/driver.py) run in-process — the same stages,
completion markers and keys as the flow — so that a test can SIGKILL it twenty times in
about a minute.

As a script (`python -m tests.pipeline.crash_driver SPEC.json`) it prints one line
`phase NAME` (flushed) as each phase starts, from the pipeline's own phase hook (the
stages, then inside finalize: report, swap, commit, cleanup), so the killing test can aim
at a phase and tell afterwards which phase a kill landed in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cleaners.config import Config, RunConfig
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.driver import execute
from cleaners.pipeline.finalize import Hook, quiet


def config(batch_size: int) -> Config:
    return Config(run=RunConfig(batch_size=batch_size, workers=1))


def run(inputs: list[str], out: Path, state: Path, run_id: str, batch_size: int,
        mark: Hook = quiet) -> dict[str, Any]:
    """One run, resumable batch by batch exactly as the flow's tasks are."""
    r = RunContext.create(inputs, str(out), str(state), run_id, config(batch_size))
    # a fixed clock: stats.json is then the same bytes on every attempt too
    return execute(r, hook=mark, clock=lambda: 0.0)


def _print_mark(name: str) -> None:
    sys.stdout.write(f"phase {name}\n")
    sys.stdout.flush()


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    _print_mark("start")
    run(spec["inputs"], Path(spec["out"]), Path(spec["state"]), spec["run_id"], spec["batch_size"], _print_mark)
    _print_mark("done")


if __name__ == "__main__":
    main(sys.argv[1])
