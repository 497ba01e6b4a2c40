"""End of a run: prove counts in = out, write stats.json, swap OUT in, commit STATE.

Order matters: the new OUT is complete in its staging folder (stats.json
last), then replaces OUT; only then is STATE committed, in one step; the work folder goes
last. A crash anywhere before the commit leaves STATE as it was, so a re-run sees what
the first attempt saw and writes byte-identical outputs.

Resume markers and the swap: the batches of the stages declared `writes_out` (clean,
dedup, write) wrote into the staging folder, which the swap turns into OUT; their markers
are removed before the swap, or a run killed between the swap and the commit would, on
re-run, skip those batches and swap in an empty OUT. After the commit all markers go
before the work folder's files, so a kill during that cleanup never leaves a marker whose
files are gone (tests/pipeline/test_crash_safety.py).
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import orjson

from cleaners.pipeline.context import RunContext
from cleaners.pipeline.resume import forget
from cleaners.pipeline.stages import STAGES
from cleaners.report.build import build_report
from cleaners.state import StateStore
from cleaners.stats import Stats

Hook = Callable[[str], None]  # called with a phase's name as it starts (cleaners/pipeline/driver.py)
PHASES = ("report", "swap", "commit", "cleanup")  # the hook calls of `finalize_run`, in order


def quiet(_: str) -> None:
    return None


class CountMismatch(RuntimeError):
    """Documents in != kept + duplicate + rejected: something was lost."""


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("presswash", "prefect", "trafilatura", "ftfy", "datasketch", "numpy", "warcio", "zstandard"):
        with contextlib.suppress(PackageNotFoundError):
            out[pkg] = version(pkg)
    return out


def check_counts(n_in: int, counts: dict[str, int]) -> None:
    total = counts["kept"] + counts["duplicate"] + counts["rejected"]
    if n_in != total:
        raise CountMismatch(f"documents in ({n_in}) != kept {counts['kept']} + duplicate {counts['duplicate']} "
                            f"+ rejected {counts['rejected']} = {total}")


def swap_in(staging: Path, out: Path) -> None:
    """Replace OUT by the staging folder: two renames; OUT never holds a half-written file."""
    old = out.parent / f".{out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    if old.exists():
        shutil.rmtree(old)


STAGING_STAGES = tuple(s.name for s in STAGES if s.writes_out)  # batches whose outputs are in the staging folder
OUT_FOLDERS = ("corpus", "ledger", "removals", "repairs", "dedup", "dedup/texts")


def prune_staging(staging: Path, n_shards: int) -> None:
    """Make sure every contract folder exists and holds only this run's shards — not the
    temp file (`.NAME.*.tmp`, cleaners/io/shards.py) of a writer killed by an earlier
    attempt: readers glob `*.jsonl*`, which matches it."""
    for sub in OUT_FOLDERS:
        folder = staging / sub
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.glob(".*.tmp"):
            path.unlink()
        for path in folder.glob("part-*"):
            index = path.name[5:10]
            if not index.isdigit() or int(index) >= n_shards:
                path.unlink()


def clear_stale_staging(rctx: RunContext) -> None:
    """Partial OUT folders of earlier attempts with other settings are useless: remove."""
    out = Path(rctx.out)
    for other in out.parent.glob(f".{out.name}.partial-*"):
        if other != rctx.staging:
            shutil.rmtree(other, ignore_errors=True)


def finalize_run(rctx_d: dict[str, Any], plan: dict[str, Any], results: dict[str, Any],
                 timings: dict[str, float], hook: Hook = quiet) -> dict[str, Any]:
    """`results`: each stage's result by name (a list of per-shard results, or the one)."""
    rctx = RunContext.from_dict(rctx_d)
    stats = Stats.total(s["stats"] for key in ("prepare", "clean") for s in results[key])
    counts = {"kept": 0, "duplicate": 0, "rejected": 0}
    reasons: dict[str, int] = {}
    for w in results["write"]:
        for k, v in w["counts"].items():
            counts[k] += v
        for k, v in w["reasons"].items():
            reasons[k] = reasons.get(k, 0) + v
    n_in = stats.get("read", "in")
    check_counts(n_in, counts)
    for k, v in plan.get("skipped", {}).items():
        stats.add("read", f"skipped:{k}", v)
    stats.merge({"dedup": results["dedup"].get("stats", {})})
    summary = {
        "run_id": rctx.run_id,
        "documents": {"in": n_in, **counts},
        "rejected_by_reason": dict(sorted(reasons.items())),
        "steps": stats.to_dict(),
        "config_fingerprint": rctx.fingerprint,
        "code_version": rctx.code,
        "config": rctx.config,
        "versions": versions(),
        "timings_s": {k: round(v, 3) for k, v in timings.items()},
        "shards": len(results["write"]),
    }
    staging = rctx.staging
    if results["write"] and not staging.exists():
        # already swapped in by an attempt that then failed (a task retry passes the same
        # stage results): building OUT again from nothing would replace it with an empty one
        raise RuntimeError(f"{staging} is gone (an earlier attempt swapped it in); re-run to recompute")
    prune_staging(staging, len(results["write"]))
    hook("report")
    build_report(staging, summary, rctx.cfg.review)
    (staging / "stats.json").write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    forget(rctx.work, STAGING_STAGES)
    hook("swap")
    swap_in(staging, Path(rctx.out))
    d = rctx.cfg.dedup
    if d.index_backend == "redis":  # before the manifest: a re-run sets this run's entries aside anyway
        from cleaners.dedup.redis_index import commit_segment
        from cleaners.io.arrays import Arrays

        commit_segment(d.redis_url, d.redis_namespace, rctx.run_id, Arrays(rctx.work / "delta" / "index"))
    store = StateStore(rctx.state)
    hook("commit")
    store.commit(store.snapshot(), rctx.run_id, rctx.work / "delta",
                 {"documents": n_in, "kept": counts["kept"], "fingerprint": rctx.fingerprint})
    hook("cleanup")
    forget(rctx.work)
    shutil.rmtree(rctx.work, ignore_errors=True)
    return summary
