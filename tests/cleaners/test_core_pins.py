"""The compiled core computes, on every DEV text, what it did when it was checked equal to
the Python rules it replaced (tests/cleaners/core_pins.py says how the pins were made)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cleaners.core_pins import FILES, PINS, digest


@pytest.mark.parametrize("name", list(FILES))
def test_core_outputs_are_pinned(shared: Path, name: str) -> None:
    assert digest(name, shared / "eval") == json.loads(PINS.read_text())[name]
