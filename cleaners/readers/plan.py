"""Turn INPUT arguments into shards of at most `batch_size` documents, streaming.

A shard is a small JSON-able description (`ShardSpec`), never the documents themselves:
a byte range of a plain JSONL file, a list of `.txt`/`.html` files, or a plain JSONL file
in the work folder that the planner filled from a compressed JSONL or a WARC file (those
cannot be split without reading them). Each shard carries a digest of the bytes it
covers, so a re-run can recognise finished shards (resume) and a changed input is never
mistaken for a cached one.

Folders are walked recursively in sorted order without following directory symlinks (a
symlink loop cannot trap the walk); what is not a document is skipped and counted. What is
not a regular file (a FIFO would block the read, a dangling or looping link fails) is
`unreadable`. A file name that is not UTF-8 is shown in ids and places with `\\xNN` escapes
and travels in specs as `portable()` hex, since specs are JSON (Prefect, cache keys).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import xxhash

from cleaners.config import Config
from cleaners.io.compressed import compression_of
from cleaners.readers.jsonl_split import split_compressed_jsonl, split_plain_jsonl, wide_bom
from cleaners.readers.warc import split_warc

log = logging.getLogger(__name__)
TEXT_EXT = (".txt",)
HTML_EXT = (".html", ".htm")
JSONL_EXT = (".jsonl", ".jsonl.gz", ".jsonl.zst")
WARC_EXT = (".warc", ".warc.gz")
RAW = "\x00raw:"  # prefix of a path that is not UTF-8; no real path holds a NUL


def portable(path: str) -> str:
    """`path` as JSON can carry it: as given, or (a name os.walk decoded with surrogate
    escapes) the hex of its bytes behind `RAW`."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return RAW + os.fsencode(path).hex()
    return path


def local(path: str) -> str:
    """The path to open, back from `portable()`."""
    return os.fsdecode(bytes.fromhex(path[len(RAW):])) if path.startswith(RAW) else path


def shown(name: str) -> str:
    """A name as ids, places and logs show it: bytes that are not UTF-8 as `\\xNN`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class ShardSpec:
    index: int
    kind: str  # "jsonl" (user lines) | "records" (planner-made JSONL: WARC) | "files"
    base_seq: int
    count: int
    digest: str
    path: str = ""
    name: str = ""  # the input as users know it, for `file:line` places
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[tuple[str, str, str], ...] = ()  # (id, path, place)
    rejects: tuple[tuple[str, str, str], ...] = ()  # (place, reason, detail) met while planning
    # lines of a planner-made JSONL shard left empty because they were over max_doc_bytes:
    # (line number in the shard, bytes), read back as `too_large`
    oversized: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ShardSpec:
        d = dict(d)
        d["files"] = tuple(tuple(x) for x in d.get("files", ()))
        d["rejects"] = tuple(tuple(x) for x in d.get("rejects", ()))
        d["oversized"] = tuple(tuple(x) for x in d.get("oversized", ()))
        return cls(**d)


@dataclass
class Plan:
    shards: list[ShardSpec] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def skip(self, kind: str, what: str) -> None:
        what = shown(what)
        self.skipped[kind] = self.skipped.get(kind, 0) + 1
        if len(self.warnings) < 200:
            self.warnings.append(f"skipped ({kind}): {what}")
        log.warning("skipped (%s): %s", kind, what)


def kind_of(name: str) -> str | None:
    lower = name.lower()
    for ext, kind in ((JSONL_EXT, "jsonl"), (WARC_EXT, "warc"), (HTML_EXT, "html"), (TEXT_EXT, "txt")):
        if lower.endswith(ext):
            return kind
    return None


def own_folders(out: str, state: str) -> tuple[str, ...]:
    """Real paths a run writes: OUT, STATE and OUT's staging and swap siblings (their
    names start with `.<OUT name>.`), none of which is ever input."""
    out_path = Path(os.path.realpath(out))
    return str(out_path), os.path.realpath(state), str(out_path.parent / f".{out_path.name}.")


def is_own(path: str, own: tuple[str, ...]) -> bool:
    """True for a folder that is OUT, STATE, or one of OUT's staging siblings."""
    real = os.path.realpath(path)
    out, state, sibling_prefix = own
    return real in (out, state) or real.startswith(sibling_prefix)


def walk(inputs: list[str], plan: Plan, own: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    """(path, id-if-single-document, place name) of every input file, in contract order.
    `own`: the run's OUT and STATE (`own_folders`), skipped where an INPUT holds
    them, so a re-run never reads its own outputs as input."""
    seen: set[str] = set()
    for arg in inputs:
        real = os.path.realpath(arg)
        if real in seen:
            plan.skip("repeated_input", arg)
            continue
        seen.add(real)
        if os.path.isdir(arg):
            yield from _walk_dir(arg, plan, own)
        elif os.path.exists(arg):
            yield arg, shown(os.path.basename(arg)), shown(arg)
        else:
            raise FileNotFoundError(f"input not found: {arg}")


def _walk_dir(root: str, plan: Plan, own: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    entries: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for d in list(dirnames):
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                plan.skip("symlinked_folder", full)
            elif own and is_own(full, own):
                plan.skip("own_output", full)
                dirnames.remove(d)
        for f in filenames:
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, root)
            entries.append((tuple(Path(rel).parts), full))
    for parts, full in sorted(entries):
        rel = "/".join(parts)
        yield full, shown(rel), shown(os.path.join(root, rel))


def make_plan(inputs: list[str], work: Path, cfg: Config, own: tuple[str, ...] = ()) -> Plan:
    """All shards of a run. Compressed JSONL and WARC are split into work/raw/. `own`: the
    folders the run writes (never read, see `walk`)."""
    plan = Plan()
    batch = cfg.run.batch_size
    max_total, max_doc = cfg.read.max_decompressed_bytes, cfg.read.max_doc_bytes
    seq = 0
    files: list[tuple[str, str, str]] = []
    pending_rejects: list[tuple[str, str, str]] = []

    def add(**kw: Any) -> None:
        nonlocal seq
        spec = ShardSpec(index=len(plan.shards), base_seq=seq, **kw)
        plan.shards.append(spec)
        seq += max(spec.count, 1) + len(spec.rejects)

    def flush_files() -> None:
        if files or pending_rejects:
            h = xxhash.xxh3_128()
            for _, path, place in files:
                h.update(place.encode("utf-8", "surrogatepass") + b"\0")
                _hash_file(h, local(path), cfg.read.max_doc_bytes)
            add(kind="files", count=len(files), digest=h.hexdigest(), files=tuple(files),
                rejects=tuple(pending_rejects))
            files.clear()
            pending_rejects.clear()

    for path, doc_id, place in walk(inputs, plan, own):
        kind = kind_of(path)
        if kind is None:
            plan.skip("unknown_extension", place)
            continue
        if not os.path.isfile(path):
            pending_rejects.append((place, "unreadable", "not a regular file or a broken link"))
            continue
        if kind in ("txt", "html"):
            files.append((doc_id, portable(path), place))
            if len(files) >= batch:
                flush_files()
            continue
        flush_files()
        try:
            if kind == "jsonl" and compression_of(path) == "none" and not wide_bom(path):
                for rng in split_plain_jsonl(path, batch):
                    add(kind="jsonl", path=portable(path), name=place, **rng)
            elif kind == "jsonl":
                for rng, rejects in split_compressed_jsonl(path, place, work, batch, max_total, max_doc,
                                                           len(plan.shards)):
                    add(kind="jsonl", name=place, rejects=rejects, **rng)
            else:
                for rng, rejects in split_warc(path, place, work, batch, max_doc, max_total, plan,
                                               len(plan.shards)):
                    add(kind="records", name=place, rejects=rejects, **rng)
        except OSError as exc:
            add(kind="files", count=0, digest="unreadable",
                rejects=((place, "unreadable", str(exc)[:200]),))
    flush_files()
    return plan


def _hash_file(h: Any, path: str, cap: int) -> None:
    try:
        size = os.path.getsize(path)
        h.update(size.to_bytes(8, "little"))
        if size > cap:
            return  # rejected as too_large unread; its size is its identity
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError as exc:
        h.update(str(exc).encode())
