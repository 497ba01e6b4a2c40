"""Stage 2, per shard: second-stage cleaning with the site view, then dedup features.

Writes work/clean/NNNNN.jsonl.zst (clean documents and rejects, in input order),
OUT/removals/ and OUT/repairs/ shards, and the folder work/sig/NNNNN: per clean document
its exact digest, MinHash signature and LSH band keys, shingle and entity hash sets (for
verification) and the fields the keeper policy reads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from cleaners.config import Config
from cleaners.dedup.features import features
from cleaners.document import Removal
from cleaners.io.arrays import strings, write_arrays
from cleaners.io.shards import OPTS, read_records, shard_name, shard_writer
from cleaners.pipeline.context import RunContext
from cleaners.rules.base import DocContext, SiteView
from cleaners.rules.cleaner import Cleaner
from cleaners.rules.textshape import enough_words, key_hash
from cleaners.sitestats import Table
from cleaners.stats import Stats


def date_ordinal(value: str | None) -> int:
    """Days since year 1 of an ISO-8601 date (its first 10 characters); -1 when none."""
    if not value:
        return -1
    try:
        return dt.date.fromisoformat(value.strip()[:10]).toordinal()
    except ValueError:
        return -1


def _views(docs: list[dict[str, Any]], table: Table, xsites: Table) -> list[SiteView]:
    """One batched lookup for every key any line of any document of the shard may ask."""
    keys = np.unique(np.array([h for rec in docs for h in rec.pop("lookup")], dtype=np.uint64))
    d, h = table.lookup(keys)
    xd, _ = xsites.lookup(keys)
    found = {int(k): (int(a), int(b), int(x)) for k, a, b, x in zip(keys, d, h, xd, strict=True)}
    views = []
    for rec in docs:
        site = rec["source"] or ""

        def lookup(kind: str, key: str, site: str = site) -> tuple[int, int]:
            got = found.get(key_hash(f"{kind}\x1f{site}\x1f{key}"), (0, 0, 0))
            return got[0], got[1]

        def sites_with(key: str) -> int:
            return found.get(key_hash(f"X\x1f{key}"), (0, 0, 0))[2]

        docs_n = found.get(key_hash(f"D\x1f{site}"), (0, 0, 0))[0]
        views.append(SiteView(docs=docs_n, lookup=lookup, sites_with=sites_with))
    return views


def clean_shard(index: int, rctx_d: dict[str, Any]) -> dict[str, Any]:
    rctx = RunContext.from_dict(rctx_d)
    cfg: Config = rctx.cfg
    stats = Stats()
    cleaner = Cleaner(cfg.clean)
    work = rctx.work
    dupids = np.load(work / "dupids.npy")
    records = list(read_records(rctx.shard_file("prep", index, ".jsonl.zst")))
    docs = [r for r in records if "reject" not in r]
    views = dict(zip((r["seq"] for r in docs), _views(docs, Table(work / "sitetable"), Table(work / "xsites")),
                     strict=True))
    comp = cfg.run.compression
    kept: list[dict[str, Any]] = []
    with shard_writer(rctx.shard_file("clean", index, ".jsonl.zst"), "zstd") as w, \
            shard_writer(rctx.staging / "removals" / shard_name(index, comp), comp) as rw, \
            shard_writer(rctx.staging / "repairs" / shard_name(index, comp), comp) as pw:
        for rec in records:
            out = _clean_one(rec, cleaner, views, dupids, cfg, stats, rw, pw)
            w.write(orjson.dumps(out, option=OPTS))
            if "reject" not in out:
                kept.append(out)
    _write_features(rctx.shard_file("sig", index, ""), kept, cfg)
    return {"index": index, "docs": len(kept), "stats": stats.to_dict()}


def _clean_one(rec: dict[str, Any], cleaner: Cleaner, views: dict[int, SiteView], dupids: np.ndarray,
               cfg: Config, stats: Stats, rw: Any, pw: Any) -> dict[str, Any]:
    pos = int(np.searchsorted(dupids, rec["seq"]))
    if pos < len(dupids) and dupids[pos] == rec["seq"]:
        return _duplicate_id(rec, stats)
    if "reject" in rec:
        return rec
    stats.add("clean", "in")
    base = {"seq": rec["seq"], "id": rec["id"], "place": rec["place"]}
    ctx = DocContext(source=rec["source"], url=rec["url"], title_hint=rec["title"], script=rec["script"],
                     language=rec["language"], site=views[rec["seq"]])
    first = [Removal(rule, a, b, rec["text"][a:b]) for rule, a, b in rec["first"]]
    text, removals = cleaner.second_stage(rec["text"], first, ctx, stats)
    for r in removals:
        rw.write(orjson.dumps({"id": rec["id"], "rule": r.rule, "start": r.start, "end": r.end, "text": r.text},
                              option=OPTS))
    for kind, before, after, count in rec["repairs"]:
        pw.write(orjson.dumps({"id": rec["id"], "kind": kind, "before": before, "after": after, "count": count},
                              option=OPTS))
    if not enough_words(text, cfg.clean.min_words):
        stats.add("clean", "dropped:empty_after_cleaning")
        return base | {"reject": "empty_after_cleaning", "detail": f"{len(removals)} spans removed"}
    stats.add("clean", "kept")
    return base | {"url": rec["url"], "source": rec["source"], "date": rec["date"], "text": text,
                   "removed": len(removals)}


def _duplicate_id(rec: dict[str, Any], stats: Stats) -> dict[str, Any]:
    """A later occurrence of an id (a reject too: its id was claimed all the same) goes to the
    ledger under its place (decisions.md). A place equal to the id (`presswash run sub/a.txt
    a.txt`) gets its input position appended, so the ledger still never repeats an id."""
    stats.add("clean", "dropped:duplicate_id")
    place = rec["place"] if rec["place"] != rec["id"] else f"{rec['place']}#{rec['seq']}"
    detail = f"id {rec['id']!r} seen earlier"
    if "reject" in rec:
        detail += f"; also {rec['reject']}" + (f": {rec['detail']}" if rec.get("detail") else "")
    return {"seq": rec["seq"], "id": place, "place": rec["place"], "reject": "duplicate_id", "detail": detail[:300]}


def _write_features(folder: Path, docs: list[dict[str, Any]], cfg: Config) -> None:
    d = cfg.dedup
    cols = features([r["text"] for r in docs], d)
    cols["bands"] = np.ascontiguousarray(cols["bands"].T)  # stored band by band: each is searched on its own
    write_arrays(folder, {
        **cols,
        "seq": np.array([r["seq"] for r in docs], np.int64),
        "length": np.array([len(r["text"]) for r in docs], np.int64),
        "date": np.array([date_ordinal(r["date"]) for r in docs], np.int64),
        "pref": np.array([int((r["source"] or "") in d.preferred_sources) for r in docs], np.int8),
        **strings("id", [r["id"] for r in docs]),
        **strings("url", [r["url"] or "" for r in docs]),
        **strings("source", [r["source"] or "" for r in docs]),
    })
