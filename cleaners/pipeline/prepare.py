"""Stage 1, per shard: read, extract, repair encoding, first-stage clean, count line keys.

Writes work/prep/NNNNN.jsonl.zst (one record per entry: a `Prepared` document or a
`Rejected` one) and work/keys/NNNNN.npz (the hashed line keys each distinct document
contributes to its site's statistics, and the id hash of every entry, rejects included,
for the duplicate-id check).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cleaners import _textcore as core
from cleaners.config import Config
from cleaners.document import Reject, Repair
from cleaners.encoding import normalize_newlines, repair, unwrap_lines
from cleaners.extract import Extractor
from cleaners.io.shards import WORK_LEVEL, shard_writer, write_bytes
from cleaners.markup import strip_markup
from cleaners.pipeline.context import RunContext
from cleaners.pipeline.records import Prepared, Rejected, dump
from cleaners.readers.plan import ShardSpec
from cleaners.readers.records import RawDoc, read_shard
from cleaners.rules.cleaner import Cleaner
from cleaners.stats import Stats

_EXTRACTORS: dict[str, Extractor] = {}


def extractor_for(cfg: Config) -> Extractor:
    """One sandboxed extractor per worker process, reused across shards."""
    key = repr(cfg.extract)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(cfg.extract)
    return _EXTRACTORS[key]


def site_hash(source: str | None) -> int:
    return core.key_hash("site", None, source or "")


def doc_ident(url: str | None, text: str) -> int:
    """A document's identity for "distinct documents": its URL, else its text."""
    if url:
        return core.key_hash("url", None, url.strip().split("#", 1)[0].rstrip("/").casefold())
    return core.key_hash("text", None, text)


Keys = list[tuple[int, int, bool]]


def prepare_doc(raw: RawDoc, cfg: Config, cleaner: Cleaner, stats: Stats) -> tuple[Prepared | Rejected, Keys]:
    """The prepared document and the keys it contributes to its site's statistics."""
    title = None
    date = raw.date
    text = raw.text
    if raw.html is not None:
        ex = extractor_for(cfg).extract(raw.html)
        stats.add("extract", "in")
        if ex.error:
            stats.add("extract", f"dropped:{ex.error}")
            return Rejected(raw.seq, raw.id, raw.place, ex.error, ex.detail), []
        if len(ex.text.strip()) < cfg.extract.min_chars:
            stats.add("extract", "dropped:extraction_empty")
            return Rejected(raw.seq, raw.id, raw.place, "extraction_empty", "no main text found"), []
        stats.add("extract", "kept")
        text, title, date = ex.text, ex.title, date or ex.date
    assert text is not None
    if len(text) > cfg.read.max_text_chars:
        return Rejected(raw.seq, raw.id, raw.place, "too_large", f"{len(text)} characters of text"), []
    text, wraps = unwrap_lines(normalize_newlines(text))
    text, repairs = repair(text, cfg.encoding)
    if raw.html is None and cfg.encoding.strip_markup:
        # after the entity repair, so escaped tags ("&lt;br&gt;") are found too
        text, tags = strip_markup(text)
        repairs += tags
    repairs = ([Repair("bom", "\ufeff", "", 1)] if raw.bom else []) + wraps + repairs
    for r in repairs:
        stats.add("encoding", f"repaired:{r.kind}", r.count)
    stats.add("encoding", "docs_repaired" if repairs else "docs_clean")
    if not text.strip():
        return Rejected(raw.seq, raw.id, raw.place, "empty"), []
    first = cleaner.first_pass(text, raw.source, raw.url, stats)
    prepared = Prepared(raw.seq, raw.id, raw.place, raw.url, raw.source, date, title, first.script, first.language,
                        text, tuple((r.rule, r.start, r.end) for r in first.removals),
                        tuple((r.kind, r.before, r.after, r.count, r.start) for r in repairs), tuple(first.lookup),
                        first.lines)
    return prepared, first.keys


def prepare_shard(spec_d: dict[str, Any], rctx_d: dict[str, Any]) -> dict[str, Any]:
    spec = ShardSpec.from_dict(spec_d)
    rctx = RunContext.from_dict(rctx_d)
    cfg = rctx.cfg
    stats = Stats()
    cleaner = Cleaner(cfg.clean)
    keys: list[int] = []
    idents: list[int] = []
    heads: list[bool] = []
    xkeys: list[int] = []
    xsites: list[int] = []
    id_hashes: list[int] = []
    id_seqs: list[int] = []
    n_docs = 0
    out = rctx.shard_file("prep", spec.index, ".jsonl.zst")
    with shard_writer(out, "zstd", WORK_LEVEL) as w:
        for item in read_shard(spec, cfg, stats):
            stats.add("read", "in")
            if isinstance(item, Reject):
                rec: Prepared | Rejected = Rejected.of(item)
                doc_keys: Keys = []
            else:
                rec, doc_keys = prepare_doc(item, cfg, cleaner, stats)
            # every ledger id claims its id, rejects too: a later record with the same id is a
            # `duplicate_id`, so the ledger never holds two records with one id
            id_hashes.append(core.key_hash("id", None, rec.id))
            id_seqs.append(rec.seq)
            if isinstance(rec, Rejected):
                stats.add("read", f"rejected:{rec.reason}")
            else:
                n_docs += 1
                ident = doc_ident(rec.url, rec.text)
                keys.append(core.key_hash("D", None, rec.source or ""))
                idents.append(ident)
                heads.append(False)
                for h, cross, head in doc_keys:
                    keys.append(h)
                    idents.append(ident)
                    heads.append(head)
                    if cross:
                        xkeys.append(cross)
                        xsites.append(site_hash(rec.source))
            w.write(dump(rec))
    _save_npz(rctx.shard_file("keys", spec.index, ".npz"),
              key=np.array(keys, dtype=np.uint64), ident=np.array(idents, dtype=np.uint64),
              head=np.array(heads, dtype=bool), xkey=np.array(xkeys, dtype=np.uint64),
              xsite=np.array(xsites, dtype=np.uint64), id_hash=np.array(id_hashes, dtype=np.uint64),
              id_seq=np.array(id_seqs, dtype=np.int64))
    return {"index": spec.index, "docs": n_docs, "stats": stats.to_dict()}


def _save_npz(path: Any, **arrays: Any) -> None:
    import io

    buf = io.BytesIO()
    np.savez(buf, **arrays)
    write_bytes(path, buf.getvalue())
