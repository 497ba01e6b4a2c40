"""The second stage's fixed point is incremental: a later pass runs the rules again only
when what the pass before removed moved a line's zone, the title or a list. These tests
run whole DEV sets both ways (every rule on every pass, and the incremental way) and
require the same corpus and removals, and that the shortcut was actually taken."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.rules import cleaner
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
    taken: list[bool] = []
    holds = cleaner._Layout.holds

    def spy(self: cleaner._Layout, now: cleaner._Layout) -> bool:
        taken.append(holds(self, now))
        return taken[-1]

    monkeypatch.setattr(cleaner._Layout, "holds", spy)
    run([inputs], tmp_path / "inc", tmp_path / "s1")
    assert sum(taken) >= 10, "the shortcut was never taken: the test compares nothing"
    if which == "cleaning":  # its pages have titles and zones that move when furniture goes
        assert not all(taken), "no later pass found a moved zone or title: the full pass is untested"

    monkeypatch.setattr(cleaner._Layout, "holds", lambda self, now: False)
    run([inputs], tmp_path / "full", tmp_path / "s2")
    assert _outputs(tmp_path / "inc") == _outputs(tmp_path / "full")


def test_a_later_pass_does_not_run_the_rules_when_nothing_moved(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaners.config import CleanConfig
    from cleaners.rules.base import DocContext

    text = "\n".join([
        "Menu | Home | News | Sport",
        "A Long Headline About The Council Budget Vote",
        *[f"Paragraph {i} tells the story of the council's vote on the new budget for the city, "
          "which passed after a long debate among members." for i in range(4)],
        "Share this article",
    ])
    c = cleaner.Cleaner(CleanConfig())
    calls = {"n": 0}
    label = type(c.lines[0]).label

    def counting(self: object, page: object, ctx: object) -> None:
        calls["n"] += 1
        label(self, page, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(type(c.lines[0]), "label", counting)
    out, removed = c.clean(text, DocContext(url="https://example.com/news/council-budget-vote"))
    assert removed, "the page's furniture should go"
    assert "Paragraph 3" in out
    assert calls["n"] == 1, f"the rules ran {calls['n']} times on a page whose zones did not move"
