"""A SIGKILL anywhere in `review apply` leaves STATE as it was or as the apply leaves it,
never half: kills aimed just before and after each rename of the commit and around the
collection of superseded files (tests/review/apply_driver.py announces each), plus a few
at random moments; after each, the lock is free and applying again completes."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaners.review.records import ReviewVerdict
from cleaners.review.store import apply_verdicts, stored
from cleaners.state import StateStore
from tests.conftest import ROOT
from tests.inprocess import run
from tests.review import corpus
from tests.review.test_verdicts_honoured import review


def logical(state: Path) -> str:
    """STATE's content: the manifest and every file it references (the generation number
    in names left out), the verdicts as parsed."""
    store = StateStore(state)
    snap = store.snapshot()
    files = {}
    for rel in [snap.sitelines, *(info["dir"] for info in snap.runs.values())]:
        for p in sorted((state / str(rel)).rglob("*")):
            if p.is_file():
                files[str(p.relative_to(state / str(rel)))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return json.dumps({"runs": {k: {a: b for a, b in v.items() if a != "dir"} for k, v in snap.runs.items()},
                       "files": files, "verdicts": [v.to_json() for v in stored(store, snap)]}, sort_keys=True)


def strays(state: Path) -> list[str]:
    snap = StateStore(state).snapshot()
    live = {snap.verdicts}
    return sorted(p.name for p in (state / "review").iterdir() if f"review/{p.name}" not in live)


def spawn(state: Path, verdicts: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.review.apply_driver", str(state), str(verdicts)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def phases(proc: subprocess.Popen[str], until: str | None) -> list[str]:
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line.strip().removeprefix("phase "))
        if seen[-1] == until:
            break
    return seen


@pytest.mark.timeout(120)
def test_kill_during_apply_leaves_state_before_or_after(tmp_path: Path) -> None:
    corpus.write(tmp_path / "in.jsonl")
    base = tmp_path / "base"
    run([tmp_path / "in.jsonl"], tmp_path / "out", base, run_id="day1")
    first, *rest = review(tmp_path / "out", "day1")
    apply_verdicts(base, [first])  # STATE holds a verdict already: "half" would show
    export = tmp_path / "verdicts.json"
    export.write_text(json.dumps({"presswash_verdicts": 1, "run": "day1", "report": "t",
                                  "verdicts": [v.to_json() for v in rest]}))
    before = logical(base)
    ref = tmp_path / "ref"
    shutil.copytree(base, ref)
    proc = spawn(ref, export)
    steps = [p for p in phases(proc, None) if p not in ("start", "done")]
    assert proc.wait(30) == 0, proc.stderr.read() if proc.stderr else ""
    after = logical(ref)
    assert after != before and json.loads(after)["verdicts"] == [first.to_json(), *(v.to_json() for v in rest)]
    rng = random.Random(17)
    aims = [(s, 0.02) for s in steps] + [("start", rng.uniform(0.2, 0.2 + len(steps) * 0.05)) for _ in range(2)]
    outcomes = set()
    for i, (step, delay) in enumerate(aims):
        state = tmp_path / f"k{i:02d}"
        shutil.copytree(base, state)
        proc = spawn(state, export)
        phases(proc, step)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        now = logical(state)
        assert now in (before, after), f"killed after {step!r}: STATE is neither before nor after"
        outcomes.add(now == after)
        with StateStore(state).locked("probe"):  # the dead holder's lock is gone
            pass
        apply_verdicts(state, [ReviewVerdict.from_json(v, "x") for v in json.loads(export.read_text())["verdicts"]])
        assert logical(state) == after and strays(state) == []
    assert outcomes == {True, False}  # kills landed on both sides of the commit
