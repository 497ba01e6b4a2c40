"""A run's command line checked before anything starts (Prefect's server takes seconds).

A mistake there — an input that does not exist or cannot be read, OUT and STATE on top of
each other or around an input, a config file that does not parse — is a `UsageError` with
one line that names what is wrong. OUT or STATE inside an INPUT folder is not a mistake:
the walk skips them with a warning (`readers.plan.own_folders`), so a re-run never reads
its own outputs as input.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cleaners.config import Config, ConfigError

DATE_SLOT = "{date}"  # a scheduled input: a day without its folder is an empty run, not a mistake


class UsageError(ValueError):
    """A mistake on the command line: exit 1 with this one-line message."""


@dataclass(frozen=True)
class Preflight:
    config: Config
    warnings: tuple[str, ...] = ()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_run(inputs: list[str], out: str, state: str, config: str | None) -> Preflight:
    """Everything a run needs from its command line, or a `UsageError`."""
    if not inputs:
        raise UsageError("no INPUT given")
    out_p, state_p = Path(os.path.realpath(out)), Path(os.path.realpath(state))
    if _inside(out_p, state_p) or _inside(state_p, out_p):
        raise UsageError(f"OUT ({out}) and STATE ({state}) must be separate folders: OUT is replaced as a whole")
    if out_p.exists() and not out_p.is_dir():
        raise UsageError(f"OUT is not a folder: {out}")
    warnings = []
    for arg in inputs:
        if DATE_SLOT in arg:
            continue
        if not os.path.lexists(arg):
            raise UsageError(f"input not found: {arg}")
        real = Path(os.path.realpath(arg))
        if not real.exists():
            raise UsageError(f"input is a broken link: {arg}")
        readable = os.access(real, os.R_OK | (os.X_OK if real.is_dir() else 0))
        if not readable:
            raise UsageError(f"input is not readable: {arg}")
        for name, p in (("OUT", out_p), ("STATE", state_p)):
            if _inside(real, p):
                raise UsageError(f"input {arg} is inside {name} ({out if name == 'OUT' else state})")
            if real.is_dir() and _inside(p, real):
                warnings.append(f"{name} ({p}) is inside input {arg}: skipped when reading it")
    try:
        cfg = Config.from_toml(config)
    except FileNotFoundError:
        raise UsageError(f"config file not found: {config}") from None
    except ConfigError as exc:  # its message names the file
        raise UsageError(f"config {exc}".splitlines()[0]) from None
    except OSError as exc:
        raise UsageError(f"config {config}: {exc}".splitlines()[0]) from None
    return Preflight(cfg, tuple(warnings))
