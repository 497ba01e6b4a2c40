"""WARC records framed from a byte stream, recovering from wrong Content-Length headers.

Written by hand because warcio trusts each record's Content-Length: one that is wrong
makes it read into the next record, and the parse error that follows ends the file, so
every later record vanished. Here a record's declared length is trusted only when the
bytes after it are the record separator (`\\r\\n\\r\\n`) and then the next record's
`WARC/1.x` line or the end of the stream; otherwise the record ends where the next
record line starts, and its block is what lies between. Bodies are held up to a cap;
beyond it only their first bytes are kept (enough for the HTTP headers) and the rest is
streamed past.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cleaners.io.compressed import InputError

NEXT_RECORD = re.compile(rb"\r?\n\r?\n(?=WARC/1\.[0-9]\r?\n)")
RECORD_LINE = re.compile(rb"WARC/1\.[0-9]\r?\n")
HEADER_END = re.compile(rb"\r?\n\r?\n")
SEPARATOR = b"\r\n\r\n"
CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[^\r\n]*")
MAX_HEADERS = 1 << 16
KEEP_HEAD = 1 << 16  # of a block over the cap: enough for its HTTP headers
SCAN = 1 << 20


@dataclass
class Frame:
    offset: int  # of the record's first byte in the (uncompressed) stream
    headers: dict[str, str]  # WARC headers, names lower-cased
    block: bytes  # the record block, or its first KEEP_HEAD bytes when `size` is over the cap
    size: int  # bytes of the block as found in the stream
    declared: int | None  # its Content-Length (None when missing or not a number)
    complete: bool = True  # False: the stream ended inside this record
    garbage: str = ""  # not a record: why (the bytes up to the next record line are skipped)
    raw_headers: bytes = b""  # as found, blank line included

    def record_bytes(self) -> bytes:
        """The record with a Content-Length that matches its block, for a WARC parser."""
        head = CONTENT_LENGTH.sub(b"Content-Length: %d" % len(self.block), self.raw_headers, count=1)
        if not CONTENT_LENGTH.search(head):
            head = head.rstrip(b"\r\n") + b"\r\nContent-Length: %d\r\n\r\n" % len(self.block)
        return head + self.block + b"\r\n\r\n"

    @property
    def oversized(self) -> bool:
        return len(self.block) < self.size


class Stream:
    """A bytes buffer over an iterator of chunks: look ahead and consume. An `InputError`
    from the chunks ends the stream and is kept in `error`."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.buf = bytearray()
        self.pos = 0  # stream offset of buf[0]
        self.eof = False
        self.error: InputError | None = None

    def fill(self, n: int) -> bool:
        """Make at least n bytes available if the stream has them."""
        while len(self.buf) < n and not self.eof:
            try:
                self.buf += next(self.chunks)
            except StopIteration:
                self.eof = True
            except InputError as exc:
                self.error, self.eof = exc, True
        return len(self.buf) >= n

    def take(self, n: int) -> bytes:
        self.fill(n)
        out = bytes(self.buf[:n])
        del self.buf[:n]
        self.pos += len(out)
        return out

    def find(self, rx: re.Pattern[bytes], limit: int) -> re.Match[bytes] | None:
        """First match within the first `limit` bytes (reading ahead as needed)."""
        self.fill(limit)
        return rx.search(self.buf, 0, limit)


def frames(s: Stream, cap: int) -> Iterator[Frame]:
    """Every record of the stream, in order; a `Frame.garbage` for bytes that are not one."""
    while True:
        s.fill(SCAN)
        if not s.buf.strip():  # the end, or only blank lines left
            if s.eof:
                return
            s.take(len(s.buf))
            continue
        start = s.pos
        line = s.find(RECORD_LINE, SCAN)
        if line is None or s.buf[: line.start()].strip():
            skip = len(s.buf[: line.start()].rstrip(b"\r\n")) if line is not None else min(len(s.buf), SCAN)
            s.take(max(skip, 1))
            yield Frame(start, {}, b"", 0, None, garbage="bytes that are not a WARC record")
            continue
        s.take(line.start())
        start = s.pos
        head_end = s.find(HEADER_END, MAX_HEADERS)
        if head_end is None:
            cut = s.eof and len(s.buf) < MAX_HEADERS
            nxt = NEXT_RECORD.search(s.buf, 1)
            s.take(nxt.start() if nxt is not None else min(len(s.buf), MAX_HEADERS))
            yield Frame(start, {}, b"", 0, None, complete=not cut, garbage="record headers without an end")
            continue
        headers = _headers(bytes(s.buf[: head_end.start()]))
        raw = s.take(head_end.end())
        frame = _block(s, start, headers, cap)
        frame.raw_headers = raw
        yield frame


def _headers(raw: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in raw.decode("utf-8", "replace").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            out.setdefault(name.strip().lower(), value.strip())
    return out


def _block(s: Stream, start: int, headers: dict[str, str], cap: int) -> Frame:
    """The record's block: its declared length when that lands on the record separator,
    else up to the next record line (streamed past, head kept, when over the cap)."""
    raw_len = headers.get("content-length", "")
    declared = int(raw_len) if raw_len.isdigit() else None
    if declared is not None and declared <= cap and _ends_at(s, declared):
        return Frame(start, headers, s.take(declared), declared, declared)
    held, size = bytearray(), 0
    while True:
        s.fill(SCAN + 64)
        m = NEXT_RECORD.search(s.buf)
        end = m.start() if m is not None else None
        if declared is not None and declared > cap and 0 <= declared - size <= len(s.buf) - 4 \
                and (end is None or size + end > declared) and _ends_at(s, declared - size):
            end = declared - size  # a long record whose length is right
        if end is None and s.eof:
            end = len(s.buf.rstrip(b"\r\n"))
        step = end if end is not None else max(len(s.buf) - 64, 0)  # a match may straddle chunks
        piece = s.take(step)
        if len(held) <= cap:
            held += piece
        size += len(piece)
        if end is not None:
            break
    complete = not (s.eof and m is None and declared is not None and declared > size)
    block = bytes(held) if size <= cap else bytes(held[:KEEP_HEAD])
    return Frame(start, headers, block, size, declared, complete)


def _ends_at(s: Stream, n: int) -> bool:
    """True when a block of n bytes is followed by the separator (exactly CRLF CRLF), then a
    record line or the end of the stream. Both are needed: a length that is short by the
    body's size lands on the HTTP header end, which is a CRLF CRLF too."""
    s.fill(n + 4 + 16)
    if len(s.buf) < n:
        return False
    if s.buf[n:n + 4] != SEPARATOR:
        return not s.buf[n:].strip() and s.eof
    rest = bytes(s.buf[n + 4: n + 20])
    return RECORD_LINE.match(rest) is not None or (not rest.strip() and s.eof)
