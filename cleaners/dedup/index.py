"""The dedup index of earlier runs: embedded segments in STATE (default) or Redis.

Each committed run adds one immutable segment (a folder of `.npy` arrays): its kept
documents' exact digests and LSH band keys, both sorted for binary search, their shingle
and entity sets for verification, and id, url, source, date and length. Lookups are
memory-mapped searches, so the index costs disk, not RAM; nothing in it is pickled.
A reference to an earlier document is (segment number, row).

Each segment also keeps its documents' MinHash signatures (`sig`, documents × num_perm
uint32): datasketch's affine32 values, so `lean_minhashes` hands them to datasketch's
own LSH classes for users who query STATE with datasketch. A segment written before
signatures were datasketch's has no `sig` and band keys of other permutations: its
signatures and keys are re-derived from its stored shingle sets when it is read. A
segment written before the letter features (`ch`, `fct`) has none: pairs with its
documents are judged on words alone, as when it was written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from cleaners.config import DedupConfig
from cleaners.dedup.features import as_lean_minhash, signatures_of_sets
from cleaners.dedup.keeper import Candidate
from cleaners.dedup.verify import DocSets
from cleaners.io.arrays import Arrays, FolderWriter, select_ragged, write_arrays

if TYPE_CHECKING:
    from datasketch import LeanMinHash

MAX_MATCHES_PER_KEY = 32
REKEY_CHUNK = 4096  # documents per core call when re-deriving an old segment's signatures


def write_segment(folder: Path, cols: dict[str, np.ndarray]) -> None:
    """cols: exact (n x 2), bands (B x n), sig (n x num_perm), sh/ent ragged, id/url/source
    strings, date, length."""
    exact = cols["exact"]
    n = len(exact)
    order = np.lexsort((exact[:, 1], exact[:, 0])) if n else np.zeros(0, np.int64)
    bands = cols["bands"]
    border = np.argsort(bands, axis=1, kind="stable") if n else np.zeros(bands.shape, np.int64)
    out = dict(cols)
    out["exact_sorted"] = exact[order]
    out["exact_row"] = order.astype(np.int64)
    out["bands_sorted"] = np.take_along_axis(bands, border, axis=1) if n else bands
    out["bands_row"] = border.astype(np.int64)
    write_arrays(folder, out)


RAGGED = ("sh", "ent", "msh", "ch", "fct")
STRINGS = ("id", "short", "url", "source")


def build_segment(folder: Path, parts: Sequence[tuple[Arrays, np.ndarray]], n_bands: int) -> None:
    """The segment of the rows `rows` of each (signature folder, rows) part, written as
    `write_segment` writes it but a column, a band and a part at a time: memory stays
    that of one band column (8 bytes a document), whatever the run's size."""
    def column(name: str, dtype: type) -> np.ndarray:
        got = [src.load(name)[rows] for src, rows in parts]
        return np.concatenate(got).astype(dtype) if got else np.zeros(0, dtype)

    w = FolderWriter(folder)
    got = [src.load("exact")[rows] for src, rows in parts]
    exact = np.concatenate(got).astype(np.uint64).reshape(-1, 2) if got else np.zeros((0, 2), np.uint64)
    n = len(exact)
    order = np.lexsort((exact[:, 1], exact[:, 0])) if n else np.zeros(0, np.int64)
    w.save("exact", exact)
    w.save("exact_sorted", exact[order])
    w.save("exact_row", order.astype(np.int64))
    bands, bsorted = w.stream("bands", np.uint64, (n_bands, n)), w.stream("bands_sorted", np.uint64, (n_bands, n))
    brow = w.stream("bands_row", np.int64, (n_bands, n))
    for b in range(n_bands if n else 0):  # a band row at a time, in file order
        col = np.concatenate([src.row("bands", b)[rows] for src, rows in parts])
        border = np.argsort(col, kind="stable")
        bands.write(col.astype(np.uint64).tobytes())
        bsorted.write(col[border].astype(np.uint64).tobytes())
        brow.write(border.astype(np.int64).tobytes())
    sig = w.stream("sig", np.uint32, (n, parts[0][0]["sig"].shape[1] if parts else 0))
    for src, rows in parts:  # a part (a batch of documents) at a time
        sig.write(np.ascontiguousarray(src.load("sig")[rows], dtype=np.uint32).tobytes())
    w.save("date", column("date", np.int64))
    w.save("length", column("length", np.int64))
    w.save("pref", column("pref", np.int8))
    for name in RAGGED:
        select_ragged(w, name, parts, np.uint32)
    for name in STRINGS:
        select_ragged(w, name, parts, np.uint8, values=f"{name}_bytes")
    w.commit()


class SegmentIndex:
    def __init__(self, segments: Sequence[tuple[str, Path]], cfg: DedupConfig | None = None) -> None:
        """`cfg`: re-derive the band keys of segments without signatures with it (else
        every segment's stored keys are used as they are)."""
        self.runs = [run for run, _ in segments]
        self.segs = [Arrays(folder) for _, folder in segments]
        # segment -> (band keys sorted per band, their rows), both bands x documents: held in
        # memory, 16 bytes per band and document, for each run until the segment is replaced
        self.rekeyed = {s: _rekeyed(seg, cfg) for s, seg in enumerate(self.segs)
                        if cfg is not None and not _has(seg, "sig")}

    def __len__(self) -> int:
        return len(self.segs)

    def exact_lookup(self, digests: np.ndarray) -> list[tuple[int, int] | None]:
        """For each (hi, lo) digest, the first earlier document with that text."""
        out: list[tuple[int, int] | None] = [None] * len(digests)
        for s, seg in enumerate(self.segs):
            ex = seg["exact_sorted"]
            if not len(ex) or not len(digests):
                continue
            keys = digest_keys(np.ascontiguousarray(ex))
            q = digest_keys(np.ascontiguousarray(digests, dtype=np.uint64))
            pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
            hit = keys[pos] == q
            rows = seg["exact_row"]
            for i in np.nonzero(hit)[0]:
                if out[i] is None:
                    out[i] = (s, int(rows[pos[i]]))
        return out

    def band_matches(self, band: int, keys: np.ndarray) -> list[tuple[int, int, int]]:
        """(query index, segment, row) for earlier documents sharing band `band`'s key."""
        found: list[tuple[int, int, int]] = []
        for s, seg in enumerate(self.segs):
            if s in self.rekeyed:
                col, rows = self.rekeyed[s][0][band], self.rekeyed[s][1][band]
            else:
                col, rows = seg.row("bands_sorted", band), seg.row("bands_row", band)
            if not len(col):
                continue
            lo = np.searchsorted(col, keys, side="left")
            hi = np.searchsorted(col, keys, side="right")
            for i in np.nonzero(hi > lo)[0]:
                for p in range(lo[i], min(hi[i], lo[i] + MAX_MATCHES_PER_KEY)):
                    found.append((int(i), s, int(rows[p])))
        return found

    def sets(self, s: int, row: int) -> DocSets:
        seg = self.segs[s]
        # a segment written before the letter features has none: its pairs are judged on words
        more = {k: seg.ragged(k, row) for k in ("ch", "fct") if _has(seg, k)}
        return DocSets(seg.ragged("sh", row), seg.ragged("ent", row), seg.ragged("msh", row), seg.string("short", row),
                       **more)

    def candidate(self, s: int, row: int) -> Candidate:
        seg = self.segs[s]
        return Candidate(seg.string("id", row), int(seg["date"][row]), int(seg["length"][row]),
                         bool(seg["pref"][row]) if _has(seg, "pref") else False, self.runs[s])

    def exact_of(self, s: int, row: int) -> np.ndarray:
        return np.asarray(self.segs[s]["exact"][row])

    def meta(self, s: int, row: int) -> dict[str, str]:
        seg = self.segs[s]
        return {"id": seg.string("id", row), "url": seg.string("url", row), "source": seg.string("source", row)}


def signature_chunks(seg: Arrays, cfg: DedupConfig) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(signatures, band keys) of a segment's documents, documents x values, a chunk of
    documents at a time: as stored, or re-derived from the shingle sets of a segment that
    predates stored signatures."""
    if _has(seg, "sig"):
        yield seg.load("sig"), seg.load("bands").T
        return
    off = seg.load("sh_off")
    for i in range(0, len(off) - 1, REKEY_CHUNK):
        j = min(i + REKEY_CHUNK, len(off) - 1)
        yield signatures_of_sets(seg.read("sh", int(off[i]), int(off[j])), off[i:j + 1] - off[i], cfg)


def lean_minhashes(folder: Path, cfg: DedupConfig) -> Iterator[tuple[str, LeanMinHash]]:
    """(document id, datasketch `LeanMinHash`) of every document of a segment (STATE's
    `runs/*/index`), with the run's dedup configuration."""
    seg = Arrays(folder)
    row = 0
    for sigs, _ in signature_chunks(seg, cfg):
        for sig in sigs:
            yield seg.string("id", row), as_lean_minhash(sig, cfg.seed)
            row += 1


def _rekeyed(seg: Arrays, cfg: DedupConfig) -> tuple[np.ndarray, np.ndarray]:
    """An old segment's band keys from its re-derived signatures, sorted per band as
    stored ones are: (keys, rows), both bands x documents."""
    keys = np.concatenate([k for _, k in signature_chunks(seg, cfg)] or [np.zeros((0, cfg.bands[0]), np.uint64)])
    order = np.argsort(keys.T, axis=1, kind="stable")
    return np.take_along_axis(keys.T, order, axis=1), order.astype(np.int64)


def _has(seg: Arrays, name: str) -> bool:
    return (seg.folder / f"{name}.npy").exists()


def digest_keys(a: np.ndarray) -> np.ndarray:
    """Rows of a (n x 2) uint64 array of exact digests as sortable scalars (big-endian
    bytes), for searchsorted and isin."""
    be = a.astype(">u8")
    return be.view(np.dtype((np.void, 16))).ravel()
