"""How good the unreviewed decisions are, estimated from the reviewed random sample.

Only clusters of the report's uniform random sample count (the queue is chosen for being
doubtful, so its error rate says nothing about the rest). A judged duplicate decision is
a member the reviewer confirmed (`correct`) or marked `apart`; precision is the share
confirmed, with a Wilson score interval (sound near 0 and 1, where a sample of a few
hundred usually lands). Members of one cluster are not independent draws, so the same
figure is also given per cluster (a cluster counts as right when none of its judged
members was marked apart).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from cleaners.review.records import ReviewVerdict

Z95 = 1.959963984540054


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k/n ((0, 1) when n is 0)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Share:
    right: int
    judged: int

    @property
    def value(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.right, self.judged)


@dataclass(frozen=True)
class Precision:
    members: Share  # judged duplicate decisions, confirmed
    clusters: Share  # judged sample clusters with no member marked apart
    runs: tuple[str, ...]  # reviewed runs the sample clusters came from


def sample_precision(verdicts: Iterable[ReviewVerdict]) -> Precision:
    """The latest judgement of each (run, cluster, member) of the sample counts once."""
    judged: dict[tuple[str, str], dict[str, bool]] = {}
    for v in verdicts:
        if not v.sampled or v.kind == "keeper":
            continue
        cluster = judged.setdefault((v.run, v.cluster), {})
        for m in v.members:
            cluster[m.digest + "\0" + m.id] = v.kind == "correct"
    members = [ok for c in judged.values() for ok in c.values()]
    return Precision(Share(sum(members), len(members)),
                     Share(sum(all(c.values()) for c in judged.values()), len(judged)),
                     tuple(sorted({run for run, _ in judged})))
