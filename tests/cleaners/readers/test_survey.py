"""The survey of a run's inputs: plain files measured where they are, compressed JSONL
copied once as plain UTF-8 (line for line), unreadable entries and unknown kinds
accounted for; the totals the cutter divides."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from cleaners.config import Config
from cleaners.readers.spec import Plan, local
from cleaners.readers.survey import survey, totals


def test_every_kind_is_measured_in_contract_order(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    lines = b"".join(f'{{"id": "d{i}", "text": "t {i}"}}\n'.encode() for i in range(5))
    (inp / "a.jsonl").write_bytes(lines)
    (inp / "b.jsonl.gz").write_bytes(gzip.compress(lines))
    (inp / "c.txt").write_text("a story")
    (inp / "d.bin").write_bytes(b"\0")
    os.symlink(inp / "gone.txt", inp / "e.txt")  # a dangling link
    plan = Plan()
    got = survey([str(inp)], tmp_path / "work", Config(), plan)
    assert [(s.kind, Path(s.place).name, s.items) for s in got] == \
        [("jsonl", "a.jsonl", 5), ("jsonl", "b.jsonl.gz", 5), ("file", "c.txt", 1), ("reject", "e.txt", 0)]
    assert Path(local(got[0].path)) == inp / "a.jsonl"  # read where it is
    copy = Path(local(got[1].path))
    assert copy.parent == tmp_path / "work" / "raw" and copy.read_bytes() == lines
    assert got[3].tail[0][1] == "unreadable" and plan.skipped == {"unknown_extension": 1}
    assert totals(got) == (5 + 5 + 1 + 1, 2 * len(lines) + len("a story"))  # the reject is an entry


def test_a_file_over_the_cap_weighs_nothing(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 100)
    cfg = Config()
    cap = cfg.read.max_doc_bytes
    (tmp_path / "huge.txt").write_bytes(b"y" * (cap + 1))
    got = survey([str(tmp_path / "big.txt"), str(tmp_path / "huge.txt")], tmp_path / "w", cfg, Plan())
    assert [(s.items, s.weight) for s in got] == [(1, 100), (1, 0)]
