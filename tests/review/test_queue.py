"""The review queue ranks clusters by the margins clusters.jsonl records — any check name,
guards, earlier-run keepers, confirmed pairs — and the sample is a seeded uniform draw."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

import pytest

from cleaners.config import ReviewConfig
from cleaners.outputs import ClusterRecord
from cleaners.review.queue import cluster_doubt, select

CFG = ReviewConfig(queue_size=3, sample_size=4, seed=7)


def member(i: str, check: str = "jaccard", margin: float = 0.3, **extra: Any) -> dict[str, Any]:
    return {"id": i, "similarity": 0.8, "containment": 0.9, "kind": "near", "check": check, "margin": margin} | extra


def rec(n: int, *members: dict[str, Any], **extra: Any) -> ClusterRecord:
    return ClusterRecord.from_json({"cluster": f"c{n:06d}", "kept": f"k{n}", "size": len(members) + 1,
                                    "members": list(members)} | extra)


def test_any_check_name_ranks_by_its_margin() -> None:
    clusters = [rec(0, member("a", "jaccard", 0.4)),
                rec(1, member("b", "charsim", 0.02)),  # a check this code does not know of
                rec(2, member("c", "exact", 1.0)),
                rec(3, member("d", "containment", 0.3), member("e", "loose", 0.05)),
                rec(4, member("f", "jaccard", 0.5, guard="updated_story", guard_margin=0.01))]
    sel = select(clusters, CFG, "day1")
    assert [(p, d.check, d.member) for p, d in sel.queue] == [
        (4, "updated_story guard", "f"), (1, "charsim", "b"), (3, "loose", "e")]
    assert sel.total == 5


def test_earlier_keeper_and_confirmed_pairs() -> None:
    base = rec(0, member("a", "jaccard", 0.2))
    earlier = dataclasses.replace(base, kept_run="day0")
    assert cluster_doubt(earlier, CFG).margin == pytest.approx(0.2 - CFG.cross_run_penalty)
    assert cluster_doubt(earlier, CFG).cross_run
    confirmed = rec(1, member("a", "jaccard", 0.01, review={"verdict": "correct", "ref": "v1"}))
    assert cluster_doubt(confirmed, CFG).margin == 1.0
    sel = select([confirmed, rec(2, member("x", "exact", 1.0))], CFG, "day1")
    assert sel.queue == []  # nothing doubtful left


def test_older_clusters_without_margins_still_rank() -> None:
    old = {"cluster": "c000000", "kept": "k", "size": 3, "members": [
        {"id": "a", "similarity": 1.0, "containment": 1.0, "kind": "exact"},
        {"id": "b", "similarity": 0.7, "containment": 0.8, "kind": "near"}]}
    d = cluster_doubt(ClusterRecord.from_json(old), CFG)
    assert d.member == "b" and d.margin < 1.0


def test_sample_is_seeded_bounded_and_uniform() -> None:
    clusters = [rec(n, member("m")) for n in range(200)]
    a = select(clusters, CFG, "day1").sample
    assert a == select(clusters, CFG, "day1").sample and len(a) == 4 and a == sorted(a)
    assert a != select(clusters, dataclasses.replace(CFG, seed=8), "day1").sample
    assert select(clusters[:3], CFG, "day1").sample == [0, 1, 2]  # fewer clusters than asked: all of them
    # uniform: over many seeds each tenth of the clusters is drawn about equally often
    hits: Counter[int] = Counter()
    for seed in range(300):
        for pos in select(clusters, dataclasses.replace(CFG, seed=seed, queue_size=0), "day1").sample:
            hits[pos // 20] += 1
    assert min(hits.values()) > 0.6 * (300 * 4 / 10) and max(hits.values()) < 1.4 * (300 * 4 / 10)


def test_config_is_validated() -> None:
    for bad in ({"page_clusters": 0}, {"queue_size": -1}, {"cross_run_penalty": 2.0},
                {"diff_members": 60, "list_members": 50}):
        with pytest.raises(ValueError):
            ReviewConfig(**bad)  # type: ignore[arg-type]
