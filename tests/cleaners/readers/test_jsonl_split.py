"""Plain JSONL cut into byte ranges of `batch` lines: the ranges tile the file, each holds
its lines whole, and a last line without a newline is counted."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.readers.jsonl_split import split_compressed_jsonl, split_plain_jsonl, wide_bom


@settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=30), st.integers(1, 7),
       st.booleans())
def test_ranges_tile_the_file(tmp_path: Path, lines: list[bytes], batch: int, last_newline: bool) -> None:
    data = b"\n".join(lines) + (b"\n" if last_newline and lines else b"")
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    ranges = list(split_plain_jsonl(str(path), batch))
    assert b"".join(data[r["start"]:r["end"]] for r in ranges) == data
    assert sum(r["count"] for r in ranges) == data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)
    line = 1
    for r in ranges:
        assert r["first_line"] == line and r["count"] <= batch
        assert r["end"] == len(data) or data[r["end"] - 1:r["end"]] == b"\n"
        line += r["count"]


def test_a_compressed_file_is_copied_into_shards(tmp_path: Path) -> None:
    lines = [f'{{"id": "d{i}", "text": "t"}}\n'.encode() for i in range(7)]
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(lines)))
    shards = [s for s, _ in split_compressed_jsonl(str(path), "in.jsonl.gz", tmp_path / "work", 3, 10**9, 10**6, 0)]
    got = [Path(s["path"]).read_bytes() for s in shards]
    assert b"".join(got) == b"".join(lines) and [s["count"] for s in shards if s["count"]] == [3, 3, 1]


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
    shards = [s for s, _ in split_compressed_jsonl(str(path), "bomb.jsonl.gz", tmp_path / "work", 10, 10**10,
                                                   1_000_000, 0)]
    written = Path(shards[0]["path"]).read_bytes()
    assert written == b'{"id": "a", "text": "before"}\n\n{"id": "c", "text": "after"}\n'
    assert shards[0]["oversized"] == ((2, huge + len(b'{"id": "bomb", "text": ""}')),)
