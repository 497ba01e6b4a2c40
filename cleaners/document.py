"""The two record types everything else passes around: a `Document` and a `Removal`.

Both are frozen and slotted (as datatrove's `Document`): a step never mutates a document,
it returns a new one, so a record written to a shard file is exactly what the next stage
reads. Everything a rule learns goes into a returned `Removal`, never into globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One input document on its way through the pipeline.

    `id` is the contract id (JSONL `id`, path relative to the folder given, or the
    `WARC-Record-ID`); `place` is where it was read (`file:line` or `file@offset`), used as
    the ledger id when the id is missing or repeated. `seq` is the document's position in
    the run (input order), the integer the dedup stage works with.
    """

    id: str
    text: str
    seq: int = 0
    place: str = ""
    url: str | None = None
    source: str | None = None
    date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_text(self, text: str) -> Document:
        return replace(self, text=text)


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed span: `text == input[start:end]` of the text the rule was given.

    Inside the library offsets refer to each cleaner's own input; `Chain` re-bases them so
    that, in `removals/`, they index the document's pre-clean text.
    """

    rule: str
    start: int
    end: int
    text: str

    def shifted(self, offset: int) -> Removal:
        return Removal(self.rule, self.start + offset, self.end + offset, self.text)


@dataclass(frozen=True, slots=True)
class Repair:
    """One encoding repair (not a removal): `before` in the extracted text became `after`;
    `start`: where, in the text the repair read, for repairs made at one place (markup)."""

    kind: str
    before: str
    after: str
    count: int = 1
    start: int | None = None


@dataclass(frozen=True, slots=True)
class Reject:
    """A document that ends in the ledger as `rejected`, with a snake_case reason code."""

    id: str
    reason: str
    seq: int = 0
    place: str = ""
    detail: str = ""

    @property
    def reason_text(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason
