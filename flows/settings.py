"""Environment defaults applied before Prefect is imported (Prefect reads them at import).

Measured on these machines (../shared/notes/prefect3.md): the ephemeral server needs up to
20 s to start, its default timeout; telemetry logs noise without network. Values a user
set are never overridden.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "cleaners",
}


def apply(state: str | None = None) -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if state:
        # persisted task results (small JSON summaries) live in STATE, under data/ by default
        os.environ.setdefault("PREFECT_RESULTS_LOCAL_STORAGE_PATH", str(Path(state).resolve() / "prefect-results"))
