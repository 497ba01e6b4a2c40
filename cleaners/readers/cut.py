"""The planner's second pass: the whole input stream cut into shards of even size, as
many as a multiple of the run's workers, so that every worker has the same amount of
work and all finish together.

The stream is every entry of every input in contract order (a line of a JSONL file, a
record of a WARC file, a loose file, a reject the planner met); entry n of the stream
has sequence number n, whatever the cut. A shard may span inputs: it is a run of
`Part`s. How many shards (`shard_count`): the fewest that hold at most `batch_size`
entries each, rounded up to a multiple of the workers. Where they end (`Cutter`): after
the entry that brings the shard to its share of the bytes still to cut (bytes are what
the work grows with, and what the first pass measured without parsing), within the
bounds that keep every shard at most `batch_size` entries and leave at least one entry
for each shard still to come. A shard is then within about one entry's bytes of its
share. Same inputs, config and workers → same cut, same digests: a resumed run finds
its finished shards.
"""

from __future__ import annotations

import bisect
import os

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
    """Decides, after each entry of the stream, whether the current shard ends there."""

    def __init__(self, entries: int, weight: int, shards: int, batch: int) -> None:
        self.entries, self.total, self.shards, self.batch = entries, weight, shards, max(batch, 1)
        self.cuts = self.seen = self.weight = 0
        self.at_seen = self.at_weight = 0  # where the last cut was
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

    def after(self, weight: int) -> bool:
        """Count one entry of `weight` bytes; True: the current shard ends after it."""
        self.seen += 1
        self.weight += weight
        if not self.open or self.seen < self.lower:
            return False
        if self.seen < self.upper and self.weight < self.target:
            return False
        self.cuts += 1
        self.at_seen, self.at_weight = self.seen, self.weight
        self._next()
        return True


class Shards:
    """Builds the plan's shards from the stream, part by part."""

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
            field = {"files": items} if self.run_kind == "files" else {"rejects": items}
            self._add(Part(self.run_kind, len(items), **field))
        self.run, self.run_kind = [], ""

    def _close(self) -> None:
        self._flush()
        if self.count:
            self.plan.shards.append(ShardSpec(len(self.plan.shards), self.base, self.count, self.hash.hexdigest(),
                                              tuple(self.parts)))
            self.base += self.count
        self.parts, self.count, self.hash = [], 0, xxhash.xxh3_128()

    def _entry(self, kind: str, item: Triple, weight: int) -> None:
        if self.run_kind != kind:
            self._flush()
            self.run_kind = kind
            self._head(kind, "", 0)
        self.run.append(item)
        if self.cutter.after(weight):
            self._close()

    def file(self, src: Source) -> None:
        self._hash_file(src)
        self._entry("files", (src.doc_id, src.path, src.place), src.weight)

    def reject(self, triple: Triple) -> None:
        self.hash.update("\0".join(triple).encode("utf-8", "surrogatepass"))
        self._entry("rejects", triple, 0)

    def lines(self, src: Source) -> None:
        """The lines of a JSONL file (or of the planner's WARC copy) as byte ranges."""
        self._flush()
        kind = "jsonl" if src.kind == "jsonl" else "records"
        big = [n for n, _ in src.oversized]
        start, first, count = 0, 1, 0  # of the open part
        pos = line_start = line = 0

        def part(end: int) -> Part:
            lo, hi = bisect.bisect_left(big, first), bisect.bisect_left(big, first + count)
            return Part(kind, count, src.path, src.place, start, end, first, oversized=src.oversized[lo:hi])

        self._head(kind, src.place, first)
        with open(local(src.path), "rb") as fh:
            while chunk := fh.read(READ):
                span = off = 0
                while (nl := chunk.find(b"\n", off)) >= 0:
                    off = nl + 1
                    end = pos + off
                    line += 1
                    count += 1
                    weight, line_start = end - line_start, end
                    if self.cutter.after(weight):
                        self.hash.update(chunk[span:off])
                        span = off
                        self._add(part(end))
                        self._close()
                        start, first, count = end, line + 1, 0
                        self._head(kind, src.place, first)
                self.hash.update(chunk[span:])
                pos += len(chunk)
        if pos > line_start:  # a last line without its newline
            count += 1
            cut = self.cutter.after(pos - line_start)
            self._add(part(pos))
            if cut:
                self._close()
        else:
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

