"""The dedup stage's outputs: one clusters record per cluster that agrees with the ledger
(kept document, members, size), each member with the check that decided it and its
margin, and the text of every duplicate kept beside the corpus."""

from __future__ import annotations

from tests.cleaners.conftest import GenRun, by_id
from tests.outputs import records


def test_cluster_records_agree_with_the_ledger(gen_run: GenRun) -> None:
    clusters = records(gen_run.out, "dedup")
    dups = {i for i, r in gen_run.ledger.items() if r["status"] == "duplicate"}
    listed = set()
    for c in clusters:
        assert gen_run.ledger[c["kept"]]["status"] == "kept"
        assert c["size"] == len(c["members"]) + 1
        for m in c["members"]:
            led = gen_run.ledger[m["id"]]
            assert (led["status"], led["duplicate_of"], led["cluster"]) == ("duplicate", c["kept"], c["cluster"])
            if m["kind"] == "near":
                assert isinstance(m["margin"], float) and m["check"]
            listed.add(m["id"])
    assert listed == dups and len({c["cluster"] for c in clusters}) == len(clusters)


def test_every_duplicates_text_is_kept_beside_the_corpus(gen_run: GenRun) -> None:
    texts = by_id(gen_run.out, "dedup/texts")
    corpus = by_id(gen_run.out, "corpus")
    dups = {i for i, r in gen_run.ledger.items() if r["status"] == "duplicate"}
    assert set(texts) == dups and not dups & set(corpus)
    for i in dups:
        assert texts[i][0]["source"] == gen_run.inputs[i]["source"]
