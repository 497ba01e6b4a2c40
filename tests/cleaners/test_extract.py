"""Main-text extraction: the article of a real page comes out with its title and date;
a page of only scripts is no article (its <noscript> notice is rejected); a failing or
dead extractor child gives a reject reason, never an exception."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest

from cleaners.config import ExtractConfig
from cleaners.extract import Extractor, noscript_notice, page_hints
from tests.conftest import SHARED


def real_pages(n: int) -> list[dict[str, str]]:
    """The first `n` pages of the DEV extraction set's input (inputs only: no gold)."""
    out = []
    with gzip.open(SHARED / "eval" / "extraction" / "input.jsonl.gz", "rt") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) == n:
                break
    return out


ARTICLE = "".join(f"<p>Paragraph {i}: the harbour board voted on Tuesday to extend the quay by forty metres, "
                  "after two years of talks with the fishing cooperative and the town council.</p>" for i in range(6))
PAGE = ("<html><head><title>Quay &amp; harbour  vote</title>"
        '<meta property="article:published_time" content="2024-05-07T10:00:00Z"></head>'
        f"<body><nav>Home | News</nav><article><h1>Quay vote</h1>{ARTICLE}</article></body></html>")


@pytest.fixture(scope="module")
def inproc() -> Iterator[Extractor]:
    with Extractor(ExtractConfig(), sandbox=False) as ex:
        yield ex


def test_the_article_and_its_hints_come_out(inproc: Extractor) -> None:
    got = inproc.extract(PAGE)
    assert got.error is None
    assert "Paragraph 5: the harbour board" in got.text and "Home | News" not in got.text
    assert (got.title, got.date) == ("Quay & harbour vote", "2024-05-07T10:00:00Z")


def test_hints_prefer_og_title_and_ignore_a_missing_date() -> None:
    page = '<head><meta property="og:title" content="The real headline"><title>Site | x</title></head>'
    assert page_hints(page) == ("The real headline", None)
    assert page_hints("<p>no head</p>") == (None, None)


def test_a_page_of_only_scripts_is_no_article(inproc: Extractor) -> None:
    page = ("<html><body><script>var a=1;</script><noscript><p>Please enable JavaScript to view "
            "this site.</p></noscript></body></html>")
    got = inproc.extract(page)
    assert (got.text, got.error, got.detail) == ("", "extraction_empty", "only <noscript> text")
    assert noscript_notice("Please enable JavaScript to view this site.", page)
    assert not noscript_notice("A different sentence entirely.", page)


def test_real_pages_give_text_and_titles(inproc: Extractor) -> None:
    pages = real_pages(5)
    got = [inproc.extract(p["html"]) for p in pages]
    assert all(g.error is None and len(g.text.split()) > 50 for g in got)
    assert sum(g.title is not None for g in got) >= 4


def test_the_sandbox_gives_what_in_process_gives_and_survives_its_child(inproc: Extractor) -> None:
    page = real_pages(1)[0]["html"]
    with Extractor(ExtractConfig()) as ex:
        assert ex.extract(page) == inproc.extract(page)
        ex.proc.kill()  # the child dies (out of memory, a crash in a parser)
        ex.proc.join(5)
        died = ex.extract(page)
        assert (died.text, died.error) == ("", "extraction_failed")
        assert ex.extract(PAGE).text == inproc.extract(PAGE).text  # a new child takes over
