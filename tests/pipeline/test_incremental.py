"""Dedup against earlier runs: day 2's re-published copies point at day 1's documents,
and re-running day 2 is byte-identical — with the embedded index and with Redis."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from cleaners.config import Config, DedupConfig
from tests.inprocess import run
from tests.outputs import content_digests, ledger


def split_days(shared: Path, tmp: Path) -> tuple[Path, Path, dict[str, str], set[str]]:
    """Day 1: the originals of 25 DEV stories and 40 unique articles; day 2: two easy or
    medium copies of each of those stories and 40 other unique articles."""
    gold = [json.loads(line) for line in (shared / "eval/neardup/gold.jsonl").read_text().split("\n") if line]
    lines = [line + "\n" for line in (shared / "eval/neardup/input.jsonl").read_text().split("\n") if line]
    docs = {json.loads(line)["id"]: line for line in lines}
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_cluster[g["cluster"]].append(g)
    stories = [c for c, ms in sorted(by_cluster.items()) if any(m["band"] == "original" for m in ms)
               and sum(m["band"] in ("easy", "medium") for m in ms) >= 2][:25]
    uniques = sorted(g["id"] for g in gold if g["band"] == "unique")
    day1, day2, cluster_of = [], [], {}
    for c in stories:
        day1 += [m["id"] for m in by_cluster[c] if m["band"] == "original"]
        day2 += [m["id"] for m in by_cluster[c] if m["band"] in ("easy", "medium")][:2]
    cluster_of = {g["id"]: g["cluster"] for g in gold}
    day1 += uniques[:40]
    day2 += uniques[40:80]
    paths = []
    for name, ids in (("day1", day1), ("day2", day2)):
        p = tmp / f"{name}.jsonl"
        p.write_text("".join(docs[i] for i in ids))
        paths.append(p)
    return paths[0], paths[1], cluster_of, set(uniques[40:80])


@pytest.mark.parametrize("backend", ["embedded", "redis"])
def test_day_two_points_at_day_one(tmp_path: Path, shared: Path, backend: str, request: pytest.FixtureRequest) -> None:
    d1, d2, cluster_of, fresh = split_days(shared, tmp_path)
    dedup = DedupConfig(index_backend="redis", redis_url=request.getfixturevalue("redis_url"),
                        redis_namespace=f"incr-{tmp_path.name}") if backend == "redis" else DedupConfig()
    cfg = Config(dedup=dedup)
    state = tmp_path / "state"
    run([d1], tmp_path / "runs" / "day1", state, cfg)
    run([d2], tmp_path / "runs" / "day2", state, cfg)
    day1 = ledger(tmp_path / "runs" / "day1")
    day2 = ledger(tmp_path / "runs" / "day2")
    copies = [i for i in day2 if i not in fresh]
    linked = [i for i in copies if day2[i]["status"] == "duplicate" and day2[i].get("duplicate_of_run") == "day1"]
    assert len(linked) >= 0.9 * len(copies)
    for i in linked:
        assert day2[i]["duplicate_of"] in day1
        assert cluster_of[day2[i]["duplicate_of"]] == cluster_of[i]  # the right story
    assert all(day2[i]["status"] == "kept" for i in fresh)
    first = content_digests(tmp_path / "runs" / "day2")
    run([d2], tmp_path / "runs" / "day2", state, cfg)  # re-run day 2 into the same STATE
    assert content_digests(tmp_path / "runs" / "day2") == first
    again = ledger(tmp_path / "runs" / "day2")
    assert all(r.get("duplicate_of_run") != "day2" for r in again.values())  # never a duplicate of itself
