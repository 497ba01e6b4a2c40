"""Read one shard into raw documents or rejects: every entry of the shard ends as one.

A raw document holds either `text` or `html` (still to be extracted). Every way a record
can be unreadable maps to a reason code from the README list: `too_large`, `parse_error`,
`missing_id`, `missing_text`, `bad_record`, `decode_error`, `binary`, `unreadable`,
`truncated`. Blank JSONL lines are not documents (counted as `skipped:blank_line`).
"""

from __future__ import annotations

import base64
import codecs
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import orjson

from cleaners.config import Config
from cleaners.document import Reject
from cleaners.io.compressed import iter_lines
from cleaners.readers.decode import DecodeFailure, decode_bytes
from cleaners.readers.spec import Part, ShardSpec, local
from cleaners.stats import Stats

UTF8_BOM = codecs.BOM_UTF8
BOM_PREFIXES = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 BOMs start alike


@dataclass(frozen=True, slots=True)
class RawDoc:
    seq: int
    id: str
    place: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    bom: bool = False  # a byte-order mark was stripped before it (an encoding repair)


def source_of(url: str | None) -> str | None:
    """The site of a URL: its host, lower-cased, without "www." and port."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else (host or None)


def _opt_str(rec: dict[str, Any], key: str, stats: Stats) -> str | None:
    value = rec.get(key)
    if value is None or isinstance(value, str):
        return value or None
    stats.add("read", f"ignored_field:{key}")
    return None


def _surrogate_free(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_jsonl_line(line: bytes, seq: int, place: str, stats: Stats) -> RawDoc | Reject | None:
    bom = line.startswith(UTF8_BOM)  # an encoding mark, not data (any line may carry one)
    while line.startswith(UTF8_BOM):
        line = line[3:]
    if not line.strip():
        stats.add("read", "skipped:blank_line")
        return None
    try:
        rec = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        # orjson refuses lone surrogate escapes and >64-bit integers; the stdlib parser takes
        # them, so such a record gets its precise reason below instead of "parse_error"
        try:
            rec = json.loads(line)
        except (ValueError, RecursionError, UnicodeDecodeError):
            return Reject(place, "parse_error", seq, place, str(exc)[:160])
    if not isinstance(rec, dict):
        return Reject(place, "parse_error", seq, place, f"a record must be an object, not {type(rec).__name__}")
    raw_id = rec.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    if raw_id is None or raw_id == "":
        return Reject(place, "missing_id", seq, place)
    if not isinstance(raw_id, str):
        return Reject(place, "bad_record", seq, place, f"id is a {type(raw_id).__name__}")
    text, page = rec.get("text"), rec.get("html")
    if text is None and page is None:
        return Reject(raw_id, "missing_text", seq, place)
    body = text if text is not None else page
    if not isinstance(body, str):
        field = "text" if text is not None else "html"
        return Reject(raw_id, "bad_record", seq, place, f"{field} is a {type(body).__name__}, not a string")
    if not (_surrogate_free(body) and _surrogate_free(raw_id)):
        return Reject(raw_id, "decode_error", seq, place, "lone surrogate escape")
    url = _opt_str(rec, "url", stats)
    source = _opt_str(rec, "source", stats) or source_of(url)
    return RawDoc(seq, raw_id, place, text=text if text is not None else None,
                  html=page if text is None else None, url=url, source=source,
                  date=_opt_str(rec, "date", stats), bom=bom)


def _read_range(path: str, start: int, end: int) -> Iterator[bytes]:
    with open(local(path), "rb") as fh:
        fh.seek(start)
        left = end - start
        while left > 0 and (chunk := fh.read(min(left, 1 << 20))):
            left -= len(chunk)
            yield chunk


def _read_jsonl(part: Part, seq: int, cfg: Config, stats: Stats) -> Iterator[RawDoc | Reject]:
    oversized = dict(part.oversized)  # lines the planner left empty: too large to copy
    for n, line in iter_lines(_read_range(part.path, part.start, part.end), cfg.read.max_doc_bytes):
        lineno = part.first_line + n - 1
        place = f"{part.name}:{lineno}"
        if lineno in oversized:
            line = oversized[lineno]
        if isinstance(line, int):
            yield Reject(place, "too_large", seq + n - 1, place, f"line of {line} bytes")
            continue
        doc = parse_jsonl_line(line, seq + n - 1, place, stats)
        if doc is not None:
            yield doc


def _decode(data: bytes, seq: int, doc_id: str, place: str, html: bool,
            ctype: str | None = None) -> tuple[str | None, Reject | None]:
    if not data.strip():
        return None, Reject(doc_id, "empty", seq, place)
    try:
        text, _ = decode_bytes(data, ctype, html=html)
    except DecodeFailure as exc:
        return None, Reject(doc_id, exc.reason, seq, place, exc.detail)
    return text, None


def _read_files(part: Part, seq0: int, cfg: Config) -> Iterator[RawDoc | Reject]:
    for i, (doc_id, portable_path, place) in enumerate(part.files):
        seq = seq0 + i
        path = local(portable_path)
        html = path.lower().endswith((".html", ".htm"))
        try:
            size = os.path.getsize(path)
            if size > cfg.read.max_doc_bytes:
                yield Reject(doc_id, "too_large", seq, place, f"{size} bytes")
                continue
            with open(path, "rb") as fh:
                data = fh.read(cfg.read.max_doc_bytes + 1)
        except OSError as exc:
            yield Reject(doc_id, "unreadable", seq, place, str(exc)[:160])
            continue
        text, rej = _decode(data, seq, doc_id, place, html)
        bom = data.startswith(BOM_PREFIXES)
        if rej is not None:
            yield rej
        elif html:
            yield RawDoc(seq, doc_id, place, html=text, bom=bom)
        else:
            yield RawDoc(seq, doc_id, place, text=text, bom=bom)


def _read_records(part: Part, seq0: int, cfg: Config) -> Iterator[RawDoc | Reject]:
    for n, line in iter_lines(_read_range(part.path, part.start, part.end), 1 << 62):
        assert isinstance(line, bytes)
        rec = orjson.loads(line)
        seq = seq0 + n - 1
        doc_id = rec["id"] or rec["place"]
        if "reject" in rec:
            yield Reject(doc_id, rec["reject"], seq, rec["place"], rec.get("detail", ""))
            continue
        text, rej = _decode(base64.b64decode(rec["body"]), seq, doc_id, rec["place"], True, rec.get("ctype"))
        if rej is not None:
            yield rej
        else:
            yield RawDoc(seq, doc_id, rec["place"], html=text, url=rec.get("url"), source=source_of(rec.get("url")))


def _read_rejects(part: Part, seq0: int) -> Iterator[Reject]:
    for i, (place, reason, detail) in enumerate(part.rejects):
        yield Reject(place, reason, seq0 + i, place, detail)


def read_shard(spec: ShardSpec, cfg: Config, stats: Stats) -> Iterator[RawDoc | Reject]:
    """Every entry of the shard, in input order: entry i has sequence number base_seq + i."""
    seq = spec.base_seq
    for part in spec.parts:
        if part.kind == "jsonl":
            yield from _read_jsonl(part, seq, cfg, stats)
        elif part.kind == "files":
            yield from _read_files(part, seq, cfg)
        elif part.kind == "records":
            yield from _read_records(part, seq, cfg)
        elif part.kind == "rejects":
            yield from _read_rejects(part, seq)
        else:
            raise ValueError(f"unknown shard part {part.kind!r}")
        seq += part.count
