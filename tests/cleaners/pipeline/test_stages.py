"""The declared stages: keys made of exactly what each stage depends on, and the batches
each stage is given."""

from __future__ import annotations

import pytest

from cleaners.pipeline.stages import BY_NAME, STAGES, Batch, Stage, batches, key_of, per_shard_batches, stage_keys

SPECS = [{"index": i, "files": [f"in/{i}.jsonl"], "digest": f"d{i}"} for i in range(3)]


def changed(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[int]]:
    """Per stage, the batches whose key differs."""
    return {name: [i for i, (x, y) in enumerate(zip(a[name], b[name], strict=True)) if x != y] for name in a}


def test_declaration_is_well_formed() -> None:
    names = [s.name for s in STAGES]
    assert len(set(names)) == len(names) and set(BY_NAME) == set(names)
    assert STAGES[0].depends == ("spec",) and STAGES[0].per_shard  # the first stage reads the input
    for before, stage in zip(STAGES, STAGES[1:], strict=False):
        assert "spec" not in stage.depends, stage.name  # later stages read what earlier ones wrote
        assert stage.depends, stage.name
        if "once" in stage.depends:
            assert any(not s.per_shard for s in STAGES[:STAGES.index(stage)]), stage.name
        assert before.name != stage.name
    with pytest.raises(ValueError, match="unknown key parts"):
        Stage("x", True, lambda: {}, ("input",))


def test_keys_follow_what_each_stage_depends_on() -> None:
    base = stage_keys(SPECS, 4)
    assert base == stage_keys(SPECS, 4)  # deterministic
    assert {n: len(k) for n, k in base.items()} == {s.name: 3 if s.per_shard else 1 for s in STAGES}
    assert len({k for keys in base.values() for k in keys}) == sum(len(k) for k in base.values())  # all distinct

    one_shard = stage_keys([SPECS[0], SPECS[1] | {"digest": "other"}, SPECS[2]], 4)
    # the changed shard is recomputed through every stage; the others only after a
    # once-per-run stage that reads every shard
    assert changed(base, one_shard) == {"prepare": [1], "sitetable": [0], "clean": [0, 1, 2], "dedup": [0],
                                        "write": [0, 1, 2]}
    # STATE moved on: what reads STATE, and what follows it, is recomputed; reading is not
    assert changed(base, stage_keys(SPECS, 5)) == {"prepare": [], "sitetable": [0], "clean": [0, 1, 2],
                                                   "dedup": [0], "write": [0, 1, 2]}


def test_keys_are_the_declared_parts() -> None:
    keys = stage_keys(SPECS, 7)
    assert keys["prepare"] == [key_of("prepare", s) for s in SPECS]
    assert keys["sitetable"] == [key_of("sitetable", keys["prepare"], 7)]
    assert keys["clean"] == [key_of("clean", k, keys["sitetable"][0]) for k in keys["prepare"]]
    assert keys["write"] == [key_of("write", k, keys["dedup"][0]) for k in keys["clean"]]


def test_batches_carry_their_shard_or_the_shard_count() -> None:
    keys = stage_keys(SPECS, 0)
    prep = batches(BY_NAME["prepare"], SPECS, keys)
    assert [(b.index, b.arg) for b in prep] == [(i, s) for i, s in enumerate(SPECS)]
    clean = batches(BY_NAME["clean"], SPECS, keys)
    assert [(b.index, b.arg, b.key) for b in clean] == [(i, i, k) for i, k in enumerate(keys["clean"])]
    (table,) = batches(BY_NAME["sitetable"], SPECS, keys)
    assert (table.index, table.arg) == (0, 3)
    fn, args = Batch("write", 2, "k", 2).call({"run": "r"})
    assert fn is BY_NAME["write"].fn and args == (2, {"run": "r"})
    fn, args = table.call({"run": "r"})
    assert fn is BY_NAME["sitetable"].fn and args == ({"run": "r"}, 3)
    assert per_shard_batches(4) == 4 * sum(s.per_shard for s in STAGES)


def test_an_empty_run_has_its_once_per_run_batches() -> None:
    keys = stage_keys([], 0)
    assert all(keys[s.name] == [] for s in STAGES if s.per_shard)
    assert all(len(keys[s.name]) == 1 for s in STAGES if not s.per_shard)
