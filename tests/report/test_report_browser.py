"""OUT/report/ in a real browser (issues 5, 8 and 17): what people see matches OUT's files,
the queue, diffs, filters and paging work, and scraped text — hostile by nature — never
runs as code, on any page, also when a reviewer marks and exports verdicts.

Chromium (Debian's) through playwright's sync API. The DEV near-dup run is the session
fixture `neardup_out` (shared with the floors test); the XSS run is a 12-document corpus
of near-duplicate stories carrying probes (tests/report/probes.py) through the CLI
against the session Prefect server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from cleaners.config import ReviewConfig
from cleaners.report.build import iter_clusters
from cleaners.review.queue import select
from tests.conftest import run_cli
from tests.outputs import records
from tests.report import probes
from tests.report.browser import Watched, open_report

pytestmark = [pytest.mark.browser, pytest.mark.server]
OWN_PAGE = re.compile(r"^(index|clusters-\d{4}|queue-\d{3}|sample-\d{3})\.html(#c\d{6})?$")


def norm(s: str) -> str:
    return " ".join(s.split())


def texts(out: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for sub in ("corpus", "dedup/texts") for r in records(out, sub)}


def run_id(out: Path) -> str:
    return json.loads((out / "stats.json").read_text())["run_id"]


@pytest.mark.timeout(180)
def test_report_matches_run_and_filters_work(browser: Browser, neardup_out: Path, tmp_path: Path) -> None:
    out = neardup_out
    clusters = records(out, "dedup")
    stats = json.loads((out / "stats.json").read_text())
    cfg = ReviewConfig()
    sel = select(iter_clusters(out), cfg, run_id(out))
    w = open_report(browser, out)
    page = w.page
    assert page.locator("#count-clusters").inner_text() == str(len(clusters))
    for key in ("in", "kept", "duplicate", "rejected"):
        assert page.locator(f"#count-{key}").inner_text() == str(stats["documents"][key]), key
    # the queue, most doubtful first, and the sample, as the library selects them
    queue_ids = page.locator("table.queue tr td:nth-child(2) a").all_inner_texts()
    assert queue_ids == [clusters[p]["cluster"] for p, _ in sel.queue] and queue_ids
    assert page.locator("table.sample tr td:first-child a").all_inner_texts() == [
        clusters[p]["cluster"] for p in sel.sample]

    # the most doubtful cluster, with a side-by-side diff against the keeper
    page.locator("table.queue a").first.click()
    expect(page).to_have_url(re.compile(r"queue-001\.html#"))
    docs = texts(out)
    on_page = [clusters[p] for p, _ in sel.queue[:cfg.detail_clusters]]
    shown = page.evaluate("""[...document.querySelectorAll('details.cluster')].map(c =>
        [...c.querySelectorAll('.member')].map(r => ({id: r.dataset.i, source: r.dataset.source,
          ins: (r.querySelector('.diff-member ins') || {}).innerText,
          del: (r.querySelector('.diff-keeper del') || {}).innerText})))""")
    assert len(shown) == len(on_page)
    checked = 0
    for c, rows in zip(on_page, shown, strict=True):
        assert [r["id"] for r in rows] == [m["id"] for m in c["members"][:cfg.list_members]]
        for r in rows[:cfg.diff_members]:
            assert r["source"] == docs[r["id"]]["source"]  # members show their own site
            if r["ins"] and r["del"]:
                assert norm(r["ins"]) in norm(docs[r["id"]]["text"])
                assert norm(r["del"]) in norm(docs[c["kept"]]["text"])
                checked += 1
    assert checked, "no member on the first queue page shows both inserted and deleted words"

    # filter by source: a member's site counts, not only the keeper's
    sources = [{docs[c["kept"]]["source"]} | {docs[m["id"]]["source"] for m in c["members"][:cfg.list_members]}
               for c in on_page]
    counts = {s: sum(s in v for v in sources) for v in sources for s in v}
    site = max((s for s, n in counts.items() if n < len(on_page)), key=lambda s: (counts[s], s))
    page.select_option("#f-source", site)
    expect(page.locator("#shown-count")).to_have_text(str(counts[site]))
    assert page.locator("details.cluster:visible").count() == counts[site] < len(on_page)
    page.select_option("#f-source", "")
    expect(page.locator("#shown-count")).to_have_text(str(len(on_page)))

    # filter by similarity: keyboard on the range input, 18 steps of 0.05 = 0.90
    page.locator("#f-sim").focus()
    for _ in range(18):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#f-sim-value")).to_have_text("0.90")
    high = sum(any(m["similarity"] >= 0.9 for m in c["members"][:cfg.list_members]) for c in on_page)
    expect(page.locator("#shown-count")).to_have_text(str(high))
    page.keyboard.press("Home")
    expect(page.locator("#f-sim-value")).to_have_text("0.00")

    # search by id: a member id finds its one cluster
    wanted = on_page[len(on_page) // 2]["members"][-1]["id"]
    page.locator("#f-query").fill(wanted)
    expect(page.locator("#shown-count")).to_have_text("1")
    page.locator("#f-query").fill("")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000

    # the summary pages list every cluster; "go to cluster" on the index finds its page
    page.goto((out / "report" / "index.html").as_uri())
    target = clusters[len(clusters) // 2]["cluster"]
    page.locator("#goto").fill(target)
    page.locator("#goto").press("Enter")
    expect(page).to_have_url(re.compile(rf"clusters-0001\.html#{target}$"))
    assert page.locator("tbody.cluster").count() == len(clusters)
    expect(page.locator(f"#{target}")).to_be_in_viewport()
    row = page.locator(f"#{target} tr.member").first
    assert row.get_attribute("data-i") == clusters[len(clusters) // 2]["members"][0]["id"]
    assert w.errors == [] and w.dialogs == []


UNSAFE_ELEMENTS = "img, svg, iframe, object, embed, textarea, form, base, style:not(head > style), link, frame"


def exercise(page: Page, thorough: bool) -> None:
    """Everything a reader can do that keeps them on the page: fold and unfold every
    cluster, hover every row, press every verdict button, pick every
    source and similarity step, search for every probe (`thorough`: all of it; else the
    clicks only: the pages share one template set, and every action costs the test time)."""
    for summary in page.locator("details.cluster > summary").all():
        summary.click(position={"x": 5, "y": 5})
        summary.click(position={"x": 5, "y": 5})
    if not thorough:
        return
    for b in page.locator("button[data-act]").all():
        b.click()
    for el in page.locator(".member, summary, .diff > div").all():
        el.hover()
    for a in page.locator("a").all():  # a link is http(s), or one of the report's own pages: not clicked here
        href = a.get_attribute("href") or ""
        assert href.lower().startswith(("http://", "https://")) or OWN_PAGE.match(href), href
    if page.locator("#f-source").count():
        values = page.locator("#f-source option").evaluate_all("os => os.map(o => o.value)")
        for v in values:
            page.select_option("#f-source", v)
        page.select_option("#f-source", "")
    if page.locator("#f-sim").count():
        page.locator("#f-sim").focus()
        for _ in range(20):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Home")
        for probe in probes.ID_PROBES + probes.SOURCE_PROBES + probes.TEXT_PROBES:
            page.locator("#f-query").fill(probe)
        page.locator("#f-query").fill("")


def check_page(w: Watched) -> None:
    page = w.page
    assert page.evaluate("window.__xss") is None
    assert w.dialogs == [] and w.errors == [], (w.dialogs, w.errors)
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split(
        "script-src")[1].split(";")[0]
    assert page.evaluate("document.scripts.length") == 1  # only the report's own
    assert page.locator(UNSAFE_ELEMENTS).count() == 0
    handlers = page.evaluate("""[...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []
    assert page.locator('a[href^="javascript:" i], a[href^=" javascript:" i], a[href^="data:" i]').count() == 0
    assert page.evaluate("[...document.links].every(a => ['https:', 'http:', 'file:'].includes(a.protocol))")


@pytest.mark.timeout(150)
def test_hostile_text_never_runs(browser: Browser, prefect_server: dict[str, str], tmp_path: Path) -> None:
    docs = probes.write(tmp_path / "probes.jsonl")
    out = tmp_path / "out"
    # markup stripping would take most probes out of the text; the report must escape them
    # whatever reaches it, so they are let through here
    (tmp_path / "c.toml").write_text("[encoding]\nstrip_markup = false\n")
    run_cli(["run", str(tmp_path / "probes.jsonl"), "--out", str(out), "--state", str(tmp_path / "state"),
             "--config", str(tmp_path / "c.toml")], prefect_server)
    clusters = records(out, "dedup")
    assert len(clusters) == probes.STORIES  # every story clusters: all probes reach the report
    pages = sorted(p.name for p in (out / "report").glob("*.html"))
    assert {"index.html", "clusters-0001.html", "queue-001.html", "sample-001.html"} <= set(pages)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    bodies = {}
    for name in pages:
        w = open_report(context, out, name)
        exercise(w.page, name == "queue-001.html")
        check_page(w)
        bodies[name] = norm(w.page.locator("body").inner_text())
        if name.startswith("queue-"):
            diff_marks = norm(" ".join(w.page.locator(".diff ins, .diff del").all_inner_texts()))
        w.page.close()

    for d in docs:  # ids print as themselves on the summary page; sources on the detail pages
        assert norm(d["id"]) in bodies["clusters-0001.html"], d["id"]
        assert norm(d["source"]) in bodies["queue-001.html"], d["source"]
    kept_texts = texts(out)
    surviving = [p for p in probes.TEXT_PROBES + probes.TITLE_PROBES
                 if any(p in r["text"] for r in kept_texts.values())]
    assert len(surviving) >= len(probes.TEXT_PROBES) // 2, "cleaning removed most probes: the test shows little"
    for p in surviving:
        assert norm(p) in bodies["queue-001.html"], p
    assert any(norm(p) in diff_marks for p in surviving), "no probe inside a diff mark"

    context.close()
    # marking members with hostile ids and exporting (a fresh profile: no marks of the pages
    # above): the verdicts carry the ids as data
    context = browser.new_context(accept_downloads=True)
    w = open_report(context, out, "clusters-0001.html")
    for c in w.page.locator("tbody.cluster").all():
        c.locator('tr.member button[data-act="apart"]').first.click()
    with w.page.expect_download() as dl:
        w.page.locator("#export").click()
    exported = json.loads(Path(dl.value.path()).read_text())
    marked = {v["members"][0]["id"] for v in exported["verdicts"]}
    assert marked == {c["members"][0]["id"] for c in clusters}
    assert {v["keeper"]["id"] for v in exported["verdicts"]} == {c["kept"] for c in clusters}
    check_page(w)
    # only the http(s) URLs of the corpus became links, as themselves
    good = {d["url"] for d in docs if d["url"].startswith("https://ok.example/story/")}
    w.page.goto((out / "report" / "queue-001.html").as_uri())
    hrefs = set(w.page.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))"))
    assert {h for h in hrefs if not OWN_PAGE.match(h)} <= good
    context.close()
