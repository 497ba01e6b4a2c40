"""Verification of candidate pairs on the texts' own sets: copies with light edits pass,
other stories and one template filled with other names and numbers do not, a teaser
joins its story, two briefs must be nearly one text. Texts are generated here and turned
into sets by the dedup features, as the dedup stage does."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.config import DedupConfig
from cleaners.dedup.features import features
from cleaners.dedup.verify import DocSets, Verdict, entity_agreement, jaccard, only_insertions, overlap, verify

CFG = DedupConfig()
WORDS = ("council budget vote river bridge school teachers road repairs harbour festival market water "
         "prices hospital nurses union strike weather storm farmers harvest police station library").split()


def story(seed: int, n_sentences: int = 12, town: str = "Hamden", number: int = 42) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n_sentences):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(9, 15))]
        out.append(f"In {town} the {' '.join(words)} rose to {number + i} on Monday.")
    return " ".join(out)


def sets(*texts: str) -> list[DocSets]:
    f = features(texts, CFG)

    def cut(name: str, i: int) -> np.ndarray:
        return f[name][f[f"{name}_off"][i]:f[f"{name}_off"][i + 1]]
    def short(i: int) -> str:
        return bytes(f["short_bytes"][f["short_off"][i]:f["short_off"][i + 1]]).decode()
    return [DocSets(cut("sh", i), cut("ent", i), cut("msh", i), short(i)) for i in range(len(texts))]


def judge(a: str, b: str) -> Verdict:
    x, y = sets(a, b)
    return verify(x, y, CFG)


def test_a_lightly_edited_copy_is_a_duplicate() -> None:
    text = story(1)
    edited = text.replace("Monday", "Tuesday", 2).replace(" the ", " a ", 1)
    v = judge(text, edited)
    assert v.ok and v.jaccard > CFG.min_jaccard and v.margin > 0


def test_another_story_is_not() -> None:
    v = judge(story(1), story(2))
    assert not v.ok and v.margin < 0


def test_a_template_filled_with_other_names_and_numbers_is_not() -> None:
    a, b = story(3, town="Hamden", number=10), story(3, town="Oakville", number=70)
    v = judge(a, b)
    assert not v.ok and v.template


def test_a_teaser_joins_its_story() -> None:
    full = story(4, n_sentences=30)
    teaser = ". ".join(full.split(". ")[:2]) + "."  # its first two sentences: a short document
    v = judge(teaser, full)
    assert v.ok and v.check == "teaser"
    assert not judge(". ".join(story(5).split(". ")[:2]) + ".", full).ok


def test_two_briefs_must_be_nearly_one_text() -> None:
    brief = "Heat advisory for the coast until 9 p.m. Sunday, forecasters said."
    assert judge(brief, "BRIEF: " + brief).ok
    other = "Wind advisory for the coast until 6 a.m. Monday, forecasters said."
    v = judge(brief, other)
    assert not v.ok and v.check == "short"


def test_an_empty_document_verifies_against_nothing() -> None:
    empty = DocSets(np.zeros(0, np.uint32), np.zeros(0, np.uint32), np.zeros(0, np.uint32))
    full = sets(story(1))[0]
    assert verify(empty, full, CFG) == Verdict(False, 0.0, 0.0, 0.0)


def test_too_few_names_to_judge_agree() -> None:
    assert entity_agreement(np.array([1, 2], np.uint32), np.array([7, 8, 9], np.uint32)) == 1.0
    assert entity_agreement(np.array([1, 2, 3], np.uint32), np.array([3, 4, 5, 6], np.uint32)) == pytest.approx(1 / 3)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("heat advisory until 9 pm sunday", "brief heat advisory until 9 pm sunday", True),
    ("heat advisory until 9 pm sunday", "heat advisroy until 9 pm sunday", True),
    ("heat advisory until 9 pm sunday", "heat advisory until 6 pm sunday", False),
    ("heat advisory until 9 pm sunday", "wind advisory until 9 pm monday", False),
])
def test_only_insertions_tells_a_label_or_typo_from_a_replaced_slot(a: str, b: str, same: bool) -> None:
    assert only_insertions(a, b) is same


uint_sets = st.lists(st.integers(0, 60), max_size=40, unique=True).map(lambda xs: np.array(sorted(xs), np.uint32))


@settings(max_examples=60, derandomize=True, deadline=None)
@given(uint_sets, uint_sets)
def test_jaccard_and_overlap_match_python_sets(a: np.ndarray, b: np.ndarray) -> None:
    sa, sb = set(a.tolist()), set(b.tolist())
    assert overlap(a, b) == len(sa & sb)
    assert jaccard(a, b) == (len(sa & sb) / len(sa | sb) if sa | sb else 0.0)


@settings(max_examples=20, derandomize=True, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_the_verdict_is_symmetric(s1: int, s2: int) -> None:
    a, b = story(s1), story(s1 if s2 % 3 == 0 else s2)[: 200 + s2 % 900]
    x, y = sets(a, b)
    assert verify(x, y, CFG).ok == verify(y, x, CFG).ok
