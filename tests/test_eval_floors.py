"""Quality gates: `presswash run` on the DEV sets of ../shared/eval (and on our own
held-out-style sets from tests/evalsets) scored by the official scorers, against the
floors in tests/eval_baseline.json: each figure's measured value and its bound, a point
from it (or the issue's own floor where that is stricter). A bound moves only by a
deliberate commit (`python -m tests.evalrun --alt --baseline tests/eval_baseline.json`
rewrites the file from a fresh measurement); these catch regressions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.evalrun import score

BASELINE = Path(__file__).with_name("eval_baseline.json")


def floors(name: str) -> dict[str, dict[str, Any]]:
    return dict(json.loads(BASELINE.read_text())["sets"][name])


def check(name: str, got: dict[str, Any]) -> None:
    """Every figure the baseline names for the set is on the right side of its bound."""
    failed = []
    for fig, spec in floors(name).items():
        value = float(got[fig])
        ok = value >= spec["bound"] if spec["better"] == "higher" else value <= spec["bound"]
        if not ok:
            failed.append(f"{fig} = {value} (bound {spec['bound']}, measured {spec['measured']} when pinned)")
    assert not failed, f"{name}: " + "; ".join(failed)


def figures(shared: Path, env: dict[str, str], tmp: Path, inp: Path, scorer: str, gold: Path) -> dict[str, Any]:
    out = tmp / "out"
    run_cli(["run", str(inp), "--out", str(out), "--state", str(tmp / "state")], env)
    return score(shared / "eval" / scorer, out, gold)


def test_the_baseline_is_pinned_within_a_point() -> None:
    sets = json.loads(BASELINE.read_text())["sets"]
    assert set(sets) == {"extraction", "cleaning", "neardup", "realpages", "cleaning_alt", "neardup_alt",
                         "neardup_hard"}
    for name, figs in sets.items():
        for fig, spec in figs.items():
            gap = spec["measured"] - spec["bound"] if spec["better"] == "higher" else spec["bound"] - spec["measured"]
            assert 0 <= gap <= 0.0101, (name, fig, spec)


def test_extraction_floor(tmp_path: Path, shared: Path, prefect_server: dict[str, str]) -> None:
    ev = shared / "eval"
    check("extraction", figures(shared, prefect_server, tmp_path, ev / "extraction/input.jsonl.gz",
                                "score_extraction.py", ev / "extraction/gold.jsonl"))


def test_cleaning_floors(tmp_path: Path, shared: Path, prefect_server: dict[str, str]) -> None:
    ev = shared / "eval"
    check("cleaning", figures(shared, prefect_server, tmp_path, ev / "cleaning/input.jsonl", "score_cleaning.py",
                              ev / "cleaning/gold.jsonl"))


def test_neardup_floors(shared: Path, neardup_out: Path) -> None:
    """The run itself is the session fixture `neardup_out` (the report's browser test reads it too)."""
    ev = shared / "eval"
    check("neardup", score(ev / "score_neardup.py", neardup_out, ev / "neardup/gold.jsonl"))


def test_realpages_floors(tmp_path: Path, shared: Path, prefect_server: dict[str, str]) -> None:
    """Real pages of many sites and languages, a folder of raw HTML in any encoding: the
    whole run keeps the annotated article snippets and loses the annotated boilerplate."""
    ev = shared / "eval"
    f = figures(shared, prefect_server, tmp_path, ev / "realpages/input", "score_realpages.py",
                ev / "realpages/gold.jsonl")
    check("realpages", f)
    assert f["missing_by_status"].get("rejected", 0) == 0, f


def _alt(name: str, tmp: Path) -> tuple[Path, Path]:
    res = subprocess.run([sys.executable, "-m", f"tests.evalsets.{name}", "--out", str(tmp / "set")],
                         cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    return tmp / "set" / "input.jsonl", tmp / "set" / "gold.jsonl"


ALT = [("cleaning_alt", "score_cleaning.py"), ("neardup_alt", "score_neardup.py")]


@pytest.mark.parametrize(("name", "scorer"), ALT)
def test_held_out_style_floors(tmp_path: Path, shared: Path, prefect_server: dict[str, str], name: str,
                               scorer: str) -> None:
    """Other sites, phrasings, languages, spam; template-filled stories, OCR noise, look-alike
    letters and re-wrapped lines: what the held-out sets bring that DEV does not."""
    inp, gold = _alt(name, tmp_path)
    check(name, figures(shared, prefect_server, tmp_path, inp, scorer, gold))


def test_hard_neardup_categories(tmp_path: Path, shared: Path, prefect_server: dict[str, str]) -> None:
    """Each kind of damaged copy (OCR, heavy typos, truncated, abridged, paragraphs dropped,
    a changed dateline) is found at recall >= 0.95; updated stories merge at most 2% of the
    time. Templated reports are held at their measured rate (the issue's 2% is not met yet)."""
    inp, gold = _alt("neardup_hard", tmp_path)
    f = figures(shared, prefect_server, tmp_path, inp, "score_neardup.py", gold)
    check("neardup_hard", f)
    low = {k: v for k, v in f["recall_per_kind"].items() if v < 0.95}
    assert not low, low
    assert f["false_merge_rate_per_band"]["neg-update"] <= 0.02, f["false_merge_rate_per_band"]
    assert f["false_merge_rate_per_band"]["neg-template"] <= 0.066, f["false_merge_rate_per_band"]
