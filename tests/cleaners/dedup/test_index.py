"""The embedded index of earlier runs: exact copies found by digest in the first segment
holding them, near copies by a shared LSH band key, and each document's sets and keeper
fields read back as they were written."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaners.dedup.features import exact_digest, features
from cleaners.dedup.index import SegmentIndex, lean_minhashes
from tests.cleaners.dedup.segments import CFG, near_copy, segment, story


def test_lookups_find_copies_and_only_copies(tmp_path: Path) -> None:
    texts = [story(i) for i in range(6)]
    f = segment(tmp_path / "a", texts, [f"d{i}" for i in range(6)])
    segment(tmp_path / "b", [texts[2], story(50)], ["e0", "e1"])
    index = SegmentIndex([("r1", tmp_path / "a"), ("r2", tmp_path / "b")])
    queries = np.array([exact_digest(texts[4]), exact_digest(texts[2]), exact_digest(story(50)),
                        exact_digest(story(99))], np.uint64)
    assert index.exact_lookup(queries) == [(0, 4), (0, 2), (1, 1), None]

    q = features([near_copy(texts[3]), story(77)], CFG)
    hits = {(i, s, row) for b in range(CFG.bands[0]) for i, s, row in index.band_matches(b, q["bands"][:, b])}
    assert (0, 0, 3) in hits and not any(i == 1 for i, _, _ in hits)

    sets = index.sets(0, 5)
    assert np.array_equal(sets.sh, f["sh"][f["sh_off"][5]:f["sh_off"][6]])
    c = index.candidate(1, 0)
    assert (c.id, c.date, c.length, c.earlier_run) == ("e0", 700_000, len(texts[2]), "r2")
    assert index.meta(0, 1) == {"id": "d1", "url": "https://s.com/d1", "source": "s.com"}
    assert np.array_equal(index.exact_of(0, 4), queries[0])


def test_stored_signatures_load_as_datasketch_minhashes(tmp_path: Path) -> None:
    texts = [story(1), near_copy(story(1)), story(2)]
    segment(tmp_path / "a", texts, ["x", "y", "z"])
    got = dict(lean_minhashes(tmp_path / "a", CFG))
    assert list(got) == ["x", "y", "z"]
    assert got["x"].jaccard(got["y"]) > 0.6 > 0.2 > got["x"].jaccard(got["z"])
