"""The per-stage profile: every stage of a run in this one process, CPU ms per document.

Why in one process and by CPU time: the question is where a document's cost goes, not how
two workers share it; `time.process_time` counts this process's CPU only, so another job on
the machine slows the wall clock but not the figures. Each stage runs as a run runs it (the
same functions, in the same order, on a real plan and STATE); a few library functions are
wrapped for the duration of the measurement to split the two big stages into the parts the
profile asks about (read, encoding repair, the core's first pass; the core's line rules,
the dedup features). The best of `repeats` runs is reported: the noise of a shared machine
only ever adds time.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# (module, class or "", attribute, label): the parts of `prepare` and `clean` timed apart
PARTS = (
    ("cleaners.pipeline.prepare", "", "read_shard", "prepare: read + parse"),
    ("cleaners.pipeline.prepare", "", "repair", "prepare: encoding repair (guard + ftfy)"),
    ("cleaners.pipeline.prepare", "", "unwrap_lines", "prepare: newline unwrapping"),
    ("cleaners.rules.cleaner", "Cleaner", "first_pass",
     "prepare: core first pass (script, language, first stage, line features, site keys)"),
    ("cleaners.rules.cleaner", "Cleaner", "second_stage", "clean: core line rules (fixed point)"),
    ("cleaners.pipeline.clean", "", "features", "clean: dedup features (tokens, shingles, MinHash, bands, sets)"),
)


@contextlib.contextmanager
def _timed_parts(cpu: dict[str, float]) -> Iterator[None]:
    """Wrap each part so its CPU time adds to `cpu[label]`; generators are timed per item."""
    saved = []
    for module, cls, name, label in PARTS:
        owner = importlib.import_module(module)
        owner = getattr(owner, cls) if cls else owner
        fn = getattr(owner, name)
        saved.append((owner, name, fn))
        setattr(owner, name, _wrap(fn, label, cpu))
    try:
        yield
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def _wrap(fn: Callable[..., Any], label: str, cpu: dict[str, float]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(fn):
        def gen(*a: Any, **k: Any) -> Iterator[Any]:
            it = fn(*a, **k)
            while True:
                t = time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    cpu[label] += time.process_time() - t
                    return
                cpu[label] += time.process_time() - t
                yield item
        return gen

    def call(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            cpu[label] += time.process_time() - t
    return call


def profile_once(corpus: Path) -> tuple[int, dict[str, float]]:
    """(documents, CPU seconds by stage and part) of one in-process run over `corpus`: the
    declared pipeline (cleaners/pipeline/driver.py), each step timed."""
    from cleaners.config import Config
    from cleaners.pipeline.context import RunContext
    from cleaners.pipeline.driver import Driver, execute
    from cleaners.pipeline.finalize import Hook
    from cleaners.pipeline.stages import Batch, Stage

    cpu: dict[str, float] = defaultdict(float)
    docs = 0

    def timed(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        t = time.process_time()
        out = fn(*args)
        cpu[name] += time.process_time() - t
        return out

    class Timed(Driver):
        def plan(self, rctx: dict[str, Any]) -> dict[str, Any]:
            return timed("plan", super().plan, rctx)

        def stage(self, stage: Stage, todo: list[Batch], rctx: dict[str, Any]) -> list[dict[str, Any]]:
            nonlocal docs
            out = timed(stage.name, super().stage, stage, todo, rctx)
            if stage.name == "prepare":
                docs = sum(p["docs"] for p in out)
            return out

        def finalize(self, rctx: dict[str, Any], plan: dict[str, Any], results: dict[str, Any],
                     timings: dict[str, float], hook: Hook) -> dict[str, Any]:
            return timed("finalize", super().finalize, rctx, plan, results, timings, hook)

    with tempfile.TemporaryDirectory() as tmp:
        r = RunContext.create([str(corpus)], str(Path(tmp) / "out"), str(Path(tmp) / "state"), None, Config())
        with _timed_parts(cpu):
            execute(r, Timed())
    return docs, dict(cpu)


def profile(corpus: Path, repeats: int = 3) -> tuple[int, dict[str, float]]:
    """The best (lowest) CPU seconds of each stage and part over `repeats` runs."""
    best: dict[str, float] = {}
    docs = 0
    for _ in range(repeats):
        docs, cpu = profile_once(corpus)
        for k, v in cpu.items():
            best[k] = min(best.get(k, v), v)
    return docs, best


def rows(docs: int, best: dict[str, float]) -> list[tuple[str, float]]:
    """(stage or part, ms per document) in pipeline order, parts under their stage."""
    from cleaners.pipeline.stages import STAGES

    out: list[tuple[str, float]] = []
    for s in ("plan", *(st.name for st in STAGES), "finalize"):
        out.append((s, 1000 * best.get(s, 0.0) / docs))
        for *_, label in PARTS:
            if label.startswith(s + ":") and label in best:
                out.append(("  " + label, 1000 * best[label] / docs))
    return out
