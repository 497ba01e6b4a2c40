"""Site-line tables: counts of distinct documents per key (a re-crawl counts once, a
document STATE already counted is skipped), partitioned, looked up exactly, and merged
with STATE by addition and subtraction."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.sitestats import ENTRY, PAIR, PARTS, Table, count_partition, merge_tables, part_of, spill, write_part

keys_st = st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=6, unique=True)


def entries(rows: list[tuple[int, int, int]]) -> np.ndarray:
    return np.array(rows, dtype=ENTRY)


def table(folder: Path, counts: dict[int, tuple[int, int]]) -> Table:
    keys = np.array(sorted(counts), np.uint64)
    parts = part_of(keys)
    for p in range(PARTS):
        k = keys[parts == p]
        write_part(folder, p, k, np.array([counts[int(x)][0] for x in k]), np.array([counts[int(x)][1] for x in k]))
    return Table(folder)


def test_distinct_documents_are_counted_once_and_seen_ones_skipped(tmp_path: Path) -> None:
    k = 5 << 60
    spill(entries([(k, 1, 0), (k, 1, 1), (k, 2, 0), (k, 3, 1), (k, 4, 0)]), np.zeros(0, PAIR), tmp_path)
    spill(entries([(k, 2, 0)]), np.array([(k, 7), (k, 7), (k, 8)], dtype=PAIR), tmp_path)  # another shard
    p = int(part_of(np.array([k], np.uint64))[0])
    keys, docs, heads = count_partition(tmp_path, p, np.zeros(0, np.uint64))
    assert (keys.tolist(), docs.tolist(), heads.tolist()) == ([k], [4], [2])  # document 1 is in its head once
    keys, docs, heads = count_partition(tmp_path, p, np.array([1, 4], np.uint64))
    assert (docs.tolist(), heads.tolist()) == ([2], [1])
    assert count_partition(tmp_path, p, np.zeros(0, np.uint64), "x")[1].tolist() == [2]  # two sites


@settings(max_examples=5, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys_st, st.data())
def test_lookup_and_merge(tmp_path_factory: pytest.TempPathFactory, keys: list[int], data: st.DataObject) -> None:
    root = tmp_path_factory.mktemp("t")
    base = {k: (data.draw(st.integers(1, 9)), 0) for k in keys}
    own = {k: (1, 0) for k in keys[:2]}
    new = {k: (2, 1) for k in keys[1:3]}
    a, b, d = table(root / "a", base), table(root / "b", own), table(root / "d", new)
    missing = np.array([k ^ 1 for k in keys if k ^ 1 not in base], np.uint64)
    assert Table(root / "a").lookup(np.array(keys, np.uint64))[0].tolist() == [base[k][0] for k in keys]
    assert not Table(root / "a").lookup(missing)[0].any() and not Table(None).lookup(missing)[0].any()
    merge_tables(a, b, -1, d, root / "out")
    want = [base[k][0] - own.get(k, (0, 0))[0] + new.get(k, (0, 0))[0] for k in keys]
    assert Table(root / "out").lookup(np.array(keys, np.uint64))[0].tolist() == want
