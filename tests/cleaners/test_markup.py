"""HTML tags and entities left in text inputs go as recorded repairs (with offsets);
comparisons and other text with angle brackets stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaners.markup import strip_markup
from tests.inprocess import run
from tests.outputs import corpus, records


@pytest.mark.parametrize(("dirty", "want"), [
    ("The mayor spoke first.<br />Then the council voted.", "The mayor spoke first.\nThen the council voted."),
    ("<p>First paragraph.</p>\n<p>Second paragraph.</p>", "First paragraph.\nSecond paragraph."),
    ("A <b>bold</b> claim and <a href=\"https://x.org/a\">a link</a>.", "A bold claim and a link."),
    ("Name<!-- tracking -->d after the river.", "Named after the river."),
    ("One line <br/> <BR> next line", "One line\nnext line"),
    ("<div class='story'>Text inside.</div>", "Text inside."),
])
def test_tags_go(dirty: str, want: str) -> None:
    assert strip_markup(dirty)[0] == want


@pytest.mark.parametrize("text", [
    "If a < b and c > d, the order holds.",
    "The test passes when x<y.",
    "Fans posted <3 under the photo.",
    "for (i = 0; i<n; i++) when n>0",
    "Prices rose by <5% while costs were >10%.",
    "The set {x | x<b>y} is empty.",
    "A <b and c> d, the tag-like text of a formula.",
    "Use the <title> element, the guide says, to name a page.",
])
def test_text_with_angle_brackets_stays(text: str) -> None:
    assert strip_markup(text) == (text, [])


def test_every_repair_says_where() -> None:
    text = "Before<br />after and <i>more</i>."
    clean, repairs = strip_markup(text)
    assert clean == "Before\nafter and more."
    for r in repairs:
        assert r.kind == "markup" and r.start is not None
        assert text[r.start:r.start + len(r.before)] == r.before


# "x<br>y" is a line break by HTML's rules, whatever the writer meant: no operand is "br"
OPERAND = st.one_of(st.text("abcdehipqrsuxyz", min_size=1, max_size=3).filter(lambda s: s not in ("br", "hr")),
                    st.integers(0, 999).map(str))
OP = st.sampled_from(["<", ">", "<=", ">=", "<>", "<<", ">>", "->", "<-", "=>", "<3"])
SPACE = st.sampled_from(["", " "])


@st.composite
def comparisons(draw: st.DrawFn) -> str:
    parts = [draw(OPERAND)]
    for _ in range(draw(st.integers(1, 4))):
        s = draw(SPACE)
        parts += [s, draw(OP), s, draw(OPERAND)]
    return "".join(parts)


@given(st.lists(comparisons(), min_size=1, max_size=4), st.sampled_from([" and ", ", ", "; ", " or "]))
def test_comparisons_are_never_eaten(exprs: list[str], sep: str) -> None:
    text = "Note that " + sep.join(exprs) + " in the model."
    assert strip_markup(text) == (text, [])


WORDS = st.lists(st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8),
                 min_size=2, max_size=12)
TAGS = st.sampled_from(["<b>", "</b>", "<i>", "</i>", "<span class=\"x\">", "</span>", "<br />", "<br>", "</p>",
                        "<a href='/x'>", "</a>", "<!-- c -->"])


@given(WORDS, st.lists(st.tuples(st.integers(0, 11), TAGS), max_size=6))
def test_tags_between_words_go_and_the_words_stay(words: list[str], inserts: list[tuple[int, str]]) -> None:
    pieces = list(words)
    for at, tag in inserts:
        k = at % len(pieces)
        pieces[k] = pieces[k] + " " + tag
    dirty = " ".join(pieces) + " </b></i>"  # the closers make any bare "<b>" above markup
    clean, repairs = strip_markup(dirty)
    assert clean.split() == " ".join(words).split()
    assert len(repairs) <= len(inserts) + 1
    for r in repairs:
        assert dirty[r.start:r.start + len(r.before)] == r.before  # type: ignore[operator]


def test_a_jsonl_text_input_reaches_the_corpus_without_markup(tmp_path: Path) -> None:
    body = ("The harbour authority said on Monday that the new ferry terminal would open in March, two months "
            "later than planned.")
    dirty = (f"<p>{body}</p>\n<p>Tom &amp; Jerry&#8217;s caf&eacute; on the quay will stay open through the "
             "winter,<br />the owner told reporters&nbsp;on Tuesday after the vote.</p>\n"
             "In the model of the harbour's traffic a < b and c > d still holds for every season.")
    want = (f"{body}\nTom & Jerry’s café on the quay will stay open through the winter,\n"
            "the owner told reporters on Tuesday after the vote.\n"
            "In the model of the harbour's traffic a < b and c > d still holds for every season.")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d1", "text": dirty, "url": "https://harbour.example.org/a"}) + "\n")
    run([src], tmp_path / "out", tmp_path / "state")
    assert corpus(tmp_path / "out") == {"d1": want}
    markup = [r for r in records(tmp_path / "out", "repairs") if r["kind"] == "markup"]
    assert markup and all("start" in r for r in markup)
