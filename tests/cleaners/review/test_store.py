"""Verdicts in STATE: applying a file adds what STATE lacks, moves a repeated judgement to
the end, and applying it twice changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.review.records import ReviewVerdict
from cleaners.review.store import Applied, apply_verdicts, book_of, merge, stored
from cleaners.state import StateBusy, StateStore
from tests.cleaners.review.verdicts import verdict, verdicts


def test_apply_adds_moves_and_is_idempotent(tmp_path: Path) -> None:
    v1, v2, v3 = verdict("apart", "a", "b"), verdict("keeper", "a", "c"), verdict("correct", "d", "e", cluster="c2")
    assert apply_verdicts(tmp_path, [v1, v2]) == Applied(2, 0, 2)
    assert apply_verdicts(tmp_path, [v1, v3]) == Applied(1, 1, 3)
    store = StateStore(tmp_path)
    assert stored(store, store.snapshot()) == [v2, v1, v3]
    assert apply_verdicts(tmp_path, [v1, v3]) == Applied(0, 2, 3)
    assert stored(store, store.snapshot()) == [v2, v1, v3]
    assert book_of(tmp_path).chosen[v2.member.digest] == v2


def test_apply_waits_for_no_run(tmp_path: Path) -> None:
    with StateStore(tmp_path).locked("a run"), pytest.raises(StateBusy):
        apply_verdicts(tmp_path, [verdict("apart", "a", "b")])


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.lists(verdicts, max_size=6), st.lists(verdicts, max_size=6))
def test_merge_twice_is_merge_once(old: list[ReviewVerdict], new: list[ReviewVerdict]) -> None:
    old = merge([], old)[0]  # what STATE holds: each verdict once
    once, applied = merge(old, new)
    assert merge(once, new)[0] == once
    assert applied.total == len(once) == len({(v.ref, v.run, v.cluster) for v in once})
    assert applied.added + applied.moved == len({(v.ref, v.run, v.cluster) for v in new})
