"""Where a run's files live: run ids become safe folder names, the context travels as a
dict and comes back with the same config, and the work folder depends on the settings."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.config import Config, DedupConfig
from cleaners.pipeline.context import RunContext, safe_name


@settings(max_examples=50, derandomize=True, deadline=None)
@given(st.text(max_size=200))
def test_any_run_id_is_a_single_safe_folder_name(name: str) -> None:
    safe = safe_name(name)
    assert safe and len(safe) <= 120 and "/" not in safe and safe not in (".", "..")
    assert safe.replace("-", "").replace("_", "").replace(".", "").isalnum()


def test_distinct_unsafe_ids_stay_distinct() -> None:
    assert safe_name("run 1") != safe_name("run/1") and safe_name("run-1") == "run-1"


def test_the_context_round_trips_with_its_config(tmp_path: Path) -> None:
    cfg = Config(dedup=DedupConfig(keeper="longest", preferred_sources=("a.com", "b.com")))
    r = RunContext.create(["in.jsonl"], str(tmp_path / "out"), str(tmp_path / "state"), None, cfg)
    back = RunContext.from_dict(r.to_dict())
    assert back == r and back.cfg == cfg and back.run_id == "out"
    assert back.work.parent == tmp_path / "state" / "work"
    assert back.staging.parent == tmp_path and back.staging.name.startswith(".out.partial-")
    other = RunContext.create(["in.jsonl"], str(tmp_path / "out"), str(tmp_path / "state"), None, Config())
    assert other.work != r.work and other.staging != r.staging
    assert r.shard_file("clean", 7, ".zst") == r.work / "clean" / "00007.zst"
