"""Streaming, bounded reads of plain, gzip and zstd input files.

Written by hand because the libraries' own readers hide the failures users must see:
`zstandard`'s readers end a truncated frame silently
and its `decompressobj` has no output bound; `gzip.GzipFile.read` drops what it decoded
when a member is cut; `zlib.decompressobj(31)` stops after the first member. Here every
chunk is bounded, every member is read, truncation and inflation past the configured
caps raise `InputError` after all complete data has been yielded.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import zstandard

READ_SIZE = 1 << 20
OUT_CHUNK = 1 << 20


class InputError(Exception):
    """An input file that cannot be read to its end: `reason` is a ledger reason code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def compression_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        return "gzip"
    if lower.endswith(".zst"):
        return "zstd"
    return "none"


def iter_chunks(path: str | os.PathLike[str], max_total: int) -> Iterator[bytes]:
    """Decompressed bytes of `path` in chunks of at most ~1 MiB, up to `max_total` bytes.

    Only the total ends a file early: an input's records are each bounded by the readers
    (an over-long one is skipped to its end, unheld), so however much one record inflates,
    the records after it are still read; `max_total` bounds the time a bomb can cost."""
    kind = compression_of(os.fspath(path))
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        if kind == "none":
            while chunk := fh.read(READ_SIZE):
                yield chunk
            return
        inner = _gunzip(fh) if kind == "gzip" else _unzstd(fh, path)
        cap = max_total
        total = 0
        for chunk in inner:
            total += len(chunk)
            if total > cap:
                # the bytes up to the cap still count: the complete records in them are read
                yield chunk[: len(chunk) - (total - cap)]
                raise InputError("decompression_bomb", f"stopped at {cap} bytes from {size} compressed bytes")
            yield chunk


def _gunzip(fh: BinaryIO) -> Iterator[bytes]:
    """All gzip members, output bounded per call with `max_length`."""
    d = zlib.decompressobj(31)
    started = False
    while True:
        data = fh.read(READ_SIZE)
        if not data:
            break
        while data:
            started = True
            try:
                out = d.decompress(data, OUT_CHUNK)
            except zlib.error as exc:
                raise InputError("decode_error", f"gzip: {exc}") from exc
            if out:
                yield out
            if d.eof:
                data = d.unused_data
                d = zlib.decompressobj(31)
                started = bool(data)
                continue
            data = d.unconsumed_tail
    if started and not d.eof:
        tail = d.flush()
        if tail:
            yield tail
        raise InputError("truncated", "gzip stream ends inside a member")


def _unzstd(fh: BinaryIO, path: str | os.PathLike[str]) -> Iterator[bytes]:
    """zstd frames, every one of them, output bounded per read; completeness checked by walking
    the frame structure first (the decoder itself reports a cut frame as a clean end)."""
    complete = zstd_frames_complete(path)
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(fh, read_size=1 << 16, read_across_frames=True)
        while chunk := reader.read(OUT_CHUNK):  # read(n) bounds the output of one call
            yield chunk
    except zstandard.ZstdError as exc:
        raise InputError("decode_error", f"zstd: {exc}") from exc
    if not complete:
        raise InputError("truncated", "zstd stream ends inside a frame")


def zstd_frames_complete(path: str | os.PathLike[str]) -> bool:
    """True when every zstd frame in the file has its last block (and checksum) present.

    Walks frame headers and 3-byte block headers (RFC 8878 §3.1) without decompressing.
    """
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        pos = 0
        while pos < size:
            fh.seek(pos)
            head = fh.read(18)
            if len(head) < 4:
                return False
            magic = int.from_bytes(head[:4], "little")
            if 0x184D2A50 <= magic <= 0x184D2A5F:  # skippable frame
                if len(head) < 8:
                    return False
                pos += 8 + int.from_bytes(head[4:8], "little")
                continue
            if magic != 0xFD2FB528 or len(head) < 5:
                return False
            try:
                header = zstandard.frame_header_size(head)
                params = zstandard.get_frame_parameters(head)
            except zstandard.ZstdError:
                return False
            pos += header
            while True:
                fh.seek(pos)
                block = fh.read(3)
                if len(block) < 3:
                    return False
                value = int.from_bytes(block, "little")
                last, btype, bsize = value & 1, (value >> 1) & 3, value >> 3
                pos += 3 + (1 if btype == 1 else bsize)  # RLE blocks hold one byte
                if pos > size:
                    return False
                if last:
                    break
            if params.has_checksum:
                pos += 4
            if pos > size:
                return False
    return True


def iter_lines(chunks: Iterator[bytes], max_line: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line bytes without "\\n") for every line, split on b"\\n" only
    (`str.splitlines` would also split on U+2028 inside a JSON string). A line longer than
    `max_line` is never held in memory: its length comes back as an int instead."""
    lineno = 0
    buf = bytearray()
    skipping = 0  # > 0: inside an over-long line, bytes counted so far
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            piece = chunk[start:] if nl < 0 else chunk[start:nl]
            if skipping:
                skipping += len(piece)
            elif len(buf) + len(piece) > max_line:
                skipping = len(buf) + len(piece)
                buf.clear()
            else:
                buf += piece
            if nl < 0:
                break
            lineno += 1
            if skipping:
                yield lineno, skipping
                skipping = 0
            else:
                yield lineno, bytes(buf)
                buf.clear()
            start = nl + 1
    if skipping:
        yield lineno + 1, skipping
    elif buf:
        yield lineno + 1, bytes(buf)


def iter_input(path: str | os.PathLike[str], max_total: int) -> Iterator[bytes]:
    """`iter_chunks`, with a read that fails part-way (an I/O error, a file that vanished)
    as `InputError("unreadable")`: an input the run cannot read to its end is a reject,
    while a failure to write the run's own files still fails the run."""
    try:
        yield from iter_chunks(path, max_total)
    except OSError as exc:
        raise InputError("unreadable", str(exc)[:200]) from exc
