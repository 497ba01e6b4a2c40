"""Reading a run's OUT in tests (through the same shard reader the product uses)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from cleaners.io.shards import open_read, read_records
from cleaners.outputs import LedgerRecord


def records(out: Path, sub: str) -> list[dict[str, Any]]:
    return [r for p in sorted((out / sub).glob("*.jsonl*")) for r in read_records(p)]


def ledger(out: Path) -> dict[str, dict[str, Any]]:
    """The ledger's records by id, as JSON objects; each is also read as the typed
    `LedgerRecord`, which must write it back unchanged."""
    rows = records(out, "ledger")
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), "two ledger records share an id"
    for r in rows:
        assert list(LedgerRecord.from_json(r).to_json().items()) == list(r.items()), r
    return by_id


def corpus(out: Path) -> dict[str, str]:
    return {r["id"]: r["text"] for r in records(out, "corpus")}


def content_digests(out: Path) -> dict[str, str]:
    """sha256 of the decompressed content of every contract file (the outputs
    a run promises byte-identical: corpus/, ledger/, removals/, repairs/, dedup/ and the
    report's pages)."""
    found = {}
    for sub in ("corpus", "ledger", "removals", "repairs", "dedup"):
        for p in sorted((out / sub).rglob("*")):
            if p.is_file():
                with open_read(p) as fh:
                    found[str(p.relative_to(out))] = hashlib.sha256(fh.read()).hexdigest()
    pages = sorted((out / "report").glob("*.html"))
    assert pages, f"{out}/report/ has no pages"
    for p in pages:
        found[str(p.relative_to(out))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


ARTICLE = """<html><head><title>{title} | Example News</title>
<meta property="og:title" content="{title}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{paras}
</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>"""


WORDS = """river council school market tram festival orchard clinic museum harbour bakery stadium library
    ferry bridge garden tunnel theatre airport factory""".split()


def html_page(title: str, n: int = 6, seed: int = 0) -> str:
    """A news page whose paragraphs share no 5-word run with pages of another seed."""
    def para(i: int) -> str:
        w = [WORDS[(seed * 7 + i * 3 + k) % len(WORDS)] for k in range(6)]
        return (f"<p>On day {seed * 31 + i} the {w[0]} near the {w[1]} drew {seed * 97 + i * 13} visitors, "
                f"while the {w[2]} and {w[3]} stayed closed until the {w[4]} reopened beside the {w[5]}.</p>")
    return ARTICLE.format(title=title, paras="\n".join(para(i) for i in range(n)))
