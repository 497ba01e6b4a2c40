"""The record types: frozen, a removal shifted keeps its text, a reject's reason reads whole."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.document import Reject, Removal


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.text(max_size=30), st.integers(0, 20), st.integers(0, 20), st.integers(0, 100))
def test_a_shifted_removal_indexes_the_longer_text(text: str, a: int, n: int, offset: int) -> None:
    a = min(a, len(text))
    b = min(a + n, len(text))
    r = Removal("rule", a, b, text[a:b])
    prefix = "x" * offset
    s = r.shifted(offset)
    assert (prefix + text)[s.start:s.end] == s.text == r.text and s.rule == r.rule


def test_records_are_frozen() -> None:
    r = Removal("rule", 0, 1, "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.start = 5  # type: ignore[misc]


def test_a_reject_reads_with_its_detail() -> None:
    assert Reject("a", "too_large").reason_text == "too_large"
    assert Reject("a", "too_large", detail="9 MB").reason_text == "too_large: 9 MB"
