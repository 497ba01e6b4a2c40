"""A document's own language and script are content: news articles in ten languages, with
glosses in other scripts, pass the cleaner and the whole pipeline with every sentence
kept, while script-mixing spam inserted into them (a line in a script foreign to the
article, a bracketed token dropped mid-sentence) is removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners.config import CleanConfig
from cleaners.rules.base import DocContext
from cleaners.rules.cleaner import Cleaner
from cleaners.stats import Stats
from tests.cleaners.rules.own_language_articles import ARTICLES, Article, with_spam
from tests.inprocess import run
from tests.outputs import corpus

LANGS = [a.lang for a in ARTICLES]


def clean(text: str, source: str) -> tuple[str, list[str]]:
    out, removals = Cleaner(CleanConfig()).clean(text, DocContext(source=source, url=f"https://{source}/a"))
    return out, [r.rule for r in removals]


def test_the_languages_are_the_ten_asked_for() -> None:
    assert sorted(LANGS) == sorted(["zh", "ja", "ko", "th", "ru", "ar", "de", "pl", "fr", "vi"])


@pytest.mark.parametrize("art", ARTICLES, ids=LANGS)
def test_the_article_passes_intact(art: Article) -> None:
    out, rules = clean(art.text, f"{art.lang}.example.org")
    assert rules == []
    assert out == art.text


@pytest.mark.parametrize("art", ARTICLES, ids=LANGS)
def test_its_own_script_is_seen_as_its_own(art: Article) -> None:
    first = Cleaner(CleanConfig()).first_pass(art.text, None, None, Stats())
    assert first.removals == []
    if art.lang in ("ru", "de", "pl", "fr", "vi", "ar"):
        assert first.script in ("Latin", "Cyrillic", "Arabic")


@pytest.mark.parametrize("art", ARTICLES, ids=LANGS)
def test_spam_in_a_foreign_script_goes_and_nothing_else(art: Article) -> None:
    out, rules = clean(with_spam(art), f"{art.lang}.example.org")
    assert out == art.text
    assert "spam_line" in rules
    if art.inline is not None:
        assert any(r.startswith("spam_") and r != "spam_line" for r in rules)


def test_a_name_glossed_in_its_own_script_stays_beside_spam() -> None:
    body = ("The first paragraph of the story is long enough to be prose and to anchor the body here.\n"
            "South Korea's sports lottery, Sports Toto (스포츠토토), sold a record number of tickets this year.")
    assert clean(body, "en.example.org")[0] == body
    dirty = body.replace("sold a record", "sold [바카라사이트] a record")
    assert clean(dirty, "en.example.org")[0] == body


def test_the_pipeline_keeps_every_sentence(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for art in ARTICLES:
            rec = {"id": art.lang, "text": with_spam(art), "url": f"https://news-{art.lang}.example.org/story"}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    run([src], tmp_path / "out", tmp_path / "state")
    kept = corpus(tmp_path / "out")
    assert sorted(kept) == sorted(LANGS)
    for art in ARTICLES:
        assert kept[art.lang] == art.text, art.lang
