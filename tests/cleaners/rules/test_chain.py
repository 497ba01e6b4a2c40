"""Offsets survive any sequence of removals: `original[start:end] == text` always."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.document import Removal
from cleaners.rules.chain import Rebaser, apply_spans


@st.composite
def steps(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int]]]]:
    text = draw(st.text(alphabet="ab c\n메", max_size=60))
    plans = draw(st.lists(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=5), max_size=4))
    return text, plans


@settings(max_examples=300, derandomize=True, deadline=None)
@given(steps())
def test_rebased_offsets_index_the_original(case: tuple[str, list[list[tuple[int, int]]]]) -> None:
    original, plans = case
    rb = Rebaser(original)
    alive = list(range(len(original)))
    for plan in plans:
        spans, last = [], 0
        for start, length in sorted(plan):
            s = max(start, last)
            e = min(s + length, len(rb.text))
            if s < e:
                spans.append(Removal("r", s, e, rb.text[s:e]))
                last = e
        dead = {i for r in spans for i in range(r.start, r.end)}
        rb.apply(spans)
        alive = [a for i, a in enumerate(alive) if i not in dead]
    assert rb.text == "".join(original[a] for a in alive)
    removed = set()
    for r in rb.removals:
        assert original[r.start:r.end] == r.text
        removed.update(range(r.start, r.end))
    assert removed == set(range(len(original))) - set(alive)


def test_bad_spans_are_refused() -> None:
    import pytest

    with pytest.raises(ValueError):
        apply_spans("hello", [Removal("r", 1, 3, "zz")])
