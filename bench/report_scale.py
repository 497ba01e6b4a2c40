"""The report scenario: the dedup report of a run with ~90k clusters (a 1M-document run's
worth), its size, its build and how its pages load in headless Chromium.

Why a synthetic OUT (bench/synthetic_out.py): the report reads only OUT's files, and a real
1M-document run costs over an hour on two cores; the synthetic OUT has the shape of one
(clusters largest first, heavy-tailed sizes, members with digests, checks and margins,
texts of every clustered document, the corpus padded with unclustered documents). The build
is `presswash report OUT` in a subprocess (its wall time and peak RSS, no Prefect); each
page is loaded three times in a fresh headless Chromium (bench/page_load.py) and the
median kept. The issue's bounds: the index's first paint under 2 s, the page under 300 MB,
the whole report at most 100 MB.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.context import Bench
from bench.monitor import run_measured
from bench.page_load import CHROMIUM, PageLoad, load_median
from bench.presswash_run import PRESSWASH
from bench.report import Section, fmt, mb, met
from bench.synthetic_out import make_out
from cleaners.config import ReviewConfig


def _sizes(folder: Path) -> tuple[int, list[tuple[str, int]]]:
    files = sorted(((p.name, p.stat().st_size) for p in folder.iterdir() if p.is_file()), key=lambda x: -x[1])
    return sum(n for _, n in files), files


def report_scale(b: Bench) -> Section:
    o = b.opts
    s = Section("report", f"report: the dedup report of {o.report_clusters:,} clusters (synthetic OUT, "
                          f"{o.report_docs:,} documents)")
    work = o.work / "report"
    t = time.perf_counter()
    syn = make_out(work / "out", o.report_clusters, o.report_docs, seed=1)
    gen_s = time.perf_counter() - t
    m = run_measured([PRESSWASH, "report", syn.out], work / "report.log", timeout=o.timeout)
    folder = syn.out / "report"
    total, files = _sizes(folder) if m.ok else (0, [])
    names = [n for n, _ in files]
    s.tables.append(("Build (`presswash report OUT`)", ["clusters", "members", "documents", "status", "wall s",
                                                        "peak RSS MB"],
                     [[fmt(syn.clusters), fmt(syn.members), fmt(syn.documents), "ok" if m.ok else f"failed: {m.error}",
                       fmt(m.wall_s), fmt(mb(m.peak_rss))]]))
    if not m.ok:
        return s
    size = dict(files)
    summary = [n for n in names if n.startswith("clusters-")]
    s.tables.append(("Size", ["what", "files", "MB"], [
        ["whole report", fmt(len(files)), fmt(total / 1e6, 2)],
        ["index.html", "1", fmt(size["index.html"] / 1e6, 3)],
        ["summary pages (clusters-NNNN)", fmt(len(summary)), fmt(sum(size[n] for n in summary) / 1e6, 2)],
        ["queue and sample pages (diffs)", fmt(len(files) - len(summary) - 1),
         fmt(sum(v for n, v in files if n.startswith(("queue-", "sample-"))) / 1e6, 2)],
        [f"largest page ({names[0]})", "1", fmt(files[0][1] / 1e6, 3)]]))
    loads: dict[str, PageLoad | str] = {}
    for name in dict.fromkeys(["index.html", names[0], "clusters-0001.html", "queue-001.html"]):
        if not CHROMIUM.exists():
            loads[name] = f"{CHROMIUM} missing"
            continue
        try:
            loads[name] = load_median(folder / name, o.report_loads)
        except Exception as exc:  # noqa: BLE001 - one page failing must not lose the others
            loads[name] = f"failed: {type(exc).__name__}: {exc}"
    rows = []
    for name, got in loads.items():
        if isinstance(got, str):
            rows.append([name, *["—"] * 8, got])
        else:
            rows.append([name, fmt(size[name] / 1e6, 3), fmt(got.first_paint_ms / 1e3, 3),
                         fmt(got.first_contentful_paint_ms / 1e3, 3), fmt(got.load_ms / 1e3, 3), fmt(got.dom_nodes),
                         fmt(got.js_heap_mb), fmt(got.renderer_rss_mb), fmt(got.renderer_pss_mb),
                         fmt(got.browser_pss_mb)])
    s.tables.append((f"Page loads in headless Chromium (median of {o.report_loads} fresh browsers)",
                     ["page", "MB", "first paint s", "first contentful paint s", "load s", "DOM nodes", "JS heap MB",
                      "renderer RSS MB", "renderer PSS MB", "whole browser PSS MB"], rows))
    index = loads.get("index.html")
    if isinstance(index, PageLoad):
        s.ratios.append(("index first paint (s)", index.first_paint_ms / 1e3, "< 2", met(index.first_paint_ms / 1e3,
                                                                                       2.0, "<=")))
        s.ratios.append(("index page memory: renderer RSS (MB)", index.renderer_rss_mb, "< 300",
                         met(index.renderer_rss_mb, 300, "<=")))
    heaviest = [x for x in loads.values() if isinstance(x, PageLoad)]
    if heaviest:
        worst = max(x.renderer_rss_mb for x in heaviest)
        s.ratios.append(("largest renderer RSS of the pages loaded (MB)", worst, "reported", "—"))
    s.ratios.append(("whole report (MB)", total / 1e6, "<= 100", met(total / 1e6, 100, "<=")))
    rc = ReviewConfig()
    s.notes += [
        f"Synthetic OUT generated in {gen_s:,.1f} s (bench/synthetic_out.py, seed 1); the report used the default "
        f"[review] settings (queue {rc.queue_size}, sample {rc.sample_size}, {rc.page_clusters} clusters or "
        f"{rc.page_rows:,} rows a summary page, {rc.list_members} members listed a cluster).",
        "First paint: the Paint Timing entry (ms after navigation start) of a fresh headless Chromium "
        "(Debian's, --headless=new, no sandbox, empty profile) attached over CDP; renderer = the page's renderer "
        "process (RSS and PSS read with psutil after load); the whole browser adds Chromium's browser, GPU and "
        "utility processes, which any page costs.",
    ]
    return s
