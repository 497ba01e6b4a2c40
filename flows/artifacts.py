"""Prefect artifacts of a run: a markdown summary (with a link to the report's index and
the ten most doubtful clusters), a table of the largest clusters, and the one-line count
of documents that ends the run's final state."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Any

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from cleaners.report.build import detail_name, iter_clusters, review_config
from cleaners.review.queue import select

DOUBTFUL = 10


def _key(run_id: str, what: str) -> str:
    safe = "".join(c if c.isalnum() else "-" for c in run_id.lower()).strip("-") or "run"
    return f"presswash-{what}-{safe}"[:100]


def counts_line(documents: dict[str, int]) -> str:
    """`in 5 = kept 5 + duplicate 0 + rejected 0`"""
    d = documents
    return f"in {d['in']} = kept {d['kept']} + duplicate {d['duplicate']} + rejected {d['rejected']}"


def summary_markdown(summary: dict[str, Any], out: str) -> str:
    d = summary["documents"]
    steps = summary["steps"]
    removed = sorted(((k.split(":", 1)[1], v) for k, v in steps.get("clean", {}).items()
                      if k.startswith("removed:")), key=lambda kv: -kv[1])
    dedup = steps.get("dedup", {})
    lines = [
        f"# presswash run `{summary['run_id']}`",
        "",
        f"Counts in = out: **{d['in']}** in = {d['kept']} kept + {d['duplicate']} duplicate + "
        f"{d['rejected']} rejected ({'ok' if d['in'] == d['kept'] + d['duplicate'] + d['rejected'] else 'MISMATCH'})",
        "",
        "| step | counts |", "|---|---|",
    ]
    for step, counters in steps.items():
        shown = ", ".join(f"{k} {v}" for k, v in list(counters.items())[:12])
        lines.append(f"| {step} | {shown} |")
    lines += ["", "## Top removal rules", "", "| rule | removed spans |", "|---|---|"]
    lines += [f"| {rule} | {n} |" for rule, n in removed[:10]]
    report = Path(out).resolve() / "report"
    lines += ["", f"## Clusters: {dedup.get('clusters', 0)} ({dedup.get('exact_duplicates', 0)} exact and "
              f"{dedup.get('near_duplicates', 0)} near duplicates)", "",
              f"Report: [{Path(out) / 'report' / 'index.html'}](file://{report / 'index.html'})"]
    lines += doubtful_markdown(summary, Path(out))
    if summary.get("rejected_by_reason"):
        lines += ["", "## Rejected", ""] + [f"- {k}: {v}" for k, v in summary["rejected_by_reason"].items()]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Scraped ids in a markdown table: no pipes, backticks or line breaks of their own."""
    return " ".join(str(text).replace("|", "\\|").replace("`", "'").split())


def doubtful_markdown(summary: dict[str, Any], out: Path) -> list[str]:
    """The ten most doubtful clusters, as the report's queue ranks them, linked to their diffs."""
    full = review_config(summary)
    cfg = dataclasses.replace(full, queue_size=min(DOUBTFUL, full.queue_size), sample_size=0)
    sel = select(iter_clusters(out), cfg, summary["run_id"])
    if not sel.queue:
        return ["", "No doubtful clusters: every merge is an exact copy or confirmed by a reviewer."]
    lines = ["", f"## The {len(sel.queue)} most doubtful clusters (review queue)", "",
             "| # | cluster | documents | keeper | margin | check (member) |", "|---|---|---|---|---|---|"]
    for rank, (_, d) in enumerate(sel.queue):
        href = f"file://{out.resolve() / 'report' / detail_name('queue', rank, full)}#{d.cluster}"
        lines.append(f"| {rank + 1} | [{_cell(d.cluster)}]({href}) | {d.size} | {_cell(d.kept)} | "
                     f"{d.margin:+.3f} | {_cell(d.check)} ({_cell(d.member)}) |")
    return lines


def publish(summary: dict[str, Any], out: str) -> None:
    """Attach both artifacts to the current flow run; `summary` is the run's stats.json
    (cleaners/pipeline/finalize.py), `out` the folder the run wrote."""
    run_id = summary["run_id"]
    create_markdown_artifact(key=_key(run_id, "summary"), markdown=summary_markdown(summary, out),
                             description=f"presswash run {run_id}")
    rows = [{"cluster": c.cluster, "size": c.size, "kept": c.kept, "why": c.why,
             "lowest_similarity": min((m.similarity for m in c.members), default=1.0)}
            for c in itertools.islice(iter_clusters(Path(out)), 20)]
    create_table_artifact(key=_key(run_id, "clusters"), table=rows or [{"cluster": "none"}],
                          description="largest near-duplicate clusters")
