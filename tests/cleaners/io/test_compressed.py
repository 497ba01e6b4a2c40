"""Bounded, honest decompression: the library traps of library-traps.md #1-4."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import zstandard

from cleaners.io.compressed import InputError, iter_chunks, iter_lines, zstd_frames_complete

LIMITS = 10**10  # bytes inflated in total
LINES = [f'{{"id": "{i}", "text": "line {i}"}}'.encode() for i in range(500)]
DATA = b"\n".join(LINES) + b"\n"


def lines_of(path: Path, limits: int = LIMITS, max_line: int = 1 << 20) -> list[bytes | int]:
    return [line for _, line in iter_lines(iter_chunks(path, limits), max_line)]


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_reads_every_line(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"x{suffix}"
    raw = {".jsonl": DATA, ".jsonl.gz": gzip.compress(DATA), ".jsonl.zst": zstandard.compress(DATA)}[suffix]
    path.write_bytes(raw)
    assert lines_of(path) == LINES


def test_every_gzip_member_is_read(tmp_path: Path) -> None:
    path = tmp_path / "multi.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress(b"\n".join(LINES[i:i + 100]) + b"\n") for i in range(0, 500, 100)))
    assert lines_of(path) == LINES


def test_every_zstd_frame_is_read(tmp_path: Path) -> None:
    path = tmp_path / "multi.jsonl.zst"
    path.write_bytes(b"".join(zstandard.compress(b"\n".join(LINES[i:i + 100]) + b"\n") for i in range(0, 500, 100)))
    assert zstd_frames_complete(path)
    assert lines_of(path) == LINES


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_truncation_is_reported_after_the_complete_lines(tmp_path: Path, suffix: str) -> None:
    big = b"".join(f'{{"id": "{i}", "text": "{"word " * 50}"}}\n'.encode() for i in range(3000))
    raw = gzip.compress(big) if suffix.endswith("gz") else zstandard.compress(big)
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(raw[: len(raw) * 2 // 3])
    got = []
    with pytest.raises(InputError) as err:
        for _, line in iter_lines(iter_chunks(path, LIMITS), 1 << 20):
            got.append(line)
    assert err.value.reason == "truncated"
    assert got and all(line == big.split(b"\n")[i] for i, line in enumerate(got))


def test_decompression_bomb_stops_at_the_total_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.zst"
    path.write_bytes(zstandard.compress(b"\0" * (64 << 20)))  # 64 MiB of zeros in a few KiB
    seen = 0
    with pytest.raises(InputError) as err:
        for chunk in iter_chunks(path, 20 << 20):
            seen += len(chunk)
    assert err.value.reason == "decompression_bomb"
    assert seen == 20 << 20  # everything up to the cap was handed on


def test_a_high_ratio_alone_does_not_end_the_file(tmp_path: Path) -> None:
    """Thousands to one is what one long run of a repeated byte compresses to: the record is
    only too long (the readers skip it), and what follows it must still come out."""
    path = tmp_path / "ratio.jsonl.zst"
    path.write_bytes(zstandard.compress(b"\0" * (64 << 20) + b"\nafter\n"))
    assert path.stat().st_size * 1000 < 64 << 20
    assert lines_of(path, max_line=1000) == [64 << 20, b"after"]


def test_over_long_lines_are_never_held(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_bytes(b"short\n" + b"x" * 5_000_000 + b"\nafter\nlast")
    got = lines_of(path, max_line=1000)
    assert got == [b"short", 5_000_000, b"after", b"last"]  # a line without newline at the end is kept


def test_lines_split_only_on_newline(tmp_path: Path) -> None:
    path = tmp_path / "sep.jsonl"
    path.write_bytes('{"id": "a", "text": "x\u2028y\u0085z"}\n'.encode())
    assert len(lines_of(path)) == 1
