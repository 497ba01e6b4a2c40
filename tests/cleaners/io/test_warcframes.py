"""WARC framing: a wrong Content-Length costs at most its own record, never the ones after."""

from __future__ import annotations

import io
import re

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.io.compressed import InputError
from cleaners.io.warcframes import Frame, Stream, frames

CAP = 100_000


def record(url: str, body: bytes) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def with_length(data: bytes, delta: int | None) -> bytes:
    m = re.search(rb"Content-Length: (\d+)", data)
    assert m is not None
    value = b"many" if delta is None else str(int(m.group(1)) + delta).encode()
    return data[: m.start(1)] + value + data[m.end(1):]


def read(data: bytes, cap: int = CAP, chunk: int = 7) -> list[Frame]:
    """Frames of `data` fed in small chunks (matches must survive chunk edges)."""
    return list(frames(Stream(iter([data[i:i + chunk] for i in range(0, len(data), chunk)])), cap))


def urls(found: list[Frame]) -> list[str]:
    return [f.headers.get("warc-target-uri", "?") for f in found]


def pages(n: int, size: int = 300) -> list[bytes]:
    return [record(f"https://x.example/{i}", f"<p>page {i} ".encode() + b"x" * size) for i in range(n)]


def test_right_lengths_frame_every_record() -> None:
    parts = pages(4)
    found = read(b"".join(parts))
    assert urls(found) == [f"https://x.example/{i}" for i in range(4)]
    assert all(f.complete and not f.garbage and f.size == f.declared for f in found)


@pytest.mark.parametrize("delta", [-40, -1, 1, 40, 5000, None])
def test_a_wrong_length_in_the_middle_costs_nothing_after_it(delta: int | None) -> None:
    parts = pages(5)
    data = b"".join(parts[:2] + [with_length(parts[2], delta)] + parts[3:])
    found = read(data)
    assert urls(found) == [f"https://x.example/{i}" for i in range(5)]
    middle = found[2]
    assert middle.complete and not middle.garbage
    assert b"page 2 " + b"x" * 300 in middle.block  # the whole body, whatever the header said
    assert middle.size != middle.declared


def test_record_bytes_carry_the_length_found() -> None:
    parts = pages(2)
    found = read(with_length(parts[0], 77) + parts[1])
    data = found[0].record_bytes()
    assert f"Content-Length: {len(found[0].block)}".encode() in data and data.endswith(b"\r\n\r\n")


def test_a_record_the_file_ends_inside_is_incomplete() -> None:
    parts = pages(3)
    found = read(b"".join(parts[:2]) + parts[2][: len(parts[2]) * 2 // 3])
    assert [f.complete for f in found] == [True, True, False]


def test_bytes_that_are_no_record_are_reported_and_skipped() -> None:
    """Junk before a record line is reported once; (junk right after a record's block cannot be
    told from a longer block, and joins it)."""
    parts = pages(2)
    found = read(b"junk that is not a record\r\n\r\n" + parts[0] + parts[1])
    assert [bool(f.garbage) for f in found] == [True, False, False]
    assert urls(found)[1:] == ["https://x.example/0", "https://x.example/1"]


def test_a_block_over_the_cap_is_streamed_past_with_its_head_kept() -> None:
    parts = pages(3)
    big = record("https://x.example/big", b"<p>" + b"y" * 2_000_000)
    found = read(parts[0] + big + parts[1], cap=50_000, chunk=65536)
    assert urls(found) == ["https://x.example/0", "https://x.example/big", "https://x.example/1"]
    assert found[1].oversized and found[1].size > 2_000_000 and len(found[1].block) <= 1 << 16
    assert not found[2].oversized


def test_a_wrong_length_over_the_cap_stops_at_the_next_record() -> None:
    """A typo'd huge Content-Length must not swallow the records after it."""
    parts = pages(3)
    found = read(parts[0] + with_length(parts[1], 10**12) + parts[2], cap=1000)
    assert urls(found) == [f"https://x.example/{i}" for i in range(3)]
    assert found[1].complete and not found[1].oversized


def test_an_input_error_ends_the_stream_and_is_kept() -> None:
    parts = pages(2)

    def chunks():  # noqa: ANN202 - a generator that fails like a cut .warc.gz
        yield parts[0]
        yield parts[1][:100]
        raise InputError("truncated", "gzip stream ends inside a member")

    s = Stream(chunks())
    found = list(frames(s, CAP))
    assert [f.complete for f in found] == [True, False]
    assert s.error is not None and s.error.reason == "truncated"
