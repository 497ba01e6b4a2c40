"""What the report's templates show of a cluster, made from its clusters.jsonl record.

Views hold only what a page prints, already cut to the page's bounds (`list_members`
members, diffs for `diff_members` of them), so a page's size is bounded whatever the
cluster's size.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from cleaners.config import ReviewConfig
from cleaners.outputs import ClusterMember, ClusterRecord
from cleaners.report.diff import safe_url, side_by_side
from cleaners.report.texts import DocText
from cleaners.review.queue import Doubt, cluster_doubt, member_margin


@dataclass(frozen=True)
class MemberView:
    id: str
    digest: str  # "" in clusters.jsonl of an older presswash: no verdict can name it
    similarity: float
    containment: float
    kind: str
    decided: str  # "jaccard +0.123 · template guard +0.040"
    margin: float
    confirmed: str  # ref of a verdict that confirmed this pair, or ""
    source: str = ""
    url: str | None = None
    diff: tuple[Markup, Markup] | None = None


@dataclass(frozen=True)
class ClusterView:
    cluster: str
    position: int
    size: int
    kept: str
    kept_run: str | None
    keeper_run: str  # the run the keeper belongs to (this run's id when it is not from an earlier one)
    kept_digest: str
    why: str
    doubt: Doubt
    min_similarity: float
    members: list[MemberView]
    hidden: int  # members not listed
    sampled: bool
    citations: list[dict[str, Any]]
    detail_href: str | None = None  # where it is shown with diffs
    summary_href: str = ""
    keeper_source: str = ""
    keeper_url: str | None = None
    keeper_text: bool = False  # the keeper's text was found in OUT (diffs possible)
    sources: list[str] = field(default_factory=list)


def decided(m: ClusterMember) -> str:
    if m.margin is None:
        return m.kind
    out = f"{m.check or ''} {float(m.margin):+.3f}"
    if m.guard is not None:
        out += f" · {m.guard} guard {float(m.guard_margin or 0.0):+.3f}"
    return out


def member_view(m: ClusterMember, text: DocText | None = None,
                keeper: DocText | None = None) -> MemberView:
    diff = side_by_side(keeper.words, text.words) if keeper and text else None
    return MemberView(m.id, m.digest, m.similarity, m.containment, m.kind, decided(m), member_margin(m)[0],
                      str((m.review or {}).get("ref", "")), text.source if text else "",
                      safe_url(text.url) if text else None, diff)


@dataclass(frozen=True)
class Trimmed:
    """A cluster record cut to the members any page lists, with what the cut loses."""

    rec: ClusterRecord
    members: int
    min_similarity: float
    doubt: Doubt

    @classmethod
    def of(cls, rec: ClusterRecord, cfg: ReviewConfig) -> Trimmed:
        members = rec.members
        return cls(dataclasses.replace(rec, members=members[:cfg.list_members]), len(members),
                   min((m.similarity for m in members), default=1.0), cluster_doubt(rec, cfg))


def cluster_view(t: Trimmed, position: int, run_id: str, cfg: ReviewConfig, sampled: bool,
                 summary_href: str, detail_href: str | None = None,
                 texts: dict[str, DocText] | None = None) -> ClusterView:
    rec = t.rec
    keeper = texts.get(rec.kept) if texts is not None else None
    views = []
    for i, m in enumerate(rec.members):
        if texts is not None and i < cfg.diff_members:
            views.append(member_view(m, texts.get(m.id), keeper))
        else:
            views.append(member_view(m))
    sources = sorted({keeper.source if keeper else ""} | {v.source for v in views} - {""})
    return ClusterView(
        rec.cluster, position, rec.size, rec.kept, rec.kept_run, rec.kept_run or run_id, rec.kept_digest, rec.why,
        t.doubt, t.min_similarity, views, t.members - len(views), sampled, list(rec.review),
        detail_href, summary_href, keeper.source if keeper else "", safe_url(keeper.url) if keeper else None,
        keeper is not None, sources)
