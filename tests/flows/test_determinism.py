"""Same input and config (and a new STATE each time) → byte-identical contract outputs;
a re-run into the same OUT replaces it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli
from tests.flows.test_formats import build_inputs
from tests.outputs import content_digests


def test_two_runs_are_byte_identical(tmp_path: Path, cli: Cli) -> None:
    src = build_inputs(tmp_path)
    for name in ("a", "b"):
        cli(["run", str(src), "--out", str(tmp_path / name / "out"), "--state", str(tmp_path / name / "state"),
             "--batch-size", "3", "--run-id", "same"])
    a, b = content_digests(tmp_path / "a" / "out"), content_digests(tmp_path / "b" / "out")
    assert a == b
    assert len([k for k in a if k.startswith("ledger/")]) > 1  # several shards were compared


def test_rerun_replaces_out_atomically(tmp_path: Path, cli: Cli) -> None:
    src = build_inputs(tmp_path)
    out = tmp_path / "out"
    cli(["run", str(src), "--out", str(out), "--state", str(tmp_path / "s1")])
    (out / "corpus" / "stale-file.jsonl").write_text("{}\n")
    cli(["run", str(src), "--out", str(out), "--state", str(tmp_path / "s2")])
    assert not (out / "corpus" / "stale-file.jsonl").exists()
    assert not list(tmp_path.glob(".out.*")), "no staging folder left beside OUT"
