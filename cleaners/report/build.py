"""OUT/report/: the dedup report for people, rebuilt from OUT's files alone.

Pages (no network; every value escaped by jinja2's autoescape; one inline script, allowed
by its hash in a Content-Security-Policy that forbids everything else):
- index.html: the counts of stats.json, the review queue (the most doubtful clusters),
  the uniform random sample, and links to every summary page.
- queue-NNN.html, sample-NNN.html: those clusters with a side-by-side word diff of each
  member against the keeper, `detail_clusters` clusters a page.
- clusters-NNNN.html: every cluster in clusters.jsonl order (largest first), summarised
  (ids, similarity, the check that decided and its margin), at most `page_clusters`
  clusters and `page_rows` rows a page (the first pages hold the largest clusters: a
  browser lays out rows, not clusters); `presswash inspect ID --out OUT` shows any document.
On every page a reviewer can mark a member "not a duplicate" or "better keeper" and a
cluster "correct"; marks live in the browser (localStorage, shared by the report's pages)
until exported as verdicts.json for `presswash review apply`.

The report grows with what it shows, not with the corpus: two streaming passes over
clusters.jsonl (select, then write the summary pages a page at a time), and one over the
text shards for the queue's and the sample's documents only. It is built in a temporary
folder beside OUT/report/ and renamed into place. Nothing in it depends on the time or on
where OUT is, so the same OUT gives the same bytes.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from cleaners.config import ReviewConfig, _build
from cleaners.io.shards import open_read, read_records
from cleaners.outputs import ClusterRecord
from cleaners.report.texts import fetch_texts
from cleaners.report.views import ClusterView, Trimmed, cluster_view
from cleaners.review.queue import select

HERE = Path(__file__).resolve().parent


def cluster_files(out: Path) -> list[Path]:
    folder = out / "dedup"
    return sorted(p for p in folder.glob("clusters.jsonl*") if p.is_file()) if folder.exists() else []


def iter_clusters(out: Path) -> Iterator[ClusterRecord]:
    for path in cluster_files(out):
        for rec in read_records(path):
            yield ClusterRecord.from_json(rec)


def report_token(out: Path, run_id: str) -> str:
    """Names this report's marks in the browser: the same clusters of the same run give the
    same token (a rebuilt report keeps its marks), other runs or a re-run that clustered
    differently another."""
    h = hashlib.sha256(run_id.encode() + b"\0")
    for path in cluster_files(out):
        with open_read(path) as fh:  # the content, whatever the compression
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:20]


def review_config(summary: dict[str, Any]) -> ReviewConfig:
    """The run's own [review] settings, as stats.json recorded them."""
    return _build(ReviewConfig, dict(summary.get("config", {}).get("review", {})), "review.")


@dataclass(frozen=True)
class PageLink:
    href: str
    first: int  # positions of its first and last cluster
    last: int


class Paging:
    """Where each summary page starts, found while the clusters stream by (`watch`)."""

    def __init__(self, cfg: ReviewConfig) -> None:
        self.cfg = cfg
        self.starts: list[int] = []
        self._clusters = self._rows = 0
        self.total = 0

    def watch(self, records: Iterable[ClusterRecord]) -> Iterator[ClusterRecord]:
        for pos, rec in enumerate(records):
            rows = 1 + min(len(rec.members), self.cfg.list_members)
            if not self.starts or self._clusters == self.cfg.page_clusters or self._rows + rows > self.cfg.page_rows:
                self.starts.append(pos)
                self._clusters = self._rows = 0
            self._clusters += 1
            self._rows += rows
            self.total = pos + 1
            yield rec

    def page(self, pos: int) -> int:
        """The number (from 1) of the page holding cluster `pos`."""
        return bisect.bisect_right(self.starts, pos)

    def links(self) -> list[PageLink]:
        if not self.starts:
            return []
        ends = [*self.starts[1:], self.total]
        return [PageLink(summary_name(i + 1), a, b - 1) for i, (a, b) in enumerate(zip(self.starts, ends, strict=True))]


def summary_name(number: int) -> str:
    return f"clusters-{number:04d}.html"


def detail_name(kind: str, rank: int, cfg: ReviewConfig) -> str:
    """The queue's or the sample's page showing its `rank`-th cluster (from 0)."""
    return f"{kind}-{rank // cfg.detail_clusters + 1:03d}.html"


@dataclass(frozen=True)
class Layout:
    cfg: ReviewConfig
    queue: dict[int, int]  # cluster position → rank in the queue
    sample: dict[int, int]  # cluster position → rank in the sample
    paging: Paging

    def summary_href(self, pos: int) -> str:
        return summary_name(self.paging.page(pos))

    def detail_href(self, pos: int) -> str | None:
        if pos in self.queue:
            return detail_name("queue", self.queue[pos], self.cfg)
        if pos in self.sample:
            return detail_name("sample", self.sample[pos], self.cfg)
        return None


class Renderer:
    def __init__(self, folder: Path, **common: Any) -> None:
        self.folder = folder
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                                      undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        script = (HERE / "report.js").read_text(encoding="utf-8")
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        self.common = common | {"script": Markup(script), "script_hash": digest}

    def write(self, name: str, template: str, **ctx: Any) -> None:
        html = self.env.get_template(template).render(**self.common, page=name, **ctx)
        (self.folder / name).write_text(html, encoding="utf-8")


def build_report(out: Path, summary: dict[str, Any], cfg: ReviewConfig | None = None) -> Path:
    """Write OUT/report/ (replacing it); its index page's path."""
    cfg = cfg or review_config(summary)
    run_id = str(summary["run_id"])
    final, tmp = out / "report", out / ".report.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    paging = Paging(cfg)
    sel = select(paging.watch(iter_clusters(out)), cfg, run_id)
    layout = Layout(cfg, {pos: i for i, (pos, _) in enumerate(sel.queue)}, {pos: i for i, pos in enumerate(sel.sample)},
                    paging)
    r = Renderer(tmp, run_id=run_id, token=report_token(out, run_id), cfg=cfg, summary=summary,
                 n_clusters=sel.total)
    chosen = _summary_pages(r, out, layout, run_id)
    texts = fetch_texts(out, {i for t in chosen.values() for i in [t.rec.kept, *(
        m.id for m in t.rec.members[:cfg.diff_members])]}, cfg.max_diff_words)

    def views(positions: list[int]) -> list[ClusterView]:
        return [cluster_view(chosen[p], p, run_id, cfg, p in layout.sample, layout.summary_href(p),
                             layout.detail_href(p), texts) for p in positions]

    queue = views([pos for pos, _ in sel.queue])
    sample = views(sel.sample)
    for kind, clusters in (("queue", queue), ("sample", sample)):
        step = cfg.detail_clusters
        n_pages = (len(clusters) + step - 1) // step
        for i in range(n_pages):
            r.write(detail_name(kind, i * step, cfg), "detail.html.j2", kind=kind,
                    clusters=clusters[i * step:(i + 1) * step], number=i + 1, n_pages=n_pages, first_rank=i * step)
    r.write("index.html", "index.html.j2", queue=queue, sample=sample, pages=paging.links())
    _swap(tmp, final)
    (out / "report.html").unlink(missing_ok=True)  # the single page of presswash before OUT/report/
    return final / "index.html"


def _summary_pages(r: Renderer, out: Path, layout: Layout, run_id: str) -> dict[int, Trimmed]:
    """Write the summary pages in one pass, a page at a time; keep the queue's and the
    sample's clusters (trimmed) for the detail pages."""
    cfg, paging = layout.cfg, layout.paging
    chosen: dict[int, Trimmed] = {}
    page: list[ClusterView] = []
    n_pages = len(paging.starts)

    def flush() -> None:
        number = paging.page(page[0].position)
        r.write(summary_name(number), "summary.html.j2", clusters=page, number=number, n_pages=n_pages)
        page.clear()

    for pos, rec in enumerate(iter_clusters(out)):
        if page and paging.page(pos) != paging.page(page[0].position):
            flush()
        t = Trimmed.of(rec, cfg)
        if pos in layout.queue or pos in layout.sample:
            chosen[pos] = t
        page.append(cluster_view(t, pos, run_id, cfg, pos in layout.sample, layout.summary_href(pos),
                                 layout.detail_href(pos)))
    if page:
        flush()
    return chosen


def _swap(tmp: Path, final: Path) -> None:
    old = final.with_name(".report.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    shutil.rmtree(old, ignore_errors=True)
