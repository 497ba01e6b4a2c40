"""Even shards: as many as a multiple of the run's workers, of even size, at most
`batch_size` entries each, whatever the mix of inputs; the cut never changes what is read
or the order (sequence numbers) it is read in; same inputs and config → same shards.

Tolerance asserted on generated corpora (cleaners/readers/cut.py says why): when the
shards have room under the `batch_size` cap (a quarter more than the entries), every
shard's bytes are within the largest entry of the mean shard; when the cap is tight it
decides some cuts, and shards are within 15% of the mean in bytes and in entries.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.config import Config, ReadConfig, RunConfig
from cleaners.document import Reject
from cleaners.readers import cut
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
        assert worst <= largest_entry(inputs), (worst, mean, sizes)
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


def troubled(folder: Path, root: Path) -> Path:
    """The folder with what the planner turns into rejects or copies between its files: a
    cut-off .jsonl.gz (its complete lines, then one reject), a link to nothing, a WARC
    file, and a .jsonl.gz with lines over the small max_doc_bytes of `SMALL`."""
    shutil.copytree(folder, root)
    lines = [json.dumps({"id": f"x{i}", "text": f"story {i} " * (5 + i % 40)}).encode() + b"\n" for i in range(120)]
    packed = gzip.compress(b"".join(lines))
    (root / "site1" / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])
    (root / "site2" / "gone.txt").symlink_to(root / "nowhere.txt")
    big = [json.dumps({"id": f"big{i}", "text": "w " * (15_000 if i % 7 == 3 else 5 + i)}).encode() + b"\n"
           for i in range(120)]
    (root / "site3" / "big.jsonl.gz").write_bytes(gzip.compress(b"".join(big)))
    with open(root / "site4" / "crawl.warc.gz", "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(40):
            body = f"<html><body><article><p>{f'page {i} words ' * 30}</p></article></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://warc.example/{i}", "response", payload=io.BytesIO(body),
                                                http_headers=headers))
    return root


SMALL = Config(read=ReadConfig(max_doc_bytes=20_000))


def read_back(plan: Plan, cfg: Config) -> list[tuple[int, str, str]]:
    stats = Stats()
    return [(d.seq, d.id, d.reason if isinstance(d, Reject) else "") for s in plan.shards
            for d in read_shard(s, cfg, stats)]


def test_the_cut_changes_neither_what_is_read_nor_its_order(folder: Path, tmp_path: Path) -> None:
    root = troubled(folder, tmp_path / "in")
    got = {}
    for batch, workers in ((10_000, 1), (400, 2), (97, 3), (1, 4)):
        cfg = dataclasses.replace(SMALL, run=RunConfig(batch_size=batch))
        shutil.rmtree(tmp_path / "w", ignore_errors=True)
        plan = make_plan([str(root)], tmp_path / "w", cfg, workers=workers)
        assert len(plan.shards) % workers == 0 and max(s.count for s in plan.shards) <= batch
        got[batch, workers] = read_back(plan, cfg)
    first = got[10_000, 1]
    assert [seq for seq, _, _ in first] == list(range(len(first)))
    assert len({doc_id for _, doc_id, _ in first}) == len(first)
    reasons = [r for _, _, r in first if r]
    assert reasons.count("too_large") == sum(1 for i in range(120) if i % 7 == 3)
    assert "truncated" in reasons and "unreadable" in reasons
    assert sum(1 for _, d, _ in first if d.startswith("<urn:uuid:")) == 40  # WARC record ids
    assert all(v == first for v in got.values())


def test_a_shard_digest_covers_exactly_its_bytes(corpus: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest is what resume trusts: it must change with any byte of its own shard,
    with no byte of another, and not with how the file happened to be read."""
    copy = tmp_path / "news.jsonl"
    shutil.copy(corpus, copy)
    before = plan_of([copy], tmp_path / "w", 400, 2)
    monkeypatch.setattr(cut, "READ", 4093)  # lines now span many reads
    small_reads = plan_of([copy], tmp_path / "w", 400, 2)
    assert [s.digest for s in small_reads.shards] == [s.digest for s in before.shards]
    target = before.shards[3].parts[0]
    data = bytearray(copy.read_bytes())
    at = data.index(b'"text": "', target.start) + 12  # inside a text, same length after
    assert at < target.end
    data[at] = ord("Q") if data[at] != ord("Q") else ord("R")
    copy.write_bytes(bytes(data))
    after = plan_of([copy], tmp_path / "w", 400, 2)
    changed = [i for i, (a, b) in enumerate(zip(before.shards, after.shards, strict=True)) if a.digest != b.digest]
    assert changed == [3]


def test_no_empty_shard_when_lines_fill_the_last_batch(corpus: Path, tmp_path: Path) -> None:
    """A compressed input of exactly 5 batches once gave 5 full shards and an empty one."""
    packed = tmp_path / "five.jsonl.gz"
    with gzip.open(packed, "wb") as fh:
        fh.writelines(corpus.read_bytes().splitlines(keepends=True)[:500])
    counts = [s.count for s in plan_of([packed], tmp_path / "w", 100, 2).shards]
    assert len(counts) == 6 and sum(counts) == 500 and min(counts) > 0


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


def cut_counts(weights: list[int], batch: int, workers: int) -> tuple[int, list[list[int]]]:
    n = shard_count(len(weights), batch, workers)
    cutter = Cutter(len(weights), sum(weights), n, batch)
    shards: list[list[int]] = [[]]
    for w in weights:
        if cutter.before(w):
            shards.append([])
        shards[-1].append(w)
    return n, shards


def test_the_cutter_keeps_every_shard_filled_and_capped() -> None:
    """One huge entry among many small ones: no empty shard, none over the cap, the
    count a multiple of the workers, the rest spread evenly after the big one."""
    n, shards = cut_counts([10] * 50 + [100_000] + [10] * 949, 100, 4)
    counts = [len(s) for s in shards]
    assert n == 12 and len(counts) == 12
    assert min(counts) > 0 and max(counts) <= 100
    assert max(counts[2:]) - min(counts[2:]) <= 10


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=1, max_size=400), st.integers(1, 120), st.integers(1, 5))
def test_any_stream_is_cut_into_full_capped_shards(weights: list[int], batch: int, workers: int) -> None:
    n, shards = cut_counts(weights, batch, workers)
    assert len(shards) == n
    fewest = -(-len(weights) // batch)
    # a multiple of the workers unless that many shards would outnumber the entries
    assert n % workers == 0 or (n == fewest and -(-fewest // workers) * workers > len(weights))
    assert all(1 <= len(s) <= batch for s in shards)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 5000), min_size=1, max_size=400), st.integers(1, 6))
def test_without_a_cap_shards_are_within_one_entry_of_the_mean(weights: list[int], workers: int) -> None:
    """Where only the bytes decide (the cap far above the entries), no shard is further
    from the mean than the largest entry."""
    n, shards = cut_counts(weights, 10**9, workers)
    mean = sum(weights) / n
    assert all(abs(sum(s) - mean) <= max(weights) for s in shards), [sum(s) for s in shards]
