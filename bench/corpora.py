"""Benchmark corpora: made by ../shared/tools/gen_corpus.py, cached in bench/corpora/.

Why through the generator and a cache: every figure needs a known answer (which documents
are copies of which), and the 1M corpus takes ~11 minutes to make, so a corpus is made
once per parameter set and reused by later runs. A corpus is written under a temporary
name and renamed when complete, so an interrupted generation is never mistaken for a
corpus. Nothing here holds a corpus in memory: files are streamed line by line (the 1M
text corpus is several GB uncompressed).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

CHUNK = 1 << 20


@dataclass(frozen=True)
class CorpusSpec:
    """gen_corpus parameters; `name` is the cache key."""

    docs: int
    seed: int = 1
    dup_rate: float = 0.1
    html: bool = False
    bloat_kb: int = 0

    @property
    def name(self) -> str:
        kind = f"html{self.bloat_kb}" if self.html else "text"
        return f"{kind}-{self.docs}-s{self.seed}-d{self.dup_rate:g}"

    def args(self) -> list[str]:
        a = ["--docs", str(self.docs), "--dup-rate", str(self.dup_rate), "--seed", str(self.seed)]
        return a + (["--html", "--html-bloat-kb", str(self.bloat_kb)] if self.html else [])


@dataclass(frozen=True)
class Corpus:
    """A corpus on disk and what the reports need to know about it."""

    spec: CorpusSpec
    path: Path
    truth: Path
    docs: int
    raw_bytes: int  # uncompressed JSONL bytes: the MB/s denominator
    gen_s: float

    @property
    def mb(self) -> float:
        return self.raw_bytes / 1e6


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name.replace(".jsonl.gz", ".meta.json"))


def ensure_corpus(spec: CorpusSpec, folder: Path, shared: Path, workers: int = 2) -> Corpus:
    """The corpus for `spec`, generated (streaming, `workers` processes) unless cached."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{spec.name}.jsonl.gz"
    truth = folder / f"{spec.name}.truth.jsonl.gz"
    meta = _meta_path(path)
    gen = shared / "tools" / "gen_corpus.py"
    digest = hashlib.sha256(gen.read_bytes()).hexdigest()[:16]  # a changed generator invalidates the cache
    if path.exists() and truth.exists() and meta.exists():
        m = json.loads(meta.read_text())
        if m.get("generator") == digest:
            return Corpus(spec, path, truth, m["docs"], m["raw_bytes"], m["gen_s"])
    pid = os.getpid()  # two harness runs may generate the same corpus at once
    tmp, ttmp = path.with_name(f".{path.name}.{pid}.tmp.gz"), truth.with_name(f".{truth.name}.{pid}.tmp.gz")
    t = time.perf_counter()
    subprocess.run([sys.executable, str(gen), *spec.args(), "--workers", str(workers), "--out", str(tmp),
                    "--truth", str(ttmp)], check=True, stdout=subprocess.DEVNULL)
    gen_s = time.perf_counter() - t
    raw = gz_size(tmp)
    os.replace(ttmp, truth)
    os.replace(tmp, path)
    meta.write_text(json.dumps({"docs": spec.docs, "raw_bytes": raw, "gen_s": round(gen_s, 1), "generator": digest,
                                **asdict(spec)}))
    return Corpus(spec, path, truth, spec.docs, raw, gen_s)


def gz_size(path: Path) -> int:
    """Uncompressed size of a gzip file, by streaming it."""
    n = 0
    with gzip.open(path, "rb") as f:
        while block := f.read(CHUNK):
            n += len(block)
    return n


def iter_lines(path: Path) -> Iterator[bytes]:
    """Raw JSONL lines of a (gzip) file, one at a time (split on b"\\n" only)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        for line in f:
            if line.strip():
                yield line if line.endswith(b"\n") else line + b"\n"


def iter_texts(path: Path, limit: int | None = None, field: str = "text") -> Iterator[str]:
    """The `field` of each record, streamed; stops after `limit` records."""
    for i, line in enumerate(iter_lines(path)):
        if limit is not None and i >= limit:
            return
        yield json.loads(line)[field]


def split_shards(corpus: Corpus, folder: Path, shards: int = 2) -> list[Path]:
    """The corpus as `shards` contiguous gzip files (datatrove parallelises by file).

    Why: datatrove gives each task whole files, so one input file would leave its second
    worker idle; the shards hold the same lines in the same order. Reused when present."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = [folder / f"part-{i:05d}.jsonl.gz" for i in range(shards)]
    done = folder / ".complete"
    if done.exists() and all(p.exists() for p in parts):
        return parts
    per = -(-corpus.docs // shards)
    with contextlib.ExitStack() as stack:
        outs = [stack.enter_context(gzip.open(p, "wb", compresslevel=1)) for p in parts]
        for i, line in enumerate(iter_lines(corpus.path)):
            outs[min(i // per, shards - 1)].write(line)
    done.write_text("")
    return parts


def make_incremental_batch(base: Corpus, fresh: Corpus, out: Path, again: int) -> tuple[Path, int]:
    """A batch of new documents: `fresh` plus `again` documents of `base` under new ids.

    Why mix: a batch of only new documents never exercises the cross-run match path; the
    re-posted ones (ids `again-<id>`) must come out as duplicates of the earlier run.
    Returns (path, number of re-posted documents written)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    step = max(1, base.docs // max(1, again))
    written = 0
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp.gz")
    with gzip.open(tmp, "wb", compresslevel=1) as f:
        for line in iter_lines(fresh.path):
            f.write(line)
        for i, line in enumerate(iter_lines(base.path)):
            if written >= again:
                break
            if i % step == step // 2:
                rec = json.loads(line)
                rec["id"] = f"again-{rec['id']}"
                f.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
                written += 1
    os.replace(tmp, out)
    return out, written
