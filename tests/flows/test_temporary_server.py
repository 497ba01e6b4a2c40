"""`presswash run` with no PREFECT_API_URL, as `make run` does: the command starts one
temporary Prefect server itself (Prefect starts none of its own), reports its fixed start
cost apart in stats.json, and leaves no process behind."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import BIN, ROOT


def session_members(sid: int) -> list[str]:
    """Command lines of the processes still in session `sid`."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_bytes()
            if int(stat.rsplit(b")", 1)[1].split()[3]) == sid:  # field 6 of proc(5): session
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_run_starts_its_own_server_and_reports_the_start_apart(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}
    out = tmp_path / "out"
    proc = subprocess.Popen([str(BIN / "presswash"), "run", str(ROOT / "seeds"), "--out", str(out), "--state",
                             str(tmp_path / "state")], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr[-4000:]
    assert "Starting temporary server" not in stderr  # Prefect did not start a second one
    timings = json.loads((out / "stats.json").read_text())["timings_s"]
    assert timings["start"] > 0 and 0 <= timings["plan"] <= timings["total_before_finalize"]
    assert session_members(proc.pid) == []  # the server and the pool went with the command
    assert (tmp_path / "prefect-home" / "prefect.db").exists()  # the server was the run's, in its home
