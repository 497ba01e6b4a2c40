"""Verdict records: what `review apply` accepts, how STATE keeps them, and the sample's
precision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners.review.precision import sample_precision, wilson
from cleaners.review.records import DocRef, ReviewVerdict, VerdictError, dumps, loads, read_export
from cleaners.review.store import apply_verdicts, merge, stored
from cleaners.state import StateStore

K = DocRef("0" * 31 + "1", "keeper-id", "day1")
M = DocRef("ab" * 16, "member <id>", "day1")
N = DocRef("cd" * 16, "other", "day1")


def export(*verdicts: dict) -> bytes:
    return json.dumps({"presswash_verdicts": 1, "run": "day1", "report": "t", "verdicts": list(verdicts)}).encode()


def raw(kind: str = "apart", members: list[DocRef] | None = None, **extra: object) -> dict:
    return {"kind": kind, "run": "day1", "cluster": "c000003", "sampled": True, "keeper": K.to_json(),
            "members": [m.to_json() for m in ([M] if members is None else members)]} | extra


def test_export_round_trip_and_ref() -> None:
    [v] = read_export(export(raw()))
    assert v == ReviewVerdict("apart", "day1", "c000003", K, (M,), True)
    assert loads(dumps([v]), "x") == [v]
    # the ref names the judgement on texts: ids, runs and clusters are for people
    other = ReviewVerdict("apart", "day9", "c000100", DocRef(K.digest, "k2", "day9"), (DocRef(M.digest, "m", "day9"),))
    assert other.ref == v.ref and v.ref.startswith("v") and len(v.ref) == 13
    assert ReviewVerdict("keeper", "day1", "c1", K, (M,)).ref != v.ref


@pytest.mark.parametrize("bad", [
    b"not json", b"[]", json.dumps({"presswash_verdicts": 2, "verdicts": []}).encode(),
    export(raw(kind="merge")), export(raw(members=[])), export(raw(members=[M, N])),
    export(raw() | {"keeper": {"digest": "XYZ", "id": "k", "run": "day1"}}),
    export(raw() | {"keeper": {"digest": "0" * 32, "id": 5, "run": "day1"}}),
    export(raw(sampled="yes")), export(raw() | {"run": None}),
])
def test_bad_files_are_refused_with_a_reason(bad: bytes) -> None:
    with pytest.raises(VerdictError):
        read_export(bad)


def test_merge_is_idempotent_and_a_repeated_verdict_becomes_the_latest() -> None:
    a = ReviewVerdict("apart", "day1", "c1", K, (M,))
    c = ReviewVerdict("correct", "day1", "c1", K, (M, N))
    merged, info = merge([a, c], [a])
    assert merged == [c, a] and (info.added, info.moved, info.total) == (0, 1, 2)
    assert merge(merged, [a])[0] == merged


def test_apply_commits_under_the_lock_and_runs_keep_them(tmp_path: Path) -> None:
    state = tmp_path / "state"
    store = StateStore(state)
    v = ReviewVerdict("apart", "day1", "c1", K, (M,))
    apply_verdicts(state, [v])
    snap = store.snapshot()
    assert stored(store, snap) == [v] and snap.verdicts and snap.generation == 1
    before = snap.verdicts
    w = ReviewVerdict("keeper", "day1", "c2", K, (N,))
    apply_verdicts(state, [w])
    snap = store.snapshot()
    assert stored(store, snap) == [v, w]
    assert not (state / str(before)).exists()  # the superseded file is collected
    with store.locked("another run"):
        from cleaners.state import StateBusy
        with pytest.raises(StateBusy):
            apply_verdicts(state, [v])


def test_wilson_interval() -> None:
    lo, hi = wilson(95, 100)
    assert lo == pytest.approx(0.8882, abs=1e-4) and hi == pytest.approx(0.9785, abs=1e-4)
    lo, hi = wilson(50, 50)
    assert hi == 1.0 and 0.92 < lo < 0.93
    assert wilson(0, 0) == (0.0, 1.0)


def test_sample_precision_counts_the_sample_only_and_the_latest_word() -> None:
    sampled = [ReviewVerdict("correct", "day1", "c1", K, (M, N), True),
               ReviewVerdict("apart", "day1", "c1", K, (N,), True),  # changes its mind on N
               ReviewVerdict("correct", "day1", "c7", K, (M,), True),
               ReviewVerdict("keeper", "day1", "c7", K, (M,), True)]  # says nothing on precision
    queued = [ReviewVerdict("apart", "day1", "c9", K, (M,), False)]  # the queue is not a random draw
    p = sample_precision(sampled + queued)
    assert (p.members.right, p.members.judged) == (2, 3)
    assert (p.clusters.right, p.clusters.judged) == (1, 2)
    assert p.runs == ("day1",)
