"""Environment defaults applied before Prefect is imported (Prefect reads them at import).

Measured on these machines (../shared/notes/prefect3.md): the ephemeral server needs up to
20 s to start, its default timeout; telemetry logs noise without network. Values a user
set are never overridden.
"""

from __future__ import annotations

import os

DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "cleaners",
}


def apply() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
