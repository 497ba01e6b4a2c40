"""The typed ledger and cluster records: one JSON round trip, in the files' field order,
with only the fields a record of its kind carries; older clusters.jsonl still read."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.outputs import ClusterMember, ClusterRecord, LedgerRecord, dumps

CITE = {"verdict": "keeper", "ref": "v0123456789ab"}


def test_ledger_records_in_file_order() -> None:
    rejected = LedgerRecord("a", "rejected", reason="too_large: 9 characters of text", place="in.jsonl:3")
    assert dumps(rejected) == (b'{"id":"a","status":"rejected","duplicate_of":null,'
                               b'"reason":"too_large: 9 characters of text","place":"in.jsonl:3"}\n')
    dup = LedgerRecord("b", "duplicate", duplicate_of="k", similarity=0.91, match="near", cluster="c000001",
                       source=None, url="https://x.example/b", duplicate_of_run="day1", review=(CITE,))
    assert list(dup.to_json()) == ["id", "status", "duplicate_of", "reason", "similarity", "match", "cluster",
                                   "source", "url", "duplicate_of_run", "review"]
    kept = LedgerRecord("k", "kept", source="x.example", url=None, removed=2)
    assert kept.to_json() == {"id": "k", "status": "kept", "duplicate_of": None, "reason": None,
                              "source": "x.example", "url": None, "removed": 2}
    for rec in (rejected, dup, kept):
        assert LedgerRecord.from_json(orjson.loads(dumps(rec))) == rec
    with pytest.raises(ValueError, match="kept, duplicate, rejected"):
        LedgerRecord("x", "lost")


texts = st.text(max_size=12)
optional = st.none() | texts


@st.composite
def ledger_records(draw: st.DrawFn) -> LedgerRecord:
    status = draw(st.sampled_from(["kept", "duplicate", "rejected"]))
    review = tuple(draw(st.lists(st.fixed_dictionaries({"verdict": texts, "ref": texts}), max_size=2)))
    if status == "rejected":
        return LedgerRecord(draw(texts), status, reason=draw(texts), place=draw(texts))
    if status == "kept":
        return LedgerRecord(draw(texts), status, source=draw(optional), url=draw(optional),
                            removed=draw(st.integers(0, 99)), review=review)
    return LedgerRecord(draw(texts), status, duplicate_of=draw(texts), similarity=draw(st.floats(0, 1)),
                        match=draw(st.sampled_from(["exact", "near"])), cluster=draw(texts), source=draw(optional),
                        url=draw(optional), duplicate_of_run=draw(optional), review=review)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(ledger_records())
def test_ledger_round_trip(rec: LedgerRecord) -> None:
    line = dumps(rec)
    back = LedgerRecord.from_json(orjson.loads(line))
    assert back == rec and dumps(back) == line


def test_cluster_record_round_trip_in_file_order() -> None:
    exact = ClusterMember("e", 1.0, 1.0, "exact", "a" * 32, "exact", 1.0)
    near = ClusterMember("n", 0.8123, 0.9, "near", "b" * 32, "jaccard", 0.0623, "template", 0.04, CITE)
    chain = ClusterMember("c", 0.41, 0.5, "near", "c" * 32, "chain", -0.02)
    rec = ClusterRecord("c000000", "k", 4, "earliest date", "d" * 32, (exact, near, chain), "day1", (CITE,))
    line = dumps(rec)
    assert list(orjson.loads(line)) == ["cluster", "kept", "size", "why", "kept_digest", "members", "kept_run",
                                        "review"]
    assert [list(m) for m in orjson.loads(line)["members"]] == [
        ["id", "similarity", "containment", "kind", "digest", "check", "margin"],
        ["id", "similarity", "containment", "kind", "digest", "check", "margin", "guard", "guard_margin", "review"],
        ["id", "similarity", "containment", "kind", "digest", "check", "margin"]]
    back = ClusterRecord.from_json(orjson.loads(line))
    assert back == rec and dumps(back) == line
    this_run = ClusterRecord("c000001", "k", 2, "longest text", "d" * 32, (exact,))
    assert "kept_run" not in this_run.to_json() and "review" not in this_run.to_json()


def test_older_cluster_records_read() -> None:
    old = {"cluster": "c000000", "kept": "k", "size": 2,
           "members": [{"id": "a", "similarity": 1, "containment": 1, "kind": "exact"}]}
    rec = ClusterRecord.from_json(old)
    assert (rec.why, rec.kept_digest, rec.kept_run, rec.review) == ("", "", None, ())
    (m,) = rec.members
    assert (m.digest, m.check, m.margin, m.similarity) == ("", None, None, 1.0)
    assert m.to_json() == {"id": "a", "similarity": 1.0, "containment": 1.0, "kind": "exact"}
