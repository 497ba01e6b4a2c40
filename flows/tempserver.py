"""The temporary Prefect server of a `presswash run`, started as soon as the command line
is checked, so that it boots on one core while this process imports the flow on the other.

Without PREFECT_API_URL, Prefect starts the same server itself (`SubprocessASGIServer`, the
same uvicorn command and settings) but only at the flow's first API call, after every
import, and it first imports its whole server package into this process (~2.5 s of CPU on
these machines) just to run it as a subprocess. Started here instead, the server's own
start-up overlaps the imports, and its address is exported as PREFECT_API_URL, so
Prefect talks to it as to any server: the process pool and Dask workers inherit the
address and start no server of their own.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

# what SubprocessASGIServer sets for its server process (prefect/server/api/server.py)
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
PORT_IN_USE = 3  # uvicorn's exit status when it cannot bind


class TemporaryServer:
    """A Prefect API server in a subprocess on 127.0.0.1, stopped when the run ends."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.url = ""
        self.timeout = 120.0
        self._spawn()
        atexit.register(self.stop)

    def _spawn(self) -> None:
        with socket.socket() as sock:  # a free port; uvicorn exits with PORT_IN_USE if taken since
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **SERVER_ENV}, stdin=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/api"

    def adopt(self) -> bool:
        """Make this server the run's, unless Prefect's own settings (a profile's API URL,
        ephemeral mode turned off) say otherwise: then it is stopped and False returned.
        Called once Prefect is imported anyway, and before its first API call."""
        from prefect.settings import get_current_settings

        settings = get_current_settings()
        if settings.api.url or not settings.server.ephemeral.enabled:
            if self.proc is not None:  # killed, not stopped: it is still starting, and would log its failure
                self.proc.kill()
            self.stop()
            return False
        self.timeout = float(settings.server.ephemeral.startup_timeout_seconds)
        self._export()
        return True

    def _export(self) -> None:
        from prefect.context import refresh_global_settings_context

        os.environ["PREFECT_API_URL"] = self.url  # inherited by the process pool and Dask workers
        refresh_global_settings_context()  # Prefect read its settings when imported

    def wait_ready(self) -> None:
        """Return once the server answers its health check; RuntimeError if it does not
        within the ephemeral start-up timeout or exits."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            code = self.proc.poll()
            if code == PORT_IN_USE:
                self._spawn()
                self._export()
                continue
            if code is not None:
                raise RuntimeError(f"the temporary Prefect server exited with status {code}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        raise RuntimeError(f"the temporary Prefect server did not answer within {self.timeout:g} s")

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start() -> TemporaryServer | None:
    """Start a temporary server unless the environment names one (PREFECT_API_URL); it
    serves the run only once `adopt` agrees."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    return TemporaryServer()
