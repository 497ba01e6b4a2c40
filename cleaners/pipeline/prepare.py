"""Stage 1, per shard: read, extract, repair encoding, first-stage clean, count line keys.

Writes work/prep/NNNNN.jsonl.zst (one record per entry: a prepared document or a reject)
and work/keys/NNNNN.npz (the hashed line keys each distinct document contributes to its
site's statistics, and the id hash of every entry, rejects included, for the duplicate-id
check).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import orjson

from cleaners.config import Config
from cleaners.document import Reject, Repair
from cleaners.encoding import normalize_newlines, repair, unwrap_lines
from cleaners.extract import Extractor
from cleaners.io.shards import shard_writer, write_bytes
from cleaners.pipeline.context import RunContext
from cleaners.readers.plan import ShardSpec
from cleaners.readers.records import RawDoc, read_shard
from cleaners.rules.base import DocContext
from cleaners.rules.cleaner import Cleaner, keys_and_lookups
from cleaners.rules.lexicon import latin_language
from cleaners.rules.textshape import key_hash, main_script
from cleaners.stats import Stats

_EXTRACTORS: dict[str, Extractor] = {}


def extractor_for(cfg: Config) -> Extractor:
    """One sandboxed extractor per worker process, reused across shards."""
    key = repr(cfg.extract)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(cfg.extract)
    return _EXTRACTORS[key]


def site_hash(source: str | None) -> int:
    return key_hash("site\x1f" + (source or ""))


def lookup_hashes(site: str, wanted: list[tuple[str, str]]) -> list[int]:
    """Hashes of every site-table key the clean stage will ask about this document, so it
    looks them up in one batch without parsing the document again."""
    found = {key_hash(f"D\x1f{site}")}
    for kind, key in wanted:
        found.add(key_hash(f"{kind}\x1f{site}\x1f{key}"))
        if kind == "L":
            found.add(key_hash(f"X\x1f{key}"))
    return sorted(found)


def doc_ident(url: str | None, text: str) -> int:
    """A document's identity for "distinct documents": its URL, else its text."""
    if url:
        return key_hash("url\x1f" + url.strip().split("#", 1)[0].rstrip("/").casefold())
    return key_hash("text\x1f" + text)


def _reject(rej: Reject) -> dict[str, Any]:
    return {"seq": rej.seq, "id": rej.id, "place": rej.place, "reject": rej.reason, "detail": rej.detail}


def prepare_doc(raw: RawDoc, cfg: Config, cleaner: Cleaner, stats: Stats) -> dict[str, Any]:
    title = None
    date = raw.date
    text = raw.text
    if raw.html is not None:
        ex = extractor_for(cfg).extract(raw.html)
        stats.add("extract", "in")
        if ex.error:
            stats.add("extract", f"dropped:{ex.error}")
            return _reject(Reject(raw.id, ex.error, raw.seq, raw.place, ex.detail))
        if len(ex.text.strip()) < cfg.extract.min_chars:
            stats.add("extract", "dropped:extraction_empty")
            return _reject(Reject(raw.id, "extraction_empty", raw.seq, raw.place, "no main text found"))
        stats.add("extract", "kept")
        text, title, date = ex.text, ex.title, date or ex.date
    assert text is not None
    if len(text) > cfg.read.max_text_chars:
        return _reject(Reject(raw.id, "too_large", raw.seq, raw.place, f"{len(text)} characters of text"))
    text, wraps = unwrap_lines(normalize_newlines(text))
    text, repairs = repair(text, cfg.encoding)
    repairs = ([Repair("bom", "\ufeff", "", 1)] if raw.bom else []) + wraps + repairs
    for r in repairs:
        stats.add("encoding", f"repaired:{r.kind}", r.count)
    stats.add("encoding", "docs_repaired" if repairs else "docs_clean")
    if not text.strip():
        return _reject(Reject(raw.id, "empty", raw.seq, raw.place))
    script = main_script(text)
    ctx = DocContext(source=raw.source, url=raw.url, title_hint=title, script=script,
                     language=latin_language(text) if script == "Latin" else script)
    text1, first = cleaner.first_stage(text, ctx, stats)
    return {
        "seq": raw.seq, "id": raw.id, "place": raw.place, "url": raw.url, "source": raw.source,
        "date": date, "title": title, "script": ctx.script, "language": ctx.language, "text": text,
        "first": [[r.rule, r.start, r.end] for r in first],
        "repairs": [[r.kind, r.before, r.after, r.count] for r in repairs],
        "_text1": text1,
    }


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
    with shard_writer(out, "zstd") as w:
        for item in read_shard(spec, cfg, stats):
            stats.add("read", "in")
            rec = _reject(item) if isinstance(item, Reject) else prepare_doc(item, cfg, cleaner, stats)
            # every ledger id claims its id, rejects too: a later record with the same id is a
            # `duplicate_id`, so the ledger never holds two records with one id
            id_hashes.append(key_hash(f"id\x1f{rec['id']}"))
            id_seqs.append(rec["seq"])
            if "reject" in rec:
                stats.add("read", f"rejected:{rec['reject']}")
            else:
                n_docs += 1
                text1 = rec.pop("_text1")
                site = rec["source"] or ""
                ident = doc_ident(rec["url"], rec["text"])
                keys.append(key_hash(f"D\x1f{site}"))
                idents.append(ident)
                heads.append(False)
                ctx = DocContext(source=rec["source"], url=rec["url"], script=rec["script"])
                counted, wanted = keys_and_lookups(text1, ctx, cfg.clean.sitelines.max_words_shape)
                rec["lookup"] = lookup_hashes(site, wanted)
                for kind, key, head in counted:
                    keys.append(key_hash(f"{kind}\x1f{site}\x1f{key}"))
                    idents.append(ident)
                    heads.append(head)
                    if kind == "L":
                        xkeys.append(key_hash(f"X\x1f{key}"))
                        xsites.append(site_hash(rec["source"]))
            w.write(orjson.dumps(rec, option=orjson.OPT_APPEND_NEWLINE))
    _save_npz(rctx.shard_file("keys", spec.index, ".npz"),
              key=np.array(keys, dtype=np.uint64), ident=np.array(idents, dtype=np.uint64),
              head=np.array(heads, dtype=bool), xkey=np.array(xkeys, dtype=np.uint64),
              xsite=np.array(xsites, dtype=np.uint64), id_hash=np.array(id_hashes, dtype=np.uint64),
              id_seq=np.array(id_seqs, dtype=np.int64))
    return {"index": spec.index, "docs": n_docs, "stats": stats.to_dict()}


def _save_npz(path: Any, **arrays: np.ndarray) -> None:
    import io

    buf = io.BytesIO()
    np.savez(buf, **arrays)
    write_bytes(path, buf.getvalue())
