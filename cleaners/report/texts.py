"""The texts the report's diffs need, found in one streaming pass over OUT's shards.

Only a few thousand documents at most are wanted (the queue's and the sample's clusters),
out of up to millions: each line's id is read from its first bytes (our own writers put
`id` first) and only wanted lines are parsed whole. Each text is kept as its first
`max_words` words, all a diff compares, so memory is bounded whatever the documents' size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import orjson

from cleaners.io.shards import read_lines

ID_PREFIX = re.compile(rb'^\{"id":("(?:[^"\\]|\\.)*")')


@dataclass(frozen=True)
class DocText:
    words: list[str]
    source: str
    url: str | None


def shard_files(out: Path, sub: str) -> list[Path]:
    folder = out / sub
    return sorted(p for p in folder.glob("*.jsonl*") if p.is_file()) if folder.exists() else []


def _id_of(line: bytes) -> str | None:
    m = ID_PREFIX.match(line)
    if m is None:
        return None
    value = orjson.loads(m.group(1))
    return value if isinstance(value, str) else None


def fetch_texts(out: Path, wanted: set[str], max_words: int) -> dict[str, DocText]:
    found: dict[str, DocText] = {}
    if not wanted:
        return found
    for sub in ("dedup/texts", "corpus"):  # duplicates first: most wanted documents are there
        for path in shard_files(out, sub):
            for line in read_lines(path):
                doc_id = _id_of(line)
                if doc_id is not None and (doc_id not in wanted or doc_id in found):
                    continue
                if not line.strip():
                    continue
                rec = orjson.loads(line)
                if rec.get("id") in wanted and rec["id"] not in found:
                    found[rec["id"]] = DocText(str(rec.get("text") or "").split()[:max_words],
                                               str(rec.get("source") or ""), rec.get("url"))
            if len(found) == len(wanted):
                return found
    return found
