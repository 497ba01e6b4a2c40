"""Mistakes on the command line and the run's own footprint: a bad INPUT, OUT, STATE or
config is one line on stderr and exit 1 before Prefect is imported; OUT and STATE inside an
INPUT folder are never read back as input; nothing of a run outlives the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import BIN, ROOT, base_env, run_cli
from tests.outputs import ledger

# the CLI's `run` called in-process, reporting whether Prefect got imported before it exited
PROBE = """
import sys
from flows.cli import main
sys.argv = ["presswash", "run", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    print("prefect imported" if "prefect" in sys.modules else "prefect not imported", exc.code)
"""


def probe(args: list[str], tmp: Path) -> tuple[str, list[str]]:
    env = base_env(tmp / "prefect-home")
    res = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, cwd=tmp, capture_output=True, text=True,
                         timeout=120)
    return res.stdout.strip(), [ln for ln in res.stderr.splitlines() if ln.strip()]


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The harbour council met on Tuesday to approve the new ferry timetable.")
    (tmp_path / "bad.toml").write_text("[clean.spam\nenabled = false\n")
    (tmp_path / "unknown.toml").write_text("[clean]\nno_such_setting = 1\n")
    return tmp_path


@pytest.mark.parametrize(("args", "says"), [
    (["no/such/path", "--out", "out"], "input not found: no/such/path"),
    (["in", "missing.txt", "--out", "out"], "input not found: missing.txt"),
    (["in", "--out", "out", "--config", "bad.toml"], "config bad.toml"),
    (["in", "--out", "out", "--config", "unknown.toml"], "unknown config key(s) clean.no_such_setting"),
    (["in", "--out", "out", "--config", "nope.toml"], "config file not found: nope.toml"),
    (["in", "--out", "out", "--state", "out/state"], "must be separate folders"),
    (["in", "--out", "st/out", "--state", "st"], "must be separate folders"),
    (["out/corpus", "--out", "out"], "is inside OUT"),
    (["in", "--out", "out", "--runner", "threads"], "unknown --runner 'threads'"),
])
def test_a_mistake_is_one_line_and_exit_1_before_prefect(folders: Path, args: list[str], says: str) -> None:
    (folders / "out" / "corpus").mkdir(parents=True)
    outcome, err = probe(args, folders)
    assert outcome == "prefect not imported 1", (outcome, err)
    assert len(err) == 1 and err[0].startswith("presswash: ") and says in err[0], err
    assert not (folders / "prefect-home" / "prefect.db").exists()  # no temporary server was started


def test_missing_input_through_the_installed_command(tmp_path: Path) -> None:
    env = base_env(tmp_path / "prefect-home")
    t = time.monotonic()
    res = subprocess.run([str(BIN / "presswash"), "run", "/no/such/path", "--out", str(tmp_path / "out")],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    took = time.monotonic() - t
    assert res.returncode == 1 and res.stderr.strip() == "presswash: input not found: /no/such/path", res.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "prefect-home" / "prefect.db").exists()
    print(f"answered in {took:.2f} s")  # the figure for the README; the assertions are the mechanism


@pytest.mark.server
def test_out_and_state_inside_the_input_are_never_read(tmp_path: Path, prefect_server: dict[str, str]) -> None:
    """`presswash run data --out data/out --state data/state`, twice: the second run reads the
    one document, not the first run's corpus, ledger and STATE files."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.jsonl").write_text(json.dumps({"id": "only", "text": "The harbour council met on Tuesday "
                                                                   "to approve the new ferry timetable."}) + "\n")
    args = ["run", str(data), "--out", str(data / "out"), "--state", str(data / "state"),
            "--config", str(_plain_outputs(tmp_path))]
    for attempt in range(2):
        res = run_cli(args, prefect_server)
        assert list(ledger(data / "out")) == ["only"], attempt
    assert "OUT" in res.stderr and "skipped when reading it" in res.stderr
    stats = json.loads((data / "out" / "stats.json").read_text())
    assert stats["steps"]["read"]["skipped:own_output"] == 2


def _plain_outputs(tmp: Path) -> Path:
    """Uncompressed shards: `*.jsonl` files a walk would take for input if it read OUT."""
    cfg = tmp / "plain.toml"
    cfg.write_text('[run]\ncompression = "none"\n')
    return cfg


@pytest.mark.server
def test_nothing_of_the_run_outlives_the_command(tmp_path: Path, prefect_server: dict[str, str]) -> None:
    """The run's session (the CLI, its process pool, the fork server and resource tracker
    multiprocessing starts for it) is empty 0.5 s after the command exits."""
    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"{i}.txt").write_text(f"Story {i}: the harbour council met on day {i} to discuss "
                                                  f"ferries, {i * 7} residents attended and asked questions.")
    cmd = [str(BIN / "presswash"), "run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--state",
           str(tmp_path / "state"), "--workers", "2"]
    proc = subprocess.Popen(cmd, env=prefect_server, cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    time.sleep(0.5)
    alive = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        try:
            if os.getsid(p.info["pid"]) == proc.pid:
                alive.append(" ".join(p.info["cmdline"] or [])[:120])
        except (ProcessLookupError, PermissionError):
            continue
    assert not alive, alive
