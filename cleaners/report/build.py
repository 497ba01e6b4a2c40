"""report.html: the dedup report for people, rebuilt from OUT's files alone.

One self-contained file (jinja2, no network): counts at the top (the same numbers as
stats.json), clusters largest first with the keeper and why it was kept, each member's
similarity and a side-by-side word diff against the keeper, filters by source and
similarity. Safety (the text is scraped, hence hostile): jinja2 autoescapes every value;
diffs are built from escaped pieces; no event handler or URL is built from data (links
only for http(s) URLs); the one script is inline, allowed by its hash in a
Content-Security-Policy that forbids everything else.

Bounded: at most `max_clusters` clusters get diffs; texts are read in one streaming pass
over the shards, keeping only the documents those clusters need.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from cleaners.io.shards import read_records

MAX_CLUSTERS = 300
MAX_MEMBERS = 20
MAX_DIFF_WORDS = 1500
HERE = Path(__file__).resolve().parent
SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.I)


def _shards(out: Path, sub: str) -> list[Path]:
    folder = out / sub
    return sorted(p for p in folder.glob("*.jsonl*") if p.is_file()) if folder.exists() else []


def load_clusters(out: Path, limit: int = MAX_CLUSTERS) -> tuple[list[dict[str, Any]], int]:
    """The first `limit` clusters (the file is sorted largest first) and how many there are."""
    found = sorted((out / "dedup").glob("clusters.jsonl*")) if (out / "dedup").exists() else []
    rows: list[dict[str, Any]] = []
    total = 0
    for path in found:
        for rec in read_records(path):
            total += 1
            if len(rows) < limit:
                rows.append(rec)
    return rows, total


def _texts(out: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for sub in ("corpus", "dedup/texts"):
        for path in _shards(out, sub):
            for rec in read_records(path):
                if rec["id"] in wanted and rec["id"] not in found:
                    found[rec["id"]] = rec
    return found


def side_by_side(a: str, b: str) -> tuple[Markup, Markup]:
    """Word diff of keeper `a` and member `b`, as two escaped HTML fragments."""
    wa, wb = a.split()[:MAX_DIFF_WORDS], b.split()[:MAX_DIFF_WORDS]
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        x, y = escape(" ".join(wa[i1:i2])), escape(" ".join(wb[j1:j2]))
        if op == "equal":
            left.append(x)
            right.append(y)
        else:
            if i2 > i1:
                left.append(Markup('<del>') + x + Markup("</del>"))
            if j2 > j1:
                right.append(Markup('<ins>') + y + Markup("</ins>"))
    return Markup(" ").join(left), Markup(" ").join(right)


def safe_url(url: str | None) -> str | None:
    return url if url and SAFE_URL.match(url) else None


def _view(clusters: list[dict[str, Any]], texts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for c in clusters:
        keeper = texts.get(c["kept"])
        members = []
        for m in c["members"][:MAX_MEMBERS]:
            doc = texts.get(m["id"])
            diff = side_by_side(keeper["text"], doc["text"]) if keeper and doc else None
            members.append({**m, "source": (doc or {}).get("source") or "", "url": safe_url((doc or {}).get("url")),
                            "diff": diff})
        sources = sorted({(keeper or {}).get("source") or ""} | {m["source"] for m in members})
        out.append({**c, "keeper_source": (keeper or {}).get("source") or "", "keeper_url": safe_url(
            (keeper or {}).get("url")), "members_shown": members, "sources": " ".join(s for s in sources if s),
            "min_similarity": min((m["similarity"] for m in c["members"]), default=1.0),
            "hidden_members": max(0, len(c["members"]) - MAX_MEMBERS)})
    return out


def render(summary: dict[str, Any], clusters: list[dict[str, Any]], texts: dict[str, dict[str, Any]]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    script = (HERE / "report.js").read_text()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    sources = sorted({c["keeper_source"] for c in clusters} | {m["source"] for c in clusters
                                                                for m in c["members_shown"]} - {""})
    return env.get_template("report.html.j2").render(
        summary=summary, clusters=clusters, n_clusters=summary.get("n_clusters", len(clusters)),
        shown=len(clusters), sources=sources, script=Markup(script), script_hash=digest)


def build_report(out: Path, summary: dict[str, Any]) -> Path:
    clusters, total = load_clusters(out)
    wanted: set[str] = set()
    for c in clusters:
        wanted.add(c["kept"])
        wanted.update(m["id"] for m in c["members"][:MAX_MEMBERS])
    view = _view(clusters, _texts(out, wanted))
    html = render(summary | {"n_clusters": total}, view, {})
    path = out / "report.html"
    path.write_text(html, encoding="utf-8")
    return path
