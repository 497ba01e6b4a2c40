"""The report built from a run's OUT: an index page that names the run and its clusters,
detail pages holding the queue's and the sample's clusters, and a rebuild that gives the
same pages (the report is a pure function of OUT)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from cleaners.config import ReviewConfig
from cleaners.report.build import build_report, detail_name, iter_clusters
from tests.cleaners.conftest import GenRun


def pages(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.html"))}


def test_the_report_shows_the_runs_clusters(gen_run: GenRun, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(gen_run.out, out)
    cfg = ReviewConfig(queue_size=3, sample_size=4, detail_clusters=2)
    index = build_report(out, gen_run.summary, cfg)
    html = index.read_text()
    clusters = list(iter_clusters(out))
    assert len(clusters) >= 10 and gen_run.summary["run_id"] in html
    names = set(pages(index.parent))
    assert {detail_name("queue", 0, cfg), detail_name("queue", 2, cfg), detail_name("sample", 0, cfg),
            detail_name("sample", 2, cfg)} <= names
    detail = (index.parent / detail_name("sample", 0, cfg)).read_text()
    assert sum(c.kept in detail for c in clusters) >= 2
    first = pages(index.parent)
    build_report(out, gen_run.summary, cfg)
    assert pages(index.parent) == first
