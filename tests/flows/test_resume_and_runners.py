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
    """While a run holds STATE (here the test itself holds its lock, so which run gets it
    is not up to the scheduler), a second run fails at once with a one-line reason and
    leaves OUT and STATE alone; a queued run (`--state-wait`) waits, then completes."""
    state = tmp_path / "state"
    with StateStore(state).locked("one"):
        busy = run_cli(["run", str(corpus), "--out", str(tmp_path / "two"), "--state", str(state)], prefect_server,
                       check=False)
        assert busy.returncode == 1
        assert "is in use by run 'one'" in busy.stderr
        assert not (tmp_path / "two").exists() and not (state / "manifest.json").exists()
        queued = start(["run", str(corpus), "--out", str(tmp_path / "three"), "--state", str(state),
                        "--state-wait", "120"], prefect_server)
        assert queued.stdout is not None
        for line in queued.stdout:  # its subflow started: it is about to ask for the lock
            if "Beginning subflow run" in line:
                break
        time.sleep(3)  # long enough to reach the lock: the queued run must wait, not fail
        assert queued.poll() is None, queued.communicate()[0][-2000:]
    log = queued.communicate(timeout=300)[0]
    assert queued.returncode == 0, log[-2000:]
    manifest = json.loads((state / "manifest.json").read_text())
    assert set(manifest["runs"]) == {"three"}
    StateStore(state).snapshot().seen_idents("four")  # the committed arrays load
    assert len(ledger(tmp_path / "three")) == DOCS
