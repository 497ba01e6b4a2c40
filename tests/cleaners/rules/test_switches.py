"""Every cleaning rule has a switch of its own (`[clean.rules]`): turning one off stops that
rule and no other. Runs the pipeline in-process on two sites of the cleaning DEV input
(their pages between them meet every rule), once with every rule on and once per rule
turned off."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cleaners.config import Config
from cleaners.rules.cleaner import RULES
from tests.inprocess import run
from tests.outputs import records

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SITES = ("harborrailtimes.com", "northgatetechwire.com")


def _config(off: str | None) -> Config:
    base = Config()
    if off is None:
        return base
    rules = dataclasses.replace(base.clean.rules, **{off: False})
    return dataclasses.replace(base, clean=dataclasses.replace(base.clean, rules=rules))


def _fired(inputs: list[Path], tmp: Path, off: str | None) -> dict[str, int]:
    """Removals per rule of one run (from removals/, what the rules actually took)."""
    out = tmp / f"out-{off}"
    run(inputs, out, tmp / f"state-{off}", _config(off))
    counts: dict[str, int] = {}
    for rec in records(out, "removals"):
        counts[rec["rule"]] = counts.get(rec["rule"], 0) + 1
    return counts


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    path = tmp_path_factory.mktemp("in") / "two-sites.jsonl"
    with open(SHARED / "eval" / "cleaning" / "input.jsonl", encoding="utf-8") as fh:
        path.write_text("".join(line for line in fh if json.loads(line).get("source") in SITES), encoding="utf-8")
    return [path]


@pytest.fixture(scope="module")
def all_on(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    return _fired(inputs, tmp_path_factory.mktemp("on"), None)


def test_every_rule_fires_with_every_switch_on(all_on: dict[str, int]) -> None:
    assert set(all_on) == {r.name for r in RULES}


@pytest.mark.parametrize("rule", [r.name for r in RULES])
def test_a_switch_turns_off_its_rule_and_no_other(rule: str, inputs: list[Path], all_on: dict[str, int],
                                                  tmp_path: Path) -> None:
    fired = _fired(inputs, tmp_path, rule)
    assert rule not in fired
    assert set(fired) == set(all_on) - {rule}
