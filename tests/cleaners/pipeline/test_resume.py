"""Completion markers: a batch done under the same key is not computed again; another key,
or a forgotten stage, computes it again."""

from __future__ import annotations

from pathlib import Path

from cleaners.pipeline.resume import forget, resumable
from cleaners.pipeline.stages import key_of


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


def test_keys_do_not_depend_on_key_order() -> None:
    assert key_of({"a": 1, "b": 2}) == key_of({"b": 2, "a": 1})
