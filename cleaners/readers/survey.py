"""The planner's first pass: every input file as a `Source` of entries, with how many
entries and bytes it holds, so the second pass (`cleaners.readers.cut`) can cut the
whole input stream into shards of even size.

What is cheap to know is measured where it is (a loose file's size; a plain JSONL's
lines, by counting newlines); a compressed JSONL or a WARC file is copied once into a
plain file in work/raw/ (`raw/NNNNN.jsonl`, numbered by its rank among such inputs),
which the second pass then splits like a plain JSONL. Only sizes and paths are held,
never documents: a loose file is one small tuple whose strings the shard specs share.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from cleaners.config import Config
from cleaners.io.compressed import compression_of
from cleaners.readers.jsonl_split import count_lines, inflate_jsonl, wide_bom
from cleaners.readers.spec import Plan, Triple, portable
from cleaners.readers.walk import kind_of, walk
from cleaners.readers.warc import convert_warc


class Source(NamedTuple):
    """One input file (or one reject) of the stream: `items` entries (lines, records, a
    file, a reject) of `weight` bytes in all. kind: "file" (a loose .txt/.html), "jsonl",
    "records" (the planner's copy of a WARC), "reject"."""

    kind: str
    place: str
    path: str = ""  # portable: the user's file, or the planner's copy in work/raw/
    doc_id: str = ""  # a loose file's id
    items: int = 0
    weight: int = 0
    oversized: tuple[tuple[int, int], ...] = ()
    tail: tuple[Triple, ...] = ()  # rejects after its entries (a cut-off end)


def survey(inputs: list[str], work: Path, cfg: Config, plan: Plan, own: tuple[str, ...] = ()) -> list[Source]:
    """Every input in contract order (`walk`), measured; unknown kinds skipped on `plan`."""
    sources: list[Source] = []
    raw_n = 0
    max_total, max_doc = cfg.read.max_decompressed_bytes, cfg.read.max_doc_bytes
    for path, doc_id, place in walk(inputs, plan, own):
        kind = kind_of(path)
        if kind is None:
            plan.skip("unknown_extension", place)
            continue
        if not os.path.isfile(path):
            sources.append(_reject(place, "not a regular file or a broken link"))
            continue
        plain = kind in ("txt", "html") or (kind == "jsonl" and compression_of(path) == "none")
        try:
            wide = plain and kind == "jsonl" and wide_bom(path)  # UTF-16/32: copied as UTF-8
            source = _measure(path, doc_id, place, kind, max_doc) if plain and not wide else None
        except OSError as exc:
            sources.append(_reject(place, str(exc)[:200]))
            continue
        if plain and not wide:
            if source is not None:
                sources.append(source)
            continue
        # failures to read these inputs come back as their `tail` reject; a failure to
        # write the copy is the run's own and fails it
        raw = work / "raw" / f"{raw_n:05d}.jsonl"
        raw_n += 1
        if kind == "jsonl":
            c = inflate_jsonl(path, place, raw, max_total, max_doc)
        else:
            c = convert_warc(path, place, raw, max_doc, max_total, plan)
        sources.append(Source("jsonl" if kind == "jsonl" else "records", place, portable(str(raw)), "",
                              c.lines, c.size, c.oversized, c.tail))
    return sources


def _measure(path: str, doc_id: str, place: str, kind: str, max_doc: int) -> Source | None:
    """A loose file or a plain JSONL, measured where it is (None: a JSONL without lines)."""
    if kind != "jsonl":
        size = os.path.getsize(path)
        # a file over the cap is rejected unread: it costs the run next to nothing
        return Source("file", place, portable(path), doc_id, 1, size if size <= max_doc else 0)
    lines, size = count_lines(path)
    return Source("jsonl", place, portable(path), "", lines, size) if lines else None


def _reject(place: str, detail: str) -> Source:
    return Source("reject", place, items=0, tail=((place, "unreadable", detail),))


def totals(sources: list[Source]) -> tuple[int, int]:
    """(entries, bytes) of the whole stream; each reject is an entry of no weight."""
    return sum(s.items + len(s.tail) for s in sources), sum(s.weight for s in sources)
