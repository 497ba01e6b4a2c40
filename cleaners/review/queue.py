"""Which clusters a person should look at: the most doubtful decisions first, and a
uniform random sample that says how good the rest are.

Doubt is read from clusters.jsonl alone, member by member: each member carries the check
that decided its merge and that check's margin (how far past its threshold it was), and
the guard nearest to firing with its margin. The smaller of the two is how little would
have had to change for another decision. Any check name counts the same way: a new check
only has to write its name and margin. A keeper from an earlier run takes
`cross_run_penalty` off (its text is not in this OUT), and a pair a reviewer already
confirmed is no longer doubtful. A cluster is as doubtful as its most doubtful member.

Both selections stream over the clusters with bounded heaps: the queue holds the
`queue_size` smallest margins, the sample the `sample_size` clusters with the smallest
seeded hash of (run id, cluster id) — a bottom-k sample, uniform over all clusters and
the same on every build of one run's report.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

import xxhash

from cleaners.config import ReviewConfig
from cleaners.outputs import ClusterMember, ClusterRecord

SURE = 1.0  # the margin of an exact copy or a confirmed pair


@dataclass(frozen=True)
class Doubt:
    margin: float  # the cluster's smallest margin, penalties included
    check: str  # the check or guard at that margin
    member: str  # the member it concerns
    cross_run: bool  # the keeper is from an earlier run
    cluster: str = ""  # the cluster's id, size and keeper, for lists of doubtful clusters
    size: int = 0
    kept: str = ""

    def reasons(self) -> str:
        what = f"{self.check} {self.margin:+.3f} ({self.member})"
        return what + (" · keeper from an earlier run" if self.cross_run else "")


def member_margin(m: ClusterMember) -> tuple[float, str]:
    """(margin, name of the check or guard it belongs to) of one member."""
    if m.review:
        return SURE, "confirmed"
    if m.margin is None:  # clusters.jsonl of an older presswash: only the kind is known
        return (SURE, "exact") if m.kind == "exact" else (0.5, m.kind or "near")
    margin, check = float(m.margin), m.check or ""
    if m.guard_margin is not None and float(m.guard_margin) < margin:
        return float(m.guard_margin), f"{m.guard or 'guard'} guard"
    return margin, check


def cluster_doubt(rec: ClusterRecord, cfg: ReviewConfig) -> Doubt:
    cross = rec.kept_run is not None
    best = (SURE, "exact", "")
    for m in rec.members:
        margin, check = member_margin(m)
        if margin < best[0] or (margin == best[0] and not best[2]):
            best = (margin, check, m.id)
    margin = best[0] - (cfg.cross_run_penalty if cross else 0.0)
    return Doubt(round(margin, 4), best[1], best[2], cross, rec.cluster, rec.size, rec.kept)


def sample_key(seed: int, run_id: str, cluster: str) -> int:
    return xxhash.xxh64_intdigest(f"{run_id}\0{cluster}".encode("utf-8", "surrogatepass"), seed=seed)


@dataclass(frozen=True)
class Selection:
    total: int
    queue: list[tuple[int, Doubt]]  # (cluster position, doubt), most doubtful first
    sample: list[int]  # cluster positions, in file order


def select(records: Iterable[ClusterRecord], cfg: ReviewConfig, run_id: str) -> Selection:
    queue: list[tuple[float, int, Doubt]] = []  # max-heap on (margin, position) via negation
    sample: list[tuple[int, int]] = []  # max-heap on the hash via negation
    total = 0
    for pos, rec in enumerate(records):
        total += 1
        d = cluster_doubt(rec, cfg)
        if cfg.queue_size and d.margin < SURE:
            item = (-d.margin, -pos, d)
            if len(queue) < cfg.queue_size:
                heapq.heappush(queue, item)
            elif item[:2] > queue[0][:2]:
                heapq.heapreplace(queue, item)
        if cfg.sample_size:
            key = sample_key(cfg.seed, run_id, rec.cluster)
            if len(sample) < cfg.sample_size:
                heapq.heappush(sample, (-key, pos))
            elif -key > sample[0][0]:
                heapq.heapreplace(sample, (-key, pos))
    ranked = sorted(((-neg_pos, d) for _, neg_pos, d in queue), key=lambda x: (x[1].margin, x[0]))
    return Selection(total, ranked, sorted(pos for _, pos in sample))
