"""MinHash signatures alone, in this process: presswash's feature code vs datasketch.

Why in-process and timed per batch: the question is the cost of turning texts into
signatures, so reading the corpus is outside the clock. Texts are streamed in batches of
`BATCH`; each method gets the same batch and only its own work is timed, so memory stays
bounded by one batch (plus the signatures kept for the LSH comparison, capped).

Methods, all with presswash's parameters (DedupConfig: num_perm, shingle_words, seed):
- presswash: `features`, one call of the compiled core per batch giving everything a run
  computes (signatures, band keys, verification sets, exact digests; `_write_features` in
  cleaners/pipeline/clean.py);
- datasketch `MinHash.update_batch` fed presswash's shingles with `scheme="affine32"` and
  presswash's 32-bit shingle hash: the same signatures as presswash's, made by datasketch
  (`features.minhash`) — on the update loop's subset;
- datasketch `MinHash.update` once per shingle (sha1, the default) — slow, so on a subset;
- datasketch `MinHash.bulk` with `xxhash.xxh32_intdigest` (32-bit, as datasketch's
  universal hashing expects).
Both datasketch methods tokenise the usual way: lower case, `\\w+` words, word 5-grams
joined by spaces as UTF-8 bytes.

LSH: datasketch's in-memory `MinHashLSH` with presswash's banding (`params=(bands, rows)`),
insert then query every document, vs presswash's band index: `write_segment` (sorted band
keys on disk) then `SegmentIndex.band_matches` for every band.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BATCH = 1000
WORD = re.compile(r"\w+")


@dataclass
class Timed:
    """Seconds spent on `docs` documents by one method."""

    docs: int = 0
    seconds: float = 0.0
    error: str | None = None
    note: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float | None:
        return self.docs / self.seconds if self.seconds > 0 and not self.error else None


def _batches(texts: Iterator[str], size: int = BATCH) -> Iterator[list[str]]:
    batch: list[str] = []
    for t in texts:
        batch.append(t)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def presswash_batch(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(signatures n x num_perm uint32, band keys n x bands) of a batch of texts."""
    from cleaners.config import DedupConfig
    from cleaners.dedup.features import features

    out = features(texts, DedupConfig())
    return out["sig"], out["bands"]


def datasketch_same(texts: list[str]) -> list[object]:
    from cleaners.config import DedupConfig
    from cleaners.dedup.features import minhash

    d = DedupConfig()
    return [minhash(t, d) for t in texts]


def word_shingles(text: str, k: int) -> list[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)]


def update_loop(texts: list[str]) -> list[object]:
    from datasketch import MinHash

    from cleaners.config import DedupConfig

    d = DedupConfig()
    out = []
    for t in texts:
        m = MinHash(num_perm=d.num_perm, seed=d.seed)
        for s in word_shingles(t, d.shingle_words):
            m.update(s)
        out.append(m)
    return out


def bulk(texts: list[str]) -> list[object]:
    import xxhash
    from datasketch import MinHash

    from cleaners.config import DedupConfig

    d = DedupConfig()
    return MinHash.bulk([word_shingles(t, d.shingle_words) for t in texts], num_perm=d.num_perm, seed=d.seed,
                        hashfunc=xxhash.xxh32_intdigest)


def run_signatures(texts: Iterator[str], max_docs: int, update_docs: int, lsh_docs: int,
                   work: Path) -> dict[str, Timed]:
    """Every method over the same first `max_docs` texts (update loop: first `update_docs`)."""
    res = {k: Timed() for k in ("presswash", "datasketch_same", "update", "bulk", "lsh_datasketch", "lsh_presswash")}
    res["update"].note = res["datasketch_same"].note = f"first {update_docs:,} documents only"
    kept_bulk: list[object] = []
    kept_keys: list[np.ndarray] = []
    methods = {"presswash": presswash_batch, "bulk": bulk}
    seen = 0
    for batch in _batches(texts):
        if seen >= max_docs:
            break
        batch = batch[: max_docs - seen]
        if not seen:  # warm-up, untimed: imports, lookup tables, cached permutations
            for fn in (*methods.values(), update_loop, datasketch_same):
                fn(batch[:10])
        for name, fn in methods.items():
            out = _timed(res[name], fn, batch)
            if name == "presswash" and out is not None and seen < lsh_docs:
                kept_keys.append(out[1][: lsh_docs - seen])
            if name == "bulk" and out is not None and seen < lsh_docs:
                kept_bulk.extend(out[: lsh_docs - seen])
        if seen < update_docs:
            _timed(res["update"], update_loop, batch[: update_docs - seen])
            _timed(res["datasketch_same"], datasketch_same, batch[: update_docs - seen])
        seen += len(batch)
    _lsh_datasketch(res["lsh_datasketch"], kept_bulk)
    _lsh_presswash(res["lsh_presswash"], np.concatenate(kept_keys) if kept_keys else None, work)
    return res


def _timed(acc: Timed, fn, batch: list[str]):  # type: ignore[no-untyped-def]
    """Run `fn(batch)` into `acc`; a failure marks the method failed, not the harness."""
    if acc.error:
        return None
    t = time.perf_counter()
    try:
        out = fn(batch)
    except Exception as exc:  # noqa: BLE001 - a failing method is reported, not raised
        acc.error = f"{type(exc).__name__}: {exc}"[:300]
        return None
    acc.seconds += time.perf_counter() - t
    acc.docs += len(batch)
    return out


def _lsh_datasketch(acc: Timed, minhashes: list[object]) -> None:
    from datasketch import MinHashLSH

    from cleaners.config import DedupConfig

    d = DedupConfig()
    try:
        t = time.perf_counter()
        lsh = MinHashLSH(num_perm=d.num_perm, params=d.bands)
        for i, m in enumerate(minhashes):
            lsh.insert(str(i), m)
        build = time.perf_counter() - t
        hits = sum(len(lsh.query(m)) for m in minhashes)
        acc.seconds, acc.docs = time.perf_counter() - t, len(minhashes)
        acc.extra = {"build_s": round(build, 3), "query_s": round(acc.seconds - build, 3), "candidates": hits}
    except Exception as exc:  # noqa: BLE001
        acc.error = f"{type(exc).__name__}: {exc}"[:300]


def _lsh_presswash(acc: Timed, keys: np.ndarray | None, work: Path) -> None:
    if keys is None:
        acc.error = "no presswash band keys (signatures failed)"
        return
    try:
        from cleaners.dedup.index import SegmentIndex, write_segment

        folder = work / "lsh-segment"
        shutil.rmtree(folder, ignore_errors=True)
        n = len(keys)
        t = time.perf_counter()
        write_segment(folder, {"exact": np.zeros((n, 2), np.uint64), "bands": np.ascontiguousarray(keys.T)})
        build = time.perf_counter() - t
        idx = SegmentIndex([("bench", folder)])
        hits = sum(len(idx.band_matches(b, keys[:, b])) for b in range(keys.shape[1]))
        acc.seconds, acc.docs = time.perf_counter() - t, n
        acc.extra = {"build_s": round(build, 3), "query_s": round(acc.seconds - build, 3), "band_hits": hits}
    except Exception as exc:  # noqa: BLE001
        acc.error = f"{type(exc).__name__}: {exc}"[:300]
