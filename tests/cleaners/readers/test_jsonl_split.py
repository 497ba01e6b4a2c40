"""JSONL inputs for the planner: plain files are counted (lines, bytes) where they are;
compressed ones are inflated into one plain copy, line for line, without ever writing a
line over the per-document cap."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.readers.jsonl_split import count_lines, inflate_jsonl, wide_bom


@settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=30), st.booleans())
def test_lines_and_bytes_are_counted(tmp_path: Path, lines: list[bytes], last_newline: bool) -> None:
    data = b"\n".join(lines) + (b"\n" if last_newline and lines else b"")
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    assert count_lines(str(path)) == (data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1), len(data))


def test_a_compressed_file_is_copied_line_for_line(tmp_path: Path) -> None:
    lines = [f'{{"id": "d{i}", "text": "t"}}\n'.encode() for i in range(7)]
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(lines)))
    raw = tmp_path / "work" / "raw.jsonl"
    got = inflate_jsonl(str(path), "in.jsonl.gz", raw, 10**9, 10**6)
    assert raw.read_bytes() == b"".join(lines) and (got.lines, got.size) == (7, len(b"".join(lines)))
    assert got.oversized == () and got.tail == ()


@pytest.mark.parametrize("enc", ["utf-16", "utf-32"])
def test_wide_encodings_are_recognised(tmp_path: Path, enc: str) -> None:
    path = tmp_path / "w.jsonl"
    path.write_bytes('{"id": "a", "text": "ü"}\n'.encode(enc))
    assert wide_bom(str(path))
    path.write_bytes(b'{"id": "a"}\n')
    assert not wide_bom(str(path))


def test_an_oversized_line_is_never_written(tmp_path: Path) -> None:
    """A bomb's one huge line (20 MB of zeros in a few kB of gzip) is counted while it streams,
    never copied: the shard holds the lines around it and an empty line in its place, so the
    work of a run does not follow how far its inputs inflate."""
    huge = 20_000_000
    data = gzip.compress(b'{"id": "a", "text": "before"}\n{"id": "bomb", "text": "' + b"\0" * huge + b'"}\n'
                         b'{"id": "c", "text": "after"}\n', compresslevel=1)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(data)
    raw = tmp_path / "work" / "raw.jsonl"
    got = inflate_jsonl(str(path), "bomb.jsonl.gz", raw, 10**10, 1_000_000)
    assert raw.read_bytes() == b'{"id": "a", "text": "before"}\n\n{"id": "c", "text": "after"}\n'
    assert got.oversized == ((2, huge + len(b'{"id": "bomb", "text": ""}')),)
