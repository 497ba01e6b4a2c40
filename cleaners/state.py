"""STATE: what persists between runs, committed once per run in one atomic step.

Layout under STATE/:
- manifest.json            the only mutable file; replaced by rename (the commit point)
- sitelines/gNNNNN/        cumulative per-site line table + identities of counted documents
- runs/<run>-gNNNNN/       one run's own contribution: its site-line delta, the identities
                           it added, its dedup index segment
- review/verdicts-gNNNNN.jsonl  reviewers' verdicts, in the order they were applied; not
                           any run's contribution, so a re-run of a run id keeps them
- work/                    scratch of runs in progress (resume cache); never read as state
- lock                     held (flock) for the whole of a run

A run reads a snapshot at its start: the manifest as it is, minus the run's own earlier
contribution when its run id is already there (a re-run sees STATE as its first attempt
did). A run that dies before `commit` leaves the manifest untouched; files it wrote are
unreferenced and removed by the next commit. `presswash review apply` commits the same way:
a new verdicts file, then the manifest's rename.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from cleaners.sitestats import Table, merge_tables

SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A run id as a folder name: never a path, never empty (STATE's run folders and the
    pipeline's work folders are named with it)."""
    cleaned = SAFE.sub("_", name).strip("._") or "run"
    if cleaned != name:
        cleaned += "-" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return cleaned[:120]


FORMAT = 1


class StateBusy(RuntimeError):
    """Another run holds this STATE."""


@dataclass
class Snapshot:
    root: Path
    generation: int = 0
    sitelines: str | None = None
    runs: dict[str, dict[str, Any]] = field(default_factory=dict)
    verdicts: str | None = None  # review/verdicts-gNNNNN.jsonl

    def path(self, rel: str | None) -> Path | None:
        return self.root / rel if rel else None

    def own(self, run_id: str) -> dict[str, Any] | None:
        return self.runs.get(run_id)

    def base_table(self) -> Table:
        return Table(self.path(self.sitelines))

    def own_delta(self, run_id: str) -> Table | None:
        own = self.own(run_id)
        return Table(self.root / own["dir"] / "sitelines") if own else None

    def seen_idents(self, run_id: str) -> np.ndarray:
        """Identities of documents counted by runs other than `run_id`."""
        if not self.sitelines:
            return np.zeros(0, np.uint64)
        seen = np.load(self.root / self.sitelines / "idents.npy")
        own = self.own(run_id)
        if own:
            mine = np.load(self.root / own["dir"] / "idents.npy")
            seen = np.setdiff1d(seen, mine, assume_unique=True)
        return seen

    def index_segments(self, run_id: str) -> list[tuple[str, Path]]:
        """(run id, folder) of every earlier run's dedup index segment, in run-id order."""
        return [(rid, self.root / info["dir"] / "index") for rid, info in sorted(self.runs.items())
                if rid != run_id and (self.root / info["dir"] / "index").exists()]


class StateStore:
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self._lock: TextIO | None = None

    @contextlib.contextmanager
    def locked(self, run_id: str, wait_s: float = 0.0) -> Any:
        """Hold STATE for a whole run. Another run waits up to `wait_s` seconds (scheduled
        runs queue), then fails with a clear message naming the holder — never a hang."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / "lock", "a+")  # noqa: SIM115 - held for the whole run
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another run"
                    fh.close()
                    waited = f" (waited {wait_s:g} s)" if wait_s else ""
                    raise StateBusy(f"STATE {self.root} is in use by {holder}{waited}; wait for it to finish "
                                    f"or use another --state") from None
                time.sleep(0.5)
        fh.seek(0)
        fh.truncate()
        fh.write(f"run {run_id!r} (pid {os.getpid()})\n")
        fh.flush()
        try:
            yield self
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    def snapshot(self) -> Snapshot:
        path = self.root / "manifest.json"
        if not path.exists():
            return Snapshot(self.root)
        data = json.loads(path.read_text())
        if data.get("format") != FORMAT:
            raise RuntimeError(f"{path}: unknown STATE format {data.get('format')!r}")
        return Snapshot(self.root, data["generation"], data.get("sitelines"), data.get("runs", {}),
                        data.get("verdicts"))

    def verdicts_bytes(self, snap: Snapshot) -> bytes:
        path = snap.path(snap.verdicts)
        return path.read_bytes() if path else b""

    def commit(self, snap: Snapshot, run_id: str, run_dir: Path, info: dict[str, Any]) -> None:
        """Make `run_dir` (sitelines/, idents.npy, index/ of this run) part of STATE.

        Writes the new cumulative table and run folder first, then replaces the manifest in
        one rename; only then are superseded folders removed.
        """
        gen = snap.generation + 1
        run_rel = f"runs/{safe_name(run_id)}-g{gen:05d}"
        final_run = self.root / run_rel
        if final_run.exists():
            shutil.rmtree(final_run)
        final_run.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(run_dir, final_run)
        cum_rel = f"sitelines/g{gen:05d}"
        cum = self.root / cum_rel
        if cum.exists():
            shutil.rmtree(cum)
        merge_tables(snap.base_table(), snap.own_delta(run_id), -1, Table(final_run / "sitelines"), cum)
        seen = snap.seen_idents(run_id)
        mine = np.load(final_run / "idents.npy")
        np.save(cum / "idents.npy", np.union1d(seen, mine).astype(np.uint64))
        runs = dict(snap.runs)
        runs[run_id] = {"dir": run_rel, **info}
        self._replace_manifest(snap, gen, sitelines=cum_rel, runs=runs)

    def commit_verdicts(self, snap: Snapshot, data: bytes) -> None:
        """Make `data` (every verdict, JSON lines) STATE's verdicts: the file first, then
        the manifest's rename; a kill anywhere leaves STATE as it was or as it becomes."""
        gen = snap.generation + 1
        rel = f"review/verdicts-g{gen:05d}.jsonl"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        self._replace_manifest(snap, gen, verdicts=rel)

    def _replace_manifest(self, snap: Snapshot, gen: int, **changes: Any) -> None:
        manifest = {"format": FORMAT, "generation": gen, "sitelines": snap.sitelines, "runs": snap.runs}
        if snap.verdicts:
            manifest["verdicts"] = snap.verdicts
        manifest.update(changes)
        tmp = self.root / "manifest.json.tmp"
        with open(tmp, "w") as fh:
            json.dump(manifest, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / "manifest.json")
        self._collect(manifest)

    def _collect(self, manifest: dict[str, Any]) -> None:
        """Remove what no manifest entry points at (superseded, or from a dead run or apply)."""
        live = {manifest["sitelines"], manifest.get("verdicts")} | {info["dir"] for info in manifest["runs"].values()}
        for sub in ("sitelines", "runs", "review"):
            folder = self.root / sub
            if not folder.exists():
                continue
            for child in folder.iterdir():
                if f"{sub}/{child.name}" in live:
                    continue
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
