"""A run's command line is checked before anything starts: one clear message per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.pipeline.preflight import UsageError, check_run


def test_a_good_command_line_gives_its_config(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text("{}\n")
    cfg = tmp_path / "c.toml"
    cfg.write_text("[dedup]\nkeeper = \"longest\"\n")
    pre = check_run([str(inp)], str(tmp_path / "out"), str(tmp_path / "state"), str(cfg))
    assert pre.config.dedup.keeper == "longest" and pre.warnings == ()


def test_out_and_state_inside_an_input_folder_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    pre = check_run([str(tmp_path)], str(tmp_path / "out"), str(tmp_path / "state"), None)
    assert len(pre.warnings) == 2 and "skipped when reading it" in pre.warnings[0]


@pytest.mark.parametrize(("case", "message"), [
    ("no input", "no INPUT"),
    ("missing input", "input not found"),
    ("broken link", "broken link"),
    ("state inside out", "separate folders"),
    ("out is a file", "OUT is not a folder"),
    ("input inside state", "is inside STATE"),
    ("missing config", "config file not found"),
    ("bad config", "unknown config key"),
])
def test_each_mistake_has_its_message(tmp_path: Path, case: str, message: str) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text("{}\n")
    out, state, config = tmp_path / "out", tmp_path / "state", None
    inputs = [str(inp)]
    if case == "no input":
        inputs = []
    elif case == "missing input":
        inputs = [str(tmp_path / "nope.jsonl")]
    elif case == "broken link":
        (tmp_path / "link").symlink_to(tmp_path / "gone")
        inputs = [str(tmp_path / "link")]
    elif case == "state inside out":
        state = out / "state"
    elif case == "out is a file":
        out.write_text("x")
    elif case == "input inside state":
        state.mkdir()
        (state / "x.jsonl").write_text("{}\n")
        inputs = [str(state / "x.jsonl")]
    elif case == "missing config":
        config = str(tmp_path / "none.toml")
    elif case == "bad config":
        (tmp_path / "c.toml").write_text("[dedup]\nkeepr = 1\n")
        config = str(tmp_path / "c.toml")
    with pytest.raises(UsageError, match=message):
        check_run(inputs, str(out), str(state), config)
