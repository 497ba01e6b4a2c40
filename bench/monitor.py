"""Run a command as a child process and measure it: wall time, peak RSS of its process tree.

Why poll the tree with psutil: presswash works in a process pool (and, in ephemeral mode,
starts a Prefect server as a child), datatrove in a multiprocess pool; `resource.getrusage`
gives only the largest single child, and `time -v` only one process. The tree's RSS is the
sum over the child and all its descendants at each poll (shared copy-on-write pages count
once per process, so the sum is an upper bound; the PSS sum, which splits each shared page
between its sharers, is recorded beside it); processes whose command line looks like a
Prefect server are also summed separately, so the pipeline's own memory can be read apart
from Prefect's fixed cost.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_S = 0.2
SERVER_MARKERS = ("uvicorn", "prefect.server", "prefect server")


@dataclass
class Measured:
    """What one monitored command did; `error` is set when it failed or timed out."""

    cmd: list[str]
    returncode: int | None
    wall_s: float
    peak_rss: int = 0  # bytes, whole tree
    peak_rss_no_server: int = 0  # bytes, tree minus Prefect server processes
    peak_pss: int = 0  # bytes, whole tree, proportional set size (shared pages split between sharers)
    top: str = ""  # the largest processes at the RSS peak: where the memory was
    cpu_s: float = 0.0  # user + system seconds of every process seen in the tree
    error: str | None = None
    log: Path | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _is_server(p: psutil.Process) -> bool:
    try:
        cmd = " ".join(p.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False
    return any(m in cmd for m in SERVER_MARKERS)


class _Poller(threading.Thread):
    """Samples the tree's RSS and CPU times until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.peak = 0
        self.peak_no_server = 0
        self.peak_pss = 0
        self.pss_ok = True
        self.top = ""
        self.cpu: dict[int, float] = {}  # pid -> last seen user+system seconds
        self.server: dict[int, bool] = {}

    def sample(self) -> None:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            return
        total = no_server = pss = 0
        seen: list[tuple[int, int]] = []
        for p in procs:
            try:
                rss = p.memory_info().rss
                t = p.cpu_times()
                if self.pss_ok:
                    pss += p.memory_full_info().pss  # Linux: /proc/PID/smaps_rollup
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            except AttributeError:  # no PSS on this platform
                self.pss_ok = False
            if p.pid not in self.server:
                self.server[p.pid] = _is_server(p)
            total += rss
            seen.append((rss, p.pid))
            if not self.server[p.pid]:
                no_server += rss
            self.cpu[p.pid] = t.user + t.system  # children_* would count reaped workers twice
        if total > self.peak:
            self.peak = total
            self.top = ", ".join(f"{_label(procs, pid)} {rss / 1e6:,.0f} MB" for rss, pid in sorted(seen)[::-1][:3])
        self.peak_no_server = max(self.peak_no_server, no_server)
        self.peak_pss = max(self.peak_pss, pss)

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(POLL_S)


def _label(procs: list[psutil.Process], pid: int) -> str:
    """A short name for a process of the tree: its role, not its full command line."""
    p = next(x for x in procs if x.pid == pid)
    try:
        cmd = " ".join(p.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return str(pid)
    if pid == procs[0].pid:
        return f"root({p.name()})"
    if any(m in cmd for m in SERVER_MARKERS):
        return "prefect-server"
    if "forkserver" in cmd:  # the fork server and the pool workers forked from it share its command line
        return "forkserver/pool-worker"
    if "from multiprocessing" in cmd:
        return "mp-worker"
    return f"child({p.name()})"


def run_measured(cmd: Sequence[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None,
                 timeout: float | None = None) -> Measured:
    """Run `cmd` with stdout+stderr to `log`; never raises for a failing command."""
    log.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(c) for c in cmd]
    t0 = time.perf_counter()
    with open(log, "wb") as out:
        try:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                    start_new_session=True)
        except OSError as exc:
            return Measured(cmd, None, 0.0, error=f"could not start: {exc}", log=log)
        poller = _Poller(proc.pid)
        poller.start()
        error = None
        try:
            rc: int | None = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            _kill_tree(proc.pid)
            rc = proc.wait()
            error = f"timed out after {timeout:.0f} s"
        poller.stop.set()
        poller.join()
    wall = time.perf_counter() - t0
    if error is None and rc != 0:
        error = f"exit status {rc}: {_tail(log)}"
    return Measured(cmd, rc, wall, poller.peak, poller.peak_no_server, poller.peak_pss if poller.pss_ok else 0,
                    poller.top, sum(poller.cpu.values()), error, log)


def _kill_tree(pid: int) -> None:
    """Kill the child's session (it was started in its own), so no worker is left behind."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, 9)


def _tail(log: Path, lines: int = 3) -> str:
    try:
        text = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:])[-400:]
