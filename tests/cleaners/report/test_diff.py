"""The report's diffs and links: scraped text never becomes markup, only http(s) links."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from cleaners.report.diff import safe_url, side_by_side


def test_changed_words_are_marked_on_each_side() -> None:
    left, right = side_by_side("the cat sat on the mat".split(), "the dog sat on the mat today".split())
    assert str(left) == "the <del>cat</del> sat on the mat"
    assert str(right) == "the <ins>dog</ins> sat on the mat <ins>today</ins>"


words = st.lists(st.sampled_from(["<script>", "a&b", '"x"', "plain", "<b>", "'y'"]), max_size=8)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(words, words)
def test_scraped_text_is_always_escaped(a: list[str], b: list[str]) -> None:
    left, right = side_by_side(a, b)
    for side, src in ((left, a), (right, b)):
        plain = str(side).replace("<del>", "").replace("</del>", "").replace("<ins>", "").replace("</ins>", "")
        assert "<script>" not in plain and "<b>" not in plain
        assert plain.split() == [str(escape(w)) for w in src]


def test_only_http_links() -> None:
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://x.com/\"onmouseover=", None, ""):
        assert safe_url(bad) is None
