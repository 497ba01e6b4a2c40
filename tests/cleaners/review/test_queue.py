"""The review queue: the most doubtful clusters by their smallest margin (a guard nearer
than the check counts; a confirmed pair and an exact copy are sure; a keeper from an
earlier run is nearer), and a seeded uniform sample that is the same on every build."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.config import ReviewConfig
from cleaners.outputs import ClusterMember, ClusterRecord
from cleaners.review.queue import SURE, cluster_doubt, member_margin, select


def member(check: str | None = "jaccard", margin: float | None = None, **extra: object) -> ClusterMember:
    return ClusterMember.from_json({"id": "m", "similarity": 0.8, "containment": 0.9, "kind": "near",
                                    "check": check, "margin": margin} | extra)


def cluster(i: int, *margins: float, kept_run: str | None = None) -> ClusterRecord:
    return ClusterRecord(f"c{i}", f"k{i}", len(margins) + 1, "earliest date", "",
                         tuple(ClusterMember(f"m{i}-{j}", 0.8, 0.9, "near", "", "jaccard", m)
                               for j, m in enumerate(margins)), kept_run)


def test_a_member_is_as_doubtful_as_its_nearest_check_or_guard() -> None:
    assert member_margin(member("jaccard", 0.3, guard="entities", guard_margin=0.1)) == (0.1, "entities guard")
    assert member_margin(member("jaccard", 0.05, guard="entities", guard_margin=0.4)) == (0.05, "jaccard")
    assert member_margin(member("jaccard", 0.0, review={"verdict": "correct", "ref": "v1"})) == (SURE, "confirmed")
    assert member_margin(member(None, kind="exact")) == (SURE, "exact")


def test_a_cluster_is_as_doubtful_as_its_most_doubtful_member() -> None:
    d = cluster_doubt(cluster(1, 0.4, 0.02, 0.3), ReviewConfig())
    assert (d.margin, d.member, d.size, d.cross_run) == (0.02, "m1-1", 4, False)
    assert cluster_doubt(cluster(1, 0.4, kept_run="r0"), ReviewConfig(cross_run_penalty=0.1)).margin == 0.3


def test_the_queue_holds_the_smallest_margins_in_order() -> None:
    rnd = random.Random(3)
    margins = [round(rnd.uniform(0, 0.9), 4) for _ in range(60)]
    recs = [cluster(i, m) for i, m in enumerate(margins)]
    sel = select(recs, ReviewConfig(queue_size=10, sample_size=0), "r1")
    assert [d.margin for _, d in sel.queue] == sorted(margins)[:10]
    assert all(recs[pos].cluster == d.cluster for pos, d in sel.queue)
    assert sel.total == 60 and sel.sample == []


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.integers(0, 80), st.integers(0, 20), st.integers(1, 5))
def test_the_sample_is_seeded_and_does_not_depend_on_order(n: int, k: int, seed: int) -> None:
    recs = [cluster(i, 0.5) for i in range(n)]
    cfg = ReviewConfig(queue_size=0, sample_size=k, seed=seed)
    sel = select(recs, cfg, "r1")
    assert len(sel.sample) == min(n, k) and sel.sample == sorted(set(sel.sample))
    picked = {recs[p].cluster for p in sel.sample}
    rev = list(reversed(recs))
    assert {rev[p].cluster for p in select(rev, cfg, "r1").sample} == picked
