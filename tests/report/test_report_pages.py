"""OUT/report/ without a browser: paged and bounded, every cluster on exactly one summary
page, the queue and the sample with diffs, byte-identical rebuilds, and a size that grows
with what the report shows, not with the corpus. Built over synthetic OUTs
(bench/synthetic_out.py) of a thousand clusters with small page sizes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import orjson
import pytest

from bench.synthetic_out import make_out
from cleaners.config import ReviewConfig
from cleaners.io.shards import OPTS, read_records, shard_writer
from cleaners.report.build import build_report, iter_clusters
from cleaners.review.queue import select

CFG = ReviewConfig(queue_size=30, sample_size=20, page_clusters=100, page_rows=250, detail_clusters=10,
                   diff_members=3, list_members=5)
CLUSTER = re.compile(r'class="cluster"[^>]* id="(c\d{6})"')
MEMBER = re.compile(r'class="member" data-d="')


def build(out: Path, cfg: ReviewConfig = CFG) -> dict[str, bytes]:
    summary = orjson.loads((out / "stats.json").read_bytes())
    build_report(out, summary, cfg)
    return {p.name: p.read_bytes() for p in sorted((out / "report").iterdir())}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_out(tmp_path_factory.mktemp("syn") / "out", clusters=1050, seed=3).out


def test_pages_cover_every_cluster_once_within_bounds(synthetic: Path) -> None:
    pages = build(synthetic)
    records = list(iter_clusters(synthetic))
    summaries = {n: p.decode() for n, p in pages.items() if n.startswith("clusters-")}
    listed = [cid for html in summaries.values() for cid in CLUSTER.findall(html)]
    assert listed == [r.cluster for r in records]  # each once, in file order
    rows = [1 + min(len(r.members), CFG.list_members) for r in records]
    assert rows[0] > rows[-1] == 2  # the largest clusters come first
    first = CLUSTER.findall(summaries["clusters-0001.html"])
    assert sum(rows[:len(first)]) <= CFG.page_rows < sum(rows[:len(first) + 1])  # a page ends at its rows ...
    assert len(CLUSTER.findall(summaries[max(summaries)])) <= CFG.page_clusters  # ... or at its clusters
    assert len(summaries) >= 11
    for html in summaries.values():
        assert len(CLUSTER.findall(html)) + len(MEMBER.findall(html)) <= CFG.page_rows
    huge = next(r for r in records if len(r.members) > CFG.list_members)
    assert any(f"{len(huge.members) - CFG.list_members} more members" in html for html in summaries.values())

    sel = select(iter(records), CFG, "synthetic")
    queue = [records[p].cluster for p, _ in sel.queue]
    shown = [cid for n in sorted(pages) if n.startswith("queue-") for cid in CLUSTER.findall(pages[n].decode())]
    assert shown == queue and len(queue) == CFG.queue_size
    sample = [cid for n in sorted(pages) if n.startswith("sample-") for cid in CLUSTER.findall(pages[n].decode())]
    assert sample == [records[p].cluster for p in sel.sample] and len(sample) == CFG.sample_size
    index = pages["index.html"].decode()
    assert all(f"#{cid}" in index for cid in queue + sample)
    assert index.count('href="clusters-') == len(summaries)
    # diffs on the detail pages only, at most diff_members per cluster
    assert any("<ins>" in pages[n].decode() for n in pages if n.startswith("queue-"))
    assert not any("<ins>" in html for html in summaries.values())
    for n in pages:
        if n.startswith(("queue-", "sample-")):
            assert pages[n].decode().count('class="diff"') <= CFG.detail_clusters * CFG.diff_members


def test_rebuild_is_byte_identical_and_holds_no_path(synthetic: Path) -> None:
    first = build(synthetic)
    assert build(synthetic) == first
    for name, html in first.items():
        assert str(synthetic).encode() not in html, name


def test_size_follows_what_is_shown_not_the_corpus(tmp_path: Path) -> None:
    small = build(make_out(tmp_path / "a", clusters=400, seed=5).out)
    padded = build(make_out(tmp_path / "b", clusters=400, documents=20_000, seed=5).out)
    counts = re.compile(rb'<table class="counts".*?</table>', re.S)  # the documents in and kept differ, of course
    padded["index.html"], small["index.html"] = (counts.sub(b"", x["index.html"]) for x in (padded, small))
    assert padded == small  # 19k more unclustered documents change nothing else
    more = build(make_out(tmp_path / "c", clusters=800, seed=5).out)
    detail = lambda pages: sum(len(v) for n, v in pages.items() if n.startswith(("queue-", "sample-")))  # noqa: E731
    assert len([n for n in more if n.startswith("clusters-")]) > len([n for n in small if n.startswith("clusters-")])
    assert detail(more) < 1.5 * detail(small)  # the queue and the sample are bounded


def test_report_of_a_run_without_clusters(tmp_path: Path) -> None:
    out = make_out(tmp_path / "none", clusters=0, documents=5, seed=1).out
    pages = build(out)
    assert list(pages) == ["index.html"] and b"No doubtful clusters" in pages["index.html"]


def test_report_of_older_clusters_without_digests(tmp_path: Path, synthetic: Path) -> None:
    out = tmp_path / "old"
    (out / "dedup").mkdir(parents=True)
    (out / "stats.json").write_bytes((synthetic / "stats.json").read_bytes())
    old = [{"cluster": r.cluster, "kept": r.kept, "size": r.size, "why": r.why,
            "members": [{"id": m.id, "similarity": m.similarity, "containment": m.containment, "kind": m.kind}
                        for m in r.members]} for r in iter_clusters(synthetic)]
    with shard_writer(out / "dedup" / "clusters.jsonl.zst") as w:
        for rec in old[:50]:
            w.write(orjson.dumps(rec, option=OPTS))
    (out / "report.html").write_text("the single page of an older presswash")
    pages = build(out, dataclasses.replace(CFG, queue_size=5, sample_size=5))
    assert 'data-kd=""' in pages["clusters-0001.html"].decode()  # no verdict can be made: no buttons
    assert len(pages) == 1 + 1 + 1 + 1 and not (out / "report.html").exists()
    assert [r["cluster"] for r in read_records(out / "dedup" / "clusters.jsonl.zst")][:1] == ["c000000"]
