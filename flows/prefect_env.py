"""The one home of presswash's Prefect environment defaults, applied before Prefect is
imported (Prefect reads them at import).

Measured on these machines: the ephemeral server needs up to 20 s to start, Prefect's
default timeout, so it gets 120; telemetry logs noise without network; the library's own
logger (`cleaners`) should reach the flow run's logs. Values a user set are never
overridden. The CLI applies them to its own process (`apply`); the test server, the
benchmark and `make serve` build their subprocesses' environment with `environment`; the
Makefile and prefect.yaml may only repeat them as tests/flows/test_prefect_env.py checks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "cleaners",
}

# PREFECT_HOME of `make run`, `make serve` and the benchmark: inside the checkout, so
# their server database and settings never mix with a user's own ~/.prefect
HOME = Path(__file__).resolve().parents[1] / ".prefect"


def apply() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


def environment(base: Mapping[str, str], home: Path | None = None) -> dict[str, str]:
    """`base` (a process environment) with the defaults where it sets nothing, and
    PREFECT_HOME `home` when given (else `base`'s, else `HOME`)."""
    env = dict(base)
    for key, value in DEFAULTS.items():
        env.setdefault(key, value)
    if home is not None:
        env["PREFECT_HOME"] = str(home)
    else:
        env.setdefault("PREFECT_HOME", str(HOME))
    return env
