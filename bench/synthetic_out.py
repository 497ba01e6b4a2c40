"""A synthetic OUT with as many clusters as a large run, for measuring the dedup report
without running the pipeline for hours: `make_out(OUT, clusters=90_000, documents=1_000_000)`.

Why synthetic: the report reads only OUT's files (clusters.jsonl, the texts, stats.json),
so what matters for its size, build memory and page load is their shape, not how they were
computed. The shape follows the pipeline's: clusters largest first with sizes drawn from
a heavy-tailed distribution (most of 2 documents, a few of hundreds), members carrying
similarity, digest, check, margin and guard as the dedup stage writes them, some keepers
from an earlier run, texts of keepers in corpus/ (padded with unclustered documents up to
`documents`) and of duplicates in dedup/texts/. Everything is drawn from one seed.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import orjson

from cleaners.config import Config
from cleaners.io.shards import OPTS, shard_writer

CHECKS = ("jaccard", "containment", "loose", "teaser", "short", "chain")
GUARDS = ("template", "entities")
WORDS = ("council harbour tram festival orchard clinic museum bakery stadium library ferry bridge garden tunnel "
         "theatre airport factory river school market visitors mayor budget night spring autumn station route "
         "plan survey residents noise design").split()
SHARD_DOCS = 100_000


@dataclass(frozen=True)
class SyntheticOut:
    out: Path
    clusters: int
    members: int
    documents: int


def _sentences(rng: np.random.Generator, n: int) -> list[str]:
    return [" ".join(WORDS[i] for i in rng.integers(0, len(WORDS), 14)).capitalize() + f" {k}."
            for k in range(n)]


def _sizes(rng: np.random.Generator, clusters: int, mean_members: float) -> np.ndarray:
    """Members per cluster (each cluster also has its keeper): 1 + a Zipf-like tail, capped."""
    extra = np.minimum(rng.zipf(2.2, clusters) - 1, 2000)
    scale = max(mean_members - 1, 0) / max(float(extra.mean()) if clusters else 1.0, 1e-9)
    return np.sort(1 + np.round(extra * scale).astype(np.int64))[::-1]


def make_out(out: Path, clusters: int, documents: int = 0, seed: int = 1, mean_members: float = 1.25,
             run_id: str = "synthetic", sentences_per_doc: int = 8) -> SyntheticOut:
    rng = np.random.default_rng(seed)
    shutil.rmtree(out, ignore_errors=True)
    pool = _sentences(rng, 4000)
    sizes = _sizes(rng, clusters, mean_members)
    members = int(sizes.sum())
    documents = max(documents, clusters + members)

    def text(doc: int) -> list[int]:
        return [(doc * 7919 + k * 104729) % len(pool) for k in range(sentences_per_doc)]

    corpus_w = _Shards(out / "corpus")
    texts_w = _Shards(out / "dedup" / "texts")
    doc = 0
    with shard_writer(out / "dedup" / "clusters.jsonl.zst", "zstd") as cw:
        for c, size in enumerate(sizes):
            keeper, kept_id = text(doc), f"doc-{doc:07d}"
            earlier = rng.random() < 0.05
            if not earlier:
                corpus_w.write({"id": kept_id, "text": " ".join(pool[i] for i in keeper), "url": None,
                                "source": f"site{doc % 37}.example", "date": None})
            doc += 1
            rows = []
            for _ in range(int(size)):
                edited = list(keeper)
                edited[int(rng.integers(0, len(edited)))] = int(rng.integers(0, len(pool)))
                mid = f"doc-{doc:07d}"
                texts_w.write({"id": mid, "text": " ".join(pool[i] for i in edited),
                               "url": f"https://site{doc % 37}.example/{doc}", "source": f"site{doc % 37}.example"})
                check = CHECKS[int(rng.integers(0, len(CHECKS)))]
                row = {"id": mid, "similarity": round(float(rng.uniform(0.3, 1.0)), 4),
                       "containment": round(float(rng.uniform(0.6, 1.0)), 4), "kind": "near",
                       "digest": hashlib.md5(mid.encode()).hexdigest(), "check": check,
                       "margin": round(float(rng.exponential(0.15)), 4)}
                if rng.random() < 0.7:
                    row |= {"guard": GUARDS[int(rng.integers(0, 2))],
                            "guard_margin": round(float(rng.exponential(0.2)), 4)}
                rows.append(row)
                doc += 1
            rec = {"cluster": f"c{c:06d}", "kept": kept_id, "size": len(rows) + 1, "why": "earliest date",
                   "kept_digest": hashlib.md5(kept_id.encode()).hexdigest(), "members": rows}
            if earlier:
                rec["kept_run"] = "synthetic-earlier"
            cw.write(orjson.dumps(rec, option=OPTS))
    while doc < documents:  # unclustered documents: the rest of a large corpus
        corpus_w.write({"id": f"doc-{doc:07d}", "text": " ".join(pool[i] for i in text(doc)), "url": None,
                        "source": f"site{doc % 37}.example", "date": None})
        doc += 1
    corpus_w.close()
    texts_w.close()
    kept = documents - members
    summary = {"run_id": run_id, "documents": {"in": documents, "kept": kept, "duplicate": members, "rejected": 0},
               "config": Config().to_dict(), "steps": {"dedup": {"clusters": clusters}}}
    (out / "stats.json").write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    return SyntheticOut(out, clusters, members, documents)


class _Shards:
    """part-NNNNN.jsonl.zst files of SHARD_DOCS records each."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.n, self.index, self.cm, self.w = folder, 0, 0, None, None

    def write(self, rec: dict[str, object]) -> None:
        if self.w is None or self.n == SHARD_DOCS:
            self.close()
            self.cm = shard_writer(self.folder / f"part-{self.index:05d}.jsonl.zst", "zstd")
            self.w = self.cm.__enter__()
            self.index, self.n = self.index + 1, 0
        self.w.write(orjson.dumps(rec, option=OPTS))
        self.n += 1

    def close(self) -> None:
        if self.cm is not None:
            self.cm.__exit__(None, None, None)
        self.cm = self.w = None
        self.folder.mkdir(parents=True, exist_ok=True)
