"""Atomic JSONL shard files (plain, gzip or zstd) and completion markers.

Every file at a final path is complete: writers go to a temp file in the same folder and
`os.replace` it into place, so a killed run leaves either the old file or the new one,
never half of one. Compressed output is deterministic (gzip without a timestamp or name;
zstd without content-size-dependent framing differences), so the decompressed bytes of a
re-run are identical.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import zstandard

SUFFIX = {"zstd": ".jsonl.zst", "gzip": ".jsonl.gz", "none": ".jsonl"}
OPTS = orjson.OPT_APPEND_NEWLINE


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temp path next to `path`; rename it over `path` only if the block succeeds."""
    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


WORK_LEVEL = 1


class _Sink:
    """A binary sink that compresses as it goes, a buffer at a time (a compressor call per
    record costs more than the record's own work)."""

    BUFFER = 1 << 18

    def __init__(self, raw: BinaryIO, compression: str, level: int = 3) -> None:
        self.raw = raw
        self.compression = compression
        self.buf = bytearray()
        if compression == "zstd":
            self.inner: Any = zstandard.ZstdCompressor(level=level).stream_writer(raw, closefd=False)
        elif compression == "gzip":
            self.inner = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=5)
        else:
            self.inner = raw

    def write(self, data: bytes) -> None:
        self.buf += data
        if len(self.buf) >= self.BUFFER:
            self.inner.write(self.buf)
            self.buf.clear()

    def close(self) -> None:
        if self.buf:
            self.inner.write(self.buf)
            self.buf.clear()
        if self.inner is not self.raw:
            self.inner.close()


@contextlib.contextmanager
def shard_writer(path: str | os.PathLike[str], compression: str = "zstd", level: int = 3) -> Iterator[_Sink]:
    """Write JSONL records atomically: `with shard_writer(p) as w: w.write(orjson.dumps(...))`.
    `level`: zstd's; the stages' own work files, read once by the next stage, use
    `WORK_LEVEL` (about half of level 3's time, for files about a third larger)."""
    with atomic_path(path) as tmp, open(tmp, "wb") as raw:
        sink = _Sink(raw, compression, level)
        try:
            yield sink
        finally:
            sink.close()


def open_read(path: str | os.PathLike[str]) -> BinaryIO | gzip.GzipFile:
    """Binary reader for one of our own shard files (trusted: written by `shard_writer`)."""
    name = os.fspath(path)
    if name.endswith(".zst"):
        fh = open(name, "rb")  # noqa: SIM115 - the stream reader owns and closes it
        return zstandard.ZstdDecompressor().stream_reader(fh, read_across_frames=True, closefd=True)
    if name.endswith(".gz"):
        return gzip.open(name, "rb")
    return open(name, "rb")


def read_lines(path: str | os.PathLike[str]) -> Iterator[bytes]:
    """The lines of one of our shard files, through a 1 MiB buffer (the decompressors'
    readers have no line iteration of their own)."""
    with open_read(path) as fh:
        # every reader `open_read` gives has the `readinto` a buffer needs; `BinaryIO` does not say so
        yield from io.BufferedReader(fh, buffer_size=1 << 20)  # type: ignore[type-var]


def read_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    for line in read_lines(path):
        if line.strip():
            yield orjson.loads(line)


def shard_name(index: int, compression: str) -> str:
    return f"part-{index:05d}{SUFFIX[compression]}"
