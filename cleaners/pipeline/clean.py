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

from cleaners import _textcore as core
from cleaners.config import Config
from cleaners.dedup.features import features
from cleaners.io.arrays import strings, write_arrays
from cleaners.io.shards import OPTS, WORK_LEVEL, read_records, shard_name, shard_writer
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.records import Cleaned, Prepared, Rejected, dump, read_entry
from cleaners.rules.base import DocContext, SiteView
from cleaners.rules.cleaner import Cleaner
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


def _views(docs: list[Prepared], table: Table, xsites: Table) -> list[SiteView]:
    """One batched lookup for every key any line of any document of the shard may ask."""
    keys = np.unique(np.array([h for rec in docs for h in rec.lookup], dtype=np.uint64))
    d, h = table.lookup(keys)
    xd, _ = xsites.lookup(keys)
    found = {int(k): (int(a), int(b), int(x)) for k, a, b, x in zip(keys, d, h, xd, strict=True)}
    views = []
    for rec in docs:
        mine = {k: found[k] for k in rec.lookup}
        docs_n = mine.get(core.key_hash("D", None, rec.source or ""), (0, 0, 0))[0]
        views.append(SiteView(docs=docs_n, found=mine))
    return views


def clean_shard(index: int, rctx_d: dict[str, Any]) -> dict[str, Any]:
    rctx = RunContext.from_dict(rctx_d)
    cfg: Config = rctx.cfg
    stats = Stats()
    cleaner = Cleaner(cfg.clean)
    work = rctx.work
    dupids = np.load(work / "dupids.npy")
    records = [read_entry(r, Prepared) for r in read_records(rctx.shard_file("prep", index, ".jsonl.zst"))]
    docs = [r for r in records if isinstance(r, Prepared)]
    views = dict(zip((r.seq for r in docs), _views(docs, Table(work / "sitetable"), Table(work / "xsites")),
                     strict=True))
    comp = cfg.run.compression
    kept: list[Cleaned] = []
    with shard_writer(rctx.shard_file("clean", index, ".jsonl.zst"), "zstd", WORK_LEVEL) as w, \
            shard_writer(rctx.staging / "removals" / shard_name(index, comp), comp) as rw, \
            shard_writer(rctx.staging / "repairs" / shard_name(index, comp), comp) as pw:
        for rec in records:
            out = _clean_one(rec, cleaner, views, dupids, cfg, stats, rw, pw)
            w.write(dump(out))
            if isinstance(out, Cleaned):
                kept.append(out)
    _write_features(rctx.shard_file("sig", index, ""), [_as_dict(r) for r in kept], cfg)
    return {"index": index, "docs": len(kept), "stats": stats.to_dict()}


def _as_dict(rec: Cleaned) -> dict[str, Any]:
    return {"seq": rec.seq, "id": rec.id, "url": rec.url, "source": rec.source, "date": rec.date, "text": rec.text}


def _clean_one(rec: Prepared | Rejected, cleaner: Cleaner, views: dict[int, SiteView], dupids: np.ndarray,
               cfg: Config, stats: Stats, rw: Any, pw: Any) -> Cleaned | Rejected:
    pos = int(np.searchsorted(dupids, rec.seq))
    if pos < len(dupids) and dupids[pos] == rec.seq:
        return _duplicate_id(rec, stats)
    if isinstance(rec, Rejected):
        return rec
    stats.add("clean", "in")
    ctx = DocContext(source=rec.source, url=rec.url, title_hint=rec.title, site=views[rec.seq])
    text, removals = cleaner.second_stage(rec.text, rec.first, rec.lines, ctx, stats)
    for r in removals:
        rw.write(orjson.dumps({"id": rec.id, "rule": r.rule, "start": r.start, "end": r.end, "text": r.text},
                              option=OPTS))
    for kind, before, after, count, *at in rec.repairs:
        row = {"id": rec.id, "kind": kind, "before": before, "after": after, "count": count}
        if at and at[0] is not None:
            row["start"] = at[0]  # in the text before this repair (markup taken out of text inputs)
        pw.write(orjson.dumps(row, option=OPTS))
    if core.word_count(text[: 40 * cfg.clean.min_words]) < cfg.clean.min_words and \
            core.word_count(text) < cfg.clean.min_words:
        stats.add("clean", "dropped:empty_after_cleaning")
        return Rejected(rec.seq, rec.id, rec.place, "empty_after_cleaning", f"{len(removals)} spans removed")
    stats.add("clean", "kept")
    return Cleaned(rec.seq, rec.id, rec.place, rec.url, rec.source, rec.date, text, len(removals))


def _duplicate_id(rec: Prepared | Rejected, stats: Stats) -> Rejected:
    """A later occurrence of an id (a reject too: its id was claimed all the same) goes to the
    ledger under its place (the id is taken, the place is not). A place equal to the id (`presswash run sub/a.txt
    a.txt`) gets its input position appended, so the ledger still never repeats an id."""
    stats.add("clean", "dropped:duplicate_id")
    place = rec.place if rec.place != rec.id else f"{rec.place}#{rec.seq}"
    detail = f"id {rec.id!r} seen earlier"
    if isinstance(rec, Rejected):
        detail += f"; also {rec.reason}" + (f": {rec.detail}" if rec.detail else "")
    return Rejected(rec.seq, place, rec.place, "duplicate_id", detail[:300])


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
