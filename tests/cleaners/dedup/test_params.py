"""LSH banding from datasketch's optimal-parameter method: the same bands and rows as
datasketch's own `MinHashLSH` would use."""

from __future__ import annotations

import pytest
from datasketch import MinHashLSH

from cleaners.dedup.params import lsh_bands


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.15, 128), (0.5, 128), (0.8, 256)])
def test_bands_match_datasketchs_lsh(threshold: float, num_perm: int) -> None:
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=(0.3, 0.7))
    assert lsh_bands(threshold, num_perm, 0.3, 0.7) == (lsh.b, lsh.r)


def test_a_lower_threshold_means_more_bands() -> None:
    assert lsh_bands(0.15, 128, 0.3, 0.7)[0] > lsh_bands(0.8, 128, 0.3, 0.7)[0]
