"""Each cleaning rule by name, through the Python API (`Cleaner`): real BBC article bodies
dressed with one kind of furniture or spam, where the rule must fire — its name on the
removal, offsets into the pre-clean text, the planted text gone, the article kept — and
a near miss where it must not. The site rules read a site view counted from the first
pass of a generated site's pages (each key once per document, as the site tables count)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cleaners.config import CleanConfig
from cleaners.document import Removal
from cleaners.rules.base import DocContext, SiteView
from cleaners.rules.cleaner import RULES, Cleaner
from cleaners.stats import Stats
from tests.conftest import SHARED

CLEANER = Cleaner(CleanConfig())
SITE = "ridgeback-courier.com"
NAMES = ["Jane Doe", "Ravi Menon", "Ana Ruiz", "Tom Berg", "Lena Vogel", "Chen Wei"]
FOOTER = "The Ridgeback Courier is an independent newspaper serving the valley since 1921"
Article = tuple[str, list[str]]


@lru_cache(maxsize=1)
def articles() -> list[Article]:
    """(title, first four paragraphs) of real BBC articles."""
    out = []
    for line in (SHARED / "eval/corpora/bbc_articles.jsonl").read_text().split("\n"):
        if not line:
            continue
        rec = json.loads(line)
        parts = [p.strip() for p in rec["text"].split("\n") if p.strip()]
        if len(parts) >= 4 and all(60 < len(p) < 900 for p in parts[:4]):
            out.append((rec["title"], parts[:4]))
        if len(out) == 12:
            return out
    raise AssertionError("not enough articles")


def url(i: int) -> str:
    return f"https://www.{SITE}/2024/{i}/"


def run(text: str, ctx: DocContext | None = None) -> tuple[str, list[Removal]]:
    stats = Stats()
    clean, removals = CLEANER.clean(text, ctx or DocContext(), stats)
    for r in removals:  # every removal names its text by offsets into the pre-clean text
        assert text[r.start:r.end] == r.text
    for rule, n in Counter(r.rule for r in removals).items():
        assert stats.get("clean", f"removed:{rule}") >= 1, (rule, n)
    return clean, removals


def glue(p: str, noise: str) -> str:
    w = p.split(" ")
    return " ".join([*w[:3], w[3] + noise, *w[4:]])


def insert(p: str, noise: str) -> str:
    w = p.split(" ")
    return " ".join([*w[:6], noise, *w[6:]])


# rule -> builds (document lines, the planted text) from an article
Dress = Callable[[Article, int], tuple[list[str], str]]
FIRES: dict[str, Dress] = {
    "spam_line": lambda a, i: ([a[0], a[1][0], "바카라사이트 slot gacor maxwin https://judi-slot88.xyz 카지노사이트",
                                *a[1][1:]], "바카라사이트 slot gacor maxwin https://judi-slot88.xyz 카지노사이트"),
    "spam_glued": lambda a, i: ([a[0], a[1][0], glue(a[1][1], "메이저놀이터"), *a[1][2:]], "메이저놀이터"),
    "spam_inserted": lambda a, i: ([a[0], a[1][0], insert(a[1][1], "토토사이트"), *a[1][2:]], "토토사이트"),
    "spam_phrase": lambda a, i: ([a[0], a[1][0], insert(a[1][1], "situs judi slot terpercaya"), *a[1][2:]],
                                 "situs judi slot terpercaya"),
    "spam_url": lambda a, i: ([a[0], a[1][0], a[1][1] + " https://casino-vip7.xyz", *a[1][2:]],
                              "https://casino-vip7.xyz"),
    "script_text": lambda a, i: ([a[0], a[1][0], a[1][1] + f" googletag.cmd.push(function() {{ googletag.display("
                                  f"'div-gpt-ad-{1000 + i}'); }});", *a[1][2:]], f"'div-gpt-ad-{1000 + i}'"),
    "inline_cta": lambda a, i: ([a[0], a[1][0], a[1][1] + " Read More »", *a[1][2:]], "Read More »"),
    "duplicate_title": lambda a, i: ([a[0], f"{a[0]} | Ridgeback Courier", *a[1]], f"{a[0]} | Ridgeback Courier"),
    "boilerplate": lambda a, i: ([a[0], *a[1], "Share this article"], "Share this article"),
    "related_links": lambda a, i: ([a[0], *a[1], "Related", *(articles()[(i + k) % 12][0] for k in (5, 6, 7))],
                                   articles()[(i + 6) % 12][0]),
}
# rule -> a document where the rule must not fire (legitimate text near its furniture)
MISSES: dict[str, Dress] = {
    "spam_line": lambda a, i: ([a[0], a[1][0], "Police in Surabaya arrested 14 people accused of running an "
                                "illegal togel, a numbers lottery.", *a[1][1:]], ""),
    "spam_glued": lambda a, i: (["LG전자, 새 스마트폰 공개", "LG전자는 올해 새로운 스마트폰을 출시한다고 밝혔다. "
                                 "회사는 서울 본사에서 열린 행사에서 신제품을 공개했으며 많은 기자들이 참석했다."], ""),
    "spam_inserted": lambda a, i: ([a[0], a[1][0], a[1][1] + " Locals call it 평화공원 (Peace Park) these days.",
                                    *a[1][2:]], ""),
    "spam_phrase": lambda a, i: ([a[0], a[1][0], a[1][1] + " Her lawyers said the hak cipta dispute would go to "
                                  "court in Jakarta next month.", *a[1][2:]], ""),
    "spam_url": lambda a, i: ([a[0], a[1][0], a[1][1] + " Details are at https://www.bbc.co.uk/news/business-123 "
                               "for readers.", *a[1][2:]], ""),
    "script_text": lambda a, i: ([a[0], a[1][0], a[1][1] + " The window was open; the council voted (again).",
                                  *a[1][2:]], ""),
    "inline_cta": lambda a, i: ([a[0], a[1][0], a[1][1] + " He left.", *a[1][2:]], ""),
    "duplicate_title": lambda a, i: ([a[0], *a[1]], ""),
    "boilerplate": lambda a, i: ([a[0], *a[1], "We asked readers which website, app or browser they trust most "
                                  "for the news."], ""),
    "related_links": lambda a, i: ([a[0], *a[1], "Related", "The council said it would publish the full figures "
                                    "next week, after a review by auditors of the city budget."], ""),
}
SITE_RULES = {"site_repeated", "site_template"}


def test_every_rule_is_tested_here() -> None:
    assert {r.name for r in RULES} == set(FIRES) | SITE_RULES == set(MISSES) | SITE_RULES


@pytest.mark.parametrize("rule", sorted(FIRES))
def test_the_rule_fires_on_its_furniture(rule: str) -> None:
    for i in range(3):  # on three articles
        article = articles()[i]
        lines, planted = FIRES[rule](article, i)
        clean, removals = run("\n".join(lines), DocContext(url=url(i)))
        mine = [r for r in removals if r.rule == rule]
        assert any(planted in r.text for r in mine), (rule, planted, removals)
        assert planted not in clean
        for para in article[1][2:]:
            assert para in clean


@pytest.mark.parametrize("rule", sorted(MISSES))
def test_the_rule_leaves_the_near_miss(rule: str) -> None:
    for i in range(3):
        lines, _ = MISSES[rule](articles()[i], i)
        text = "\n".join(lines)
        clean, removals = run(text, DocContext(url=url(i)))
        assert not [r for r in removals if r.rule == rule], removals
        assert clean == text, removals


def site_view(texts: Sequence[str], doc: int) -> SiteView:
    """Document `doc`'s view of a one-site run of `texts` (url i for text i)."""
    firsts = [CLEANER.first_pass(t, SITE, url(i), Stats()) for i, t in enumerate(texts)]
    docs: Counter[int] = Counter()
    heads: Counter[int] = Counter()
    sites: dict[int, int] = {}
    for f in firsts:
        seen: dict[int, bool] = {}
        for key, cross, head in f.keys:
            seen[key] = seen.get(key, False) or head
            if cross:
                sites[cross] = 1
        docs.update(seen.keys())
        heads.update(k for k, hd in seen.items() if hd)
    return SiteView(len(texts), {k: (docs[k], heads[k], sites.get(k, 0)) for k in firsts[doc].lookup})


def page(i: int, byline: bool = True, footer: bool = True) -> str:
    t, paras = articles()[i]
    return "\n".join([t, *([f"Posted on 2024-03-0{i + 1} by {NAMES[i]}"] if byline else []), *paras,
                      *([FOOTER] if footer else [])])


def site_run(texts: list[str], doc: int) -> tuple[str, list[Removal]]:
    return run(texts[doc], DocContext(source=SITE, url=url(doc), site=site_view(texts, doc)))


def test_site_lines_and_templates_go_across_the_site() -> None:
    texts = [page(i) for i in range(6)]
    for d in range(3):
        clean, removals = site_run(texts, d)
        rules = {r.rule: r.text.strip() for r in removals}
        assert rules.get("site_repeated") == FOOTER, removals
        assert rules.get("site_template") == f"Posted on 2024-03-0{d + 1} by {NAMES[d]}", removals
        assert all(p in clean for p in articles()[d][1]) and clean.startswith(articles()[d][0])


def test_a_line_two_articles_share_is_no_site_furniture() -> None:
    """A paragraph quoted by two of six pages, and a footer and byline on one page only."""
    texts = [page(i, byline=i == 0, footer=i == 0) for i in range(6)]
    shared = articles()[0][1][2]
    texts[1] = texts[1].replace(articles()[1][1][2], shared)
    for d in (0, 1):
        clean, removals = site_run(texts, d)
        assert not [r for r in removals if r.rule in SITE_RULES], removals
        assert shared in clean


def test_a_link_to_another_page_of_the_site_goes() -> None:
    """"Read more: <title>" where the title heads another page of the same site."""
    texts = [page(i, byline=False, footer=False) for i in range(6)]
    link = f"Read more: {articles()[4][0]}"
    texts[0] = texts[0] + "\n" + link
    clean, removals = site_run(texts, 0)
    assert [r.text.strip() for r in removals if r.rule == "related_links"] == [link]
    assert articles()[0][1][3] in clean


def test_a_rule_switched_off_does_not_fire() -> None:
    from dataclasses import replace

    off = Cleaner(replace(CleanConfig(), spam=replace(CleanConfig().spam, enabled=False)))
    lines, planted = FIRES["spam_url"](articles()[0], 0)
    clean, removals = off.clean("\n".join(lines), DocContext(url=url(0)), Stats())
    assert planted in clean and not [r for r in removals if r.rule.startswith("spam")]


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(["토토사이트", "카지노사이트", "바카라", "สล็อตเว็บตรง"]), st.integers(0, 11), st.integers(2, 12))
def test_foreign_spam_dropped_anywhere_inside_a_sentence_goes(noise: str, art: int, at: int) -> None:
    """Wherever in a sentence of any article a foreign gambling word is dropped (not at a
    paragraph's edge), it goes under a spam rule, with exact offsets, and the rest stays —
    unless a parenthesised gloss follows it ("known as 아이유 (IU)"): a glossed name stays."""
    title, paras = articles()[art]
    words = paras[1].split(" ")
    at = min(at, len(words) - 2)
    assume(not words[at].startswith("("))
    dirty = " ".join([*words[:at], noise, *words[at:]])
    clean, removals = run("\n".join([title, paras[0], dirty, *paras[2:]]))
    assert noise not in clean and removals and all(r.rule.startswith("spam_") for r in removals), removals
    assert paras[1] in clean and paras[3] in clean
