"""Shard specs as they travel through Prefect and cache keys: JSON round trips, and file
names that are not UTF-8 carried as hex and shown with escapes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cleaners.readers.spec import RAW, Part, Plan, ShardSpec, local, portable, shown


def test_a_spec_survives_json() -> None:
    spec = ShardSpec(3, 1000, 3, "d1g3st", (Part("jsonl", 2, "/in/a.jsonl", first_line=5, start=10, end=90,
                                                  oversized=((6, 10**9),)),
                                             Part("files", 1, files=(("a.txt", "/in/a.txt", "/in/a.txt"),))))
    back = ShardSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert back == spec and sum(p.count for p in back.parts) == 3


def test_names_that_are_not_utf8_travel_as_hex(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes: decoded with surrogate escapes
    path = str(tmp_path / name)
    carried = portable(path)
    assert carried.startswith(RAW) and json.loads(json.dumps(carried)) == carried
    assert local(carried) == path and local("/plain/path") == "/plain/path" == portable("/plain/path")
    assert shown(name) == "caf\\xe9.txt"


def test_plan_counts_skips_and_keeps_a_bounded_list() -> None:
    plan = Plan()
    for i in range(250):
        plan.skip("unknown_extension", f"f{i}.bin")
    assert plan.skipped == {"unknown_extension": 250} and len(plan.warnings) == 200
