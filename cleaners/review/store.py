"""Verdicts in STATE: read them, and add new ones in one atomic commit under the lock.

A verdict is stored once per (verdict, reviewed run, cluster): the same judgement given
again moves to the end (it is the latest word on its pair) rather than being repeated, so
applying one file twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleaners.review.records import ReviewVerdict, dumps, loads
from cleaners.state import Snapshot, StateStore


def stored(store: StateStore, snap: Snapshot) -> list[ReviewVerdict]:
    return loads(store.verdicts_bytes(snap), str(snap.path(snap.verdicts)))


@dataclass(frozen=True)
class Applied:
    added: int  # verdicts STATE did not hold
    moved: int  # verdicts it held, now the latest word on their pair
    total: int  # verdicts in STATE afterwards


def _identity(v: ReviewVerdict) -> tuple[str, str, str]:
    return v.ref, v.run, v.cluster


def merge(old: list[ReviewVerdict], new: list[ReviewVerdict]) -> tuple[list[ReviewVerdict], Applied]:
    incoming: dict[tuple[str, str, str], ReviewVerdict] = {}
    for v in new:  # one file naming a verdict twice: its last place counts
        incoming.pop(_identity(v), None)
        incoming[_identity(v)] = v
    kept = [v for v in old if _identity(v) not in incoming]
    moved = len(old) - len(kept)
    merged = kept + list(incoming.values())
    return merged, Applied(len(incoming) - moved, moved, len(merged))


def apply_verdicts(state: str | Path, verdicts: list[ReviewVerdict], wait_s: float = 0.0) -> Applied:
    """Add `verdicts` to STATE: under its lock (never while a run holds it), one commit."""
    store = StateStore(state)
    with store.locked("review apply", wait_s):
        snap = store.snapshot()
        merged, applied = merge(stored(store, snap), verdicts)
        store.commit_verdicts(snap, dumps(merged))
    return applied
