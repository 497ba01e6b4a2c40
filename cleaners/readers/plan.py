"""Turn INPUT arguments into shards: even in size, as many as a multiple of the run's
workers, each of at most `batch_size` entries; streaming (documents are never held).

A shard is a small JSON-able description (`ShardSpec`), never the documents themselves:
a run of parts of the input stream — byte ranges of plain JSONL files, lists of
`.txt`/`.html` files, byte ranges of the plain copy the planner made of a compressed
JSONL or a WARC file (those cannot be split without reading them). Each shard carries a
digest of the bytes it covers, so a re-run can recognise finished shards (resume) and a
changed input is never mistaken for a cached one.

Two passes: `survey` measures every input (and copies the compressed ones), `cut`
splits the stream (cleaners/readers/cut.py says how). Folders are walked recursively in
sorted order without following directory symlinks (`walk`); what is not a document is
skipped and counted. What is not a regular file (a FIFO would block the read, a dangling
or looping link fails) is `unreadable`. A file name that is not UTF-8 is shown in ids and
places with `\\xNN` escapes and travels in specs as `portable()` hex, since specs are JSON
(Prefect, cache keys).
"""

from __future__ import annotations

import os
from pathlib import Path

from cleaners.config import Config
from cleaners.readers.cut import cut
from cleaners.readers.spec import RAW, Part, Plan, ShardSpec, local, portable, shown
from cleaners.readers.survey import survey
from cleaners.readers.walk import HTML_EXT, JSONL_EXT, TEXT_EXT, WARC_EXT, is_own, kind_of, own_folders, walk


def plan_workers(cfg: Config) -> int:
    """The workers a run's batches run on: `run.workers`, or one per core."""
    return cfg.run.workers if cfg.run.workers > 0 else (os.cpu_count() or 1)


def make_plan(inputs: list[str], work: Path, cfg: Config, own: tuple[str, ...] = (),
              workers: int | None = None) -> Plan:
    """All shards of a run, for `workers` workers (default: `plan_workers`). Compressed
    JSONL and WARC are copied into work/raw/. `own`: the folders the run writes (never
    read, see `walk`)."""
    plan = Plan(workers=workers or plan_workers(cfg))
    cut(survey(inputs, work, cfg, plan, own), plan, cfg, plan.workers)
    return plan


__all__ = ["HTML_EXT", "JSONL_EXT", "RAW", "TEXT_EXT", "WARC_EXT", "Part", "Plan", "ShardSpec", "is_own", "kind_of",
           "local", "make_plan", "own_folders", "plan_workers", "portable", "shown", "walk"]
