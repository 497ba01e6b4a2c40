"""`presswash review apply`'s commit, driven step by step so a test can SIGKILL it at each
step: `python -m tests.review.apply_driver STATE VERDICTS.json` prints `phase NAME`
(flushed) before and after every rename and around the collection of superseded files,
pausing briefly after each line so a kill aimed at a line lands at that point. The
wrappers only announce; what runs is `cleaners.review.store.apply_verdicts` itself."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleaners.review.records import read_export
from cleaners.review.store import apply_verdicts
from cleaners.state import StateStore

PAUSE = 0.05


def mark(name: str) -> None:
    sys.stdout.write(f"phase {name}\n")
    sys.stdout.flush()
    time.sleep(PAUSE)


def announced(name: str, fn: Callable[..., Any], named: bool = True) -> Callable[..., Any]:
    def wrapped(*args: Any, **kw: Any) -> Any:
        target = f":{Path(str(args[-1])).name}" if named else ""
        mark(f"before-{name}{target}")
        result = fn(*args, **kw)
        mark(f"after-{name}{target}")
        return result
    return wrapped


def main(state: str, verdicts: str) -> None:
    items = read_export(Path(verdicts).read_bytes())
    os.replace = announced("replace", os.replace)  # type: ignore[assignment]
    StateStore._collect = announced("collect", StateStore._collect, named=False)  # type: ignore[method-assign]
    mark("start")
    apply_verdicts(state, items)
    mark("done")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
