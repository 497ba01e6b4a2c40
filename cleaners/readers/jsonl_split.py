"""JSONL inputs for the planner. A plain UTF-8 file is read where it is: its lines are
counted here and `cleaners.readers.cut` splits it into byte ranges of whole lines (no
copy, no parsing). A compressed one, or one in UTF-16/32, cannot be split without
reading it: it is copied once, as plain UTF-8, into one file in work/raw/ as it streams,
and that copy is split the same way."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from cleaners.io.compressed import InputError, iter_input
from cleaners.io.rawshard import Converted, RawShard

READ = 1 << 22


def count_lines(path: str) -> tuple[int, int]:
    """(lines, bytes) of a plain file; a last line without its newline counts."""
    lines, size, last = 0, 0, b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(READ):
            lines += chunk.count(b"\n")
            size += len(chunk)
            last = chunk[-1:]
    return lines + (last != b"\n"), size


WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def wide_bom(path: str) -> bool:
    """A plain JSONL in UTF-16 or UTF-32 (its BOM says so): copied as UTF-8 to be split."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    return any(head.startswith(bom) for bom, _ in WIDE_BOMS)


def as_utf8(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks as they are, or — when they start with a UTF-16/32 BOM — transcoded to
    UTF-8, led by a UTF-8 BOM, which the JSONL reader strips and records as a repair."""
    first = b""
    for chunk in chunks:
        first += chunk
        if len(first) >= 4:
            break
    codec = next((name for bom, name in WIDE_BOMS if first.startswith(bom)), None)
    if codec is None:
        if first:
            yield first
        yield from chunks
        return
    decoder = codecs.getincrementaldecoder(codec)("replace")
    yield codecs.BOM_UTF8 + decoder.decode(first).encode("utf-8", "surrogatepass")
    for chunk in chunks:
        yield decoder.decode(chunk).encode("utf-8", "surrogatepass")
    yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")


def inflate_jsonl(path: str, place: str, raw: Path, max_total: int, max_doc: int) -> Converted:
    """Inflate a .gz/.zst JSONL (bounded output per chunk), or transcode a UTF-16/32 one,
    into the plain UTF-8 file `raw`, line for line (line n of the copy is line n of the
    input, so places stay the input's).

    Lines pass through unparsed. A line over `max_doc` bytes is never written: the copy
    gets an empty line in its place and its size in `oversized` (read back as
    `too_large`), and the lines after it are read as usual. When the input is truncated,
    inflates past `max_total` or cannot be read on, the complete lines read so far are
    kept and the cut-off rest is one reject (`tail`).
    """
    raw.parent.mkdir(parents=True, exist_ok=True)
    shard = RawShard(raw)
    pending = 0  # bytes of the unfinished line (written, or only counted once over max_doc)
    oversized: list[tuple[int, int]] = []

    def piece(data: bytes) -> None:
        nonlocal pending
        if pending + len(data) > max_doc:
            if pending <= max_doc:  # the line just went over: take back what was written of it
                shard.cut_back()
            pending += len(data)
        else:
            shard.write(data)
            pending += len(data)

    def end_line() -> None:
        nonlocal pending
        shard.lines += 1
        if pending > max_doc:
            oversized.append((shard.lines, pending))
        shard.write(b"\n")
        shard.committed = shard.size
        pending = 0

    tail: tuple[tuple[str, str, str], ...] = ()
    try:
        for chunk in as_utf8(iter_input(path, max_total)):
            offset = 0
            while (nl := chunk.find(b"\n", offset)) >= 0:
                piece(chunk[offset:nl])
                end_line()
                offset = nl + 1
            if offset < len(chunk):
                piece(chunk[offset:])
        if pending:
            end_line()
    except InputError as exc:
        if pending:  # drop the cut-off line's bytes: it is reported, not parsed
            shard.cut_back()
        tail = ((f"{place}:{shard.lines + 1}", exc.reason, exc.detail),)
    except BaseException:
        shard.discard()
        raise
    shard.close()
    return Converted(shard.lines, shard.size, tuple(oversized), tail)
