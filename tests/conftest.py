"""Shared fixtures: paths to ../shared, one real Prefect server per test session, and a
helper that runs the `presswash` CLI as a subprocess against it.

The server is `prefect server start` on 127.0.0.1 on a free port with its own
PREFECT_HOME, started once (≈10 s) and stopped at the end; CLI runs then cost ~2 s
instead of the 10-20 s an ephemeral server needs for each.
"""

from __future__ import annotations

import functools
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from flows import prefect_env

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout: tests that need it fail (not skip) without it."""
    if not (SHARED / "eval" / "README.md").exists():
        pytest.fail(f"{SHARED} is missing: clone with ../shared beside the checkout (see README)")
    return SHARED


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def base_env(home: Path) -> dict[str, str]:
    """This environment without the caller's Prefect settings: presswash's defaults, PREFECT_HOME
    `home`, no UI."""
    env = prefect_env.environment({k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}, home)
    return env | {"PREFECT_UI_ENABLED": "false"}


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("prefect server did not become healthy")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A real Prefect server for the session; yields the environment that points at it."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    env = base_env(home)
    url = f"http://127.0.0.1:{port}/api"
    log = open(home / "server.log", "wb")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--no-ui"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(url, proc)
        yield env | {"PREFECT_API_URL": url}
    finally:
        stop(proc)
        log.close()


def run_cli(args: list[str], env: dict[str, str], timeout: float = 600, check: bool = True,
            cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    res = subprocess.run([str(BIN / "presswash"), *args], env=env, cwd=cwd, capture_output=True, text=True,
                         timeout=timeout)
    if check and res.returncode != 0:
        raise AssertionError(f"presswash {' '.join(args)} failed ({res.returncode}):\n{res.stderr[-4000:]}")
    return res


@pytest.fixture(scope="session")
def neardup_out(shared: Path, prefect_server: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OUT of one `presswash run` on the DEV near-dup set with a new empty STATE (as the
    scorer expects), shared by the near-dup floors test and the report's browser test:
    one run instead of two. Read it, never write into it."""
    tmp = tmp_path_factory.mktemp("neardup-dev")
    out = tmp / "out"
    run_cli(["run", str(shared / "eval" / "neardup" / "input.jsonl"), "--out", str(out), "--state", str(tmp / "state")],
            prefect_server)
    return out


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(prefect_server: dict[str, str]) -> Cli:
    """`cli(args)` runs presswash against the session server (keywords as `run_cli`'s)."""
    return functools.partial(run_cli, env=prefect_server)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by playwright (never `playwright install`); one
    per test module, so no playwright event loop outlives the module that needs it."""
    from playwright.sync_api import sync_playwright

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail(f"{chromium} is missing: apt-get install chromium (browser tests)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"], headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on 127.0.0.1 (free port, no persistence), for the session."""
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        deadline = time.monotonic() + 30
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        stop(proc)
