"""Raw shards as the planner writes them: the digest is of the bytes kept, and cutting an
incomplete line back leaves the file and digest of the complete lines alone."""

from __future__ import annotations

from pathlib import Path

import xxhash

from cleaners.io.rawshard import RawShard


def test_cut_back_drops_the_unfinished_line(tmp_path: Path) -> None:
    shard = RawShard(tmp_path / "00000.jsonl")
    for line in (b'{"id":"a"}\n', b'{"id":"b"}\n'):
        shard.write(line)
        shard.committed = shard.size
        shard.lines += 1
    shard.write(b'{"id":"c", "te')  # the input ended (or a limit hit) inside a line
    shard.cut_back()
    done = shard.close()
    data = (tmp_path / "00000.jsonl").read_bytes()
    assert data == b'{"id":"a"}\n{"id":"b"}\n'
    assert done == {"path": str(tmp_path / "00000.jsonl"), "start": 0, "end": len(data), "count": 2,
                    "digest": xxhash.xxh3_128(data).hexdigest()}
    assert not (tmp_path / "00000.jsonl.tmp").exists()


def test_nothing_to_cut(tmp_path: Path) -> None:
    shard = RawShard(tmp_path / "x.jsonl")
    shard.write(b"line\n")
    shard.committed = shard.size
    shard.cut_back()
    assert shard.close()["digest"] == xxhash.xxh3_128(b"line\n").hexdigest()
