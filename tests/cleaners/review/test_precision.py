"""Precision from the reviewed random sample: only sampled clusters count, the latest
judgement of a member counts once, with a Wilson interval that holds the estimate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.review.precision import sample_precision, wilson
from tests.cleaners.review.verdicts import verdict


def test_members_and_clusters_of_the_sample() -> None:
    vs = [
        verdict("correct", "a", "b", "c", sampled=True, cluster="c1"),
        verdict("apart", "a", "c", sampled=True, cluster="c1"),  # the later word on c
        verdict("correct", "d", "e", sampled=True, cluster="c2"),
        verdict("apart", "x", "y", sampled=False, cluster="c3"),  # the queue: not counted
        verdict("keeper", "d", "e", sampled=True, cluster="c2"),  # not a judgement of a decision
    ]
    p = sample_precision(vs)
    assert (p.members.right, p.members.judged) == (2, 3)
    assert (p.clusters.right, p.clusters.judged) == (1, 2)
    assert p.runs == ("r1",) and p.members.value == pytest.approx(2 / 3)
    assert sample_precision([]).members.value is None


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.integers(1, 500), st.data())
def test_the_wilson_interval_holds_the_estimate(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    lo, hi = wilson(k, n)
    assert 0.0 <= lo <= k / n + 1e-12 and k / n - 1e-12 <= hi <= 1.0  # float rounding at k = 0 or n
    lo4, hi4 = wilson(4 * k, 4 * n)  # the same share from four times the sample: a narrower interval
    assert hi4 - lo4 < hi - lo


def test_known_intervals() -> None:
    assert wilson(0, 0) == (0.0, 1.0)
    lo, hi = wilson(95, 100)
    assert lo == pytest.approx(0.8882, abs=1e-3) and hi == pytest.approx(0.9785, abs=1e-3)
