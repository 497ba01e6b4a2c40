"""One in-process run (no Prefect) of a generated corpus with known truth, shared by the
stage tests: 120 documents of a few sites, a fifth of them exact or near copies."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED
from tests.inprocess import run
from tests.outputs import ledger, records


@dataclass
class GenRun:
    inputs: dict[str, dict[str, Any]]  # id -> input record
    truth: dict[str, dict[str, Any]]  # id -> gen_corpus truth
    out: Path
    summary: dict[str, Any]
    ledger: dict[str, dict[str, Any]]


@pytest.fixture(scope="session")
def gen_run(tmp_path_factory: pytest.TempPathFactory) -> GenRun:
    tmp = tmp_path_factory.mktemp("genrun")
    inp = tmp / "news.jsonl"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "--docs", "120", "--seed", "11",
                    "--dup-rate", "0.2", "--sites", "4", "--out", str(inp), "--truth", str(tmp / "truth.jsonl")],
                   check=True, capture_output=True)
    inputs = {r["id"]: r for r in map(json.loads, inp.read_text().splitlines())}
    truth = {r["id"]: r for r in map(json.loads, (tmp / "truth.jsonl").read_text().splitlines())}
    summary = run([inp], tmp / "out", tmp / "state")
    return GenRun(inputs, truth, tmp / "out", summary, ledger(tmp / "out"))


def by_id(out: Path, sub: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for r in records(out, sub):
        found.setdefault(r["id"], []).append(r)
    return found
