"""Verdict records: one JSON round trip, ids that follow the texts (not names or runs),
and clear errors for anything that is not a verdict."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.review.records import Citation, ReviewVerdict, VerdictError, digest_hex, dumps, loads, read_export
from tests.cleaners.review.verdicts import ref, verdict, verdicts


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.lists(verdicts, max_size=6))
def test_verdicts_round_trip(vs: list[ReviewVerdict]) -> None:
    assert loads(dumps(vs), "t") == vs
    export = orjson.dumps({"presswash_verdicts": 1, "verdicts": [v.to_json() for v in vs]})
    assert read_export(export) == vs


def test_the_ref_follows_the_texts_not_the_names() -> None:
    a = verdict("apart", "a", "b", run="r1", cluster="c1")
    b = verdict("apart", "a", "b", run="r9", cluster="c7")
    assert a.ref == b.ref != verdict("apart", "a", "c").ref
    assert verdict("correct", "a", "b", "c").ref == verdict("correct", "a", "c", "b").ref
    assert a.ref != verdict("correct", "a", "b").ref


@pytest.mark.parametrize(("doc", "message"), [
    (b"not json", "not JSON"),
    (b'{"verdicts": []}', "not a presswash verdicts file"),
    (b'{"presswash_verdicts": 1, "verdicts": {}}', "must be a list"),
    (b'{"presswash_verdicts": 1, "verdicts": [{"kind": "maybe", "run": "r", "cluster": "c", "members": [],'
     b' "keeper": {"digest": "' + b"0" * 32 + b'", "id": "a", "run": "r"}}]}', "unknown verdict kind"),
    (b'{"presswash_verdicts": 1, "verdicts": [{"kind": "apart", "run": "r", "cluster": "c", "members": [],'
     b' "keeper": {"digest": "XYZ", "id": "a", "run": "r"}}]}', "32 lowercase hex"),
])
def test_what_is_not_a_verdict_is_an_error(doc: bytes, message: str) -> None:
    with pytest.raises(VerdictError, match=message):
        read_export(doc)


def test_apart_and_keeper_name_one_member() -> None:
    with pytest.raises(VerdictError, match="one member"):
        ReviewVerdict("apart", "r", "c", ref("a"), (ref("b"), ref("c")))
    with pytest.raises(VerdictError, match="members"):
        ReviewVerdict("correct", "r", "c", ref("a"), ())


def test_digests_and_citations() -> None:
    assert digest_hex(1, 255) == "0000000000000001" + "00000000000000ff"
    v = verdict("apart", "a", "b")
    assert Citation.of(v, ref("b")).to_json() == {"verdict": "apart", "ref": v.ref, "other": {"id": "b", "run": "r1"}}
    assert Citation.of(v).to_json() == {"verdict": "apart", "ref": v.ref}
