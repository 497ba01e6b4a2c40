"""Legitimate text that carries a noise word stays; spam filling a bracket goes with it."""

from __future__ import annotations

import pytest

from cleaners.config import CleanConfig
from cleaners.rules.base import DocContext
from cleaners.rules.cleaner import Cleaner

BODY = "The first paragraph of the story is long enough to be prose and to anchor the body here."


def clean(text: str) -> str:
    return Cleaner(CleanConfig()).clean(text, DocContext())[0]


@pytest.mark.parametrize("sentence", [
    "The copyright on the diaries expires next year, when they will enter the public domain.",
    "Police in Surabaya arrested 14 people accused of running an illegal togel, a numbers lottery.",
    "Her lawyers said the hak cipta dispute would go to court in Jakarta next month.",
])
def test_a_sentence_mentioning_a_noise_word_stays(sentence: str) -> None:
    assert clean(f"{BODY}\n{sentence}") == f"{BODY}\n{sentence}"


@pytest.mark.parametrize(("dirty", "want"), [
    ("The slogan, 함께 걸어요 (“Let’s walk (rtp slot live) together”), was painted everywhere.",
     "The slogan, 함께 걸어요 (“Let’s walk together”), was painted everywhere."),
    ("Protesters held (soi kèo bóng đá hôm nay) placards reading “Нет закону” (“No to the law”).",
     "Protesters held placards reading “Нет закону” (“No to the law”)."),
])
def test_spam_filling_a_bracket_goes_with_it(dirty: str, want: str) -> None:
    assert clean(f"{BODY}\n{dirty}") == f"{BODY}\n{want}"


def test_a_copyright_notice_still_goes() -> None:
    assert clean(f"{BODY}\nCopyright 2024 Daily Bugle. All rights reserved.") == BODY
    assert clean(f"{BODY}\n© Daily Bugle") == BODY


@pytest.mark.parametrize("line", [
    "By clicking “Accept all”, you agree to the storing of cookies on your device to enhance site navigation "
    "and analyse site usage.",
    "Topics: Courts, Energy, Agriculture",
    "Illustration by The Ridgeback Courier staff; source photo Kyodo News",
    "Header image courtesy of dpa",
    "Folgen Sie uns auf Instagram und Mastodon",
])
def test_furniture_at_the_edge_goes_by_shape(line: str) -> None:
    assert clean(f"{BODY}\n{line}") == BODY


def test_a_reader_question_about_sites_stays() -> None:
    text = f"{BODY}\nWe asked readers which website, app or browser they trust most for the news."
    assert clean(text) == text
