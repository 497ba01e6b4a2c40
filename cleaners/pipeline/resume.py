"""Completion markers: a finished batch is recorded with the key it was computed for.

A re-run of a run that died finds the markers of the batches it finished and skips them;
a marker with another key (the input shard changed, or what it depends on did) is
ignored and the batch is computed again. The marker is written after the batch's files,
atomically, so a marker always means complete outputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from cleaners.io.shards import write_bytes


def key_of(*parts: Any) -> str:
    return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def resumable(work: Path, stage: str, index: int, key: str, fn: Callable[..., dict[str, Any]],
              *args: Any) -> dict[str, Any]:
    marker = work / "done" / f"{stage}-{index:05d}.json"
    if marker.exists():
        done = orjson.loads(marker.read_bytes())
        if done.get("key") == key:
            return done["result"] | {"cached": True}
    result = fn(*args)
    write_bytes(marker, orjson.dumps({"key": key, "result": result}))
    return result | {"cached": False}
