"""The dedup index of earlier runs in Redis: one shared index for many workers or hosts.

Same contract as the embedded `SegmentIndex` (exact and band lookups, the sets a pair is
verified on, the keeper fields), so the dedup stage does not know which one it reads.
Layout under a namespace `ns`:
- `ns:runs`               hash run id → run number
- `ns:doc:<run>:<row>`    hash of one kept document (id, url, source, date, length, pref,
                          short text, and its hash sets as raw little-endian bytes)
- `ns:ex`                 hash exact digest → "<run>:<row>" of its first holder
- `ns:b:<band>:<key>`     set of "<run>:<row>" sharing that LSH band key
A run's contribution is written in one MULTI/EXEC transaction, after removing what the
same run id wrote before (a re-run replaces its own entries); lookups skip the current
run id, so a re-run never finds itself. Values are plain bytes and strings: nothing is
pickled (datasketch's own Redis storage pickles keys by default; we do not use it).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cleaners.dedup.keeper import Candidate
from cleaners.dedup.verify import DocSets
from cleaners.io.arrays import Arrays

MAX_MATCHES_PER_KEY = 32


def _client(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url)


class RedisIndex:
    def __init__(self, url: str, namespace: str, exclude_run: str | None = None) -> None:
        self.r = _client(url)
        self.ns = namespace
        runs = {k.decode(): int(v) for k, v in self.r.hgetall(f"{ns(namespace)}:runs").items()}
        self.exclude = runs.get(exclude_run) if exclude_run is not None else None
        self.run_names = {v: k for k, v in runs.items()}
        self._docs: dict[tuple[int, int], dict[bytes, bytes]] = {}

    def __len__(self) -> int:
        return len([r for r in self.run_names if r != self.exclude])

    @staticmethod
    def _ref(raw: bytes) -> tuple[int, int]:
        a, b = raw.split(b":")
        return int(a), int(b)

    def exact_lookup(self, digests: np.ndarray) -> list[tuple[int, int] | None]:
        if not len(digests):
            return []
        keys = [f"{int(h):016x}{int(lo):016x}" for h, lo in digests]
        found = self.r.hmget(f"{ns(self.ns)}:ex", keys)
        out: list[tuple[int, int] | None] = []
        for raw in found:
            ref = self._ref(raw) if raw else None
            out.append(ref if ref and ref[0] != self.exclude else None)
        return out

    def band_matches(self, band: int, keys: np.ndarray) -> list[tuple[int, int, int]]:
        pipe = self.r.pipeline(transaction=False)
        for k in keys:
            pipe.srandmember(f"{ns(self.ns)}:b:{band}:{int(k):016x}", MAX_MATCHES_PER_KEY)
        found = []
        for q, members in enumerate(pipe.execute()):
            for raw in sorted(members or []):
                s, row = self._ref(raw)
                if s != self.exclude:
                    found.append((q, s, row))
        return found

    def _doc(self, s: int, row: int) -> dict[bytes, bytes]:
        if (s, row) not in self._docs:
            self._docs[(s, row)] = self.r.hgetall(f"{ns(self.ns)}:doc:{s}:{row}")
        return self._docs[(s, row)]

    def sets(self, s: int, row: int) -> DocSets:
        d = self._doc(s, row)
        arr = lambda k: np.frombuffer(d.get(k, b""), dtype="<u4").astype(np.uint32)  # noqa: E731
        # a document written before the letter features has none: its pairs are judged on words
        return DocSets(arr(b"sh"), arr(b"ent"), arr(b"msh"), d.get(b"short", b"").decode(), arr(b"ch"), arr(b"fct"))

    def candidate(self, s: int, row: int) -> Candidate:
        d = self._doc(s, row)
        return Candidate(d[b"id"].decode(), int(d[b"date"]), int(d[b"length"]), d.get(b"pref") == b"1",
                         self.run_names[s])

    def exact_of(self, s: int, row: int) -> np.ndarray:
        raw = self._doc(s, row)[b"exact"]
        return np.frombuffer(raw, dtype="<u8").astype(np.uint64)


def ns(namespace: str) -> str:
    return f"presswash:{namespace}"


def commit_segment(url: str, namespace: str, run_id: str, segment: Arrays) -> int:
    """Replace `run_id`'s entries by the documents of `segment`, in one transaction."""
    r = _client(url)
    base = ns(namespace)
    with r.lock(f"{base}:commit-lock", timeout=600, blocking_timeout=60):
        run = r.hget(f"{base}:runs", run_id)
        number = int(run) if run is not None else int(r.hincrby(f"{base}:meta", "next_run", 1))
        old_rows = int(r.hget(f"{base}:meta", f"rows:{number}") or 0)
        pipe = r.pipeline(transaction=True)
        for row in range(old_rows):  # what this run id wrote before
            doc = r.hmget(f"{base}:doc:{number}:{row}", ["bands", "exact"])
            ref = f"{number}:{row}"
            if doc[0]:
                for b, key in enumerate(np.frombuffer(doc[0], dtype="<u8")):
                    pipe.srem(f"{base}:b:{b}:{int(key):016x}", ref)
            if doc[1]:
                hi, lo = np.frombuffer(doc[1], dtype="<u8")
                field = f"{int(hi):016x}{int(lo):016x}"
                if r.hget(f"{base}:ex", field) == ref.encode():
                    pipe.hdel(f"{base}:ex", field)
            pipe.delete(f"{base}:doc:{number}:{row}")
        n = len(segment["date"])
        bands = np.asarray(segment["bands"])
        exact = np.asarray(segment["exact"])
        for row in range(n):
            ref = f"{number}:{row}"
            col = bands[:, row].astype("<u8")
            pipe.hset(f"{base}:doc:{number}:{row}", mapping={
                "id": segment.string("id", row), "url": segment.string("url", row),
                "source": segment.string("source", row), "date": int(segment["date"][row]),
                "length": int(segment["length"][row]), "pref": int(segment["pref"][row]),
                "short": segment.string("short", row),
                "sh": segment.ragged("sh", row).astype("<u4").tobytes(),
                "ent": segment.ragged("ent", row).astype("<u4").tobytes(),
                "msh": segment.ragged("msh", row).astype("<u4").tobytes(),
                "ch": segment.ragged("ch", row).astype("<u4").tobytes(),
                "fct": segment.ragged("fct", row).astype("<u4").tobytes(),
                "bands": col.tobytes(), "exact": exact[row].astype("<u8").tobytes(),
            })
            for b, key in enumerate(col):
                pipe.sadd(f"{base}:b:{b}:{int(key):016x}", ref)
            pipe.hsetnx(f"{base}:ex", f"{int(exact[row][0]):016x}{int(exact[row][1]):016x}", ref)
        pipe.hset(f"{base}:runs", run_id, number)
        pipe.hset(f"{base}:meta", f"rows:{number}", n)
        pipe.execute()
    return n
