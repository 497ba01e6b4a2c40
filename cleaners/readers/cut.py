"""The planner's second pass: the whole input stream cut into shards of even size, as
many as a multiple of the run's workers, so that every worker has the same amount of
work and all finish together.

The stream is every entry of every input in contract order (a line of a JSONL file, a
record of a WARC file, a loose file, a reject the planner met); entry n of the stream
has sequence number n, whatever the cut. A shard may span inputs: it is a run of
`Part`s. How many shards (`shard_count`): the fewest that hold at most `batch_size`
entries each, rounded up to a multiple of the workers. Where they end (`Cutter`): at the
entry boundary nearest the shard's share of the bytes still to cut (bytes are what the
work grows with, and what the first pass measured without parsing), within bounds that
keep every shard at most `batch_size` entries and leave at least one entry for each
shard still to come. Unless those bounds decide a cut, a shard's bytes are then within
about one entry of the mean. Same inputs, config and workers → same cut, same digests:
a resumed run finds its finished shards.
"""

from __future__ import annotations

import bisect
import os
from typing import BinaryIO

import xxhash

from cleaners.config import Config
from cleaners.readers.spec import Part, Plan, ShardSpec, Triple, local
from cleaners.readers.survey import Source, totals

READ = 1 << 22


def shard_count(entries: int, batch: int, workers: int) -> int:
    """The fewest shards of at most `batch` entries, rounded up to a multiple of
    `workers`, unless that would leave a shard without entries (a stream of fewer
    entries than workers)."""
    if entries <= 0:
        return 0
    least = -(-entries // max(batch, 1))
    even = -(-least // max(workers, 1)) * max(workers, 1)
    return even if even <= entries else least


class Cutter:
    """Decides, before each entry of the stream, whether the current shard ends there.

    Each cut goes at the entry boundary nearest the shard's share of the bytes still to
    cut (what is left over the shards left), so an entry far larger than the rest leaves
    the shards after it even among themselves. The cut is decided before the entry that
    would cross the share, once that entry's weight is known: a shard is then within
    half an entry of its share at each end."""

    def __init__(self, entries: int, weight: int, shards: int, batch: int) -> None:
        self.entries, self.total, self.shards, self.batch = entries, weight, shards, max(batch, 1)
        self.cuts = self.seen = self.weight = 0
        self.at_seen = self.at_weight = 0  # entries and bytes before the last cut
        self._next()

    def _next(self) -> None:
        after = self.shards - self.cuts - 1  # shards that follow the next cut
        self.open = after > 0
        if not self.open:
            return
        # the first pass's counts are what bounds the cut; inputs that change while
        # planned can only make shards uneven, never empty or lost
        self.upper = max(self.at_seen + 1, min(self.at_seen + self.batch, self.entries - after))
        self.lower = max(self.at_seen + 1, self.entries - after * self.batch)
        self.target = self.at_weight + (self.total - self.at_weight) / (after + 1)

    def before(self, weight: int) -> bool:
        """True: the current shard ends before this entry of `weight` bytes, which is then
        counted in the next one."""
        cut = self.open and self.seen >= self.lower and (
            self.seen >= self.upper or self.weight + weight / 2 > self.target)  # its middle is past the point
        if cut:
            self.cuts += 1
            self.at_seen, self.at_weight = self.seen, self.weight
            self._next()
        self.seen += 1
        self.weight += weight
        return cut


class Shards:
    """Builds the plan's shards from the stream, part by part, with the digest of each."""

    def __init__(self, plan: Plan, cutter: Cutter, max_doc: int) -> None:
        self.plan, self.cutter, self.max_doc = plan, cutter, max_doc
        self.parts: list[Part] = []
        self.count = self.base = 0
        self.hash = xxhash.xxh3_128()
        self.run_kind = ""  # an open run of loose files or rejects
        self.run: list[Triple] = []

    def _head(self, kind: str, name: str, first: int) -> None:
        self.hash.update(f"\0{kind}\0{name}\0{first}\0".encode("utf-8", "surrogatepass"))

    def _add(self, part: Part) -> None:
        if part.count:
            self.parts.append(part)
            self.count += part.count

    def _flush(self) -> None:
        if self.run:
            items = tuple(self.run)
            if self.run_kind == "files":
                self._add(Part(self.run_kind, len(items), files=items))
            else:
                self._add(Part(self.run_kind, len(items), rejects=items))
        self.run, self.run_kind = [], ""

    def _close(self) -> None:
        self._flush()
        if self.count:
            self.plan.shards.append(ShardSpec(len(self.plan.shards), self.base, self.count, self.hash.hexdigest(),
                                              tuple(self.parts)))
            self.base += self.count
        self.parts, self.count, self.hash = [], 0, xxhash.xxh3_128()

    def _entry(self, kind: str, item: Triple, weight: int) -> None:
        if self.cutter.before(weight):
            self._close()
        if self.run_kind != kind:
            self._flush()
            self.run_kind = kind
            self._head(kind, "", 0)
        self.run.append(item)

    def file(self, src: Source) -> None:
        self._entry("files", (src.doc_id, src.path, src.place), src.weight)
        self._hash_file(src)

    def reject(self, triple: Triple) -> None:
        self._entry("rejects", triple, 0)
        self.hash.update("\0".join(triple).encode("utf-8", "surrogatepass"))

    def lines(self, src: Source) -> None:
        """The lines of a JSONL file (or of the planner's WARC copy) as byte ranges."""
        self._flush()
        kind = "jsonl" if src.kind == "jsonl" else "records"
        big = [n for n, _ in src.oversized]
        start, first, count = 0, 1, 0  # of the open part
        pos = line_start = line = 0
        digest = Hashed(self)

        def part(end: int) -> Part:
            lo, hi = bisect.bisect_left(big, first), bisect.bisect_left(big, first + count)
            return Part(kind, count, src.path, src.place, start, end, first, oversized=src.oversized[lo:hi])

        def cut_before() -> None:
            nonlocal start, first, count
            digest.upto(line_start)
            self._add(part(line_start))
            self._close()
            start, first, count = line_start, line + 1, 0
            self._head(kind, src.place, first)

        self._head(kind, src.place, first)
        with open(local(src.path), "rb") as fh:
            digest.fh = fh
            while chunk := fh.read(READ):
                digest.chunk, digest.pos = chunk, pos
                off = 0
                while (nl := chunk.find(b"\n", off)) >= 0:
                    off = nl + 1
                    end = pos + off
                    if self.cutter.before(end - line_start):
                        cut_before()
                    line += 1
                    count += 1
                    line_start = end
                digest.upto(line_start)  # whole lines only: where a cut falls is not known yet
                pos += len(chunk)
            if pos > line_start:  # a last line without its newline
                if self.cutter.before(pos - line_start):
                    cut_before()
                line += 1
                count += 1
                line_start = pos
                digest.upto(pos)
        self._add(part(pos))

    def _hash_file(self, src: Source) -> None:
        h = self.hash
        h.update(src.place.encode("utf-8", "surrogatepass") + b"\0")
        try:
            size = os.path.getsize(local(src.path))
            h.update(size.to_bytes(8, "little"))
            if size > self.max_doc:
                return  # rejected as too_large unread; its size is its identity
            with open(local(src.path), "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
        except OSError as exc:  # read back as `unreadable`; the error is its identity
            h.update(str(exc).encode())

    def finish(self) -> None:
        self._close()


class Hashed:
    """How far a JSONL file's bytes went into the shards' digests. Only whole lines are
    hashed as a chunk is read, since a cut may still fall before the line a chunk ends
    in; that line's bytes in the chunks before are read again once it is complete (a
    line is never held whole, however long)."""

    def __init__(self, shards: Shards) -> None:
        self.shards = shards
        self.done = 0  # bytes of the file hashed so far
        self.fh: BinaryIO | None = None
        self.chunk, self.pos = b"", 0  # the chunk being scanned and where it starts

    def upto(self, end: int) -> None:
        """Hash the file's bytes from where it stopped up to `end`, into the open shard."""
        h = self.shards.hash
        stop = min(end, self.pos)  # what of it lies in chunks already scanned
        if self.done < stop:
            assert self.fh is not None
            for at in range(self.done, stop, READ):
                h.update(os.pread(self.fh.fileno(), min(READ, stop - at), at))
            self.done = stop
        if end > self.done:
            h.update(self.chunk[self.done - self.pos:end - self.pos])
            self.done = end


def cut(sources: list[Source], plan: Plan, cfg: Config, workers: int) -> None:
    """Append the shards of `sources` to `plan.shards`."""
    entries, weight = totals(sources)
    n = shard_count(entries, cfg.run.batch_size, workers)
    shards = Shards(plan, Cutter(entries, weight, n, cfg.run.batch_size), cfg.read.max_doc_bytes)
    for src in sources:
        if src.kind == "file":
            shards.file(src)
        elif src.kind in ("jsonl", "records"):
            shards.lines(src)
        for triple in src.tail:
            shards.reject(triple)
    shards.finish()

