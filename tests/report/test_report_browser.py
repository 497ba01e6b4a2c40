"""report.html in a real browser (issues 5 and 8): what people see matches OUT's files,
the diff and filters work, and scraped text — hostile by nature — never runs as code.

Chromium (Debian's) through playwright's sync API. The DEV near-dup run is the session
fixture `neardup_out` (shared with the floors test); the XSS run is a 12-document corpus
of near-duplicate stories carrying probes (tests/report/probes.py) through the CLI
against the session Prefect server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from cleaners.report.build import MAX_CLUSTERS, MAX_MEMBERS
from tests.conftest import run_cli
from tests.outputs import records
from tests.report import probes

pytestmark = [pytest.mark.browser, pytest.mark.server]
CHROMIUM = Path("/usr/bin/chromium")
# a CSP in a <meta> cannot carry frame-ancestors; Chromium says so on the console (harmless)
CONSOLE_NOISE = ("frame-ancestors",)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (browser tests)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True)
        yield b
        b.close()


@dataclass
class Watched:
    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_report(browser: Browser, out: Path) -> Watched:
    """The report with every dialog, page error and console error recorded (a CSP refusal
    of an injected handler or script shows as a console error)."""
    w = Watched(browser.new_page(viewport={"width": 1280, "height": 900}))
    w.page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
    w.page.on("pageerror", lambda e: w.errors.append(str(e)))
    w.page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" and not any(
        n in m.text for n in CONSOLE_NOISE) else None)
    w.page.goto((out / "report.html").as_uri())
    return w


def norm(s: str) -> str:
    return " ".join(s.split())


def texts(out: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for sub in ("corpus", "dedup/texts") for r in records(out, sub)}


def shown_clusters(out: Path) -> list[dict[str, Any]]:
    """Per cluster the report shows: its sources and member similarities, from OUT's files."""
    docs = texts(out)
    view = []
    for c in records(out, "dedup")[:MAX_CLUSTERS]:
        members = c["members"][:MAX_MEMBERS]
        sources = {docs[c["kept"]]["source"]} | {docs[m["id"]]["source"] for m in members}
        view.append({"sources": sources - {None, ""}, "sims": [m["similarity"] for m in members],
                     "ids": [c["kept"], *(m["id"] for m in c["members"])]})
    return view


@pytest.mark.timeout(180)
def test_report_matches_run_and_filters_work(browser: Browser, neardup_out: Path, tmp_path: Path) -> None:
    out = neardup_out
    clusters = records(out, "dedup")
    stats = json.loads((out / "stats.json").read_text())
    view = shown_clusters(out)
    w = open_report(browser, out)
    page = w.page
    assert page.locator("#count-clusters").inner_text() == str(len(clusters))
    for key in ("in", "kept", "duplicate", "rejected"):
        assert page.locator(f"#count-{key}").inner_text() == str(stats["documents"][key]), key
    expect(page.locator("#shown-count")).to_have_text(str(len(view)))
    assert page.locator("details.cluster:visible").count() == len(view)

    # expand the largest cluster: a side-by-side diff against the keeper, marks visible
    docs = texts(out)
    first = page.locator("details.cluster").first
    first.locator("summary").click()
    expect(first).to_have_attribute("open", "")
    rows = first.locator(".member")
    assert rows.count() == min(len(clusters[0]["members"]), MAX_MEMBERS)
    checked = 0
    for i in range(rows.count()):
        row = rows.nth(i)
        ins, dels = row.locator(".diff-member ins"), row.locator(".diff-keeper del")
        if not (ins.count() and dels.count()):
            continue
        expect(ins.first).to_be_visible()
        expect(dels.first).to_be_visible()
        member = row.locator("code").first.inner_text()
        assert member in {m["id"] for m in clusters[0]["members"]}
        assert norm(ins.first.inner_text()) in norm(docs[member]["text"])
        assert norm(dels.first.inner_text()) in norm(docs[clusters[0]["kept"]]["text"])
        assert row.get_attribute("data-source") == docs[member]["source"]  # members show their own site
        checked += 1
    assert checked, "no member of the largest cluster shows both inserted and deleted words"

    # filter by source: a member's site counts, not only the keeper's
    counts = {s: sum(s in v["sources"] for v in view) for v in view for s in v["sources"]}
    site = max((s for s, n in counts.items() if n < len(view)), key=lambda s: (counts[s], s))
    page.select_option("#f-source", site)
    expect(page.locator("#shown-count")).to_have_text(str(counts[site]))
    assert page.locator("details.cluster:visible").count() == counts[site] < len(view)
    page.select_option("#f-source", "")
    expect(page.locator("#shown-count")).to_have_text(str(len(view)))

    # filter by similarity: keyboard on the range input, 18 steps of 0.05 = 0.90
    page.locator("#f-sim").focus()
    for _ in range(18):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#f-sim-value")).to_have_text("0.90")
    high = sum(any(s >= 0.9 for s in v["sims"]) for v in view)
    expect(page.locator("#shown-count")).to_have_text(str(high))
    assert page.locator("details.cluster:visible").count() == high < len(view)

    # search by id: a member id finds its one cluster
    page.keyboard.press("Home")  # back to 0.00: all clusters
    expect(page.locator("#f-sim-value")).to_have_text("0.00")
    wanted = view[len(view) // 2]["ids"][-1]
    page.locator("#f-query").fill(wanted)
    expect(page.locator("#shown-count")).to_have_text("1")
    assert wanted in page.locator("details.cluster:visible").first.get_attribute("data-ids").split()
    page.locator("#f-query").fill("")
    expect(page.locator("#shown-count")).to_have_text(str(len(view)))

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert w.errors == [] and w.dialogs == []


UNSAFE_ELEMENTS = "img, svg, iframe, object, embed, textarea, form, base, style:not(head > style), link, frame"


def exercise(page: Page) -> None:
    """Everything a reader can do that keeps them on the page: open every cluster, hover
    every row, pick every source and similarity step, search for every probe."""
    for summary in page.locator("details.cluster > summary").all():
        summary.click()
    for el in page.locator(".member, summary, code, .diff > div").all():
        el.hover()
    for a in page.locator("a").all():  # a link is only ever http(s): navigation away, not clicked
        assert (a.get_attribute("href") or "").lower().startswith(("http://", "https://"))
    values = page.locator("#f-source option").evaluate_all("os => os.map(o => o.value)")
    for v in values:
        page.select_option("#f-source", v)
    page.select_option("#f-source", "")
    page.locator("#f-sim").focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Home")
    for probe in probes.ID_PROBES + probes.SOURCE_PROBES + probes.TEXT_PROBES:
        page.locator("#f-query").fill(probe)
    page.locator("#f-query").fill("")


@pytest.mark.timeout(120)
def test_hostile_text_never_runs(browser: Browser, prefect_server: dict[str, str], tmp_path: Path) -> None:
    docs = probes.write(tmp_path / "probes.jsonl")
    out = tmp_path / "out"
    run_cli(["run", str(tmp_path / "probes.jsonl"), "--out", str(out), "--state", str(tmp_path / "state")],
            prefect_server)
    clusters = records(out, "dedup")
    assert len(clusters) == probes.STORIES  # every story clusters: all probes reach the report
    w = open_report(browser, out)
    page = w.page
    exercise(page)
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
    assert page.evaluate("[...document.links].every(a => a.protocol === 'https:' || a.protocol === 'http:')")

    body = norm(page.locator("body").inner_text())
    for d in docs:  # ids and sources print as themselves (the option values too)
        assert norm(d["id"]) in body, d["id"]
        assert norm(d["source"]) in body, d["source"]
    values = set(page.locator("#f-source option").evaluate_all("os => os.map(o => o.value)"))
    assert {d["source"] for d in docs} <= values
    kept_texts = texts(out)
    surviving = [p for p in probes.TEXT_PROBES + probes.TITLE_PROBES
                 if any(p in r["text"] for r in kept_texts.values())]
    assert len(surviving) >= len(probes.TEXT_PROBES) // 2, "cleaning removed most probes: the test shows little"
    for p in surviving:
        assert norm(p) in body, p
    diff_marks = norm(" ".join(page.locator(".diff ins, .diff del").all_inner_texts()))
    assert any(norm(p) in diff_marks for p in surviving), "no probe inside a diff mark"
    # only the http(s) URLs of the corpus became links, as themselves
    good = {d["url"] for d in docs if d["url"].startswith("https://ok.example/story/")}
    assert set(page.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")) <= good
