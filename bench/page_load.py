"""How a report page loads in headless Chromium: first paint and memory, measured from
outside the page.

Why a browser of our own per load: Debian's Chromium is started directly (headless, no
sandbox, a fresh profile, a DevTools port) and playwright attaches over CDP, so the
browser's process tree is known and its memory can be read with psutil; a fresh browser
for every load means no cache and no earlier page in memory. Figures per load:
- first paint and first contentful paint: the Paint Timing entries, ms after navigation start;
- load: the navigation entry's loadEventEnd;
- JS heap used (CDP Performance.getMetrics) and DOM nodes;
- the page's renderer process RSS and PSS, and the whole browser tree's PSS, after load.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

CHROMIUM = Path("/usr/bin/chromium")
DEVTOOLS = re.compile(r"DevTools listening on (ws://\S+)")


@dataclass(frozen=True)
class PageLoad:
    first_paint_ms: float
    first_contentful_paint_ms: float
    load_ms: float
    js_heap_mb: float
    dom_nodes: int
    renderer_rss_mb: float  # the largest renderer process (the page's)
    renderer_pss_mb: float
    browser_pss_mb: float  # every process of the browser


def _tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def _pss(p: psutil.Process) -> int:
    with contextlib.suppress(psutil.Error, AttributeError):
        return int(p.memory_full_info().pss)
    return 0


def load_once(path: Path, timeout_s: float = 60) -> PageLoad:
    from playwright.sync_api import sync_playwright

    profile = Path(tempfile.mkdtemp(prefix="pw-bench-"))
    proc = subprocess.Popen([str(CHROMIUM), "--headless=new", "--no-sandbox", "--remote-debugging-port=0",
                             f"--user-data-dir={profile}", "--no-first-run", "--disable-gpu", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stderr is not None
        url = None
        deadline = time.monotonic() + timeout_s
        while url is None and time.monotonic() < deadline:
            m = DEVTOOLS.search(proc.stderr.readline())
            url = m.group(1) if m else None
        if url is None:
            raise RuntimeError("chromium printed no DevTools address")
        with sync_playwright() as p:
            browser = p.chromium.connect_over_cdp(url)
            page = browser.contexts[0].new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
            # paint entries can arrive after the load event: wait for both (buffered observer)
            timing = page.evaluate("""() => new Promise(resolve => {
                const p = {};
                const done = () => {
                    const n = performance.getEntriesByType('navigation')[0];
                    resolve([p['first-paint'] ?? -1, p['first-contentful-paint'] ?? -1, n ? n.loadEventEnd : -1]);
                };
                new PerformanceObserver(list => {
                    for (const e of list.getEntries()) { p[e.name] = e.startTime; }
                    if ('first-paint' in p && 'first-contentful-paint' in p) { done(); }
                }).observe({type: 'paint', buffered: true});
                setTimeout(done, 10000);
            })""")
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            procs = _tree(proc.pid)
            renderers = [p for p in procs if "--type=renderer" in " ".join(p.cmdline())]
            big = max(renderers, key=lambda p: p.memory_info().rss)
            result = PageLoad(float(timing[0]), float(timing[1]), float(timing[2]),
                              metrics.get("JSHeapUsedSize", 0) / 1e6, int(metrics.get("Nodes", 0)),
                              big.memory_info().rss / 1e6, _pss(big) / 1e6, sum(_pss(p) for p in procs) / 1e6)
            browser.close()
        return result
    finally:
        proc.kill()
        proc.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


def load_median(path: Path, repeats: int = 3) -> PageLoad:
    """The median of each figure over `repeats` fresh loads."""
    loads = [load_once(path) for _ in range(repeats)]
    med = lambda f: statistics.median(getattr(x, f) for x in loads)  # noqa: E731
    return PageLoad(med("first_paint_ms"), med("first_contentful_paint_ms"), med("load_ms"), med("js_heap_mb"),
                    int(med("dom_nodes")), med("renderer_rss_mb"), med("renderer_pss_mb"), med("browser_pss_mb"))
