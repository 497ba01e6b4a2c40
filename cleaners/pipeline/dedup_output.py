"""What the dedup stage writes once clusters and keepers are settled.

- OUT/dedup/clusters.jsonl*: one record per cluster of 2+ documents, largest first. Each
  member records its similarity to the keeper, its text's digest (what a reviewer's
  verdict names), and what decided its merge: `check` (exact, near_exact, jaccard,
  containment, loose, chars, teaser, short, or chain for a copy that joined through another
  copy) with `margin`, that check's score minus its threshold, and the guard nearest to
  firing (entities, template, facts) with `guard_margin`; the review queue ranks doubt by these without recomputing.
  Verdicts that shaped a cluster are cited in `review`.
- work/assign/NNNNN.json per shard: the duplicates (with their keeper, similarity, kind,
  cluster) and the verdicts to cite in each shaped document's ledger record.
- work/delta/index: this run's kept documents, the segment STATE will hold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

from cleaners.dedup.cluster import Clusters
from cleaners.dedup.index import build_segment
from cleaners.dedup.keeper import reason
from cleaners.dedup.verify import Verdict, chain_margin
from cleaners.io.shards import SUFFIX, shard_writer, write_bytes
from cleaners.outputs import ClusterMember, ClusterRecord, dumps
from cleaners.pipeline.context import RunContext
from cleaners.review.book import Book
from cleaners.review.records import Citation

if TYPE_CHECKING:
    from cleaners.pipeline.dedup_stage import Docs, Nodes


@dataclass
class Outcome:
    """The settled clustering, as the dedup stage hands it over."""

    docs: Docs
    rep: np.ndarray  # each document's exact group keeper
    pos_of: np.ndarray  # each document's node
    cands: Nodes
    clusters: Clusters
    check: Callable[[int, int], Verdict]
    digest_of: Callable[[int], str]  # a node's text digest
    book: Book


def _r(x: float) -> float:
    return round(float(x), 4)


def member_row(o: Outcome, g: int, keeper_node: int, keeper_digest: str,
               chain: tuple[float, float]) -> ClusterMember:
    doc_id, digest = o.docs.id(g), o.docs.digest(g)
    confirmed = o.book.confirmed(keeper_digest, digest)
    review = Citation.of(confirmed).to_json() if confirmed is not None else None
    if digest == keeper_digest:
        return ClusterMember(doc_id, 1.0, 1.0, "exact", digest, "exact", 1.0, review=review)
    v = o.check(int(o.pos_of[g]), keeper_node)
    sim, cont = _r(v.jaccard), _r(v.containment)
    if not v.ok:  # it joined through one of its copies (cleaners/dedup/cluster.py)
        return ClusterMember(doc_id, sim, cont, "near", digest, "chain", _r(chain_margin(v, *chain)), review=review)
    return ClusterMember(doc_id, sim, cont, "near", digest, v.check, _r(v.margin), guard=v.guard or None,
                         guard_margin=_r(v.guard_margin) if v.guard else None, review=review)


def write_outputs(rctx: RunContext, o: Outcome, stats: dict[str, int]) -> dict[str, Any]:
    cfg = rctx.cfg
    policy = cfg.dedup.keeper
    chain = (cfg.dedup.chain_floor, cfg.dedup.chain_entities)
    docs, clusters, cands = o.docs, o.clusters, o.cands
    n = len(docs)
    by_keeper: dict[int, list[int]] = {}
    for g in range(n):
        keeper_node = clusters.keeper[clusters.find(int(o.pos_of[g]))]
        if keeper_node == int(o.pos_of[g]) and o.rep[g] == g:
            continue
        by_keeper.setdefault(keeper_node, []).append(g)
    apart: dict[str, list[Citation]] = {}  # digest → the `apart` verdicts that kept its text out of a cluster
    for ref in sorted(clusters.blocked):
        v = clusters.blocked[ref]
        for digest in dict.fromkeys((v.keeper.digest, v.member.digest)):
            apart.setdefault(digest, []).append(Citation.of(v, o.book.other_side(v, digest)))
    settled = []
    for keeper_node, members in by_keeper.items():
        kc = cands[keeper_node]
        kd = o.digest_of(keeper_node)
        rows = sorted(((member_row(o, g, keeper_node, kd, chain), g) for g in members),
                      key=lambda r: (-r[0].similarity, r[0].id))
        cites = [Citation.of(o.book.chosen[kd])] if kc.chosen else []
        for digest in dict.fromkeys([kd, *(r.digest for r, _ in rows)]):
            cites += apart.get(digest, [])
        settled.append((ClusterRecord("", kc.id, len(rows) + 1, reason(kc, policy), kd, tuple(r for r, _ in rows),
                                      kc.earlier_run, tuple(c.to_json() for c in cites)), [g for _, g in rows]))
    settled.sort(key=lambda r: (-len(r[1]), r[0].kept))
    records = [dataclasses.replace(rec, cluster=f"c{i:06d}") for i, (rec, _) in enumerate(settled)]
    dup_rows: dict[int, list[list[Any]]] = {}
    comp = cfg.run.compression
    with shard_writer(rctx.staging / "dedup" / f"clusters{SUFFIX[comp]}", comp) as w:
        for rec, (_, gs) in zip(records, settled, strict=True):
            chosen = [c for c in rec.review if c["verdict"] == "keeper"]
            for m, g in zip(rec.members, gs, strict=True):
                refs = ([m.review] if m.review is not None else []) + chosen
                dup_rows.setdefault(int(docs.shard[g]), []).append(
                    [int(docs.seq[g]), rec.kept, rec.kept_run, m.similarity, m.kind, rec.cluster, refs])
            w.write(dumps(rec))
    dup = {int(g) for ms in by_keeper.values() for g in ms}
    kept_rows = _kept_citations(o, dup, apart)
    for s in range(len(docs.shards)):
        write_bytes(rctx.shard_file("assign", s, ".json"),
                    orjson.dumps({"dup": sorted(dup_rows.get(s, [])), "kept": sorted(kept_rows.get(s, []))}))
    _write_index(rctx, docs, dup)
    stats.update({"duplicates": len(dup), "kept": n - len(dup), "clusters": len(records),
                  "near_duplicates": sum(1 for r in records for m in r.members if m.kind == "near")})
    if o.book:
        stats.update({"review_kept_apart": len(clusters.blocked),
                      "review_chosen_keepers": sum(1 for r in records if any(
                          c["verdict"] == "keeper" for c in r.review))})
    return {"stats": stats}


def _kept_citations(o: Outcome, dup: set[int], apart: dict[str, list[Citation]]) -> dict[int, list[list[Any]]]:
    """Per shard, [seq, citations] of each kept document a verdict shaped: kept apart from
    a cluster, or chosen as keeper."""
    rows: dict[int, list[list[Any]]] = {}
    for g in (int(x) for x in o.docs.named(set(apart) | set(o.book.chosen))):
        if g in dup:
            continue
        digest = o.docs.digest(g)
        cites = [Citation.of(o.book.chosen[digest])] if o.docs.chosen.get(g) else []
        cites += apart.get(digest, [])
        if cites:
            rows.setdefault(int(o.docs.shard[g]), []).append([int(o.docs.seq[g]), [c.to_json() for c in cites]])
    return rows


def _write_index(rctx: RunContext, docs: Docs, dup: set[int]) -> None:
    """This run's kept documents as a new index segment, shard by shard."""
    keep = np.ones(len(docs), bool)
    keep[list(dup)] = False
    parts = [(src, np.nonzero(keep[docs.shard == s])[0]) for s, src in enumerate(docs.shards)]
    build_segment(rctx.work / "delta" / "index", parts, rctx.cfg.dedup.bands[0])
