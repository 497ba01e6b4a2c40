"""The review loop end to end, as a reviewer does it: in the report (headless Chromium)
mark a member "not a duplicate" on a queue page, choose a better keeper and confirm a
cluster on a summary page, see the marks survive moving between pages, export
verdicts.json; `presswash review apply` stores them; the next run over the same inputs
keeps the pair apart, keeps the chosen keeper, and cites the verdicts; `presswash review
stats` gives the sample's precision."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import run_cli
from tests.inprocess import run
from tests.outputs import ledger, records
from tests.report.browser import open_report
from tests.review import corpus

pytestmark = [pytest.mark.browser]


@pytest.mark.timeout(120)
def test_mark_export_apply_and_the_next_run_honours(browser: Browser, tmp_path: Path) -> None:
    corpus.write(tmp_path / "in.jsonl")
    inputs, out, state = [tmp_path / "in.jsonl"], tmp_path / "day1", tmp_path / "state"
    run(inputs, out, state)
    context = browser.new_context(accept_downloads=True)
    w = open_report(context, out, "queue-001.html")
    page = w.page
    apart = page.locator('details.cluster[data-ki="s0-c0"] .member[data-i="s0-c1"] button[data-act="apart"]')
    apart.click()
    expect(apart).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".marks-count")).to_have_text("1")

    page.goto((out / "report" / "clusters-0001.html").as_uri())
    page.locator('tbody.cluster[data-ki="s1-c0"] tr.member[data-i="s1-c2"] button[data-act="keeper"]').click()
    page.locator('tbody.cluster[data-ki="s2-c0"] button[data-act="correct"]').click()
    kept_apart = page.locator('tbody.cluster[data-ki="s0-c0"] tr.member[data-i="s0-c1"]')
    expect(kept_apart).to_have_class(re.compile("is-apart"))  # marked on another page, shown here
    page.goto((out / "report" / "index.html").as_uri())
    expect(page.locator(".marks-count")).to_have_text("3")
    with page.expect_download() as dl:
        page.locator("#export").click()
    assert dl.value.suggested_filename == "verdicts.json"
    verdicts = tmp_path / "verdicts.json"
    dl.value.save_as(verdicts)
    assert w.errors == [] and w.dialogs == []
    context.close()
    exported = json.loads(verdicts.read_text())
    assert sorted((v["kind"], v["members"][0]["id"]) for v in exported["verdicts"]) == [
        ("apart", "s0-c1"), ("correct", "s2-c1"), ("keeper", "s1-c2")]

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}  # review needs no Prefect
    res = run_cli(["review", "apply", str(verdicts), "--state", str(state)], env, timeout=60)
    assert "applied 3 verdicts" in res.stdout and "3 new" in res.stdout
    refs = {v["kind"]: v for v in (json.loads(line) for line in
                                   (state / json.loads((state / "manifest.json").read_text())["verdicts"])
                                   .read_text().splitlines())}

    run(inputs, out, state)  # the next run over the same inputs (the same run id)
    led = ledger(out)
    assert led["s0-c1"]["status"] == "kept" and led["s0-c1"]["review"][0]["ref"] == refs["apart"]["ref"]
    assert led["s1-c2"]["status"] == "kept" and led["s1-c2"]["review"][0]["ref"] == refs["keeper"]["ref"]
    assert led["s1-c0"]["duplicate_of"] == "s1-c2"
    clusters = {c["kept"]: c for c in records(out, "dedup")}
    assert clusters["s0-c0"]["review"][0] == {"verdict": "apart", "ref": refs["apart"]["ref"],
                                              "other": {"id": "s0-c1", "run": "day1"}}
    assert all(m["review"]["ref"] == refs["correct"]["ref"] for m in clusters["s2-c0"]["members"])
    assert clusters["s1-c2"]["why"] == "chosen by a reviewer"

    stats = run_cli(["review", "stats", str(state)], env, timeout=60).stdout
    # the 3 clusters were all in the sample: 2 confirmed members of 3 judged
    assert "duplicate decisions: 0.667 (2 of 3)" in stats and "95% interval" in stats
