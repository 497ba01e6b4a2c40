"""Driving the peers that run as subprocesses: datatrove (own venv) and trafilatura alone.

Why subprocesses: the peers' memory must be measured as a process tree exactly like
presswash's, and datatrove cannot share presswash's venv (it pins its own stack). The
datatrove venv is created on first use, with pins checked by `pip install --dry-run`
on this machine (datatrove's `exact_substrings` module imports `tokenizers` at package
import, and its processing extra caps xxhash below 4).
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpora import Corpus, split_shards
from bench.monitor import Measured, run_measured

BENCH = Path(__file__).resolve().parent
DATATROVE_PINS = ["datatrove==0.10.1", "tokenizers==0.23.3", "regex==2026.11.19", "xxhash==3.8.2",
                  "orjson==3.13.0"]


@dataclass
class PeerRun:
    """A peer's run: the monitored process, the seconds it reports for its own work."""

    measured: Measured
    work_s: float | None = None  # the peer's own timing of its work (imports/startup excluded)
    removed: set[str] = field(default_factory=set)
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def error(self) -> str | None:
        return self.measured.error


def datatrove_python(venv: Path = BENCH / ".venv-datatrove") -> Path:
    """The datatrove venv's python, creating the venv when missing; raises on failure."""
    py = venv / "bin" / "python"
    stamp = venv / ".installed"
    if py.exists() and stamp.exists() and stamp.read_text() == " ".join(DATATROVE_PINS):
        return py
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    res = subprocess.run([str(py), "-m", "pip", "install", "--quiet", *DATATROVE_PINS], capture_output=True,
                         text=True)
    if res.returncode != 0:
        raise RuntimeError(f"pip install {' '.join(DATATROVE_PINS)} failed: {res.stderr.strip()[-400:]}")
    stamp.write_text(" ".join(DATATROVE_PINS))
    return py


def run_datatrove(corpus: Corpus, work: Path, workers: int = 2, timeout: float | None = None) -> PeerRun:
    """datatrove's 4 MinHash stages over the corpus (as `workers` shards); never raises."""
    try:
        py = datatrove_python()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        return PeerRun(Measured([], None, 0.0, error=f"datatrove venv: {exc}"))
    shards = work.parent / f"{corpus.spec.name}.shards"
    split_shards(corpus, shards, workers)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cmd = [py, BENCH / "datatrove_job.py", "--input", shards, "--work", work / "dt", "--tasks", str(workers),
           "--workers", str(workers)]
    m = run_measured(cmd, work / "datatrove.log", timeout=timeout)
    run = PeerRun(m)
    if m.ok:
        report = _last_json(work / "datatrove.log")
        run.work_s = report.get("seconds", {}).get("total") if report else None
        run.detail = report or {}
        run.removed = _ids(sorted((work / "dt" / "removed").glob("*.jsonl.gz")))
    return run


def run_trafilatura(corpus: Corpus, work: Path, workers: int = 2, timeout: float | None = None) -> PeerRun:
    """trafilatura alone in a Pool(workers) over the HTML corpus; never raises."""
    work.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "bench.trafilatura_job", corpus.path, "--workers", str(workers)]
    m = run_measured(cmd, work / "trafilatura.log", cwd=BENCH.parent, timeout=timeout)
    run = PeerRun(m)
    if m.ok:
        report = _last_json(work / "trafilatura.log") or {}
        run.work_s = report.get("seconds")
        run.detail = report
    return run


def _ids(paths: list[Path]) -> set[str]:
    out: set[str] = set()
    for p in paths:
        with gzip.open(p, "rt") as f:
            for line in f:
                if line.strip():
                    out.add(json.loads(line)["id"])
    return out


def _last_json(log: Path) -> dict | None:  # type: ignore[type-arg]
    """The last line of a log that parses as a JSON object (the job's report)."""
    for line in reversed(log.read_text(errors="replace").splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                continue
    return None
