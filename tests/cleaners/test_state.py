"""STATE: one commit per run (new files first, then the manifest's rename), read back as a
snapshot; a re-run of a run id replaces its own contribution instead of adding it twice;
a commit that dies before the rename leaves STATE as it was; one run at a time."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from cleaners.sitestats import part_of, write_part
from cleaners.state import StateBusy, StateStore

KEYS = np.array([1 << 60, 2 << 60, 3 << 60], np.uint64)  # three partitions


def run_dir(tmp: Path, name: str, docs: list[int], idents: list[int]) -> Path:
    """A run's contribution: a site-line delta (one count per key of KEYS) and its documents' identities."""
    d = tmp / name
    for k, n in zip(KEYS, docs, strict=True):
        write_part(d / "sitelines", int(part_of(np.array([k]))[0]), np.array([k]), np.array([n]), np.array([0]))
    np.save(d / "idents.npy", np.array(sorted(idents), np.uint64))
    (d / "index").mkdir()
    return d


def counts(store: StateStore) -> list[int]:
    return store.snapshot().base_table().lookup(KEYS)[0].tolist()


def test_a_new_store_is_empty(tmp_path: Path) -> None:
    snap = StateStore(tmp_path / "s").snapshot()
    assert (snap.generation, snap.runs, snap.sitelines) == (0, {}, None)
    assert snap.seen_idents("r").size == 0 and counts(StateStore(tmp_path / "s")) == [0, 0, 0]


def test_commits_add_up_and_reload(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s")
    store.commit(store.snapshot(), "r1", run_dir(tmp_path, "a", [1, 2, 0], [10, 11]), {"docs": 2})
    store.commit(store.snapshot(), "r2", run_dir(tmp_path, "b", [1, 0, 5], [12]), {"docs": 1})
    again = StateStore(tmp_path / "s").snapshot()  # a new process reads the same STATE
    assert again.generation == 2 and sorted(again.runs) == ["r1", "r2"] and again.runs["r2"]["docs"] == 1
    assert counts(store) == [2, 2, 5]
    assert again.seen_idents("r3").tolist() == [10, 11, 12]
    assert [rid for rid, _ in again.index_segments("r3")] == ["r1", "r2"]
    assert [rid for rid, _ in again.index_segments("r1")] == ["r2"]


def test_a_rerun_replaces_its_own_contribution(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s")
    store.commit(store.snapshot(), "r1", run_dir(tmp_path, "a", [1, 2, 0], [10, 11]), {})
    store.commit(store.snapshot(), "r2", run_dir(tmp_path, "b", [1, 0, 5], [12]), {})
    snap = store.snapshot()
    assert snap.seen_idents("r1").tolist() == [12]  # a re-run of r1 sees STATE as its first attempt did
    store.commit(snap, "r1", run_dir(tmp_path, "c", [3, 0, 0], [10]), {})
    assert counts(store) == [4, 0, 5]
    assert store.snapshot().seen_idents("r9").tolist() == [10, 12]
    live = {info["dir"] for info in store.snapshot().runs.values()}
    assert {f"runs/{p.name}" for p in (tmp_path / "s" / "runs").iterdir()} == live  # the superseded r1 is gone
    assert len(list((tmp_path / "s" / "sitelines").iterdir())) == 1


def test_a_commit_that_dies_before_the_rename_changes_nothing(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s")
    store.commit(store.snapshot(), "r1", run_dir(tmp_path, "a", [1, 2, 0], [10]), {})
    before = (tmp_path / "s" / "manifest.json").read_bytes()
    broken = run_dir(tmp_path, "b", [1, 1, 1], [11])
    (broken / "idents.npy").unlink()  # the commit fails after writing its folders
    with pytest.raises(FileNotFoundError):
        store.commit(store.snapshot(), "r2", broken, {})
    assert (tmp_path / "s" / "manifest.json").read_bytes() == before
    assert counts(store) == [1, 2, 0] and list(store.snapshot().runs) == ["r1"]
    store.commit(store.snapshot(), "r3", run_dir(tmp_path, "c", [0, 0, 1], [12]), {})
    names = sorted(p.name for p in (tmp_path / "s" / "runs").iterdir())
    assert len(names) == 2 and not any(n.startswith("r2") for n in names)  # the dead commit's files collected


def test_verdicts_commit_on_their_own_and_survive_run_commits(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s")
    store.commit_verdicts(store.snapshot(), b'{"v":1}\n')
    store.commit(store.snapshot(), "r1", run_dir(tmp_path, "a", [1, 1, 1], [1]), {})
    store.commit_verdicts(store.snapshot(), b'{"v":1}\n{"v":2}\n')
    snap = StateStore(tmp_path / "s").snapshot()
    assert store.verdicts_bytes(snap) == b'{"v":1}\n{"v":2}\n' and list(snap.runs) == ["r1"]
    assert len(list((tmp_path / "s" / "review").iterdir())) == 1


def test_one_run_at_a_time(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s")
    with store.locked("first"), pytest.raises(StateBusy, match="first"), StateStore(tmp_path / "s").locked("second"):
        pass
    with StateStore(tmp_path / "s").locked("second"):  # released at the end of the first
        pass


def test_an_unknown_format_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 99, "generation": 1}))
    with pytest.raises(RuntimeError, match="unknown STATE format"):
        StateStore(tmp_path).snapshot()
