"""Smoke test of the benchmark harness: `--quick` on 1k documents works end to end.

No timing assertions (figures vary with the machine and its load): the point is that
the text, signatures and memory scenarios run, presswash and the datasketch peers get
numeric positive docs/s, datatrove is reported as skipped (quick mode needs no venv of its own), and
RESULTS.md has its tables and machine description. presswash runs go to the session
Prefect server (`prefect_server`), ~2 s each instead of an ephemeral server's ~15 s.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Each presswash run costs ~10 s even at 100 documents on the 2-core machine (Prefect task
# runs, the process pool, the extraction sandbox); html and incremental add three runs and
# would not fit in 60 s, so they are exercised by `make bench`, not here.
SCENARIOS = "text,signatures,memory"


def parse(md: str) -> dict[str, list[tuple[list[str], list[list[str]]]]]:
    """RESULTS.md as {section heading: [(table header, rows)]}."""
    out: dict[str, list[tuple[list[str], list[list[str]]]]] = {}
    section = ""
    table: list[list[str]] = []
    for line in [*md.splitlines(), ""]:
        if line.startswith("## "):
            section = line[3:].strip()
            out.setdefault(section, [])
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split(" | ")])
        elif table:
            out[section].append((table[0], table[2:]))
            table = []
    return out


def number(cell: str) -> float:
    return float(cell.replace(",", ""))


def rate(header: list[str], row: list[str], col: str = "docs/s") -> float:
    return number(row[header.index(col)])


def rows_of(tables: list[tuple[list[str], list[list[str]]]], prefix: str) -> list[tuple[list[str], list[str]]]:
    return [(h, r) for h, rows in tables for r in rows if r[0].startswith(prefix)]


@pytest.mark.timeout(60)
def test_quick_harness_writes_tables(tmp_path: Path, shared: Path, prefect_server: dict[str, str]) -> None:
    results = tmp_path / "RESULTS.md"
    cmd = [sys.executable, "-m", "bench.harness", "--quick", "--scenarios", SCENARIOS, "--results", str(results),
           "--shared", str(shared), "--corpora", str(tmp_path / "corpora"), "--work", str(tmp_path / "work")]
    res = subprocess.run(cmd, cwd=ROOT, env=prefect_server, capture_output=True, text=True, timeout=58)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-3000:]
    md = results.read_text()
    for key in ("**CPU**", "**Python**", "**packages**", "**command**", "**date**", "text-1000-s1-d0.1"):
        assert key in md
    doc = parse(md)
    sec = {name.split(":")[0]: tables for name, tables in doc.items()}
    assert {"text", "signatures", "memory"} <= set(sec), list(doc)

    (h, pw), = rows_of(sec["text"], "presswash run")
    assert rate(h, pw) > 0 and number(pw[h.index("docs")]) == 1000
    assert number(pw[h.index("peak RSS tree MB")]) > 0
    (h, dt), = rows_of(sec["text"], "datatrove MinHash")
    assert dt[-1].startswith("skipped")
    (h, q), = rows_of(sec["text"], "presswash")[1:]  # the quality table's row
    # scored against the generated corpus's truth (bench/quality.py): presswash finds every
    # exact copy, nearly every near copy, and flags no original
    assert number(q[h.index("truth copies")]) >= 50, q
    assert number(q[h.index("recall exact")]) == 1.0, q
    assert number(q[h.index("recall")]) >= 0.98 and number(q[h.index("precision")]) >= 0.99, q
    assert number(q[h.index("duplicate_of in the right cluster")]) >= 0.99, q

    methods = [(h, r) for h, r in rows_of(sec["signatures"], "") if h[0] == "method"]
    assert len(methods) == 6
    for h, r in methods:
        assert r[-1] == "ok" and rate(h, r) > 0, r

    (h, m), = [(h, r) for h, rows in sec["memory"] for r in rows if h[0] == "docs"]
    assert number(m[1]) > 0
    assert re.search(r"presswash / datasketch bulk \(docs/s\) \| \d", md)
