"""Raw copies as the planner writes them: cutting an incomplete line back leaves the
complete lines alone, and the file appears under its name only once closed."""

from __future__ import annotations

from pathlib import Path

from cleaners.io.rawshard import RawShard


def test_cut_back_drops_the_unfinished_line(tmp_path: Path) -> None:
    shard = RawShard(tmp_path / "00000.jsonl")
    for line in (b'{"id":"a"}\n', b'{"id":"b"}\n'):
        shard.write(line)
        shard.committed = shard.size
        shard.lines += 1
    shard.write(b'{"id":"c", "te')  # the input ended (or a limit hit) inside a line
    shard.cut_back()
    assert not (tmp_path / "00000.jsonl").exists()
    shard.close()
    assert (tmp_path / "00000.jsonl").read_bytes() == b'{"id":"a"}\n{"id":"b"}\n'
    assert shard.lines == 2 and not (tmp_path / "00000.jsonl.tmp").exists()


def test_nothing_to_cut_and_discard_leaves_nothing(tmp_path: Path) -> None:
    shard = RawShard(tmp_path / "x.jsonl")
    shard.write(b"line\n")
    shard.committed = shard.size
    shard.cut_back()
    shard.close()
    assert (tmp_path / "x.jsonl").read_bytes() == b"line\n"
    gone = RawShard(tmp_path / "y.jsonl")
    gone.write(b"partial")
    gone.discard()
    assert not list(tmp_path.glob("y.jsonl*"))
