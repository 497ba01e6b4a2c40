"""trafilatura alone on an HTML corpus, on every core: the extraction peer of the html scenario.

Why this shape: it is the fastest plain way to use trafilatura on two cores — a
`multiprocessing.Pool` fed pages straight from the (gzip) JSONL, with the options
presswash's extractor uses (cleaners/extract.py: comments off, tables on, neither
precision nor recall favoured, trafilatura's process-global `deduplicate` cache off, text
output). Pages are streamed (`imap` with a small chunk size), never all held in memory.
No sandbox, no timeout, no cleaning, no writing: a lower bound on any pipeline built on
trafilatura. Prints one JSON line: documents, seconds (pool start included, imports of
the parent excluded), empty extractions, output characters.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

OPTIONS = {"include_comments": False, "include_tables": True, "favor_precision": False, "favor_recall": False,
           "deduplicate": False, "output_format": "txt"}


def _pages(path: Path) -> Iterator[str]:
    with gzip.open(path, "rb") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)["html"]


def _extract(page: str) -> int:
    import trafilatura

    try:
        text = trafilatura.extract(page, **OPTIONS)
    except Exception:  # noqa: BLE001 - a failing page counts as empty, as for presswash
        return -1
    return len(text or "")


def _warm() -> None:
    import trafilatura  # noqa: F401 - imported once per worker, before the clock matters


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    t = time.perf_counter()
    docs = empty = chars = 0
    with Pool(a.workers, initializer=_warm) as pool:
        for n in pool.imap(_extract, _pages(a.corpus), chunksize=8):
            docs += 1
            empty += n <= 0
            chars += max(n, 0)
    seconds = time.perf_counter() - t
    print(json.dumps({"docs": docs, "seconds": round(seconds, 3), "empty": empty, "chars": chars,
                      "options": OPTIONS}))


if __name__ == "__main__":
    main()
