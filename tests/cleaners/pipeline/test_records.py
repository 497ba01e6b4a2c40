"""The stage records: each type's JSON line reads back as the same record; a reject is told
apart by its reason whatever stage reads it."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.document import Reject
from cleaners.pipeline.records import Cleaned, Prepared, Rejected, dump, read_entry

text = st.text(max_size=20)
opt = st.one_of(st.none(), text)
prepared = st.builds(Prepared, st.integers(0, 10**6), text, text, opt, opt, opt, opt, text, text, text,
                     st.lists(st.tuples(text, st.integers(0, 99), st.integers(0, 99)), max_size=3).map(tuple),
                     st.lists(st.tuples(text, text, text, st.integers(1, 9)), max_size=3).map(tuple),
                     st.lists(st.integers(0, 2**64 - 1), max_size=4).map(tuple), text)
cleaned = st.builds(Cleaned, st.integers(0, 10**6), text, text, opt, opt, opt, text, st.integers(0, 99))
rejected = st.builds(Rejected, st.integers(0, 10**6), text, text, st.sampled_from(["empty", "too_large"]), text)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(prepared, cleaned, rejected)
def test_each_record_reads_back(p: Prepared, c: Cleaned, r: Rejected) -> None:
    assert read_entry(orjson.loads(dump(p)), Prepared) == p
    assert read_entry(orjson.loads(dump(c)), Cleaned) == c
    assert read_entry(orjson.loads(dump(r)), Prepared) == r == read_entry(orjson.loads(dump(r)), Cleaned)
    assert dump(p).endswith(b"\n") and dump(p).count(b"\n") == 1


def test_a_reject_carries_its_reason() -> None:
    r = Rejected.of(Reject("a", "too_large", 3, "f:4", "9 MB"))
    assert (r.seq, r.id, r.place, r.reason_text) == (3, "a", "f:4", "too_large: 9 MB")
