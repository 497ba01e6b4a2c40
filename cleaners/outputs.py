"""The records OUT's ledger and clusters.jsonl hold, typed, each with its one JSON round
trip: every writer builds the record and writes `to_json()`, every reader takes
`from_json()` of what it read.

`to_json()` gives the fields in the order the files have always had them, and only the
fields a record of its kind carries (a reject has a `place`, a duplicate its
`similarity`, `match` and `cluster`, a kept document its `removed`), so an unchanged
run writes unchanged bytes. `from_json()` also reads clusters.jsonl of an older presswash
(members without `digest`, `check` or `margin`).

Verdict citations (`review`) are kept as the JSON objects cleaners/review/records.py's
`Citation.to_json()` makes: they only pass through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

STATUSES = ("kept", "duplicate", "rejected")
# per status, the fields after id, status, duplicate_of and reason, in file order
_STATUS_FIELDS = {"kept": ("source", "url", "removed"),
                  "duplicate": ("similarity", "match", "cluster", "source", "url"),
                  "rejected": ("place",)}


@dataclass(frozen=True)
class LedgerRecord:
    """What became of one input document: `kept`, `duplicate` (of `duplicate_of`, from
    `duplicate_of_run` when the kept copy is an earlier run's) or `rejected` (`reason`)."""

    id: str
    status: str
    duplicate_of: str | None = None
    reason: str | None = None  # a reject's reason code, with its detail after ": "
    place: str | None = None  # rejected: where it was read (file:line, file@offset)
    similarity: float | None = None  # duplicate: to the kept copy
    match: str | None = None  # duplicate: exact | near
    cluster: str | None = None  # duplicate: its cluster in clusters.jsonl
    source: str | None = None
    url: str | None = None
    duplicate_of_run: str | None = None
    removed: int | None = None  # kept: how many spans cleaning removed
    review: tuple[dict[str, Any], ...] = ()  # the verdicts that shaped it

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"ledger status {self.status!r}: one of {', '.join(STATUSES)}")

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "status": self.status, "duplicate_of": self.duplicate_of,
                             "reason": self.reason}
        for name in _STATUS_FIELDS[self.status]:
            d[name] = getattr(self, name)
        if self.duplicate_of_run is not None:
            d["duplicate_of_run"] = self.duplicate_of_run
        if self.review:
            d["review"] = list(self.review)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> LedgerRecord:
        return cls(d["id"], d["status"], d.get("duplicate_of"), d.get("reason"), d.get("place"), d.get("similarity"),
                   d.get("match"), d.get("cluster"), d.get("source"), d.get("url"), d.get("duplicate_of_run"),
                   d.get("removed"), tuple(d.get("review") or ()))


@dataclass(frozen=True)
class ClusterMember:
    """A duplicate in a cluster, against the cluster's keeper: `check` is what decided its
    merge and `margin` how far past that check's threshold it was; `guard` the guard
    nearest to keeping the pair apart and `guard_margin` how far it was from firing."""

    id: str
    similarity: float
    containment: float
    kind: str = ""  # exact | near ("" never written)
    digest: str = ""  # its clean text's exact digest, what verdicts name ("" in older files)
    check: str | None = None
    margin: float | None = None
    guard: str | None = None
    guard_margin: float | None = None
    review: dict[str, Any] | None = None  # the verdict that confirmed this pair

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "similarity": self.similarity, "containment": self.containment}
        for name in ("kind", "digest"):
            if getattr(self, name):
                d[name] = getattr(self, name)
        for name in ("check", "margin", "guard", "guard_margin", "review"):
            if getattr(self, name) is not None:
                d[name] = getattr(self, name)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClusterMember:
        return cls(str(d["id"]), float(d["similarity"]), float(d["containment"]), str(d.get("kind", "")),
                   str(d.get("digest", "")), d.get("check"), d.get("margin"), d.get("guard"), d.get("guard_margin"),
                   d.get("review"))


@dataclass(frozen=True)
class ClusterRecord:
    """A cluster of 2+ documents: the kept one (from `kept_run` when an earlier run's) and
    its duplicates, most similar first; `size` counts the keeper too."""

    cluster: str
    kept: str
    size: int
    why: str  # why the keeper was kept, for people
    kept_digest: str
    members: tuple[ClusterMember, ...]
    kept_run: str | None = None
    review: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"cluster": self.cluster, "kept": self.kept, "size": self.size, "why": self.why,
                             "kept_digest": self.kept_digest, "members": [m.to_json() for m in self.members]}
        if self.kept_run is not None:
            d["kept_run"] = self.kept_run
        if self.review:
            d["review"] = list(self.review)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClusterRecord:
        return cls(str(d["cluster"]), str(d["kept"]), int(d["size"]), str(d.get("why", "")),
                   str(d.get("kept_digest", "")), tuple(ClusterMember.from_json(m) for m in d["members"]),
                   d.get("kept_run"), tuple(d.get("review") or ()))


def dumps(record: LedgerRecord | ClusterRecord) -> bytes:
    """One JSON line."""
    return orjson.dumps(record.to_json(), option=orjson.OPT_APPEND_NEWLINE)
