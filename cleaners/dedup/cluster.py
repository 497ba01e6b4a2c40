"""Clusters from verified pairs: union-find that checks before it chains.

Pairs are taken strongest first (ties by the documents' ids, never input order). A
document joins a cluster through a verified pair with one of its members (so a copy of
a copy still joins its story) if it is not unrelated to the cluster's keeper; two
clusters of several documents merge only when their keepers verify against each other,
so one shared copy cannot chain two stories together. A cluster never holds two
documents of earlier runs (each was kept by its own run).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cleaners.dedup.keeper import Candidate, sort_key
from cleaners.dedup.verify import Verdict


class Clusters:
    def __init__(self, cands: list[Candidate], policy: str, check: Callable[[int, int], Verdict],
                 floor: float) -> None:
        n = len(cands)
        self.cands = cands
        self.policy = policy
        self.check = check
        self.floor = floor
        self.parent = list(range(n))
        self.size = [1] * n
        self.keeper = list(range(n))
        self.earlier = [c.earlier_run is not None for c in cands]

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def add(self, pairs: Iterable[tuple[float, int, int]]) -> None:
        """pairs: (similarity, a, b), already verified."""
        order = sorted(pairs, key=lambda p: (-p[0], *sorted((self.cands[p[1]].id, self.cands[p[2]].id))))
        for _, a, b in order:
            ra, rb = self.find(a), self.find(b)
            if ra == rb or (self.earlier[ra] and self.earlier[rb]):
                continue
            ka, kb = self.keeper[ra], self.keeper[rb]
            if self.size[ra] > 1 and self.size[rb] > 1:
                if not self.check(ka, kb).ok:
                    continue
            elif self.size[ra] > 1 or self.size[rb] > 1:
                single, keeper = (b, ka) if self.size[rb] == 1 else (a, kb)
                v = self.check(single, keeper)
                if max(v.jaccard, v.containment) < self.floor:
                    continue
            self._union(ra, rb)

    def _union(self, ra: int, rb: int) -> None:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.earlier[ra] = self.earlier[ra] or self.earlier[rb]
        ka, kb = self.keeper[ra], self.keeper[rb]
        self.keeper[ra] = min((ka, kb), key=lambda k: sort_key(self.cands[k], self.policy))

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for x in range(len(self.parent)):
            out.setdefault(self.find(x), []).append(x)
        return {r: m for r, m in out.items() if len(m) > 1}
