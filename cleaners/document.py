"""The records reading and cleaning make of a document: a `Removal` (a span a rule
removed), a `Repair` (an encoding repair) and a `Reject` (a document that ends rejected).

All are frozen and slotted: a step never changes a record, it returns a new one, and
everything a rule learns comes back as a `Removal`, never through globals. What OUT's
ledger and clusters.jsonl hold is in cleaners/outputs.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed span: `text == pre_clean[start:end]`, offsets into the document's
    pre-clean text (the compiled core rebases its passes' offsets onto it)."""

    rule: str
    start: int
    end: int
    text: str


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
