"""A cluster's view holds only what a page prints: at most `list_members` members, diffs
for `diff_members` of them, links only for http(s) URLs, and the doubt of the whole record."""

from __future__ import annotations

import dataclasses

from cleaners.config import ReviewConfig
from cleaners.outputs import ClusterMember, ClusterRecord
from cleaners.report.texts import DocText
from cleaners.report.views import Trimmed, cluster_view, decided


def record(n: int) -> ClusterRecord:
    members = [{"id": f"m{i}", "digest": f"{i:032x}", "similarity": 0.9 - i / 100, "containment": 0.95,
                "kind": "near", "check": "jaccard", "margin": 0.3 - i / 100} for i in range(n)]
    return ClusterRecord.from_json({"cluster": "c1", "size": n + 1, "kept": "k", "kept_digest": "f" * 32,
                                    "why": "earliest date", "members": members})


def test_a_large_cluster_is_cut_to_the_pages_bounds() -> None:
    cfg = ReviewConfig(list_members=5, diff_members=2)
    t = Trimmed.of(record(30), cfg)
    texts = {"k": DocText("the keeper text".split(), "a.com", "https://a.com/1"),
             "m0": DocText("the member text".split(), "b.com", "javascript:alert(1)"),
             "m1": DocText("the keeper text".split(), "a.com", None)}
    v = cluster_view(t, 0, "run1", cfg, sampled=True, summary_href="index.html", texts=texts)
    assert len(v.members) == 5 and v.hidden == 25 and v.size == 31
    assert [m.diff is not None for m in v.members] == [True, True, False, False, False]
    diff = v.members[0].diff
    assert diff is not None and "<del>keeper</del>" in str(diff[0]) and "<ins>member</ins>" in str(diff[1])
    assert v.members[0].url is None and v.keeper_url == "https://a.com/1"  # no javascript: link
    assert v.min_similarity == 0.9 - 29 / 100  # over every member, listed or not
    assert v.doubt.member == "m29" and v.keeper_run == "run1" and v.sources == ["a.com", "b.com"]


def test_without_texts_nothing_is_diffed() -> None:
    cfg = ReviewConfig()
    v = cluster_view(Trimmed.of(dataclasses.replace(record(3), kept_run="r0"), cfg), 4, "run1", cfg, False, "p.html")
    assert all(m.diff is None for m in v.members) and not v.keeper_text and v.keeper_run == "r0"


def test_how_a_member_was_decided_reads_whole() -> None:
    assert decided(ClusterMember("m", 0.8, 0.9, "near", "", "jaccard", 0.1234, "template", 0.04)) == \
        "jaccard +0.123 · template guard +0.040"
    assert decided(ClusterMember("m", 1.0, 1.0, "exact")) == "exact"  # an older record: no margin
