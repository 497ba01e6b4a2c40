"""Additive per-step counters (datatrove's `Stats`, reduced to what presswash reports).

Each step owns counters named `in`, `kept`, `dropped:<reason>`, `errors:<kind>` and free
ones (`removed:<rule>`, `repaired:<kind>`); batches return them as plain dicts and the flow
adds them up, so a sharded run reports the same totals as a single pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


class Stats:
    """Counters per step: `stats["clean"]["removed:spam"] += 1` via `add`."""

    def __init__(self, data: Mapping[str, Mapping[str, int]] | None = None) -> None:
        self.steps: dict[str, Counter[str]] = {}
        if data:
            self.merge(data)

    def add(self, step: str, label: str, value: int = 1) -> None:
        self.steps.setdefault(step, Counter())[label] += value

    def get(self, step: str, label: str) -> int:
        return self.steps.get(step, Counter()).get(label, 0)

    def merge(self, other: Stats | Mapping[str, Mapping[str, int]]) -> Stats:
        data = other.steps if isinstance(other, Stats) else other
        for step, counters in data.items():
            self.steps.setdefault(step, Counter()).update(counters)
        return self

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {step: dict(sorted(c.items())) for step, c in sorted(self.steps.items())}

    @classmethod
    def total(cls, parts: Iterable[Mapping[str, Mapping[str, int]]]) -> Stats:
        out = cls()
        for part in parts:
            out.merge(part)
        return out
