"""Site tables count a repeated id once: every later occurrence of an id is set aside."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.pipeline.sitetable import duplicate_seqs


@settings(max_examples=50, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=40))
def test_every_occurrence_after_the_first_is_a_duplicate(ids: list[int]) -> None:
    seq = np.random.default_rng(len(ids)).permutation(len(ids)).astype(np.int64)  # shards arrive in any order
    got = duplicate_seqs(np.array(ids, np.uint64), seq)
    first: dict[int, int] = {}
    for i, s in sorted(zip(ids, seq.tolist(), strict=True), key=lambda x: x[1]):
        first.setdefault(i, s)
    assert got.tolist() == sorted(s for i, s in zip(ids, seq.tolist(), strict=True) if first[i] != s)
