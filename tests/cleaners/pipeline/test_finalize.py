"""The end of a run: counts in must equal counts out, OUT is replaced as a whole, staging
holds only this run's shards."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.pipeline.finalize import CountMismatch, check_counts, prune_staging, swap_in


def test_a_lost_document_stops_the_run() -> None:
    check_counts(10, {"kept": 6, "duplicate": 3, "rejected": 1})
    with pytest.raises(CountMismatch, match=r"documents in \(10\) != kept 6 \+ duplicate 2 \+ rejected 1 = 9"):
        check_counts(10, {"kept": 6, "duplicate": 2, "rejected": 1})


def test_out_is_replaced_as_a_whole(tmp_path: Path) -> None:
    out, staging = tmp_path / "out", tmp_path / ".out.partial"
    (out / "corpus").mkdir(parents=True)
    (out / "corpus" / "old.jsonl").write_text("old")
    (staging / "corpus").mkdir(parents=True)
    (staging / "corpus" / "new.jsonl").write_text("new")
    swap_in(staging, out)
    assert [p.name for p in (out / "corpus").iterdir()] == ["new.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_staging_keeps_only_this_runs_shards(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("part-00000.jsonl.zst", "part-00004.jsonl.zst", ".part-00001.jsonl.zst.abc.tmp", "part-xx.jsonl"):
        (corpus / name).write_text("")
    prune_staging(tmp_path, 2)
    assert [p.name for p in corpus.iterdir()] == ["part-00000.jsonl.zst"]
    assert all((tmp_path / sub).is_dir() for sub in ("ledger", "removals", "repairs", "dedup/texts"))
