"""Completion markers: a batch done under the same key is not computed again; another key,
or a forgotten stage, computes it again."""

from __future__ import annotations

from pathlib import Path

from cleaners.pipeline.resume import StageKeys, forget, key_of, resumable


def test_a_batch_runs_once_per_key(tmp_path: Path) -> None:
    calls: list[int] = []

    def work(x: int) -> dict[str, int]:
        calls.append(x)
        return {"out": x * 2}
    assert resumable(tmp_path, "clean", 0, "k1", work, 4) == {"out": 8, "cached": False}
    assert resumable(tmp_path, "clean", 0, "k1", work, 4) == {"out": 8, "cached": True}
    assert resumable(tmp_path, "clean", 0, "k2", work, 5) == {"out": 10, "cached": False}
    forget(tmp_path, ["prepare"])
    assert resumable(tmp_path, "clean", 0, "k2", work, 5)["cached"] is True
    forget(tmp_path, ["clean"])
    assert resumable(tmp_path, "clean", 0, "k2", work, 5)["cached"] is False
    forget(tmp_path)
    assert resumable(tmp_path, "clean", 0, "k2", work, 5)["cached"] is False
    assert calls == [4, 5, 5, 5]


def test_a_change_upstream_changes_every_key_below_it() -> None:
    specs = [{"index": 0, "digest": "a"}, {"index": 1, "digest": "b"}]
    base = StageKeys.of(specs, 0)
    one = StageKeys.of([specs[0], {"index": 1, "digest": "c"}], 0)
    assert one.prepare[0] == base.prepare[0] and one.prepare[1] != base.prepare[1]
    assert one.sitetable != base.sitetable and one.dedup != base.dedup
    assert all(a != b for a, b in zip(one.clean, base.clean, strict=True))
    later = StageKeys.of(specs, 1)  # STATE moved on
    assert later.prepare == base.prepare and later.sitetable != base.sitetable
    assert key_of({"a": 1, "b": 2}) == key_of({"b": 2, "a": 1})
