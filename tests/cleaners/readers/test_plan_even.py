"""Even shards: as many as a multiple of the run's workers, of even size, at most
`batch_size` entries each, whatever the mix of inputs; the cut never changes what is read
or the order (sequence numbers) it is read in; same inputs and config → same shards.

Tolerance asserted on generated corpora (cleaners/readers/cut.py says why): when the
shards have room under the `batch_size` cap (a quarter more than the entries), every
shard's bytes are within two of the largest entries of the mean shard; when the cap is
tight it decides some cuts, and shards are within 15% of the mean in bytes and in
entries.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.config import Config, RunConfig
from cleaners.readers.cut import Cutter, shard_count
from cleaners.readers.plan import Plan, ShardSpec, local, make_plan
from cleaners.readers.records import read_shard
from cleaners.stats import Stats
from tests.conftest import SHARED

DOCS = 3000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus (plain JSONL) of DOCS documents of uneven lengths."""
    out = tmp_path_factory.mktemp("even") / "news.jsonl"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "--docs", str(DOCS), "--seed", "3",
                    "--min-words", "40", "--max-words", "900", "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def folder(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Many small files in nested folders (.txt and .html), with JSONL files of very
    different sizes (plain and gzip) among them."""
    root = tmp_path_factory.mktemp("many") / "in"
    lines = corpus.read_bytes().splitlines(keepends=True)
    for i, line in enumerate(lines[:1200]):
        site = root / f"site{i % 5}"
        site.mkdir(parents=True, exist_ok=True)
        text = json.loads(line)["text"]
        if i % 3:
            (site / f"{i:05d}.txt").write_text(text)
        else:
            (site / f"{i:05d}.html").write_text(f"<html><body><article><p>{text}</p></article></body></html>")
    at = 1200
    for j, n in enumerate((700, 13, 450, 1, 300)):
        name = root / f"site{j}" / f"batch{j}.jsonl"
        if j % 2:
            with gzip.open(name.with_suffix(".jsonl.gz"), "wb") as fh:
                fh.writelines(lines[at:at + n])
        else:
            name.write_bytes(b"".join(lines[at:at + n]))
        at += n
    return root


def plan_of(inputs: list[Path], work: Path, batch: int, workers: int) -> Plan:
    shutil.rmtree(work, ignore_errors=True)
    return make_plan([str(i) for i in inputs], work, Config(run=RunConfig(batch_size=batch)), workers=workers)


def entry_bytes(spec: ShardSpec) -> list[int]:
    """The bytes of each part (ranges as cut; loose files as they are on disk)."""
    sizes = []
    for part in spec.parts:
        if part.kind == "files":
            sizes.append(sum(Path(local(p)).stat().st_size for _, p, _ in part.files))
        else:
            sizes.append(part.end - part.start)
    return sizes


def largest_entry(inputs: list[Path]) -> int:
    biggest = 0
    for root in inputs:
        for p in [root] if root.is_file() else root.rglob("*"):
            if p.suffix == ".jsonl" or p.name.endswith(".jsonl.gz"):
                with gzip.open(p) if p.suffix == ".gz" else open(p, "rb") as fh:
                    biggest = max([biggest, *(len(line) for line in fh)])
            elif p.is_file():
                biggest = max(biggest, p.stat().st_size)
    return biggest


def check_even(plan: Plan, inputs: list[Path], entries: int, batch: int, workers: int) -> None:
    counts = [s.count for s in plan.shards]
    assert sum(counts) == entries
    assert len(counts) == shard_count(entries, batch, workers)
    assert len(counts) % workers == 0
    assert max(counts) <= batch and min(counts) > 0
    sizes = [sum(entry_bytes(s)) for s in plan.shards]
    mean = sum(sizes) / len(sizes)
    if len(counts) * batch >= entries * 1.25:  # room under the cap: cut by bytes
        worst = max(abs(s - mean) for s in sizes)
        assert worst <= 2 * largest_entry(inputs), (worst, mean, sizes)
    else:  # the cap is tight: it decides some cuts, within 15% in bytes and in entries
        assert max(abs(s - mean) for s in sizes) <= 0.15 * mean, sizes
        assert max(abs(c - entries / len(counts)) for c in counts) <= 0.15 * entries / len(counts), counts

@pytest.mark.parametrize("workers", [1, 2, 3, 4])
@pytest.mark.parametrize("batch", [170, 1000])
def test_generated_corpus_splits_evenly(corpus: Path, tmp_path: Path, workers: int, batch: int) -> None:
    plan = plan_of([corpus], tmp_path / "work", batch, workers)
    check_even(plan, [corpus], DOCS, batch, workers)
    assert all(len(s.parts) == 1 and s.parts[0].kind == "jsonl" for s in plan.shards)
    ends = [(s.parts[0].start, s.parts[0].end) for s in plan.shards]
    assert ends[0][0] == 0 and ends[-1][1] == corpus.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(ends, ends[1:], strict=False))  # whole lines, no gap


def test_compressed_corpus_splits_like_plain(corpus: Path, tmp_path: Path) -> None:
    packed = tmp_path / "news.jsonl.gz"
    with gzip.open(packed, "wb") as fh:
        fh.write(corpus.read_bytes())
    plain = plan_of([corpus], tmp_path / "w1", 500, 2)
    copied = plan_of([packed], tmp_path / "w2", 500, 2)
    assert [s.count for s in copied.shards] == [s.count for s in plain.shards]
    assert [[p.end - p.start for p in s.parts] for s in copied.shards] == \
           [[p.end - p.start for p in s.parts] for s in plain.shards]
    check_even(copied, [corpus], DOCS, 500, 2)


@pytest.mark.parametrize("workers", [2, 3])
def test_folder_of_many_small_files_splits_evenly(folder: Path, tmp_path: Path, workers: int) -> None:
    entries = 1200 + 700 + 13 + 450 + 1 + 300
    plan = plan_of([folder], tmp_path / "work", 400, workers)
    check_even(plan, [folder], entries, 400, workers)
    assert any(len({p.kind for p in s.parts}) > 1 for s in plan.shards)  # shards span inputs


def read_back(plan: Plan) -> list[tuple[int, str]]:
    stats = Stats()
    cfg = Config()
    return [(d.seq, d.id) for s in plan.shards for d in read_shard(s, cfg, stats)]


def test_the_cut_changes_neither_what_is_read_nor_its_order(folder: Path, tmp_path: Path) -> None:
    got = {(batch, workers): read_back(plan_of([folder], tmp_path / f"w{batch}-{workers}", batch, workers))
           for batch, workers in ((10_000, 1), (400, 2), (97, 3), (1, 4))}
    first = next(iter(got.values()))
    assert [seq for seq, _ in first] == list(range(len(first)))
    assert len({doc_id for _, doc_id in first}) == len(first)
    assert all(v == first for v in got.values())


def test_same_inputs_and_config_give_the_same_shards(folder: Path, tmp_path: Path) -> None:
    a = plan_of([folder], tmp_path / "work", 300, 2)
    b = plan_of([folder], tmp_path / "work", 300, 2)  # as a resumed run plans again
    assert [s.to_dict() for s in a.shards] == [s.to_dict() for s in b.shards]
    assert [ShardSpec.from_dict(s.to_dict()) for s in a.shards] == a.shards
    other = plan_of([folder], tmp_path / "work", 300, 3)
    assert {s.digest for s in other.shards} != {s.digest for s in a.shards}


def test_fewer_entries_than_workers(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text('{"id": "a", "text": "only"}\n')
    assert [s.count for s in plan_of([one], tmp_path / "w", 1000, 4).shards] == [1]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert plan_of([empty], tmp_path / "w", 1000, 4).shards == []


def test_the_cutter_keeps_every_shard_filled_and_capped() -> None:
    """One huge entry among many small ones: no empty shard, none over the cap, the
    count a multiple of the workers, the rest spread evenly after the big one."""
    weights = [10] * 50 + [100_000] + [10] * 949
    n = shard_count(len(weights), 100, 4)
    cutter = Cutter(len(weights), sum(weights), n, 100)
    counts, current = [], 0
    for w in weights:
        current += 1
        if cutter.after(w):
            counts.append(current)
            current = 0
    counts.append(current)
    assert n == 12 and len(counts) == 12
    assert min(counts) > 0 and max(counts) <= 100
    assert max(counts[2:]) - min(counts[2:]) <= 10
