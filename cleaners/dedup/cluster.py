"""Clusters from verified pairs: union-find that checks before it chains.

Pairs are taken strongest first (ties by the documents' ids, never input order). A
document joins a cluster through a verified pair with one of its members (so a copy of
a copy still joins its story) if it verifies against the cluster's keeper, or at least
keeps `chain_floor` of it with the keeper's names and numbers (an updated story adds new
ones: it stays apart); two
clusters of several documents merge only when their keepers verify against each other,
so one shared copy cannot chain two stories together. A cluster never holds two
documents of earlier runs (each was kept by its own run).

Reviewers' verdicts are constraints on every merge, so they hold transitively: two
clusters never merge when a text of one was marked "not a duplicate" of a text of the
other (whichever pair of members brought them together), nor when each holds a different
copy a reviewer chose as keeper (both stay kept). Each blocked merge is recorded, so the
outputs can cite the verdict that kept the documents apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from cleaners.dedup.keeper import Candidate, Policy, sort_key
from cleaners.dedup.verify import Verdict, chain_margin
from cleaners.review.book import Book
from cleaners.review.records import ReviewVerdict


@dataclass
class Constraints:
    """The verdicts in force and the texts of the clustering's nodes they name."""

    book: Book = field(default_factory=Book)
    digest: dict[int, str] = field(default_factory=dict)  # node → digest, only for nodes a verdict names


class Candidates(Protocol):
    """The clustering's documents by node: a list, or a view that reads them when asked."""

    def __len__(self) -> int: ...

    def __getitem__(self, i: int) -> Candidate: ...

    def __iter__(self) -> Iterator[Candidate]: ...


class Clusters:
    def __init__(self, cands: Candidates, policy: Policy, check: Callable[[int, int], Verdict],
                 floor: float, chain_entities: float, weights: list[int] | None = None,
                 constraints: Constraints | None = None) -> None:
        n = len(cands)
        self.cands = cands
        self.policy = policy
        self.check = check
        self.floor = floor
        self.chain_entities = chain_entities
        self.parent = list(range(n))
        self.size = [1] * n
        self.docs = list(weights) if weights else [1] * n  # documents a node stands for (exact copies)
        self.keeper = list(range(n))
        self.earlier = [c.earlier_run is not None for c in cands]
        self.rules = constraints or Constraints()
        # per root, only for clusters holding a text a verdict names: those texts, and the chosen keeper's
        self.tags: dict[int, set[str]] = {n: {d} for n, d in self.rules.digest.items()}
        self.chosen: dict[int, str] = {n: d for n, d in self.rules.digest.items() if d in self.rules.book.chosen}
        self.blocked: dict[str, ReviewVerdict] = {}  # `apart` verdicts that kept a merge from happening, by ref

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def add(self, pairs: Iterable[tuple[float, int, int]], symmetric: float) -> None:
        """pairs: (Jaccard, a, b), already verified.

        Two passes: first the symmetric near-duplicates (Jaccard >= `symmetric`) build the
        stories' clusters, strongest first; then one-sided matches (a teaser, a cut copy:
        contained in the other) attach, each to the largest cluster it matches — a teaser
        of a story is also inside that story's update, and belongs with the story.
        """
        pairs = list(pairs)
        ids = lambda p: tuple(sorted((self.cands[p[1]].id, self.cands[p[2]].id)))  # noqa: E731
        strong = sorted((p for p in pairs if p[0] >= symmetric), key=lambda p: (-p[0], ids(p)))
        self._merge(strong)
        weak = [p for p in pairs if p[0] < symmetric]
        size = {x: self.docs[self.find(x)] for p in weak for x in (p[1], p[2])}
        self._merge(sorted(weak, key=lambda p: (-max(size[p[1]], size[p[2]]), -p[0], ids(p))))

    def _merge(self, order: list[tuple[float, int, int]]) -> None:
        for _, a, b in order:
            ra, rb = self.find(a), self.find(b)
            if ra == rb or (self.earlier[ra] and self.earlier[rb]) or self._held_apart(ra, rb):
                continue
            ka, kb = self.keeper[ra], self.keeper[rb]
            if self.size[ra] > 1 and self.size[rb] > 1:
                if not self.check(ka, kb).ok:
                    continue
            elif self.size[ra] > 1 or self.size[rb] > 1:
                # a copy of a copy joins through its link, if it is still near the keeper
                single, keeper = (b, ka) if self.size[rb] == 1 else (a, kb)
                v = self.check(single, keeper)
                if not v.ok and chain_margin(v, self.floor, self.chain_entities) < 0:
                    continue
            self._union(ra, rb)

    def _held_apart(self, ra: int, rb: int) -> bool:
        ta, tb = self.tags.get(ra), self.tags.get(rb)
        if not (ta and tb):
            return False
        v = self.rules.book.apart_between(ta, tb)
        if v is not None:
            self.blocked.setdefault(v.ref, v)
            return True
        ca, cb = self.chosen.get(ra), self.chosen.get(rb)
        return ca is not None and cb is not None and ca != cb

    def _union(self, ra: int, rb: int) -> None:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.docs[ra] += self.docs[rb]
        self.earlier[ra] = self.earlier[ra] or self.earlier[rb]
        if rb in self.tags:
            self.tags.setdefault(ra, set()).update(self.tags.pop(rb))
        if rb in self.chosen:
            self.chosen.setdefault(ra, self.chosen.pop(rb))
        ka, kb = self.keeper[ra], self.keeper[rb]
        self.keeper[ra] = min((ka, kb), key=lambda k: sort_key(self.cands[k], self.policy))
