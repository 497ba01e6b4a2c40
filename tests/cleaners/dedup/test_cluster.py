"""Clustering of verified pairs: strongest pairs first, ties by id (never input order), a
copy of a copy joins only when still near the keeper, two clusters merge only when their
keepers verify, and two documents of earlier runs never end in one cluster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.dedup.cluster import Clusters
from cleaners.dedup.keeper import Candidate
from cleaners.dedup.verify import Verdict

YES = Verdict(True, 0.9, 0.9, 1.0)
NO_FAR = Verdict(False, 0.1, 0.1, 0.2)  # past no check, nor the chain rule
NO_NEAR = Verdict(False, 0.52, 0.6, 0.95)  # not a copy of the keeper, but keeps half of it with its names


Pairs = set[frozenset[str]] | frozenset[frozenset[str]]


def make(names: list[str], ok: Pairs, near: Pairs = frozenset(), earlier: frozenset[str] = frozenset(),
         policy: str = "smallest_id") -> Clusters:
    cands = [Candidate(n, 0, 100, earlier_run="r0" if n in earlier else None) for n in names]

    def check(a: int, b: int) -> Verdict:
        pair = frozenset((names[a], names[b]))
        return YES if pair in ok else NO_NEAR if pair in near else NO_FAR
    return Clusters(cands, policy, check, 0.5, 0.8)


def groups(c: Clusters) -> set[frozenset[str]]:
    by_root: dict[int, set[str]] = {}
    for i, cand in enumerate(c.cands):
        by_root.setdefault(c.find(i), set()).add(cand.id)
    return {frozenset(g) for g in by_root.values() if len(g) > 1}


def pairs(names: list[str], edges: list[tuple[float, str, str]]) -> list[tuple[float, int, int]]:
    at = {n: i for i, n in enumerate(names)}
    return [(w, at[a], at[b]) for w, a, b in edges]


def test_a_copy_of_a_copy_joins_when_it_verifies_against_the_keeper() -> None:
    names = ["a", "b", "c"]
    c = make(names, ok={frozenset("ab"), frozenset("bc"), frozenset("ac")})
    c.add(pairs(names, [(0.9, "a", "b"), (0.8, "b", "c")]), 0.55)
    assert groups(c) == {frozenset("abc")}
    assert c.cands[c.keeper[c.find(2)]].id == "a"


def test_a_copy_of_a_copy_far_from_the_keeper_stays_apart() -> None:
    names = ["a", "b", "c"]
    c = make(names, ok={frozenset("ab"), frozenset("bc")})
    c.add(pairs(names, [(0.9, "a", "b"), (0.8, "b", "c")]), 0.55)
    assert groups(c) == {frozenset("ab")}


def test_the_chain_rule_lets_a_near_copy_through() -> None:
    names = ["a", "b", "c"]
    c = make(names, ok={frozenset("ab"), frozenset("bc")}, near={frozenset("ac")})
    c.add(pairs(names, [(0.9, "a", "b"), (0.8, "b", "c")]), 0.55)
    assert groups(c) == {frozenset("abc")}


def test_two_clusters_merge_only_when_their_keepers_verify() -> None:
    names = ["a", "b", "c", "d"]
    edges = [(0.95, "a", "b"), (0.94, "c", "d"), (0.9, "b", "c")]
    apart = make(names, ok={frozenset("ab"), frozenset("cd"), frozenset("bc")})
    apart.add(pairs(names, edges), 0.55)
    assert groups(apart) == {frozenset("ab"), frozenset("cd")}
    merged = make(names, ok={frozenset("ab"), frozenset("cd"), frozenset("bc"), frozenset("ac")})
    merged.add(pairs(names, edges), 0.55)
    assert groups(merged) == {frozenset("abcd")}


def test_two_documents_of_earlier_runs_never_share_a_cluster() -> None:
    names = ["a", "b", "c"]
    c = make(names, ok={frozenset(p) for p in ("ab", "bc", "ac")}, earlier=frozenset("ab"))
    c.add(pairs(names, [(0.99, "a", "b"), (0.9, "a", "c"), (0.8, "b", "c")]), 0.55)
    assert groups(c) == {frozenset("ac")}
    assert c.cands[c.keeper[c.find(2)]].id == "a"  # the earlier run's copy is kept


def test_a_teaser_attaches_to_the_largest_story_it_is_in() -> None:
    # s1~s2 is one story, u alone another; the teaser t is inside both (weak pairs)
    names = ["s1", "s2", "t", "u"]
    every = {frozenset((x, y)) for x in names for y in names if x != y}
    c = make(names, ok=every - {frozenset(("s1", "u")), frozenset(("s2", "u"))})
    c.add(pairs(names, [(0.9, "s1", "s2"), (0.3, "t", "u"), (0.2, "t", "s2")]), 0.55)
    assert groups(c) == {frozenset(("s1", "s2", "t"))}


names_st = st.lists(st.sampled_from("abcdefg"), min_size=2, max_size=7, unique=True)


@settings(max_examples=50, derandomize=True, deadline=None)
@given(names_st, st.data())
def test_clusters_do_not_depend_on_the_order_of_pairs(names: list[str], data: st.DataObject) -> None:
    all_pairs = [(x, y) for i, x in enumerate(names) for y in names[i + 1:]]
    ok = {frozenset(p) for p in data.draw(st.lists(st.sampled_from(all_pairs), unique=True))}
    weights = st.sampled_from([0.2, 0.4, 0.6, 0.8, 0.9])
    edges = [(data.draw(weights), x, y) for x, y in sorted(ok, key=sorted)]
    first = make(names, ok)
    first.add(pairs(names, [(w, *sorted((x, y))) for w, x, y in edges]), 0.55)
    shuffled = data.draw(st.permutations(edges))
    second = make(names, ok)
    second.add(pairs(names, [(w, y, x) for w, x, y in shuffled]), 0.55)
    assert groups(first) == groups(second)
    for g in groups(first):  # every cluster's keeper is the policy's choice among its members
        i = names.index(next(iter(g)))
        assert first.cands[first.keeper[first.find(i)]].id == min(g)
