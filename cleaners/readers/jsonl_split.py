"""JSONL inputs cut into shards of `batch` lines: a plain UTF-8 file by byte ranges (no
copy, no parsing); a compressed one, or one in UTF-16/32, copied as plain UTF-8 into
work/raw/ as it streams (a compressed file cannot be split without reading it)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xxhash

from cleaners.io.compressed import InputError, iter_chunks
from cleaners.io.rawshard import RawShard


def split_plain_jsonl(path: str, batch: int) -> Iterator[dict[str, Any]]:
    """Byte ranges of `batch` lines each, found by counting newlines (no parsing)."""
    start, line, count, pos = 0, 1, 0, 0
    h = xxhash.xxh3_128()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            offset = 0
            while (nl := chunk.find(b"\n", offset)) >= 0:
                h.update(chunk[offset:nl + 1])
                offset = nl + 1
                count += 1
                if count == batch:
                    end = pos + offset
                    yield {"start": start, "end": end, "first_line": line, "count": count,
                           "digest": h.hexdigest()}
                    start, line, count = end, line + count, 0
                    h = xxhash.xxh3_128()
            h.update(chunk[offset:])
            partial = offset < len(chunk)
            pos += len(chunk)
    if pos > start:
        count += 1 if partial else 0
        yield {"start": start, "end": pos, "first_line": line, "count": count, "digest": h.hexdigest()}


WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def wide_bom(path: str) -> bool:
    """A plain JSONL in UTF-16 or UTF-32 (its BOM says so): copied as UTF-8 to be split."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    return any(head.startswith(bom) for bom, _ in WIDE_BOMS)


def as_utf8(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks as they are, or — when they start with a UTF-16/32 BOM — transcoded to
    UTF-8, led by a UTF-8 BOM, which the JSONL reader strips and records as a repair."""
    first = b""
    for chunk in chunks:
        first += chunk
        if len(first) >= 4:
            break
    codec = next((name for bom, name in WIDE_BOMS if first.startswith(bom)), None)
    if codec is None:
        if first:
            yield first
        yield from chunks
        return
    decoder = codecs.getincrementaldecoder(codec)("replace")
    yield codecs.BOM_UTF8 + decoder.decode(first).encode("utf-8", "surrogatepass")
    for chunk in chunks:
        yield decoder.decode(chunk).encode("utf-8", "surrogatepass")
    yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")


def split_compressed_jsonl(path: str, place: str, work: Path, batch: int, max_total: int, max_doc: int,
                           first_index: int) -> Iterator[tuple[dict[str, Any], tuple[tuple[str, str, str], ...]]]:
    """Inflate a .gz/.zst JSONL (bounded output per chunk), or transcode a UTF-16/32 one,
    into plain UTF-8 shards in work/raw/.

    Lines pass through unparsed. A line over `max_doc` bytes is never written: its shard
    gets an empty line in its place and its size in `oversized` (read back as `too_large`),
    and the lines after it are read as usual. When the input is truncated or inflates past
    `max_total`, the complete lines read so far are kept and the cut-off rest is one reject.
    """
    raw_dir = work / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    index, line = first_index, 1
    shard = RawShard(raw_dir / f"{index:05d}.jsonl")
    pending = 0  # bytes of the unfinished line (written, or only counted once over max_doc)
    oversized: list[tuple[int, int]] = []

    def rotate() -> dict[str, Any]:
        nonlocal shard, index, line
        rng = shard.close() | {"first_line": line, "oversized": tuple(oversized)}
        line += shard.lines
        index += 1
        oversized.clear()
        shard = RawShard(raw_dir / f"{index:05d}.jsonl")
        return rng

    def piece(data: bytes) -> None:
        nonlocal pending
        if pending + len(data) > max_doc:
            if pending <= max_doc:  # the line just went over: take back what was written of it
                shard.cut_back()
            pending += len(data)
        else:
            shard.write(data)
            pending += len(data)

    def end_line() -> None:
        nonlocal pending
        shard.lines += 1
        if pending > max_doc:
            oversized.append((shard.lines, pending))
        shard.write(b"\n")
        shard.committed = shard.size
        pending = 0

    try:
        for chunk in as_utf8(iter_chunks(path, max_total)):
            offset = 0
            while (nl := chunk.find(b"\n", offset)) >= 0:
                piece(chunk[offset:nl])
                end_line()
                offset = nl + 1
                if shard.lines == batch:
                    yield rotate(), ()
            if offset < len(chunk):
                piece(chunk[offset:])
        if pending:
            end_line()
        yield rotate(), ()
    except InputError as exc:
        if pending:  # drop the cut-off line's bytes: it is reported, not parsed
            shard.cut_back()
        lost = line + shard.lines
        yield rotate(), ((f"{place}:{lost}", exc.reason, exc.detail),)
    finally:
        shard.fh.close()
        if shard.tmp.exists():
            shard.tmp.unlink()
