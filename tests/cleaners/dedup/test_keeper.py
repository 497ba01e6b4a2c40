"""The keeper of a cluster: one policy, ties broken by the documents' own ids, never by
their order in the input; a reviewer's choice first, then a copy an earlier run published."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.dedup.keeper import POLICIES, Candidate, best, reason, sort_key

candidates = st.lists(
    st.builds(Candidate, id=st.text("abcdef0123", min_size=1, max_size=4), date=st.integers(-1, 5),
              length=st.integers(1, 5), preferred=st.booleans(),
              earlier_run=st.one_of(st.none(), st.sampled_from(["r1", "r2"])), chosen=st.sampled_from([0, 0, 1, 2])),
    min_size=1, max_size=8, unique_by=lambda c: c.id)


@settings(max_examples=50, derandomize=True, deadline=None)
@given(candidates, st.sampled_from(POLICIES), st.randoms(use_true_random=False))
def test_the_keeper_does_not_depend_on_input_order(cands: list[Candidate], policy: str, rnd: random.Random) -> None:
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    assert best(shuffled, policy) == best(cands, policy)


@settings(max_examples=50, derandomize=True, deadline=None)
@given(candidates, st.sampled_from(POLICIES))
def test_a_reviewers_choice_then_an_earlier_run_come_first(cands: list[Candidate], policy: str) -> None:
    kept = best(cands, policy)
    assert kept.chosen == max(c.chosen for c in cands)
    if any(c.earlier_run is not None for c in cands if c.chosen == kept.chosen):
        assert kept.earlier_run is not None


def test_earliest_date_ties_fall_to_length_then_id() -> None:
    a, b, c = Candidate("b", 10, 50), Candidate("a", 10, 50), Candidate("c", 10, 80)
    assert best([a, b, c], "earliest_date").id == "c"  # same date: the longest
    assert best([a, b], "earliest_date").id == "a"  # same date and length: the smallest id
    assert best([Candidate("x", -1, 900), Candidate("y", 12, 5)], "earliest_date").id == "y"  # undated last
    assert best([Candidate("x", 11, 5), Candidate("y", 12, 900)], "earliest_date").id == "x"


def test_each_policy_decides_by_its_own_key() -> None:
    old_short = Candidate("m", 3, 10)
    new_long = Candidate("z", 9, 99)
    pref = Candidate("q", 20, 1, preferred=True)
    assert best([old_short, new_long], "longest").id == "z"
    assert best([old_short, new_long], "earliest_date").id == "m"
    assert best([old_short, new_long, pref], "preferred_source").id == "q"
    assert best([old_short, new_long, pref], "smallest_id").id == "m"
    assert best([Candidate("b", 1, 9), Candidate("a", 2, 9)], "longest").id == "b"  # same length: earlier date


def test_an_unknown_policy_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="newest") as err:
        sort_key(Candidate("a", 1, 1), "newest")
    assert all(p in str(err.value) for p in POLICIES)


def test_the_reason_says_why() -> None:
    assert reason(Candidate("a", 1, 1, chosen=2, earlier_run="r7"), "longest") == \
        "chosen by a reviewer (published in run r7)"
    assert reason(Candidate("a", 1, 1, earlier_run="r7"), "longest") == "published earlier, in run r7"
    assert reason(Candidate("a", -1, 1), "earliest_date") == "longest text (no dates)"
    assert reason(Candidate("a", 4, 1), "earliest_date") == "earliest date"
    assert reason(Candidate("a", 4, 1, preferred=True), "preferred_source") == "preferred source"
