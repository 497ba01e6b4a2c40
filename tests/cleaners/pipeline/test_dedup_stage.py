"""The dedup stage on a generated corpus with known truth: every story and its exact and
near copies end in one cluster with one kept document, and no two stories share one."""

from __future__ import annotations

from collections import defaultdict

from tests.cleaners.conftest import GenRun


def test_clusters_are_the_true_stories(gen_run: GenRun) -> None:
    story = {i: t["dup_of"] or i for i, t in gen_run.truth.items()}
    got: dict[str, set[str]] = defaultdict(set)
    for doc_id, rec in gen_run.ledger.items():
        assert rec["status"] in ("kept", "duplicate"), rec
        got[rec["duplicate_of"] if rec["status"] == "duplicate" else doc_id].add(doc_id)
    want: dict[str, set[str]] = defaultdict(set)
    for doc_id, s in story.items():
        want[s].add(doc_id)
    assert sorted(map(sorted, got.values())) == sorted(map(sorted, want.values()))
    assert sum(len(ids) > 1 for ids in want.values()) >= 10  # the corpus has copies to find
    for ids in got.values():
        assert sum(gen_run.ledger[i]["status"] == "kept" for i in ids) == 1


def test_a_duplicate_names_its_kept_copy_and_how_alike_they_are(gen_run: GenRun) -> None:
    kinds = {"exact": 0, "near": 0}
    cluster_of: dict[str, str] = {}
    for rec in gen_run.ledger.values():
        if rec["status"] != "duplicate":
            continue
        keeper = gen_run.ledger[rec["duplicate_of"]]
        assert keeper["status"] == "kept"
        assert cluster_of.setdefault(rec["duplicate_of"], rec["cluster"]) == rec["cluster"]  # one id per cluster
        assert 0.0 < rec["similarity"] <= 1.0 and rec["match"] in kinds
        kinds[rec["match"]] += 1
        if rec["match"] == "exact":
            assert rec["similarity"] == 1.0
    assert kinds["exact"] >= 5 and kinds["near"] >= 5
