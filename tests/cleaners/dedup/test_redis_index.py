"""The Redis index answers as the embedded one does (its contract), a re-run of a run id
replaces its own entries, and a run never finds itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cleaners.dedup.features import exact_digest, features
from cleaners.dedup.index import SegmentIndex
from cleaners.dedup.redis_index import RedisIndex, commit_segment
from cleaners.io.arrays import Arrays
from tests.cleaners.dedup.segments import CFG, near_copy, segment, story

pytestmark = pytest.mark.redis


def test_redis_answers_as_the_embedded_index(tmp_path: Path, redis_url: str) -> None:
    space = f"unit-{tmp_path.name}"
    texts = [story(i) for i in range(5)]
    segment(tmp_path / "a", texts, [f"d{i}" for i in range(5)])
    assert commit_segment(redis_url, space, "r1", Arrays(tmp_path / "a")) == 5
    red, emb = RedisIndex(redis_url, space), SegmentIndex([("r1", tmp_path / "a")])
    queries = np.array([exact_digest(texts[3]), exact_digest(story(40))], np.uint64)
    assert [x is not None for x in red.exact_lookup(queries)] == [True, False]
    ref = red.exact_lookup(queries)[0]
    assert ref is not None and red.candidate(*ref).id == "d3" and red.candidate(*ref).earlier_run == "r1"
    q = features([near_copy(texts[1])], CFG)
    for b in range(CFG.bands[0]):
        got = {red.candidate(s, row).id for _, s, row in red.band_matches(b, q["bands"][:, b])}
        want = {emb.candidate(s, row).id for _, s, row in emb.band_matches(b, q["bands"][:, b])}
        assert got == want
    assert np.array_equal(red.sets(*ref).sh, emb.sets(0, 3).sh)

    segment(tmp_path / "b", [story(60)], ["n0"])  # a re-run of r1 with other documents
    commit_segment(redis_url, space, "r1", Arrays(tmp_path / "b"))
    again = RedisIndex(redis_url, space)
    assert again.exact_lookup(queries[:1]) == [None] and len(again) == 1
    assert len(RedisIndex(redis_url, space, exclude_run="r1")) == 0
    assert RedisIndex(redis_url, space, exclude_run="r1").exact_lookup(
        np.array([exact_digest(story(60))], np.uint64)) == [None]
