"""Per-step counters add up: a sharded run reports the totals of a single pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.stats import Stats

events = st.lists(st.tuples(st.sampled_from(["read", "clean"]), st.sampled_from(["in", "kept", "removed:x"]),
                            st.integers(0, 5)), max_size=30)


@settings(max_examples=30, derandomize=True, deadline=None)
@given(events, st.integers(1, 4))
def test_shards_add_up_to_a_single_pass(evs: list[tuple[str, str, int]], n: int) -> None:
    whole = Stats()
    parts = [Stats() for _ in range(n)]
    for i, (step, label, v) in enumerate(evs):
        whole.add(step, label, v)
        parts[i % n].add(step, label, v)
    assert Stats.total(p.to_dict() for p in parts).to_dict() == whole.to_dict()
    assert Stats(whole.to_dict()).to_dict() == whole.to_dict()


def test_get_and_ordering() -> None:
    s = Stats()
    s.add("clean", "removed:b", 2)
    s.add("clean", "removed:a")
    s.add("clean", "removed:b")
    assert s.get("clean", "removed:b") == 3 and s.get("clean", "none") == 0 and s.get("other", "x") == 0
    assert list(s.to_dict()["clean"]) == ["removed:a", "removed:b"]
    assert s.merge(Stats({"read": {"in": 4}})).get("read", "in") == 4
