"""Smoke test of the report scenario (bench/report_scale.py) on a small synthetic OUT: the
build, the sizes and the page loads in headless Chromium are all reported, with numbers.
No timing or memory bound is asserted here (figures vary with the machine and its load):
`make bench` measures the 90k-cluster report against the issue's bounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.context import Bench, Options
from bench.report_scale import report_scale


@pytest.mark.browser
@pytest.mark.timeout(120)
def test_report_scenario_reports_its_figures(tmp_path: Path) -> None:
    o = Options(sizes=[1000], scenarios=["report"], work=tmp_path / "work", report_clusters=300, report_docs=3000,
                report_loads=1)
    s = report_scale(Bench(o))
    tables = {caption.split(" (")[0]: (header, rows) for caption, header, rows in s.tables}
    assert set(tables) == {"Build", "Size", "Page loads in headless Chromium"}
    header, [build] = tables["Build"]
    assert build[header.index("status")] == "ok" and build[0] == "300"
    header, loads = tables["Page loads in headless Chromium"]
    assert {r[0] for r in loads} >= {"index.html", "clusters-0001.html", "queue-001.html"}
    for r in loads:
        assert float(r[header.index("first paint s")]) > 0, r
        assert float(r[header.index("renderer RSS MB")].replace(",", "")) > 0, r
    ratios = {what: value for what, value, _, _ in s.ratios}
    assert ratios["whole report (MB)"] > 0 and ratios["index first paint (s)"] > 0


def test_keep_sections_carries_other_scenarios_over() -> None:
    from bench.report import Section, earlier_sections, render

    old = render([Section("text", "text: old figures", notes=["from before"]),
                  Section("report", "report: old report figures")],
                 [("date", "then"), ("command", "`python -m bench.harness`")], [["c1", "1", "2", "--x", "3"]])
    kept = earlier_sections(old, ["report"])
    assert [name for name, _ in kept.blocks] == ["text"] and kept.run["date"] == "then"
    new = render([Section("report", "report: new figures")], [("date", "now")], [], kept)
    assert "## report: new figures" in new and "old report figures" not in new
    assert "## text: old figures" in new and "- from before" in new and "| c1 |" in new
