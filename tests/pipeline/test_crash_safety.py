"""Crash safety (issue 8 item 4): a day-2 run SIGKILLed at 20 random moments, then re-run,
gives byte-identical outputs, a complete ledger and the STATE an uninterrupted run gives.

Why this shape: STATE (site statistics, dedup index) and OUT are only safe if every file
is written then renamed and the manifest rename is the one commit point — and if a re-run
only trusts resume markers whose files still exist. Kills are aimed two ways: nine at a
moment uniform over an uninterrupted run, which mostly lands in the long phases, and one
at a uniform moment inside each of the eleven phases (synchronised on the driver's
`phase` lines), so the short ones — swap, STATE commit, cleanup — are hit too. The run is driven without
Prefect (tests/pipeline/crash_driver.py, same markers and keys as the flow) so twenty
kills take about a minute. Right after each kill: the STATE lock is free (flock dies with
its holder), OUT is absent or already complete, STATE is exactly "before" or "after".
"""

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
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaners.pipeline.driver import PHASES
from cleaners.state import StateStore
from tests.conftest import ROOT, SHARED
from tests.outputs import content_digests, ledger
from tests.pipeline import crash_driver

BATCH = 50  # day 2 = 4 shards, so kills land between batches of one stage too
RUN_ID = "day2"
SEED = 20240811


@dataclass
class Day:
    inputs: list[str]
    ids: list[str]


@dataclass
class Reference:
    day1_state: Path
    day2: Day
    out: dict[str, str]
    state_before: dict[str, str]
    state_after: dict[str, str]
    starts: dict[str, float]  # seconds after the driver's "start" line
    duration: float


def state_digest(state: Path) -> dict[str, str]:
    """STATE's logical content: every file of the folders the manifest references (under
    stable names: the generation number in folder names is left out, it only counts
    commits) and the manifest's run records."""
    manifest = json.loads((state / "manifest.json").read_text())
    live = {"sitelines": manifest["sitelines"]} | {f"runs/{rid}": info["dir"]
                                                   for rid, info in manifest["runs"].items()}
    found = {"manifest": json.dumps({rid: {k: v for k, v in info.items() if k != "dir"}
                                     for rid, info in manifest["runs"].items()}, sort_keys=True)}
    for name, rel in live.items():
        for p in sorted((state / rel).rglob("*")):
            if p.is_file():
                found[f"{name}/{p.relative_to(state / rel)}"] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def stray_files(state: Path) -> list[str]:
    """Files STATE holds outside the manifest, its lock and the folders it references."""
    manifest = json.loads((state / "manifest.json").read_text())
    live = [manifest["sitelines"], *(info["dir"] for info in manifest["runs"].values())]
    out = []
    for p in state.rglob("*"):
        rel = p.relative_to(state).as_posix()
        if p.is_file() and rel not in ("lock", "manifest.json") and not any(rel.startswith(d + "/") for d in live):
            out.append(rel)
    return sorted(out)


def spawn(out: Path, state: Path, day: Day, spec_dir: Path) -> subprocess.Popen[str]:
    spec = spec_dir / "spec.json"
    spec.write_text(json.dumps({"inputs": day.inputs, "out": str(out), "state": str(state), "run_id": RUN_ID,
                                "batch_size": BATCH}))
    return subprocess.Popen([sys.executable, "-m", "tests.pipeline.crash_driver", str(spec)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for(proc: subprocess.Popen[str], line: str) -> list[str]:
    """Read the driver's phase lines up to and including `line` (all of them if it exits)."""
    assert proc.stdout is not None
    seen = []
    for raw in proc.stdout:
        seen.append(raw.strip().removeprefix("phase "))
        if seen[-1] == line:
            break
    return seen


def two_days(tmp: Path, docs: int, seed: int, day1: int) -> list[str]:
    """A generated corpus split into tmp/day1.jsonl (the first `day1` lines) and
    tmp/day2.jsonl (the rest, which holds copies of day-1 stories); its JSONL lines."""
    corpus = tmp / "all.jsonl"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "--docs", str(docs), "--dup-rate", "0.1",
                    "--seed", str(seed), "--min-words", "120", "--max-words", "260", "--out", str(corpus)],
                   check=True, capture_output=True)
    lines = [ln for ln in corpus.read_text(encoding="utf-8").split("\n") if ln]
    (tmp / "day1.jsonl").write_text("\n".join(lines[:day1]) + "\n", encoding="utf-8")
    (tmp / "day2.jsonl").write_text("\n".join(lines[day1:]) + "\n", encoding="utf-8")
    return lines


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """Day 1 to completion, then one uninterrupted day-2 run timed phase by phase."""
    tmp = tmp_path_factory.mktemp("crash")
    lines = two_days(tmp, 450, 11, 250)
    day2 = Day([str(tmp / "day2.jsonl")], [json.loads(ln)["id"] for ln in lines[250:]])
    state1 = tmp / "state-day1"
    crash_driver.run([str(tmp / "day1.jsonl")], tmp / "out-day1", state1, "day1", BATCH)
    ref_state = tmp / "ref" / "state"
    shutil.copytree(state1, ref_state)
    proc = spawn(tmp / "ref" / "out", ref_state, day2, tmp / "ref")
    wait_for(proc, "start")
    t0 = time.monotonic()
    starts = {}
    for name in wait_for(proc, "done"):
        starts[name] = time.monotonic() - t0
    assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""
    day2_links = [r for r in ledger(tmp / "ref" / "out").values() if r.get("duplicate_of_run") == "day1"]
    assert day2_links, "day 2 must hold copies of day-1 stories"
    return Reference(state1, day2, content_digests(tmp / "ref" / "out"), state_digest(state1),
                     state_digest(ref_state), starts, starts["done"])


def schedule(ref: Reference) -> list[tuple[str, float]]:
    """20 (phase to wait for, delay after it): one uniform moment inside each phase (as
    long as it lasted in the reference run), the other nine uniform over the whole run."""
    rng = random.Random(SEED)
    ends = dict(zip(PHASES, [ref.starts[p] for p in PHASES[1:]] + [ref.duration], strict=True))
    moments = [("start", rng.uniform(0, ref.duration)) for _ in range(20 - len(PHASES))]
    moments += [(p, rng.uniform(0, max(ends[p] - ref.starts[p], 0.001))) for p in PHASES]
    return moments


def kill_at(proc: subprocess.Popen[str], phase: str, delay: float) -> str:
    """SIGKILL the driver's process group `delay` s after its `phase` line; the phase it
    was in when it died (or "done" when it finished first)."""
    seen = wait_for(proc, phase)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):  # it finished first
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert proc.stdout is not None
    seen += [ln.strip().removeprefix("phase ") for ln in proc.stdout]
    return seen[-1] if seen else "import"


@pytest.mark.timeout(240)
def test_sigkill_at_random_moments_then_rerun(reference: Reference, tmp_path: Path) -> None:
    landed = []
    state = out = tmp_path
    for trial, (phase, delay) in enumerate(schedule(reference)):
        work = tmp_path / f"t{trial:02d}"
        state, out = work / "state", work / "out"
        shutil.copytree(reference.day1_state, state)
        proc = spawn(out, state, reference.day2, work)
        died_in = kill_at(proc, phase, delay)
        landed.append(died_in)
        where = f"trial {trial}: killed {delay:.3f}s after {phase!r}, in {died_in!r}"
        with StateStore(state).locked("probe"):  # the dead holder's flock is gone: no stale lock
            pass
        if out.exists():  # OUT is swapped in whole or not at all
            assert content_digests(out) == reference.out, where
        assert state_digest(state) in (reference.state_before, reference.state_after), where
        crash_driver.run(reference.day2.inputs, out, state, RUN_ID, BATCH)
        assert content_digests(out) == reference.out, where
        rows = ledger(out)
        assert sorted(rows) == sorted(reference.day2.ids), where  # every input id exactly once
        assert state_digest(state) == reference.state_after, where
        assert stray_files(state) == [], where
        assert not list(out.parent.glob(f".{out.name}.*")), where  # no staging or old OUT left
    # STATE after a crashed-then-resumed run behaves as after a clean one: day 2 once more
    crash_driver.run(reference.day2.inputs, out, state, RUN_ID, BATCH)
    assert content_digests(out) == reference.out
    assert state_digest(state) == reference.state_after
    print("kills landed in:", ", ".join(landed))
    assert len(set(landed)) >= 6, landed  # the aim held: kills spread over the phases
