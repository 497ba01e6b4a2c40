"""The records the stages pass each other through their shard files, one type each.

- `Prepared`: a document after reading, extraction, encoding repair and the first-stage
  rules (`first`: their removals, offsets in `text`), with the line features of the text
  they leave (`lines`, encoded by the compiled core, so the clean stage does not analyse
  it again) and the site-table keys the clean stage will look up (`lookup`).
- `Cleaned`: a document after the second stage: its clean text and how many spans went.
- `Rejected`: a document that ends in the ledger as rejected, with its reason code.
Each is written as one JSON line and read back by `read_entry`; a reject is told apart by
its `reason` field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar

import orjson

from cleaners.document import Reject


@dataclass(frozen=True, slots=True)
class Rejected:
    seq: int
    id: str
    place: str
    reason: str
    detail: str = ""

    @classmethod
    def of(cls, rej: Reject) -> Rejected:
        return cls(rej.seq, rej.id, rej.place, rej.reason, rej.detail)

    @property
    def reason_text(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


@dataclass(frozen=True, slots=True)
class Prepared:
    seq: int
    id: str
    place: str
    url: str | None
    source: str | None
    date: str | None
    title: str | None
    script: str
    language: str
    text: str
    first: tuple[tuple[str, int, int], ...]  # (rule, start, end)
    repairs: tuple[tuple[str, str, str, int, int | None], ...]  # (kind, before, after, count, start)
    lookup: tuple[int, ...]
    lines: str  # the line features of the text `first` leaves, as the core encodes them


@dataclass(frozen=True, slots=True)
class Cleaned:
    seq: int
    id: str
    place: str
    url: str | None
    source: str | None
    date: str | None
    text: str
    removed: int


Entry = Prepared | Cleaned | Rejected
_FIELDS = {kind: [f.name for f in fields(kind)] for kind in (Prepared, Cleaned, Rejected)}


def dump(entry: Entry) -> bytes:
    """One JSON line: the record's fields in order, under their names."""
    return orjson.dumps({name: getattr(entry, name) for name in _FIELDS[type(entry)]},
                        option=orjson.OPT_APPEND_NEWLINE)


E = TypeVar("E", Prepared, Cleaned)


def read_entry(data: dict[str, Any], kind: type[E]) -> E | Rejected:
    """A record of `kind` (or a reject) from its JSON object."""
    if "reason" in data:
        return Rejected(**data)
    if kind is Prepared:
        data["first"] = tuple(tuple(x) for x in data["first"])
        data["repairs"] = tuple(tuple(x) for x in data["repairs"])
        data["lookup"] = tuple(data["lookup"])
    return kind(**data)
