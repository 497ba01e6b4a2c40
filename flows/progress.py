"""Progress of a run for whoever watches it (the CLI's rich bar); silent otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_listener: Callable[[str, dict[str, Any]], None] | None = None


def listen(fn: Callable[[str, dict[str, Any]], None] | None) -> None:
    global _listener
    _listener = fn


def start(n_shards: int) -> None:
    if _listener:
        _listener("start", {"shards": n_shards})


def batch_done(stage: str, summary: dict[str, Any], cached: bool) -> None:
    if _listener:
        _listener(stage, summary | {"prefect_cached": cached})
