"""Which copy of a cluster is kept: one policy, chosen in the config, ties broken by id.

Policies (`dedup.keeper`):
- earliest_date: earliest `date`, then the longest text, then the smallest id; documents
  without a date come after those with one. The default: the original publication is
  usually the first one, and it needs no date on every document to be defined.
- longest: most text, then earliest date, then smallest id.
- preferred_source: a document from `dedup.preferred_sources` first, then earliest_date.
- smallest_id: the smallest id.
Every key is a property of the document itself (never its position in the input), so the
keeper does not depend on input order. A copy a reviewer chose as the better keeper comes
first (the very document chosen before an exact copy of it); then a copy from an earlier
run: its run has already published it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Policy = Literal["earliest_date", "longest", "preferred_source", "smallest_id"]
POLICIES: tuple[str, ...] = get_args(Policy)


@dataclass(frozen=True)
class Candidate:
    id: str
    date: int  # ordinal day, -1 when unknown
    length: int
    preferred: bool = False
    earlier_run: str | None = None  # run id when the document comes from STATE
    chosen: int = 0  # a reviewer chose it as keeper: 2 this document, 1 an exact copy of it


def sort_key(c: Candidate, policy: str) -> tuple[object, ...]:
    if policy not in POLICIES:
        raise ValueError(f"unknown keeper policy {policy!r}; one of {', '.join(POLICIES)}")
    earlier = (-c.chosen, 0 if c.earlier_run is not None else 1)
    date = (c.date < 0, c.date)
    if policy == "earliest_date":
        return (*earlier, *date, -c.length, c.id)
    if policy == "longest":
        return (*earlier, -c.length, *date, c.id)
    if policy == "preferred_source":
        return (*earlier, not c.preferred, *date, -c.length, c.id)
    return (*earlier, c.id)


def reason(c: Candidate, policy: str) -> str:
    """Why this document was kept, for the report."""
    if c.chosen:
        return "chosen by a reviewer" + (f" (published in run {c.earlier_run})" if c.earlier_run is not None else "")
    if c.earlier_run is not None:
        return f"published earlier, in run {c.earlier_run}"
    return {
        "earliest_date": "earliest date" if c.date >= 0 else "longest text (no dates)",
        "longest": "longest text",
        "preferred_source": "preferred source" if c.preferred else "earliest date",
        "smallest_id": "smallest id",
    }[policy]


def best(cands: list[Candidate], policy: str) -> Candidate:
    return min(cands, key=lambda c: sort_key(c, policy))
