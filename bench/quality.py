"""Duplicate-detection quality against gen_corpus's truth file, the same way for every tool.

Definitions (keeper-agnostic, so a tool may keep any member of a cluster):
- a truth cluster is an original plus every document whose truth `dup_of` names it
  (the generator always points copies at an original); its size is s;
- a tool *flags* a document when it removes it (presswash: ledger status `duplicate`;
  datatrove: the documents its filter stage drops);
- in a cluster where the tool flags f documents, min(f, s - 1) flags are correct (at most
  s - 1 documents of a cluster can rightly go); flags on singletons are all wrong;
- recall = correct flags / truth copies (the sum of s - 1); precision = correct flags /
  all flags. Exact and near copies are also reported apart (recall per kind: copies of
  that kind in clusters where enough documents were flagged, counted with the same min).

Why not pairwise over clusters: datatrove only says what it removed, not which document a
removed one copies; this definition needs only the set of removed ids, so both tools are
scored by one rule. For presswash, `link_precision` also checks `duplicate_of`: the share
of its duplicates whose named keeper is in the same truth cluster.
"""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import zstandard


@dataclass
class Truth:
    """Only the copies are held (~10% of ids): an id absent from `root` is an original."""

    root: dict[str, str]  # copy id -> original id
    kind: dict[str, str]  # copy id -> "exact" | "near"
    docs: int

    def cluster(self, doc_id: str) -> str:
        return self.root.get(doc_id, doc_id)

    @classmethod
    def load(cls, path: Path) -> Truth:
        root: dict[str, str] = {}
        kind: dict[str, str] = {}
        n = 0
        for rec in _records(path):
            n += 1
            if rec.get("dup_of"):
                root[rec["id"]] = rec["dup_of"]
                kind[rec["id"]] = rec["kind"]
        return cls(root, kind, n)


@dataclass
class Quality:
    flagged: int
    correct: int
    copies: int
    recall: float
    precision: float
    recall_exact: float
    recall_near: float
    link_precision: float | None = None

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def score(truth: Truth, flagged: Iterable[str], links: dict[str, str] | None = None) -> Quality:
    """Quality of a set of flagged ids (and, optionally, each one's named keeper)."""
    flagged = set(flagged)
    per_cluster = Counter(truth.cluster(d) for d in flagged)
    sizes = Counter(truth.root.values())  # original -> number of copies (s - 1)
    correct = sum(min(f, sizes.get(c, 0)) for c, f in per_cluster.items())
    by_kind = Counter(truth.kind.values())
    groups: dict[str, list[str]] = {}  # original -> its copies, exact ones first (a deterministic split)
    for d in sorted(truth.root, key=lambda d: (truth.kind[d] != "exact", d)):
        groups.setdefault(truth.root[d], []).append(d)
    hit_kind: Counter[str] = Counter()
    for c, f in per_cluster.items():
        for d in groups.get(c, [])[:f]:  # any min(f, s-1) of its copies count as found
            hit_kind[truth.kind[d]] += 1
    copies_n = len(truth.root)
    link = None
    if links is not None and links:
        link = sum(1 for d, k in links.items() if truth.cluster(d) == truth.cluster(k)) / len(links)
    return Quality(
        flagged=len(flagged), correct=correct, copies=copies_n,
        recall=correct / copies_n if copies_n else 1.0,
        precision=correct / len(flagged) if flagged else 1.0,
        recall_exact=hit_kind["exact"] / by_kind["exact"] if by_kind["exact"] else 1.0,
        recall_near=hit_kind["near"] / by_kind["near"] if by_kind["near"] else 1.0,
        link_precision=link,
    )


def presswash_flags(out: Path) -> tuple[set[str], dict[str, str], Counter[str]]:
    """(ids with status duplicate, id -> duplicate_of, status counts) from OUT/ledger."""
    flagged: set[str] = set()
    links: dict[str, str] = {}
    statuses: Counter[str] = Counter()
    for path in sorted((out / "ledger").glob("*.jsonl*")):
        for rec in _records(path):
            statuses[rec["status"]] += 1
            if rec["status"] == "duplicate":
                flagged.add(rec["id"])
                if rec.get("duplicate_of"):
                    links[rec["id"]] = rec["duplicate_of"]
    return flagged, links, statuses


def ledger_records(out: Path) -> Iterator[dict[str, object]]:
    for path in sorted((out / "ledger").glob("*.jsonl*")):
        yield from _records(path)


def _records(path: Path) -> Iterator[dict]:  # type: ignore[type-arg]
    """JSON records of a plain, .gz or .zst JSONL file, streamed."""
    if path.name.endswith(".zst"):
        with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as r:
            stream: io.BufferedIOBase = io.BufferedReader(r)  # type: ignore[arg-type]
            for line in stream:
                if line.strip():
                    yield json.loads(line)
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
