"""The checks that read letters: character 5-grams let a copy with damaged words (OCR,
typing errors) join its story, and the facts in a template's slots keep reports filled
with other facts apart, each verdict naming the check and its margin. Texts are the
repository's seed articles, damaged by the held-out-style generators' own functions."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.config import DedupConfig
from cleaners.dedup.features import features
from cleaners.dedup.verify import DocSets, substitutions, verify
from tests.evalsets.neardup_alt_noise import ocr_noise

CFG = DedupConfig()
SEEDS = sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt"))


def sets(texts: list[str]) -> list[DocSets]:
    f = features(texts, CFG)
    part = lambda k, i: f[k][f[f"{k}_off"][i]:f[f"{k}_off"][i + 1]]  # noqa: E731
    return [DocSets(part("sh", i), part("ent", i), part("msh", i), "", part("ch", i), part("fct", i))
            for i in range(len(texts))]


def seed(i: int) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


@settings(max_examples=12, deadline=None)
@given(i=st.integers(0, len(SEEDS) - 1), rate=st.floats(0.04, 0.12), r=st.integers(0, 2**32))
def test_ocr_damaged_copy_joins_its_story(i: int, rate: float, r: int) -> None:
    text = seed(i)
    a, b = sets([text, ocr_noise(text, random.Random(r), rate)])
    v = verify(a, b, CFG)
    assert v.ok, v
    assert v.chars >= CFG.char_containment and v.facts < CFG.fact_substitutions


def test_words_alone_miss_heavy_ocr_damage_the_letters_catch() -> None:
    text = seed(3)
    a, b = sets([text, ocr_noise(text, random.Random(7), 0.12)])
    words_only = verify(DocSets(a.sh, a.ent, a.msh), DocSets(b.sh, b.ent, b.msh), CFG)
    v = verify(a, b, CFG)
    assert not words_only.ok and words_only.chars == 0.0  # a STATE segment without letter features
    assert v.ok and v.check == "chars" and v.margin > 0 and v.guard == "facts" and v.guard_margin > 0


def report(price: str, change: str, volume: str, leader: str) -> str:
    frame = ("Shares of the regional carriers closed the session at {price} dollars on Tuesday after a "
             "choppy day of trading in which the index moved {change} percent from its opening level, "
             "with traders citing the quarterly fuel figures published before the bell. Volume reached "
             "{volume} million shares, well above the thirty day average, and analysts said the move "
             "reflected a rotation out of defensive names that has run for most of the month. Gains "
             "were led by {leader} Airlines, whose chief executive told investors on a call that "
             "bookings for the summer were running ahead of last year in every region the company "
             "serves. Airline stocks have been volatile all year as fuel prices swung and carriers "
             "added capacity faster than demand grew, and several brokers cut their targets last "
             "week. The sector index remains below the high it set in the spring, and strategists "
             "expect the earnings season to decide whether the rally can hold into the autumn.")
    return frame.format(price=price, change=change, volume=volume, leader=leader)


def test_a_template_filled_with_other_facts_stays_apart() -> None:
    a, b = sets([report("41", "2", "18", "Halden"), report("37", "3", "18", "Corvane")])
    v = verify(a, b, CFG)
    assert v.jaccard >= CFG.min_jaccard  # the words alone would merge them
    assert not v.ok and v.facts == 3 and v.guard == "facts" and v.guard_margin < 0


def test_one_other_fact_in_the_same_frame_is_another_report() -> None:
    a, b = sets([report("41", "2", "18", "Halden"), report("41", "2", "18", "Corvane")])
    v = verify(a, b, CFG)
    assert v.jaccard >= CFG.exact_like  # near-exact by its words
    assert v.facts == 1 and v.masked - v.jaccard >= CFG.frame_gap
    assert not v.ok and v.guard == "facts" and v.guard_margin < 0


def test_the_same_report_twice_has_no_differing_fact() -> None:
    a, b = sets([report("41", "2", "18", "Halden"), report("41", "2", "18", "Halden") + " Share this story."])
    v = verify(a, b, CFG)
    assert v.ok and v.facts == 0


def test_dropped_paragraphs_and_a_cut_end_change_no_fact() -> None:
    text = seed(4)
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert len(paras) >= 4
    dropped = "\n\n".join(paras[:1] + paras[2:3] + paras[4:])
    cut = "\n\n".join(paras[: len(paras) // 2]) + "\n\nRead the full story at Example News."
    a, b, c = sets([text, dropped, cut])
    for other in (b, c):
        v = verify(a, other, CFG)
        assert v.ok and v.facts == 0, v


def test_substitutions_count_numbers_and_names_not_misspellings() -> None:
    number, letters = np.uint32(1 << 31), lambda w: np.uint32(sum(1 << (ord(c) % 31) for c in set(w)))  # noqa: E731
    a = np.array([1, 10, number | 1, 2, 20, letters("halden"), 3, 30, letters("chavez"), 4, 40, number | 2],
                 np.uint32)
    b = np.array([1, 11, number | 1, 2, 21, letters("corvane"), 3, 31, letters("chavz"), 5, 40, number | 2],
                 np.uint32)
    assert substitutions(a, b) == 2  # 1: another number; 2: another name; 3: a dropped letter; 4/5: no shared slot
    five = np.array([1, 12, letters("five")], np.uint32)
    assert substitutions(a[:3], five) == 0  # a number written out in words is the same fact
    assert substitutions(a, np.zeros(0, np.uint32)) == 0


@pytest.mark.parametrize("text", [report("41", "2", "18", "Halden"), "Tiny text."])
def test_letter_features_are_sorted_and_whole_facts(text: str) -> None:
    (s,) = sets([text])
    assert np.all(np.diff(s.ch.astype(np.int64)) > 0)
    assert len(s.fct) % 3 == 0
    assert np.all(np.diff(s.fct.reshape(-1, 3)[:, 0].astype(np.int64)) > 0)
