"""`presswash review apply|stats` and `presswash report` from the command line: refusals
with a one-line reason and STATE untouched, and a rebuild with another [review] table."""

from __future__ import annotations

import os
from pathlib import Path

from bench.synthetic_out import make_out
from cleaners.review.records import DocRef, ReviewVerdict
from cleaners.review.store import apply_verdicts
from tests.conftest import run_cli

ENV = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}  # none of these start Prefect


def test_apply_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    state = tmp_path / "state"
    v = ReviewVerdict("apart", "day1", "c1", DocRef("1" * 32, "k", "day1"), (DocRef("2" * 32, "m", "day1"),))
    apply_verdicts(state, [v])
    manifest = (state / "manifest.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"presswash_verdicts": 1, "verdicts": [{"kind": "merge"}]}')
    for args, says in ((["review", "apply", str(bad), "--state", str(tmp_path / "nowhere")], "not a presswash STATE"),
                       (["review", "apply", str(bad), "--state", str(state)], "verdicts[0]"),
                       (["review", "apply", str(tmp_path / "missing.json"), "--state", str(state)], "cannot read")):
        res = run_cli(args, ENV, check=False, timeout=60)
        assert res.returncode == 1 and says in res.stderr and "Traceback" not in res.stderr, res.stderr
    assert (state / "manifest.json").read_bytes() == manifest
    out = run_cli(["review", "stats", str(state)], ENV, timeout=60).stdout
    assert "verdicts in STATE: 1 (1 apart" in out and "reviewed sample: none yet" in out


def test_report_rebuild_with_another_review_table(tmp_path: Path) -> None:
    out = make_out(tmp_path / "out", clusters=120, seed=2).out
    cfg = tmp_path / "review.toml"
    cfg.write_text("[review]\nqueue_size = 0\nsample_size = 7\npage_clusters = 50\n")
    res = run_cli(["report", str(out), "--config", str(cfg)], ENV, timeout=60)
    assert res.stdout.strip().endswith("report/index.html")
    pages = sorted(p.name for p in (out / "report").iterdir())
    assert pages == ["clusters-0001.html", "clusters-0002.html", "clusters-0003.html", "index.html",
                     "sample-001.html"]
    cfg.write_text("[review]\npage_clusters = 0\n")
    res = run_cli(["report", str(out), "--config", str(cfg)], ENV, check=False, timeout=60)
    assert res.returncode == 1 and "page_clusters" in res.stderr
    assert (out / "report" / "index.html").exists()  # the report built before is still there
