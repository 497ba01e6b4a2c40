"""Completion markers: a finished batch is recorded with the key it was computed for.

A re-run of a run that died finds the markers of the batches it finished and skips them;
a marker with another key (the input shard changed, or what it depends on did) is
ignored and the batch is computed again. The marker is written after the batch's files,
atomically, so a marker always means complete outputs — and markers are removed before
the files they vouch for (`forget`), so a run killed while cleaning up never leaves a
marker whose files are gone.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from cleaners.io.shards import write_bytes


def markers(work: Path) -> Path:
    return work / "done"


def forget(work: Path, stages: Iterable[str] | None = None) -> None:
    """Remove the completion markers of `stages` (all when None): from then on those
    batches are computed again, whatever happens to their files."""
    folder = markers(work)
    if stages is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for stage in stages:
        for path in folder.glob(f"{stage}-*.json"):
            path.unlink(missing_ok=True)


def resumable(work: Path, stage: str, index: int, key: str, fn: Callable[..., dict[str, Any]],
              *args: Any) -> dict[str, Any]:
    marker = markers(work) / f"{stage}-{index:05d}.json"
    if marker.exists():
        done = orjson.loads(marker.read_bytes())
        if done.get("key") == key:
            return done["result"] | {"cached": True}
    result = fn(*args)
    write_bytes(marker, orjson.dumps({"key": key, "result": result}))
    return result | {"cached": False}
