"""Between stage 1 and 2: the run's site statistics and its duplicate ids.

Reads every shard's work/keys/*.npz once, spills the entries into per-partition files,
then counts each partition alone (memory bounded by one partition). Writes:
- work/sitetable/  counts the cleaning stage looks up: this run's distinct documents plus
  STATE's (minus this run's own earlier contribution on a re-run)
- work/xsites/     per line, the number of distinct sites holding it in this run
- work/delta/      this run's own contribution, committed into STATE at the end
- work/dupids.npy  sequence numbers of documents whose id an earlier document already has
"""

from __future__ import annotations

import shutil
from typing import Any

import numpy as np

from cleaners.pipeline.context import RunContext
from cleaners.sitestats import ENTRY, PAIR, PARTS, combine, count_partition, spill, write_part
from cleaners.state import StateStore


def build_site_tables(rctx_d: dict[str, Any], n_shards: int) -> dict[str, Any]:
    rctx = RunContext.from_dict(rctx_d)
    work = rctx.work
    spill_dir = work / "spill"
    shutil.rmtree(spill_dir, ignore_errors=True)
    id_hash, id_seq = [], []
    run_idents = []
    for i in range(n_shards):
        with np.load(rctx.shard_file("keys", i, ".npz")) as z:
            entries = np.zeros(len(z["key"]), dtype=ENTRY)
            entries["key"], entries["ident"], entries["head"] = z["key"], z["ident"], z["head"]
            pairs = np.zeros(len(z["xkey"]), dtype=PAIR)
            pairs["key"], pairs["site"] = z["xkey"], z["xsite"]
            id_hash.append(z["id_hash"])
            id_seq.append(z["id_seq"])
            run_idents.append(np.unique(z["ident"]))
        spill(entries, pairs, spill_dir)
    snap = StateStore(rctx.state).snapshot()
    seen = snap.seen_idents(rctx.run_id)
    base, own = snap.base_table(), snap.own_delta(rctx.run_id)
    tables = [(base, 1)] + ([(own, -1)] if own is not None else [])
    keys_total = 0
    for p in range(PARTS):
        k, d, h = count_partition(spill_dir, p, seen, which="e")
        write_part(work / "delta" / "sitelines", p, k, d, h)
        eff_d, eff_h = combine(k, d, h, tables)
        write_part(work / "sitetable", p, k, eff_d, eff_h)
        xk, xd, xh = count_partition(spill_dir, p, seen, which="x")
        write_part(work / "xsites", p, xk, xd, xh)
        keys_total += len(k)
    idents = np.unique(np.concatenate(run_idents)) if run_idents else np.zeros(0, np.uint64)
    if len(seen):
        idents = np.setdiff1d(idents, seen, assume_unique=True)
    np.save(work / "delta" / "idents.npy", idents.astype(np.uint64))
    dup = duplicate_seqs(np.concatenate(id_hash) if id_hash else np.zeros(0, np.uint64),
                         np.concatenate(id_seq) if id_seq else np.zeros(0, np.int64))
    np.save(work / "dupids.npy", dup)
    shutil.rmtree(spill_dir, ignore_errors=True)
    return {"site_keys": keys_total, "duplicate_ids": int(len(dup)), "new_documents": int(len(idents))}


def duplicate_seqs(id_hash: np.ndarray, seq: np.ndarray) -> np.ndarray:
    """Sorted seqs of every occurrence of an id after its first (by input order)."""
    if not len(id_hash):
        return np.zeros(0, np.int64)
    order = np.lexsort((seq, id_hash))
    h, s = id_hash[order], seq[order]
    later = np.zeros(len(h), bool)
    later[1:] = h[1:] == h[:-1]
    return np.sort(s[later])
