"""Crash safety through the real flow (against the session's shared
test server): `presswash run` SIGKILLed at 20 random moments, each time re-run to
completion, gives byte-identical outputs, a complete ledger and the STATE an
uninterrupted run gives.

Why both this and tests/pipeline/test_crash_safety.py: that one aims kills at each
library phase (down to the swap and the STATE commit) through a Prefect-less driver;
this one kills the process users run — Prefect's task runner, result cache, process
pool and all — at moments uniform over the flow's run (from the flow run's first log
line to its exit), and re-runs it the way a user would, with the same arguments.
Forty CLI runs take minutes (7 min measured on a loaded 2-core machine), too long for
the 10-minute suite: it is marked `slow` and run by `make test-slow`; `make test` keeps
one CLI kill (tests/flows/test_resume_and_runners.py) and the 20 phase-aimed kills.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import BIN, ROOT, run_cli
from tests.outputs import content_digests, ledger
from tests.pipeline.test_crash_safety import state_digest, stray_files, two_days

KILLS = 20
SEED = 8
ARGS = ["--run-id", "day2", "--batch-size", "40"]


def start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], list[tuple[float, str]]]:
    """The CLI in its own process group, its output lines collected with their times."""
    proc = subprocess.Popen([str(BIN / "presswash"), *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[tuple[float, str]] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append((time.monotonic(), line.rstrip()))

    threading.Thread(target=pump, daemon=True).start()
    return proc, lines


def flow_started(lines: list[tuple[float, str]]) -> float | None:
    return next((t for t, ln in lines if "Beginning flow run" in ln), None)


def last_task(lines: list[tuple[float, str]]) -> str:
    """The kind of the last task that finished before the kill ("none" if no task did)."""
    done = [ln.split("Task run '", 1)[1].split("'", 1)[0].rsplit("-", 1)[0] for _, ln in lines
            if "Task run '" in ln and "Finished" in ln]
    return done[-1] if done else "none"


@pytest.fixture(scope="module")
def days(tmp_path_factory: pytest.TempPathFactory, prefect_server: dict[str, str]) -> dict:
    tmp = tmp_path_factory.mktemp("kill20")
    lines = two_days(tmp, 360, 5, 200)
    state1 = tmp / "state1"
    run_cli(["run", str(tmp / "day1.jsonl"), "--out", str(tmp / "out1"), "--state", str(state1), "--run-id", "day1"],
            prefect_server)
    ref_state = tmp / "ref-state"
    shutil.copytree(state1, ref_state)
    proc, out_lines = start(["run", str(tmp / "day2.jsonl"), "--out", str(tmp / "ref-out"), "--state",
                             str(ref_state), *ARGS], prefect_server)
    assert proc.wait(300) == 0, "\n".join(ln for _, ln in out_lines[-30:])
    t0 = flow_started(out_lines)
    assert t0 is not None
    ref = tmp / "ref-out"
    assert any(r.get("duplicate_of_run") == "day1" for r in ledger(ref).values())  # day 2 reaches into day 1
    return {"day2": str(tmp / "day2.jsonl"), "state1": state1, "out": content_digests(ref),
            "ids": sorted(json.loads(ln)["id"] for ln in lines[200:]), "before": state_digest(state1),
            "after": state_digest(ref_state), "span": out_lines[-1][0] - t0}


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_twenty_kills_then_reruns(days: dict, tmp_path: Path, prefect_server: dict[str, str]) -> None:
    rng = random.Random(SEED)
    landed = []
    for trial in range(KILLS):
        state, out = tmp_path / f"t{trial:02d}" / "state", tmp_path / f"t{trial:02d}" / "out"
        shutil.copytree(days["state1"], state)
        args = ["run", days["day2"], "--out", str(out), "--state", str(state), *ARGS]
        proc, lines = start(args, prefect_server)
        delay = rng.uniform(0, days["span"])
        deadline = time.monotonic() + 120
        while flow_started(lines) is None and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(max(0.0, (flow_started(lines) or time.monotonic()) + delay - time.monotonic()))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
        landed.append(last_task(lines) if proc.returncode != 0 else "completed")
        where = f"trial {trial}: killed {delay:.2f}s into the flow, after {landed[-1]}"
        if out.exists():  # OUT is swapped in whole or not at all
            assert content_digests(out) == days["out"], where
        assert state_digest(state) in (days["before"], days["after"]), where
        run_cli(args, prefect_server)  # the user's re-run: the same command
        assert content_digests(out) == days["out"], where
        assert sorted(ledger(out)) == days["ids"], where  # every input document exactly once
        assert state_digest(state) == days["after"], where
        assert stray_files(state) == [], where
    print("kills landed after:", ", ".join(landed))
    assert len(set(landed)) >= 4, landed  # the kills spread over the flow's stages
