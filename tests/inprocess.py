"""The pipeline's stages called in-process, without Prefect: the same functions the flow
wraps in tasks, for tests that check what the library computes (faster than a flow run)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from cleaners.config import Config
from cleaners.pipeline.clean import clean_shard
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.dedup_stage import run_dedup
from cleaners.pipeline.finalize import finalize_run
from cleaners.pipeline.prepare import prepare_shard
from cleaners.pipeline.sitetable import build_site_tables
from cleaners.pipeline.write import write_shard
from cleaners.readers.plan import make_plan, own_folders
from cleaners.state import StateStore


def run(inputs: list[str | Path], out: Path, state: Path, cfg: Config | None = None,
        run_id: str | None = None) -> dict[str, Any]:
    cfg = cfg or Config()
    r = RunContext.create([str(i) for i in inputs], str(out), str(state), run_id, cfg)
    rd = r.to_dict()
    t = time.monotonic()
    with StateStore(state).locked(r.run_id):
        r.work.mkdir(parents=True, exist_ok=True)
        plan = make_plan(list(r.inputs), r.work, cfg, own_folders(r.out, r.state))
        specs = [s.to_dict() for s in plan.shards]
        prepared = [prepare_shard(s, rd) for s in specs]
        build_site_tables(rd, len(specs))
        cleaned = [clean_shard(s["index"], rd) for s in specs]
        dedup = run_dedup(rd, len(specs))
        written = [write_shard(s["index"], rd) for s in specs]
        return finalize_run(rd, {"skipped": plan.skipped}, {"prepare": prepared, "clean": cleaned, "write": written},
                            dedup, {"total": time.monotonic() - t})
