"""Stage 3, once per run: exact dedup, near-dup candidates, verification, clusters, keepers.

Reads the shards' work/sig/ folders (memory-mapped), works on integer document numbers,
and writes (cleaners/pipeline/dedup_output.py): work/assign/NNNNN.json (per shard: which
documents are duplicates, of what, and the verdicts that shaped them), OUT/dedup/clusters.jsonl*,
and work/delta/index (this run's kept documents, the segment STATE will hold for later
runs). Steps, each a function below:
exact groups → LSH candidate pairs (this run, and against earlier runs' segments) →
verification on true sets → union-find with keeper checks and reviewers' verdicts →
keeper per cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np

from cleaners.config import Config
from cleaners.dedup.cluster import Clusters, Constraints
from cleaners.dedup.index import SegmentIndex, digest_keys
from cleaners.dedup.keeper import Candidate, best
from cleaners.dedup.verify import DocSets, Verdict, verify
from cleaners.io.arrays import Arrays
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.dedup_output import Outcome, write_outputs
from cleaners.review.book import Book
from cleaners.review.records import digest_hex
from cleaners.review.store import stored
from cleaners.state import StateStore

GROUP_ALL_PAIRS = 24  # LSH buckets up to this size give all their pairs; bigger ones a window
WINDOW = 8


class Docs:
    """All of this run's clean documents as integer-indexed columns."""

    def __init__(self, rctx: RunContext, n_shards: int) -> None:
        self.shards = [Arrays(rctx.shard_file("sig", i, "")) for i in range(n_shards)]
        sizes = [len(s["seq"]) for s in self.shards]
        self.shard = np.repeat(np.arange(n_shards), sizes)
        self.row = np.concatenate([np.arange(n) for n in sizes]) if sizes else np.zeros(0, np.int64)
        col = lambda name: np.concatenate([np.asarray(s[name]) for s in self.shards]) if sizes else np.zeros(0)  # noqa: E731
        self.seq = col("seq").astype(np.int64)
        self.exact = np.concatenate([np.asarray(s["exact"]) for s in self.shards]) if sizes else np.zeros((0, 2))
        self.length, self.date, self.pref = col("length"), col("date"), col("pref")
        self.chosen: dict[int, int] = {}  # document → chosen level (cleaners/dedup/keeper.py)

    def __len__(self) -> int:
        return len(self.seq)

    def id(self, g: int) -> str:
        return self.shards[self.shard[g]].string("id", int(self.row[g]))

    def sh(self, g: int) -> np.ndarray:
        return self.shards[self.shard[g]].ragged("sh", int(self.row[g]))

    def short(self, g: int) -> str:
        return self.shards[self.shard[g]].string("short", int(self.row[g]))

    def sets(self, g: int) -> DocSets:
        shard, row = self.shards[self.shard[g]], int(self.row[g])
        return DocSets(shard.ragged("sh", row), shard.ragged("ent", row), shard.ragged("msh", row),
                       shard.string("short", row), shard.ragged("ch", row), shard.ragged("fct", row))

    def ent(self, g: int) -> np.ndarray:
        return self.shards[self.shard[g]].ragged("ent", int(self.row[g]))

    def band(self, b: int, rows: np.ndarray) -> np.ndarray:
        if not self.shards:
            return np.zeros(0, np.uint64)
        return np.concatenate([s.row("bands", b) for s in self.shards])[rows]

    def candidate(self, g: int) -> Candidate:
        return Candidate(self.id(g), int(self.date[g]), int(self.length[g]), bool(self.pref[g]),
                         chosen=self.chosen.get(g, 0))

    def digest(self, g: int) -> str:
        return digest_hex(*self.exact[g])

    def named(self, digests: set[str]) -> np.ndarray:
        """The documents whose text has one of `digests` (sorted document numbers)."""
        if not digests or not len(self):
            return np.zeros(0, np.int64)
        wanted = np.array([(int(d[:16], 16), int(d[16:], 16)) for d in sorted(digests)], np.uint64)
        return np.nonzero(np.isin(digest_keys(self.exact), digest_keys(wanted)))[0]


class Nodes:
    """The candidates of the clustering, by node: this run's exact-group keepers first
    (read from their files when asked, so a run of millions holds no list of them), then
    documents of earlier runs as they are met."""

    def __init__(self, docs: Docs, reps: np.ndarray) -> None:
        self.docs, self.reps = docs, reps
        self.extra: list[Candidate] = []

    def __len__(self) -> int:
        return len(self.reps) + len(self.extra)

    def __getitem__(self, i: int) -> Candidate:
        n = len(self.reps)
        return self.docs.candidate(int(self.reps[i])) if i < n else self.extra[i - n]

    def __iter__(self) -> Iterator[Candidate]:
        return (self[i] for i in range(len(self)))

    def append(self, c: Candidate) -> None:
        self.extra.append(c)


def earlier_index(rctx: RunContext, snap: Any) -> Any:
    """The index of earlier runs: segments in STATE, or the shared Redis index."""
    d = rctx.cfg.dedup
    if d.index_backend == "redis":
        from cleaners.dedup.redis_index import RedisIndex

        return RedisIndex(d.redis_url, d.redis_namespace, exclude_run=rctx.run_id)
    return SegmentIndex(snap.index_segments(rctx.run_id), d)


def exact_groups(docs: Docs, policy: str, alone: np.ndarray | None = None) -> np.ndarray:
    """rep[g]: the keeper of g's exact-duplicate group (g itself when unique, or when it is
    one of `alone`: texts whose exact copies a reviewer said are not duplicates)."""
    n = len(docs)
    rep = np.arange(n)
    if not n:
        return rep
    grouped = np.ones(n, bool)
    if alone is not None:
        grouped[alone] = False
    order = np.lexsort((docs.exact[:, 1], docs.exact[:, 0]))
    order = order[grouped[order]]
    n = len(order)
    ex = docs.exact[order]
    new = np.ones(n, bool)
    new[1:] = np.any(ex[1:] != ex[:-1], axis=1)
    starts = np.nonzero(new)[0]
    ends = np.append(starts[1:], n)
    for a, b in zip(starts, ends, strict=True):
        if b - a > 1:
            members = order[a:b]
            keep = best([docs.candidate(int(g)) for g in members], policy)
            k = next(int(g) for g in members if docs.id(int(g)) == keep.id)
            rep[members] = k
    return rep


Pairs = set[tuple[int, int]]
Outside = set[tuple[int, int, int]]


def candidate_pairs(docs: Docs, reps: np.ndarray, bands: int, earlier: SegmentIndex) -> tuple[Pairs, Outside]:
    """(pairs of rep positions, (rep position, segment, row) earlier matches)."""
    pairs: set[tuple[int, int]] = set()
    outside: set[tuple[int, int, int]] = set()
    if not len(reps):
        return pairs, outside
    for b in range(bands):
        keys = docs.band(b, reps)
        order = np.argsort(keys, kind="stable")
        k = keys[order]
        new = np.ones(len(k), bool)
        new[1:] = k[1:] != k[:-1]
        starts = np.nonzero(new)[0]
        ends = np.append(starts[1:], len(k))
        for a, z in zip(starts, ends, strict=True):
            if z - a < 2:
                continue
            members = sorted(int(x) for x in order[a:z])
            for i, x in enumerate(members):
                stop = len(members) if z - a <= GROUP_ALL_PAIRS else min(len(members), i + 1 + WINDOW)
                for y in members[i + 1:stop]:
                    pairs.add((x, y))
        if len(earlier):
            for q, s, row in earlier.band_matches(b, keys):
                outside.add((q, s, row))
    return pairs, outside


def run_dedup(rctx_d: dict[str, Any], n_shards: int) -> dict[str, Any]:
    rctx = RunContext.from_dict(rctx_d)
    cfg: Config = rctx.cfg
    d = cfg.dedup
    docs = Docs(rctx, n_shards)
    store = StateStore(rctx.state)
    snap = store.snapshot()
    earlier = earlier_index(rctx, snap)
    book = Book.of(stored(store, snap))
    named = docs.named(book.constrained)  # the few documents a verdict names
    for g in (int(x) for x in named):
        level = book.chosen_level(docs.digest(g), docs.id(g))
        if level:
            docs.chosen[g] = level
    alone = np.array([g for g in named if docs.digest(int(g)) in book.self_apart], np.int64)
    rep = exact_groups(docs, d.keeper, alone) if d.exact else np.arange(len(docs))
    reps = np.unique(rep)
    pos_of = np.searchsorted(reps, rep)  # each document's node: that of its exact group's keeper
    cands = Nodes(docs, reps)
    rules = Constraints(book, {int(pos_of[g]): docs.digest(int(g)) for g in named})
    node_of_earlier: dict[tuple[int, int], int] = {}

    def earlier_node(s: int, row: int) -> int:
        if (s, row) not in node_of_earlier:
            node_of_earlier[(s, row)] = len(cands)
            c = earlier.candidate(s, row)
            if book:
                digest = digest_hex(*earlier.exact_of(s, row))
                if digest in book.constrained:
                    rules.digest[len(cands)] = digest
                    c = replace(c, chosen=book.chosen_level(digest, c.id))
            cands.append(c)
        return node_of_earlier[(s, row)]

    sets: dict[int, DocSets] = {}

    def sets_of(node: int) -> DocSets:
        if node not in sets:
            if node < len(reps):
                g = int(reps[node])
                sets[node] = docs.sets(g)
            else:
                s, row = next(k for k, v in node_of_earlier.items() if v == node)
                sets[node] = earlier.sets(s, row)
        return sets[node]

    verdicts: dict[tuple[int, int], Verdict] = {}

    def check(a: int, b: int) -> Verdict:
        key = (min(a, b), max(a, b))
        if key not in verdicts:
            verdicts[key] = verify(sets_of(a), sets_of(b), d)
        return verdicts[key]

    edges: list[tuple[float, int, int]] = []
    stats: dict[str, int] = {"in": len(docs), "exact_duplicates": int((rep != np.arange(len(docs))).sum())}
    exact_hits = earlier.exact_lookup(docs.exact[reps]) if len(earlier) and d.exact else [None] * len(reps)
    for i, hit in enumerate(exact_hits):
        if hit is not None:
            edges.append((2.0, i, earlier_node(*hit)))
    if d.near:
        bands, _ = d.bands
        pairs, outside = candidate_pairs(docs, reps, bands, earlier)
        stats["candidate_pairs"] = len(pairs) + len(outside)
        for a, b in sorted(pairs):
            v = check(a, b)
            if v.ok:
                edges.append((v.jaccard, a, b))
        for q, s, row in sorted(outside):
            node = earlier_node(s, row)
            v = check(q, node)
            if v.ok:
                edges.append((v.jaccard, q, node))
        stats["verified_pairs"] = len(edges)
    weights = np.bincount(np.searchsorted(reps, rep), minlength=len(reps)).tolist() + [1] * (len(cands) - len(reps))
    clusters = Clusters(cands, d.keeper, check, d.chain_floor, d.chain_entities, weights, rules)
    clusters.add(edges, d.min_jaccard)
    earlier_of = {v: k for k, v in node_of_earlier.items()}

    def digest_of(node: int) -> str:
        if node < len(reps):
            return docs.digest(int(reps[node]))
        return digest_hex(*earlier.exact_of(*earlier_of[node]))

    return write_outputs(rctx, Outcome(docs, rep, pos_of, cands, clusters, check, digest_of, book), stats)
