"""The write stage: the corpus holds each kept document once, with its input's id, url and
source, and the ledger one record per input document (nothing lost)."""

from __future__ import annotations

from tests.cleaners.conftest import GenRun, by_id


def test_the_corpus_is_the_kept_documents(gen_run: GenRun) -> None:
    corpus = by_id(gen_run.out, "corpus")
    kept = {i for i, r in gen_run.ledger.items() if r["status"] == "kept"}
    assert set(corpus) == kept and all(len(v) == 1 for v in corpus.values())
    for i, (rec,) in corpus.items():
        src = gen_run.inputs[i]
        assert (rec["url"], rec["source"]) == (src["url"], src["source"]) and rec["text"].strip()
    assert set(gen_run.ledger) == set(gen_run.inputs)
    d = gen_run.summary["documents"]
    assert d["in"] == len(gen_run.inputs) == d["kept"] + d["duplicate"] + d["rejected"]
    assert (d["kept"], d["duplicate"]) == (len(kept), len(gen_run.ledger) - len(kept))
