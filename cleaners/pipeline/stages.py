"""The pipeline's stages, declared once: every driver (the Prefect flow, the in-process
runner, the crash-test driver) iterates `STAGES` in order and nothing else lists them.

Each stage runs either once per input shard (a batch per shard) or once per run, and is
resumable batch by batch: a finished batch leaves a completion marker holding its key
(cleaners/pipeline/resume.py), and a batch whose marker holds the key it would be
computed with now is skipped. A key is made of what the stage's output depends on,
named in `depends`:

- `spec`: the input shard itself (its files, byte range and content digest);
- `shard`: this shard's key at the previous per-shard stage;
- `shards`: every shard's key at the previous per-shard stage;
- `once`: the key of the previous once-per-run stage;
- `state`: STATE's generation (the stage reads what earlier runs committed).

So a change anywhere upstream recomputes exactly what depends on it. The run id, config
fingerprint and code version are in the work folder's name, where the markers live.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from cleaners.pipeline.clean import clean_shard
from cleaners.pipeline.dedup_stage import run_dedup
from cleaners.pipeline.prepare import prepare_shard
from cleaners.pipeline.sitetable import build_site_tables
from cleaners.pipeline.write import write_shard

KEY_PARTS = ("spec", "shard", "shards", "once", "state")


def key_of(*parts: Any) -> str:
    return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def _spec(spec: dict[str, Any]) -> dict[str, Any]:
    return spec


def _index(spec: dict[str, Any]) -> int:
    return int(spec["index"])


@dataclass(frozen=True)
class Stage:
    name: str
    per_shard: bool  # a batch per input shard, or one batch per run
    fn: Callable[..., dict[str, Any]]  # per shard: fn(shard_arg(spec), rctx); once: fn(rctx, n_shards)
    depends: tuple[str, ...]  # what its key (and so its completion marker) is made of: KEY_PARTS
    shard_arg: Callable[[dict[str, Any]], Any] = _index  # what a per-shard fn is given of its shard's spec
    writes_out: bool = False  # its batches write into the staging folder that becomes OUT
    retries: int = 0  # attempts after a failure: only for stages whose failures are I/O, not bugs

    def __post_init__(self) -> None:
        unknown = set(self.depends) - set(KEY_PARTS)
        if unknown:
            raise ValueError(f"stage {self.name}: unknown key parts {sorted(unknown)}")


STAGES: tuple[Stage, ...] = (
    # read, extract, repair encoding, first-stage rules; count each line's site keys
    Stage("prepare", True, prepare_shard, ("spec",), shard_arg=_spec),
    # this run's site statistics over every prepared shard, plus STATE's
    Stage("sitetable", False, build_site_tables, ("shards", "state")),
    # second-stage rules with the site view; dedup features
    Stage("clean", True, clean_shard, ("shard", "once"), writes_out=True),
    # exact and near-dup clusters over every clean shard, against STATE's index
    Stage("dedup", False, run_dedup, ("shards", "state"), writes_out=True),
    # corpus, ledger and duplicate texts; retried: it only moves settled records to files
    Stage("write", True, write_shard, ("shard", "once"), writes_out=True, retries=2),
)
BY_NAME = {s.name: s for s in STAGES}


@dataclass(frozen=True)
class Batch:
    """One unit of work of a stage: a shard's batch, or the once-per-run batch (index 0)."""

    stage: str
    index: int
    key: str
    arg: Any  # per shard: what the stage's fn is given of the shard; once: the number of shards

    def call(self, rctx: dict[str, Any]) -> tuple[Callable[..., dict[str, Any]], tuple[Any, ...]]:
        """The function to run and its arguments."""
        stage = BY_NAME[self.stage]
        return stage.fn, ((self.arg, rctx) if stage.per_shard else (rctx, self.arg))


def stage_keys(specs: list[dict[str, Any]], generation: int) -> dict[str, list[str]]:
    """Every batch's key, stage by stage (a once-per-run stage has one)."""
    keys: dict[str, list[str]] = {}
    shards: list[str] = []
    once: str | None = None
    for stage in STAGES:
        parts = []
        for i in range(len(specs) if stage.per_shard else 1):
            mine = stage.per_shard
            known = {"spec": specs[i] if mine else None, "shard": shards[i] if mine and shards else None,
                     "shards": shards, "once": once, "state": generation}
            parts.append(key_of(stage.name, *(known[d] for d in stage.depends)))
        keys[stage.name] = parts
        if stage.per_shard:
            shards = parts
        else:
            once = parts[0]
    return keys


def batches(stage: Stage, specs: list[dict[str, Any]], keys: dict[str, list[str]]) -> list[Batch]:
    if stage.per_shard:
        return [Batch(stage.name, int(s["index"]), k, stage.shard_arg(s))
                for s, k in zip(specs, keys[stage.name], strict=True)]
    return [Batch(stage.name, 0, keys[stage.name][0], len(specs))]


def per_shard_batches(n_shards: int) -> int:
    """How many per-shard batches a run of `n_shards` shards has (for progress bars)."""
    return n_shards * sum(1 for s in STAGES if s.per_shard)
