"""WARC files into planner-made record shards (warcio for the format, our own gunzip).

warcio hides two failures (library-traps.md #5): a `.warc.gz` whose last gzip member is
cut loses that record silently, and a record cut inside its headers raises
`AttributeError`. So a `.warc.gz` is inflated by `cleaners.io.compressed` (which reports
truncation and caps inflation) and warcio reads the plain stream; a body shorter than its
Content-Length is reported as `truncated`. Offsets in places (`file@offset`) are positions
in the uncompressed WARC stream. Only HTTP responses with an HTML body are documents; other
records are skipped and counted (decisions.md).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from warcio.archiveiterator import ArchiveIterator

from cleaners.io.compressed import InputError, Limits, compression_of, iter_chunks
from cleaners.io.rawshard import RawShard

if TYPE_CHECKING:
    from cleaners.readers.plan import Plan

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_LIMITS = Limits(max_total=20_000_000_000, max_ratio=200, ratio_floor=256_000_000)


class ChunkStream(io.RawIOBase):
    """A readable binary stream over an iterator of byte chunks. An `InputError` from the
    chunks ends the stream and is kept in `error`: raised through the `BufferedReader`
    around it, it would discard the records already buffered (a cut `.warc.gz` lost every
    record before the cut)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.buf = b""
        self.pos = 0
        self.error: InputError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self.buf:
            if self.error is not None:
                return 0
            try:
                self.buf = next(self.chunks)
            except StopIteration:
                return 0
            except InputError as exc:
                self.error = exc
                return 0
        n = min(len(b), len(self.buf))
        b[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        self.pos += n
        return n


def _read_capped(stream: Any, cap: int) -> tuple[bytes, int]:
    """(body, total size): never holds more than `cap` + 64 KiB of a body."""
    parts, size = [], 0
    while chunk := stream.read(1 << 16):
        size += len(chunk)
        if size <= cap:
            parts.append(chunk)
        elif parts:
            parts.clear()
    return (b"".join(parts) if size <= cap else b""), size


def iter_warc(path: str, place: str, max_doc_bytes: int, plan: Plan) -> Iterator[dict[str, Any]]:
    """Our record dicts: a document, or a reject; raises InputError at a cut-off end.

    The last record is held back until the stream has ended: when a `.warc.gz` ends early
    or inflates past the caps inside that record, the record itself is rejected with that
    reason (one ledger record, under its id) instead of a second reject at `file@end`."""
    chunks: ChunkStream | None = None
    with open(path, "rb") as fh:
        if compression_of(path) == "gzip":
            fh.close()
            chunks = ChunkStream(iter_chunks(path, WARC_LIMITS))
            stream: Any = io.BufferedReader(chunks, 1 << 20)
        else:
            stream = fh
        pending: dict[str, Any] | None = None
        try:
            for rec in _records(stream, place, max_doc_bytes, plan):
                if pending is not None:
                    yield pending
                pending = rec
        except Exception as exc:  # noqa: BLE001 - warcio raises several kinds on broken input
            if pending is not None:
                yield pending
            if chunks is not None and chunks.error is not None:
                raise chunks.error from exc
            raise InputError("parse_error", f"unreadable WARC record after {pending['place'] if pending else place}: "
                             f"{type(exc).__name__}: {exc}"[:240]) from exc
        error = chunks.error if chunks is not None else None
        if pending is not None and error is not None and pending.get("reject") == "truncated":
            pending = pending | {"reject": error.reason, "detail": f"{error.detail}; {pending['detail']}"}
            error = None
        if pending is not None:
            yield pending
        if error is not None:
            raise error


def _records(stream: Any, place: str, max_doc_bytes: int, plan: Plan) -> Iterator[dict[str, Any]]:
    it = ArchiveIterator(stream, no_record_parse=False)
    for rec in it:
        body, size = _read_capped(rec.content_stream(), max_doc_bytes)
        short = getattr(rec.raw_stream, "limit", 0) or 0
        where = f"{place}@{it.get_record_offset()}"
        if rec.rec_type != "response":
            plan.skip("warc_non_response", f"{where} ({rec.rec_type})")
            continue
        ctype = rec.http_headers.get_header("Content-Type", "") if rec.http_headers else ""
        if not any(t in (ctype or "").lower() for t in HTML_TYPES):
            plan.skip("warc_non_html", f"{where} ({ctype or 'no content type'})")
            continue
        rid = rec.rec_headers.get_header("WARC-Record-ID") or ""
        url = rec.rec_headers.get_header("WARC-Target-URI")
        base = {"id": rid, "url": url, "place": where}
        if short > 0:
            yield base | {"reject": "truncated", "detail": f"body {short} bytes short of its length"}
        elif size > max_doc_bytes:
            yield base | {"reject": "too_large", "detail": f"{size} bytes"}
        else:
            yield base | {"ctype": ctype, "body": base64.b64encode(body).decode("ascii")}


def split_warc(path: str, place: str, work: Path, batch: int, max_doc_bytes: int, plan: Plan,
               first_index: int) -> Iterator[tuple[dict[str, Any], tuple[tuple[str, str, str], ...]]]:
    raw_dir = work / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    index = first_index
    shard = RawShard(raw_dir / f"{index:05d}.jsonl")

    def rotate() -> dict[str, Any]:
        nonlocal shard, index
        rng = shard.close() | {"first_line": 1}
        index += 1
        shard = RawShard(raw_dir / f"{index:05d}.jsonl")
        return rng

    try:
        for rec in iter_warc(path, place, max_doc_bytes, plan):
            shard.write(orjson.dumps(rec) + b"\n")
            shard.lines += 1
            if shard.lines >= batch:
                yield rotate(), ()
        yield rotate(), ()
    except InputError as exc:
        yield rotate(), ((f"{place}@end", exc.reason, exc.detail),)
    finally:
        shard.fh.close()
        if shard.tmp.exists():
            shard.tmp.unlink()
