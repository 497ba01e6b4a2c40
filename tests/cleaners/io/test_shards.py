"""Shard files: every compression reads back what was written, byte-identical on a re-run,
and a writer that fails leaves the old file (or none), never half of one."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.io.shards import SUFFIX, open_read, read_records, shard_name, shard_writer, write_bytes

records = st.lists(st.fixed_dictionaries({"id": st.text(max_size=10), "text": st.text(max_size=200)}), max_size=20)


def write(path: Path, recs: list[dict[str, str]], compression: str) -> None:
    with shard_writer(path, compression) as w:
        for r in recs:
            w.write(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE))


@settings(max_examples=15, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records, st.sampled_from(sorted(SUFFIX)))
def test_what_is_written_reads_back_the_same_every_time(tmp_path: Path, recs: list[dict[str, str]],
                                                        compression: str) -> None:
    a, b = tmp_path / shard_name(0, compression), tmp_path / "again" / shard_name(0, compression)
    write(a, recs, compression)
    write(b, recs, compression)
    assert list(read_records(a)) == recs
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_a_large_shard_crosses_the_buffer(tmp_path: Path) -> None:
    recs = [{"id": str(i), "text": "word " * 200} for i in range(400)]  # ~400 kB: several buffers
    path = tmp_path / shard_name(3, "zstd")
    write(path, recs, "zstd")
    assert list(read_records(path)) == recs and path.name == "part-00003.jsonl.zst"
    with open_read(path) as fh:
        assert fh.read().count(b"\n") == 400


def test_a_failed_writer_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "part-00000.jsonl"
    write_bytes(path, b'{"id":"old"}\n')
    with pytest.raises(RuntimeError), shard_writer(path, "none") as w:
        w.write(b'{"id":"new"}\n')
        raise RuntimeError("killed mid-write")
    assert path.read_bytes() == b'{"id":"old"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-00000.jsonl"]  # no temp file left
