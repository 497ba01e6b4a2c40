"""The second stage's fixed point is incremental: a later pass runs the rules again only
when what the pass before removed moved a line's zone, the title or a list. These tests
run whole sets both ways (every rule on every pass, and the incremental way) and require
the same corpus and removals, and that the shortcut was actually taken."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.config import CleanConfig
from cleaners.pipeline import clean as clean_stage
from cleaners.rules.base import DocContext
from cleaners.rules.cleaner import Cleaner
from cleaners.stats import Stats
from tests.inprocess import run
from tests.outputs import records

SHARED = Path(__file__).resolve().parents[3].parent / "shared"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated news of a few sites: their furniture repeats, so the site rules remove lines."""
    out = tmp_path_factory.mktemp("gen") / "news.jsonl"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "--docs", "400", "--seed", "5",
                    "--out", str(out)], check=True, capture_output=True)
    return out


def _outputs(out: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return records(out, "corpus"), records(out, "removals")


@pytest.mark.parametrize("which", ["cleaning", "generated"])
def test_incremental_passes_leave_what_full_passes_leave(which: str, request: pytest.FixtureRequest,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = SHARED / "eval" / "cleaning" / "input.jsonl" if which == "cleaning" else request.getfixturevalue(which)
    steps = run([inputs], tmp_path / "inc", tmp_path / "s1")["steps"]["clean"]
    assert steps.get("passes:settled", 0) >= 10, "the shortcut was never taken: the test compares nothing"
    if which == "cleaning":  # its pages have titles and zones that move when furniture goes
        assert steps["passes:rules"] > steps["in"], "no later pass ran the rules: the full pass is untested"

    monkeypatch.setattr(clean_stage, "Cleaner", functools.partial(Cleaner, incremental=False))
    full = run([inputs], tmp_path / "full", tmp_path / "s2")["steps"]["clean"]
    assert "passes:settled" not in full
    assert _outputs(tmp_path / "inc") == _outputs(tmp_path / "full")


def test_a_later_pass_does_not_run_the_rules_when_nothing_moved() -> None:
    text = "\n".join([
        "Menu | Home | News | Sport",
        "A Long Headline About The Council Budget Vote",
        *[f"Paragraph {i} tells the story of the council's vote on the new budget for the city, "
          "which passed after a long debate among members." for i in range(4)],
        "Share this article",
    ])
    stats = Stats()
    out, removed = Cleaner(CleanConfig()).clean(text, DocContext(url="https://example.com/news/council-budget-vote"),
                                               stats)
    assert [r.text.strip() for r in removed] == ["Menu | Home | News | Sport", "Share this article"]
    assert "Paragraph 3" in out
    assert (stats.get("clean", "passes:rules"), stats.get("clean", "passes:settled")) == (1, 1)
