"""The walk of a run's inputs: contract order (sorted, recursive), directory symlinks not
followed, the run's own OUT and STATE skipped, an input given twice read once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaners.readers.spec import Plan
from cleaners.readers.walk import is_own, kind_of, own_folders, walk


def test_kinds_by_extension() -> None:
    assert [kind_of(n) for n in ("a.jsonl.gz", "b.WARC.gz", "c.htm", "d.txt", "e.json", "f.jsonl.zst")] == \
        ["jsonl", "warc", "html", "txt", None, "jsonl"]


def test_folders_walk_sorted_and_skip_links_own_outputs_and_repeats(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    (inp / "b").mkdir(parents=True)
    (inp / "a.txt").write_text("x")
    (inp / "b" / "c.txt").write_text("y")
    (inp / "b10.txt").write_text("z")
    os.symlink(inp / "b", inp / "linked")
    out, state = inp / "out", inp / "state"
    (out / "corpus").mkdir(parents=True)
    (out / "corpus" / "00000.jsonl").write_text("{}")
    state.mkdir()
    (state / "s.jsonl").write_text("{}")
    plan = Plan()
    got = [(doc_id, place) for _, doc_id, place in walk([str(inp), str(inp)], plan, own_folders(str(out), str(state)))]
    assert got == [("a.txt", f"{inp}/a.txt"), ("b/c.txt", f"{inp}/b/c.txt"), ("b10.txt", f"{inp}/b10.txt")]
    assert plan.skipped == {"symlinked_folder": 1, "own_output": 2, "repeated_input": 1}
    assert any(w.endswith("/linked") for w in plan.warnings) and any(w.endswith("/out") for w in plan.warnings)


def test_out_staging_siblings_are_own(tmp_path: Path) -> None:
    own = own_folders(str(tmp_path / "out"), str(tmp_path / "state"))
    assert is_own(str(tmp_path / ".out.staging-1"), own) and not is_own(str(tmp_path / "outer"), own)


def test_a_missing_input_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="input not found"):
        list(walk([str(tmp_path / "nope")], Plan()))
