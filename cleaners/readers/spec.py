"""What a plan is made of: shards (`ShardSpec`), each a run of parts (`Part`) of the input
stream, and the `Plan` that holds them with what was skipped.

Specs are small and JSON-able (they travel through Prefect and into cache keys), never the
documents themselves. A file name that is not UTF-8 travels as `portable()` hex.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger("cleaners.readers.plan")
RAW = "\x00raw:"  # prefix of a path that is not UTF-8; no real path holds a NUL


def portable(path: str) -> str:
    """`path` as JSON can carry it: as given, or (a name os.walk decoded with surrogate
    escapes) the hex of its bytes behind `RAW`."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return RAW + os.fsencode(path).hex()
    return path


def local(path: str) -> str:
    """The path to open, back from `portable()`."""
    return os.fsdecode(bytes.fromhex(path[len(RAW):])) if path.startswith(RAW) else path


def shown(name: str) -> str:
    """A name as ids, places and logs show it: bytes that are not UTF-8 as `\\xNN`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Part:
    """A stretch of the input stream inside one shard: `count` entries, each taking one
    sequence number, in input order.

    kind "jsonl": lines `first_line`.. of a JSONL file (the user's, or the plain UTF-8 copy
    the planner made of a compressed one) between byte offsets `start` and `end`;
    "records": lines of the planner's copy of a WARC file (one record each);
    "files": loose `.txt`/`.html` files, (id, portable path, place) each;
    "rejects": (place, reason, detail) the planner met (a file it could not open, the
    cut-off end of a compressed input).
    """

    kind: str
    count: int
    path: str = ""
    name: str = ""  # the input as users know it, for `file:line` places
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[Triple, ...] = ()
    rejects: tuple[Triple, ...] = ()
    # lines the planner's copy left empty because they were over max_doc_bytes:
    # (line number in the file, bytes), read back as `too_large`
    oversized: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Part:
        d = dict(d)
        for key in ("files", "rejects", "oversized"):
            d[key] = tuple(tuple(x) for x in d.get(key, ()))
        return cls(**d)


@dataclass(frozen=True)
class ShardSpec:
    index: int
    base_seq: int  # sequence number of its first entry: entries before it in the input stream
    count: int  # entries over all parts
    digest: str  # of the bytes (and places) it covers: a changed input never looks cached
    parts: tuple[Part, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ShardSpec:
        d = dict(d)
        d["parts"] = tuple(Part.from_dict(p) for p in d.get("parts", ()))
        return cls(**d)


@dataclass
class Plan:
    shards: list[ShardSpec] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    workers: int = 1  # the shard count is a multiple of this where the input allows

    def skip(self, kind: str, what: str) -> None:
        what = shown(what)
        self.skipped[kind] = self.skipped.get(kind, 0) + 1
        if len(self.warnings) < 200:
            self.warnings.append(f"skipped ({kind}): {what}")
        log.warning("skipped (%s): %s", kind, what)
