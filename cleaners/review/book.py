"""The verdicts in force, as dedup reads them: which texts must stay apart, which copies
were chosen as keepers, which pairs a reviewer confirmed.

Verdicts are taken in the order they were applied and a later one overrides an earlier
one about the same pair of texts (a pair marked apart, then confirmed in a later review,
is confirmed), so reviewers can change their minds. A keeper verdict moves the choice:
the cluster's keeper at review time stops being chosen, the member becomes chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaners.review.records import DocRef, ReviewVerdict

Pair = frozenset[str]  # two digests, or one: exact copies of one text judged not duplicates


@dataclass
class Book:
    apart: dict[Pair, ReviewVerdict] = field(default_factory=dict)
    same: dict[Pair, ReviewVerdict] = field(default_factory=dict)
    chosen: dict[str, ReviewVerdict] = field(default_factory=dict)

    @classmethod
    def of(cls, verdicts: Iterable[ReviewVerdict]) -> Book:
        b = cls()
        for v in verdicts:
            if v.kind == "apart":
                pair = frozenset((v.keeper.digest, v.member.digest))
                b.apart[pair] = v
                b.same.pop(pair, None)
            elif v.kind == "correct":
                for m in v.members:
                    pair = frozenset((v.keeper.digest, m.digest))
                    b.same[pair] = v
                    b.apart.pop(pair, None)
            else:
                b.chosen.pop(v.keeper.digest, None)
                b.chosen[v.member.digest] = v
        return b

    def __bool__(self) -> bool:
        return bool(self.apart or self.same or self.chosen)

    @property
    def constrained(self) -> set[str]:
        """Digests that some verdict keeps apart from another or chose as keeper."""
        return {d for pair in self.apart for d in pair} | set(self.chosen)

    @property
    def self_apart(self) -> set[str]:
        """Digests whose exact copies a reviewer said are not duplicates of each other."""
        return {next(iter(pair)) for pair in self.apart if len(pair) == 1}

    def apart_between(self, xs: Iterable[str], ys: Iterable[str]) -> ReviewVerdict | None:
        """The verdict keeping some text of `xs` apart from some text of `ys`, if any."""
        ys = list(ys)
        for x in sorted(xs):
            for y in sorted(ys):
                v = self.apart.get(frozenset((x, y)))
                if v is not None:
                    return v
        return None

    def confirmed(self, keeper: str, member: str) -> ReviewVerdict | None:
        return self.same.get(frozenset((keeper, member)))

    def chosen_level(self, digest: str, doc_id: str) -> int:
        """2: this very document was chosen; 1: an exact copy of it was; 0: neither."""
        v = self.chosen.get(digest)
        if v is None:
            return 0
        return 2 if v.member.id == doc_id else 1

    def other_side(self, v: ReviewVerdict, digest: str) -> DocRef:
        """In an `apart` verdict, the document on the other side of `digest`."""
        return v.keeper if v.member.digest == digest else v.member
