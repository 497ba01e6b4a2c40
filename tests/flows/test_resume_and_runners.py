"""Fault tolerance and runners: a run killed part-way resumes from its finished batches
with byte-identical outputs; the Dask runner gives the local runner's outputs; two runs on
one STATE never corrupt it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaners.state import StateStore
from tests.conftest import BIN, ROOT, SHARED, run_cli
from tests.outputs import content_digests, ledger

DOCS = 1200  # 30 batches of 40: enough to kill a run with work done and work left


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "news.jsonl.zst"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "--docs", str(DOCS), "--dup-rate", "0.1",
                    "--seed", "7", "--out", str(out)], check=True, capture_output=True)
    return out


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([str(BIN / "presswash"), *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def test_killed_run_resumes_byte_identical(tmp_path: Path, corpus: Path, prefect_server: dict[str, str]) -> None:
    common = ["--run-id", "resume", "--batch-size", "40"]
    run_cli(["run", str(corpus), "--out", str(tmp_path / "a" / "out"), "--state", str(tmp_path / "a" / "state"),
             *common], prefect_server)
    state = tmp_path / "b" / "state"
    args = ["run", str(corpus), "--out", str(tmp_path / "b" / "out"), "--state", str(state), *common]
    proc = start(args, prefect_server)
    deadline = time.monotonic() + 300
    while len(list(state.glob("work/*/done/*.json"))) < 12:  # well into the run: prepare and clean batches done
        assert proc.poll() is None, proc.communicate()[0][-2000:]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert not (tmp_path / "b" / "out").exists()  # nothing half-written at OUT
    assert not (state / "manifest.json").exists()  # STATE as before the run
    res = run_cli(args, prefect_server)
    assert "resumed: skipped" in res.stdout + res.stderr
    assert content_digests(tmp_path / "b" / "out") == content_digests(tmp_path / "a" / "out")


def test_dask_runner_matches_local(tmp_path: Path, corpus: Path, prefect_server: dict[str, str]) -> None:
    outs = {}
    for runner in ("local", "dask"):
        out = tmp_path / runner / "out"
        run_cli(["run", str(corpus), "--out", str(out), "--state", str(tmp_path / runner / "state"),
                 "--run-id", "same", "--batch-size", "200", "--runner", runner, "--workers", "2"], prefect_server)
        outs[runner] = content_digests(out)
    assert outs["dask"] == outs["local"]


def test_concurrent_runs_on_one_state(tmp_path: Path, corpus: Path, prefect_server: dict[str, str]) -> None:
    state = tmp_path / "state"
    procs = [start(["run", str(corpus), "--out", str(tmp_path / name), "--state", str(state)], prefect_server)
             for name in ("one", "two")]
    results = [(p.wait(300), p.communicate()[0]) for p in procs]
    codes = sorted(code for code, _ in results)
    if codes == [0, 1]:  # the second found STATE busy: a clear one-line reason, at once
        failed = next(log for code, log in results if code == 1)
        assert "is in use by run" in failed
    else:
        assert codes == [0, 0]
    manifest = json.loads((state / "manifest.json").read_text())
    assert set(manifest["runs"]) <= {"one", "two"} and manifest["runs"]
    StateStore(state).snapshot().seen_idents("three")  # the committed arrays load
    # a queued run waits for the holder instead of failing, and STATE takes a third run
    run_cli(["run", str(corpus), "--out", str(tmp_path / "three"), "--state", str(state), "--state-wait", "120"],
            prefect_server)
    assert len(ledger(tmp_path / "three")) == DOCS
