"""LSH banding parameters, from datasketch's own optimal-parameter method."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=64)
def lsh_bands(threshold: float, num_perm: int, fp_weight: float, fn_weight: float) -> tuple[int, int]:
    """(bands, rows) minimising datasketch's weighted false-positive/negative areas.

    datasketch exposes the method only as the private `_optimal_param` of `datasketch.lsh`;
    we call it rather than re-deriving the integrals, so our banding matches `MinHashLSH`.
    """
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(threshold, num_perm, fp_weight, fn_weight)
    return int(bands), int(rows)
