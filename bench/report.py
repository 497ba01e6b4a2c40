"""Result tables, the machine description and RESULTS.md.

Why a plain data model (a `Section` of string cells): every scenario reports different
columns, the output is one markdown file a person reads (and the smoke test parses), and
a failed or skipped peer must still get its row, with its reason, instead of a crash.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata as md
import os
import platform
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGES = ("presswash", "prefect", "trafilatura", "datasketch", "numpy", "xxhash", "psutil", "zstandard", "orjson")


@dataclass
class Section:
    """One scenario's tables: `tables` are (caption, header, rows); `ratios` are
    (what, value, acceptance, met) rows; `notes` are bullet points."""

    scenario: str
    title: str
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    ratios: list[tuple[str, float | None, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: str = ""
    seconds: float = 0.0
    load: str = ""


def fmt(v: object, digits: int = 1) -> str:
    """A cell: numbers with thousands separators, None as an em dash."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if abs(v) >= 100:
            return f"{v:,.0f}"
        return f"{v:,.{digits}f}" if abs(v) >= 1 else f"{v:.3f}"
    return str(v).replace("|", "\\|").replace("\n", " ")


def mb(n: int | None) -> float | None:
    """Bytes as decimal megabytes (the issue's "1.5 GB" is 1,500 MB)."""
    return None if not n else n / 1e6


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b not in (None, 0) else None


def met(value: float | None, bound: float, op: str) -> str:
    if value is None:
        return "n/a"
    ok = value >= bound if op == ">=" else value <= bound
    return "yes" if ok else "no"


def loadavg() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total() -> str:
    try:
        import psutil

        return f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except Exception:  # noqa: BLE001 - description only
        return "unknown"


def _version(name: str, path: list[str] | None = None) -> str:
    try:
        if path is None:
            return md.version(name)
        for d in md.distributions(path=path):
            if d.metadata["Name"].lower() == name:
                return d.version
    except md.PackageNotFoundError:
        pass
    return "not installed"


def _git(root: Path) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True).stdout.strip()
        return f"{head}{' + uncommitted changes' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(root: Path, datatrove_venv: Path) -> list[tuple[str, str]]:
    site = sorted(str(p) for p in datatrove_venv.glob("lib/python*/site-packages"))
    versions = ", ".join(f"{p} {_version(p)}" for p in PACKAGES)
    dtv = _version("datatrove", site) if site else "no venv (not run)"
    return [
        ("CPU", f"{_cpu_model()}, {os.cpu_count()} logical cores"),
        ("memory", _mem_total()),
        ("OS", platform.platform()),
        ("Python", sys.version.split()[0]),
        ("packages", versions),
        ("datatrove (bench/.venv-datatrove)", dtv),
        ("presswash checkout", _git(root)),
    ]


@dataclass(frozen=True)
class Earlier:
    """Sections of an earlier RESULTS.md kept verbatim (`--keep-sections`): its run's
    header lines, its corpora rows, and the raw text of each kept scenario section."""

    run: dict[str, str]
    corpora: list[str]
    blocks: list[tuple[str, str]]  # (scenario, markdown)

    def describe(self) -> str:
        names = ", ".join(name for name, _ in self.blocks) or "none"
        return f"{names} (run of {self.run.get('date', '?')}, {self.run.get('command', '?')})"


def earlier_sections(md: str, rerun: list[str]) -> Earlier:
    """The sections of `md` for scenarios other than `rerun`."""
    parts = md.split("\n## ")
    run: dict[str, str] = {}
    corpora: list[str] = []
    blocks = []
    for part in parts[1:]:
        title = part.split("\n", 1)[0]
        if title == "Run":
            for line in part.splitlines()[1:]:
                if line.startswith("- **") and "**: " in line:
                    k, v = line[4:].split("**: ", 1)
                    run[k] = v
        elif title.startswith("Corpora"):
            corpora = [ln for ln in part.splitlines()[1:] if ln.startswith("| ") and not ln.startswith("| corpus")]
        else:
            scenario = title.split(":", 1)[0].strip()
            if scenario not in rerun:
                blocks.append((scenario, "## " + part.rstrip()))
    return Earlier(run, corpora, blocks)


def render(sections: list[Section], meta: list[tuple[str, str]], corpora: list[list[str]],
           kept: Earlier | None = None) -> str:
    """The whole RESULTS.md."""
    out = ["# presswash benchmark results", "",
           "Written by `python -m bench.harness` (bench/). Figures vary with the machine and its load "
           "(the 1-, 5- and 15-minute load averages at each scenario's start are given; this machine is "
           "shared with other jobs); compare rows of one table, which ran one after another in one harness run.",
           "", "## Run", ""]
    out += [f"- **{k}**: {v}" for k, v in meta]
    out += ["", "## Corpora (../shared/tools/gen_corpus.py)", ""]
    out += _table(["corpus", "docs", "MB (uncompressed JSONL)", "generator arguments", "generated in s"], corpora)
    if kept:  # the earlier run's corpora rows that the new run did not make again
        have = {row[0] for row in corpora}
        out += [ln for ln in kept.corpora if ln.split(" | ")[0][2:] not in have]
    for s in sections:
        out += ["", f"## {s.title}", "", f"Started {s.started}, took {s.seconds:,.0f} s, load average {s.load}.", ""]
        for caption, header, rows in s.tables:
            if caption:
                out += [f"**{caption}**", ""]
            out += _table(header, rows) + [""]
        if s.ratios:
            out += ["**Ratios**", ""]
            out += _table(["ratio", "value", "acceptance", "met"],
                          [[w, fmt(v, 2), acc, m] for w, v, acc, m in s.ratios]) + [""]
        out += [f"- {n}" for n in s.notes]
    for _, block in (kept.blocks if kept else []):
        out += ["", block]
    return "\n".join(out).rstrip() + "\n"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(c) for c in r) + " |" for r in rows]
    return lines


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
