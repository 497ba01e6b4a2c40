"""Planning shards: every input line in one shard once, folders walked in sorted order."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cleaners.config import Config, RunConfig
from cleaners.document import Reject
from cleaners.readers.plan import make_plan
from cleaners.readers.records import RawDoc, read_shard
from cleaners.stats import Stats

CFG = Config(run=RunConfig(batch_size=3))


def read_all(inputs: list[str], work: Path, cfg: Config = CFG) -> tuple[list[RawDoc | Reject], dict[str, int]]:
    plan = make_plan(inputs, work, cfg)
    stats = Stats()
    got = [x for spec in plan.shards for x in read_shard(spec, cfg, stats)]
    return got, plan.skipped | {k: v for k, v in stats.steps.get("read", {}).items()}


def test_jsonl_shards_cover_every_line_once(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"t{i}"}) + "\n" for i in range(10)) + '{"id": "tail"')
    got, _ = read_all([str(path)], tmp_path / "work")
    assert [g.id for g in got] == [f"d{i}" for i in range(10)] + [f"{path}:11"]
    assert isinstance(got[-1], Reject) and got[-1].reason == "parse_error"
    assert len({g.seq for g in got}) == 11


def test_folder_ids_are_relative_paths_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    for name in ("z.txt", "a.txt", "b/m.txt"):
        (root / name).write_text(f"text of {name}")
    (root / "notes.pdf").write_bytes(b"%PDF")
    os.symlink(root, root / "b" / "loop")  # a symlink loop must not trap the walk
    got, counts = read_all([str(root)], tmp_path / "work")
    assert [g.id for g in got] == ["a.txt", "b/m.txt", "z.txt"]
    assert counts["unknown_extension"] == 1 and counts["symlinked_folder"] == 1
