"""The verdict record: what a reviewer decided about a cluster, as `verdicts.json` carries
it from the report to `presswash review apply` and as STATE keeps it.

A verdict names documents by their exact-content digest (the 128-bit digest of the
normalised clean text that exact dedup uses), with the id and run id beside it for
people. Ids need only be unique within a run, and a re-run or a later run over the same
inputs gives the same text the same digest, so a verdict follows the text it was given
on: in a re-run of the same run id, in a later run, and across exact copies. A text that
changes (cleaning learned something new) is a text nobody judged yet.

Kinds:
- apart:   `members[0]` is not a duplicate of `keeper`; the two never merge again.
- keeper:  `members[0]` is the better copy; it is kept, and the cluster's others point at it.
- correct: every one of `members` is a duplicate of `keeper` (for the sample's precision).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

import orjson

KINDS = ("apart", "keeper", "correct")
FORMAT = 1
DIGEST = re.compile(r"^[0-9a-f]{32}$")
MAX_TEXT = 1000  # longest id, run id or cluster id kept in a verdict (they are for display)


def _short_text(v: object, name: str, where: str) -> str:
    if not isinstance(v, str) or len(v) > MAX_TEXT:
        raise VerdictError(f"{where}: {name} must be a string of at most {MAX_TEXT} characters")
    return v


class VerdictError(ValueError):
    """A verdicts file or record that cannot be read as verdicts."""


@dataclass(frozen=True)
class DocRef:
    digest: str  # 32 hex digits: exact-content digest of the clean text
    id: str  # the document's id in `run` (for people)
    run: str

    def to_json(self) -> dict[str, str]:
        return {"digest": self.digest, "id": self.id, "run": self.run}

    @classmethod
    def from_json(cls, d: Any, where: str) -> DocRef:
        if not isinstance(d, dict):
            raise VerdictError(f"{where}: a document must be an object with digest, id and run")
        digest, doc_id, run = d.get("digest"), d.get("id"), d.get("run")
        if not isinstance(digest, str) or not DIGEST.match(digest):
            raise VerdictError(f"{where}: digest must be 32 lowercase hex digits")
        return cls(digest, _short_text(doc_id, "id", where), _short_text(run, "run", where))


@dataclass(frozen=True)
class ReviewVerdict:
    kind: str  # apart | keeper | correct
    run: str  # the run whose report was reviewed
    cluster: str  # that run's cluster id (runs number their clusters afresh: for people)
    keeper: DocRef  # the cluster's keeper when it was reviewed
    members: tuple[DocRef, ...]  # apart, keeper: the one member meant; correct: every member judged
    sampled: bool = False  # the cluster was in the report's uniform random sample

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise VerdictError(f"unknown verdict kind {self.kind!r}: one of {', '.join(KINDS)}")
        if not self.members or (self.kind != "correct" and len(self.members) != 1):
            raise VerdictError(f"a {self.kind!r} verdict names {'one member' if self.kind != 'correct' else 'members'}")

    @property
    def ref(self) -> str:
        """The verdict's id, cited by the ledger and clusters.jsonl: a digest of what it
        says about which texts (not of names or the run), so the same judgement given
        twice is one verdict."""
        what = [self.kind, self.keeper.digest, *sorted(m.digest for m in self.members)]
        return "v" + hashlib.sha256("\0".join(what).encode()).hexdigest()[:12]

    @property
    def member(self) -> DocRef:
        return self.members[0]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ref": self.ref, "run": self.run, "cluster": self.cluster,
                "sampled": self.sampled, "keeper": self.keeper.to_json(),
                "members": [m.to_json() for m in self.members]}

    @classmethod
    def from_json(cls, d: Any, where: str) -> ReviewVerdict:
        if not isinstance(d, dict):
            raise VerdictError(f"{where}: a verdict must be an object")
        members = d.get("members")
        if not isinstance(members, list):
            raise VerdictError(f"{where}: members must be a list")
        run, cluster, sampled = d.get("run"), d.get("cluster"), d.get("sampled", False)
        if not isinstance(run, str) or not isinstance(cluster, str) or len(run) > MAX_TEXT or len(cluster) > MAX_TEXT:
            raise VerdictError(f"{where}: run and cluster must be strings")
        if not isinstance(sampled, bool):
            raise VerdictError(f"{where}: sampled must be true or false")
        kind = d.get("kind")
        if not isinstance(kind, str):
            raise VerdictError(f"{where}: kind must be a string")
        return cls(kind, run, cluster, DocRef.from_json(d.get("keeper"), f"{where}.keeper"),
                   tuple(DocRef.from_json(m, f"{where}.members[{i}]") for i, m in enumerate(members)), sampled)


def read_export(data: bytes) -> list[ReviewVerdict]:
    """The verdicts of a `verdicts.json` the report exported."""
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise VerdictError(f"not JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("presswash_verdicts") != FORMAT:
        raise VerdictError(f"not a presswash verdicts file (format {FORMAT} expected)")
    items = doc.get("verdicts")
    if not isinstance(items, list):
        raise VerdictError("verdicts must be a list")
    return [ReviewVerdict.from_json(v, f"verdicts[{i}]") for i, v in enumerate(items)]


def dumps(verdicts: list[ReviewVerdict]) -> bytes:
    """JSON lines, one verdict a line, in the given order (the order they were applied)."""
    return b"".join(orjson.dumps(v.to_json(), option=orjson.OPT_APPEND_NEWLINE) for v in verdicts)


def loads(data: bytes, where: str) -> list[ReviewVerdict]:
    return [ReviewVerdict.from_json(orjson.loads(line), f"{where}:{i + 1}")
            for i, line in enumerate(data.splitlines()) if line.strip()]


def digest_hex(hi: int, lo: int) -> str:
    """The (hi, lo) uint64 pair of an exact digest as 32 hex digits."""
    return f"{int(hi):016x}{int(lo):016x}"


@dataclass(frozen=True)
class Citation:
    """A verdict as an output cites it: in the ledger record of a document it shaped and
    in the clusters.jsonl record of a cluster it shaped. `other`: for `apart`, the
    document kept apart from this one (as the verdict names it)."""

    kind: str
    ref: str
    other: DocRef | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"verdict": self.kind, "ref": self.ref}
        if self.other is not None:
            d["other"] = {"id": self.other.id, "run": self.other.run}
        return d

    @classmethod
    def of(cls, v: ReviewVerdict, other: DocRef | None = None) -> Citation:
        return cls(v.kind, v.ref, other)
