"""Progress of a run for whoever watches it (the CLI's rich bar); silent otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_listener: Callable[[str, dict[str, Any]], None] | None = None


def listen(fn: Callable[[str, dict[str, Any]], None] | None) -> None:
    global _listener
    _listener = fn


def start(n_batches: int) -> None:
    """`n_batches`: the run's per-shard batches, every stage's."""
    if _listener:
        _listener("start", {"batches": n_batches})


def batch_done(stage: str, summary: dict[str, Any]) -> None:
    if _listener:
        _listener(stage, summary)
