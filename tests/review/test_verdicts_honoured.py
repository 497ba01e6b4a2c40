"""Verdicts steer later runs: a pair marked apart never merges again (also through a third
copy), a chosen keeper is kept, and the ledger and clusters.jsonl cite the verdicts — in a
re-run of the reviewed run id and in a later run over the same inputs. Runs in-process
(tests/inprocess.py); the browser and CLI side is tests/review/test_review_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

from cleaners.outputs import ClusterRecord
from cleaners.report.build import iter_clusters
from cleaners.review.records import DocRef, ReviewVerdict
from cleaners.review.store import apply_verdicts, stored
from cleaners.state import StateStore
from tests.inprocess import run
from tests.outputs import content_digests, ledger
from tests.review import corpus


def refs(out: Path, run_id: str) -> dict[str, tuple[ClusterRecord, DocRef]]:
    """Each clustered document: (its cluster record, its DocRef)."""
    found = {}
    for c in iter_clusters(out):
        found[c.kept] = (c, DocRef(c.kept_digest, c.kept, c.kept_run or run_id))
        for m in c.members:
            found[m.id] = (c, DocRef(m.digest, m.id, run_id))
    return found


def review(out: Path, run_id: str) -> list[ReviewVerdict]:
    """s0-c1 is not a duplicate; s1-c2 is the better keeper; story 2 is right."""
    r = refs(out, run_id)
    c0, c1, c2 = r["s0-c0"][0], r["s1-c0"][0], r["s2-c0"][0]
    assert r["s0-c1"][0] is c0 and r["s1-c2"][0] is c1  # the first run merged them
    return [ReviewVerdict("apart", run_id, c0.cluster, r["s0-c0"][1], (r["s0-c1"][1],), True),
            ReviewVerdict("keeper", run_id, c1.cluster, r["s1-c0"][1], (r["s1-c2"][1],)),
            ReviewVerdict("correct", run_id, c2.cluster, r["s2-c0"][1], (r["s2-c1"][1], r["s2-c2"][1]), True)]


def test_verdicts_steer_reruns_and_later_runs(tmp_path: Path) -> None:
    corpus.write(tmp_path / "in.jsonl")
    inputs, state, out = [tmp_path / "in.jsonl"], tmp_path / "state", tmp_path / "runs" / "day1"
    run(inputs, out, state)
    verdicts = review(out, "day1")
    apart, keeper, correct = verdicts
    apply_verdicts(state, verdicts)

    run(inputs, out, state)  # the same run id again: STATE as before, plus the verdicts
    led = ledger(out)
    assert led["s0-c1"]["status"] == "kept" and led["s0-c0"]["status"] == "kept"
    assert led["s0-c1"]["review"] == [{"verdict": "apart", "ref": apart.ref, "other": {"id": "s0-c0", "run": "day1"}}]
    assert led["s0-c0"]["review"][0]["ref"] == apart.ref
    assert led["s0-c2"]["duplicate_of"] == "s0-c0"  # the third copy joined one side only
    by_keeper = {c.kept: c for c in iter_clusters(out)}
    assert list(by_keeper["s0-c0"].review) == [led["s0-c0"]["review"][0]]
    assert [m.id for m in by_keeper["s0-c0"].members] == ["s0-c2"]
    # the chosen keeper is kept, the others point at it
    assert led["s1-c2"]["status"] == "kept" and led["s1-c2"]["review"] == [{"verdict": "keeper", "ref": keeper.ref}]
    assert {led[i]["duplicate_of"] for i in ("s1-c0", "s1-c1")} == {"s1-c2"}
    assert by_keeper["s1-c2"].why == "chosen by a reviewer"
    # confirmed pairs are cited per member (and no longer doubtful)
    assert [(m.review or {}).get("ref") for m in by_keeper["s2-c0"].members] == [correct.ref, correct.ref]
    assert led["s2-c1"]["review"] == [{"verdict": "correct", "ref": correct.ref}]

    store = StateStore(state)
    assert stored(store, store.snapshot()) == verdicts  # the re-run kept them
    first = content_digests(out)
    run(inputs, out, state)  # and once more: same STATE, same bytes
    assert content_digests(out) == first
    assert stored(store, store.snapshot()) == verdicts

    later = tmp_path / "runs" / "day2"
    run(inputs, later, state)  # a later run over the same inputs
    led2 = ledger(later)
    assert led2["s0-c1"]["duplicate_of"] == "s0-c1" and led2["s0-c1"]["duplicate_of_run"] == "day1"
    assert all(not (r.get("duplicate_of") == "s0-c0" and i == "s0-c1") for i, r in led2.items())
    assert led2["s1-c2"]["duplicate_of"] == "s1-c2"  # its text stays the published one
    assert {led2[i]["duplicate_of"] for i in ("s1-c0", "s1-c1")} == {"s1-c2"}
    stats = json.loads((later / "stats.json").read_text())
    assert stats["documents"]["in"] == len(corpus.documents())
