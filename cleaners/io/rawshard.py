"""Plain JSONL shard files the planner writes under work/raw/, line by line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import xxhash


class RawShard:
    """A plain JSONL shard file under work/raw/, written as lines arrive (never held)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in close()
        self.hash = xxhash.xxh3_128()
        self.size = 0
        self.committed = 0  # size after the last complete line
        self.lines = 0

    def write(self, data: bytes) -> None:
        self.fh.write(data)
        self.hash.update(data)
        self.size += len(data)

    def cut_back(self) -> None:
        """Drop what was written after the last complete line."""
        if self.size == self.committed:
            return
        self.fh.truncate(self.committed)
        self.fh.seek(self.committed)
        self.size = self.committed
        self.rehash()

    def rehash(self) -> None:
        """Digest recomputed after the file was cut back to `size` bytes."""
        self.fh.flush()
        self.hash = xxhash.xxh3_128()
        with open(self.tmp, "rb") as fh:
            remaining = self.size
            while remaining > 0 and (chunk := fh.read(min(remaining, 1 << 20))):
                self.hash.update(chunk)
                remaining -= len(chunk)

    def close(self) -> dict[str, Any]:
        self.fh.close()
        os.replace(self.tmp, self.path)
        return {"path": str(self.path), "start": 0, "end": self.size, "count": self.lines,
                "digest": self.hash.hexdigest()}
