"""`make serve`: a local Prefect server, the process work pool, the deployments of
prefect.yaml and a worker, all on 127.0.0.1 (`make serve-stop` stops them).

    python -m flows.serve start [--port 4200]   # prints the PREFECT_API_URL to export
    python -m flows.serve stop

The server and worker run in the background with their logs and pids in .prefect/.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from flows import prefect_env

ROOT = Path(__file__).resolve().parents[1]
HOME = Path(os.environ.get("PREFECT_HOME", prefect_env.HOME))
BIN = Path(sys.executable).parent
POOL = "presswash-local"


def env(url: str) -> dict[str, str]:
    return prefect_env.environment(os.environ, HOME) | {"PREFECT_API_URL": url}


def prefect(args: list[str], url: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "prefect"), *args], env=env(url), cwd=ROOT, capture_output=True, text=True,
                          check=check)


def wait_healthy(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the Prefect server at {url} did not become healthy")


def background(name: str, cmd: list[str], url: str) -> int:
    HOME.mkdir(parents=True, exist_ok=True)
    log = open(HOME / f"{name}.log", "ab")  # noqa: SIM115 - handed to the child process
    proc = subprocess.Popen(cmd, env=env(url), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    (HOME / f"{name}.pid").write_text(str(proc.pid))
    return proc.pid


def start(port: int) -> None:
    url = f"http://127.0.0.1:{port}/api"
    background("server", [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                          "--no-ui"], url)
    wait_healthy(url)
    if prefect(["work-pool", "inspect", POOL], url, check=False).returncode != 0:
        prefect(["work-pool", "create", POOL, "--type", "process"], url)
    res = prefect(["--no-prompt", "deploy", "--all"], url, check=False)
    if res.returncode != 0:
        raise SystemExit(f"prefect deploy failed:\n{res.stdout[-2000:]}{res.stderr[-2000:]}")
    background("worker", [str(BIN / "prefect"), "worker", "start", "--pool", POOL], url)
    print(f"Prefect server, pool {POOL!r}, deployments and a worker are up.\n"
          f"    export PREFECT_API_URL={url}\n"
          f"    prefect deployment run presswash/seeds      # a trial run now\n"
          f"    prefect deployment ls                       # 'presswash/daily' runs every morning")


def stop() -> None:
    for name in ("worker", "server"):
        pid_file = HOME / f"{name}.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(int(pid_file.read_text()), signal.SIGTERM)
            pid_file.unlink()
            print(f"stopped the {name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["start", "stop"])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PRESSWASH_PREFECT_PORT", "4200")))
    args = ap.parse_args()
    start(args.port) if args.action == "start" else stop()


if __name__ == "__main__":
    main()
