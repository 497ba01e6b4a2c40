"""Plain JSONL files the planner writes under work/raw/, line by line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple


class RawShard:
    """A plain JSONL file under work/raw/, written as lines arrive (never held); it appears
    under its name only once complete (written as a temp file, then renamed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in close()
        self.size = 0
        self.committed = 0  # size after the last complete line
        self.lines = 0

    def write(self, data: bytes) -> None:
        self.fh.write(data)
        self.size += len(data)

    def cut_back(self) -> None:
        """Drop what was written after the last complete line."""
        if self.size == self.committed:
            return
        self.fh.truncate(self.committed)
        self.fh.seek(self.committed)
        self.size = self.committed

    def close(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """After a failure: no temp file left behind."""
        self.fh.close()
        if self.tmp.exists():
            self.tmp.unlink()


class Converted(NamedTuple):
    """What the planner's copy of a compressed JSONL or WARC input holds: `lines` lines in
    `size` bytes, those it left empty as over max_doc_bytes (line number, bytes), and the
    reject for a cut-off or unreadable end (`tail`), which follows its last line."""

    lines: int
    size: int
    oversized: tuple[tuple[int, int], ...] = ()
    tail: tuple[tuple[str, str, str], ...] = ()
