"""Per-site line statistics: counted over a run, combined with STATE, looked up per line.

A table maps a 64-bit key (kind, site and line, hashed) to two counts: distinct documents
holding the line, and how many of those hold it in their head. Tables are sorted numpy
arrays split into partitions by the key's top bits, one `.npy` per column and partition,
so counting a million documents never holds more than one partition in memory and
lookups are memory-mapped binary searches. Nothing is pickled.

Counting is exact per distinct document: each (key, document identity) pair is counted
once, so re-crawls of one URL do not look like furniture; documents STATE already saw in
an earlier run are not counted again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

PART_BITS = 4
PARTS = 1 << PART_BITS
ENTRY = np.dtype([("key", "<u8"), ("ident", "<u8"), ("head", "u1")])
PAIR = np.dtype([("key", "<u8"), ("site", "<u8")])


def part_of(keys: np.ndarray) -> np.ndarray:
    return (keys >> np.uint64(64 - PART_BITS)).astype(np.int64)


class Table:
    """A read-only partitioned table in `folder` (may be missing: then empty)."""

    def __init__(self, folder: str | os.PathLike[str] | None) -> None:
        self.folder = Path(folder) if folder else None
        self._parts: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def part(self, p: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if p not in self._parts:
            empty = (np.zeros(0, np.uint64), np.zeros(0, np.uint32), np.zeros(0, np.uint32))
            if self.folder is None or not (self.folder / f"p{p:02d}.key.npy").exists():
                self._parts[p] = empty
            else:
                key, docs, heads = (np.load(self.folder / f"p{p:02d}.{col}.npy", mmap_mode="r")
                                    for col in ("key", "docs", "heads"))
                self._parts[p] = (key, docs, heads)
        return self._parts[p]

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(docs, heads) for each key (0 where absent)."""
        keys = np.asarray(keys, dtype=np.uint64)
        docs = np.zeros(len(keys), np.int64)
        heads = np.zeros(len(keys), np.int64)
        parts = part_of(keys)
        for p in np.unique(parts):
            idx = np.nonzero(parts == p)[0]
            k, d, h = self.part(int(p))
            if not len(k):
                continue
            pos = np.searchsorted(k, keys[idx])
            pos_c = np.minimum(pos, len(k) - 1)
            hit = k[pos_c] == keys[idx]
            docs[idx[hit]] = d[pos_c[hit]]
            heads[idx[hit]] = h[pos_c[hit]]
        return docs, heads


def write_part(folder: Path, p: int, keys: np.ndarray, docs: np.ndarray, heads: np.ndarray) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for col, arr, dt in (("key", keys, np.uint64), ("docs", docs, np.uint32), ("heads", heads, np.uint32)):
        tmp = folder / f".p{p:02d}.{col}.tmp.npy"
        np.save(tmp, np.ascontiguousarray(arr, dtype=dt))
        os.replace(tmp, folder / f"p{p:02d}.{col}.npy")


def spill(entries: np.ndarray, pairs: np.ndarray, folder: Path) -> None:
    """Append one shard's entries to per-partition spill files (one pass over shards)."""
    folder.mkdir(parents=True, exist_ok=True)
    for arr, name, kind in ((entries, "e", ENTRY), (pairs, "x", PAIR)):
        if not len(arr):
            continue
        parts = part_of(arr["key"])
        order = np.argsort(parts, kind="stable")
        arr, parts = arr[order], parts[order]
        bounds = np.searchsorted(parts, np.arange(PARTS + 1))
        for p in range(PARTS):
            a, b = bounds[p], bounds[p + 1]
            if b > a:
                with open(folder / f"{name}{p:02d}.bin", "ab") as fh:
                    arr[a:b].astype(kind).tofile(fh)


def count_partition(folder: Path, p: int, seen: np.ndarray,
                    which: str = "e") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts of one partition's spilled entries ("e": distinct documents per key, and of
    those how many hold it in their head) or site pairs ("x": distinct sites per key).
    `seen`: sorted identities of documents counted by earlier runs (skipped)."""
    empty = (np.zeros(0, np.uint64), np.zeros(0, np.int64), np.zeros(0, np.int64))
    path = folder / f"{which}{p:02d}.bin"
    if not path.exists():
        return empty
    if which == "x":
        x = np.unique(np.fromfile(path, dtype=PAIR))
        k, cnt = np.unique(x["key"], return_counts=True)
        return k, cnt, np.zeros(len(k), np.int64)
    e = np.fromfile(path, dtype=ENTRY)
    if len(seen):
        pos = np.minimum(np.searchsorted(seen, e["ident"]), len(seen) - 1)
        e = e[seen[pos] != e["ident"]]
    if not len(e):
        return empty
    e = np.sort(e, order=["key", "ident", "head"])
    # one row per (key, document); the sort puts head=1 last, so keep the last row
    last = np.ones(len(e), bool)
    last[:-1] = (e["key"][1:] != e["key"][:-1]) | (e["ident"][1:] != e["ident"][:-1])
    u = e[last]
    k, start, cnt = np.unique(u["key"], return_index=True, return_counts=True)
    return k, cnt, np.add.reduceat(u["head"].astype(np.int64), start)


def combine(keys: np.ndarray, docs: np.ndarray, heads: np.ndarray,
            tables: Iterable[tuple[Table, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Counts of `keys` plus sign * counts in each table (STATE base, a run set aside)."""
    docs = docs.astype(np.int64).copy()
    heads = heads.astype(np.int64).copy()
    for table, sign in tables:
        d, h = table.lookup(keys)
        docs += sign * d
        heads += sign * h
    return np.maximum(docs, 0), np.maximum(heads, 0)


def merge_tables(a: Table, b: Table | None, sign_b: int, delta: Table | None, out: Path) -> None:
    """out = a + sign_b * b + delta, partition by partition (STATE commit)."""
    for p in range(PARTS):
        ka, da, ha = a.part(p)
        parts = [(np.asarray(ka), np.asarray(da, np.int64), np.asarray(ha, np.int64))]
        if b is not None:
            kb, db, hb = b.part(p)
            parts.append((np.asarray(kb), sign_b * np.asarray(db, np.int64), sign_b * np.asarray(hb, np.int64)))
        if delta is not None:
            kd, dd, hd = delta.part(p)
            parts.append((np.asarray(kd), np.asarray(dd, np.int64), np.asarray(hd, np.int64)))
        k = np.concatenate([x[0] for x in parts])
        d = np.concatenate([x[1] for x in parts])
        h = np.concatenate([x[2] for x in parts])
        uk, inv = np.unique(k, return_inverse=True)
        sd = np.zeros(len(uk), np.int64)
        sh = np.zeros(len(uk), np.int64)
        np.add.at(sd, inv, d)
        np.add.at(sh, inv, h)
        keep = sd > 0
        write_part(out, p, uk[keep], sd[keep], sh[keep])
