"""Planters for many-document inputs: JSONL (plain and compressed) and WARC. Ledger ids are
the records' own ids, or places (`<folder given>/<sub>/<file>:<line>`, `...@end`) for what
has no readable id; every JSONL id is prefixed by its planter so planters can share a run."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.badinput.helpers import KEPT, Planted, first_sentence, html_page, jsonl, rejected, story
from tests.badinput.plant_files import Where

HUGE_LINE = 10_000_000  # over the default read.max_doc_bytes (8,000,000)


def plant_jsonl(base: Path, sub: str = "jsonl") -> Planted:
    """Broken lines, missing or odd ids, non-string text, a huge line, BOMs, no final newline."""
    w, p = Where(base, sub), Planted()
    good, html_text, crlf = story(), story(), story()
    P = None  # the record has no usable id: its ledger id is its place, `feed.jsonl:<line>`
    rows: list[tuple[object, str | None, set[str] | None]] = [
        ({"id": "jl-good", "text": good, "url": "https://jsonl.example/a"}, "jl-good", {KEPT}),
        (b'{"id": "jl-broken", "text": "cut off\n', P, rejected("parse_error")),
        ({"text": story()}, P, rejected("missing_id")),
        ({"id": "", "text": story()}, P, rejected("missing_id")),
        ({"id": "jl-int-text", "text": 42}, "jl-int-text", rejected("bad_record")),
        ({"id": "jl-list-text", "text": ["a", "b"]}, "jl-list-text", rejected("bad_record")),
        ({"id": "jl-null-text", "text": None}, "jl-null-text", rejected("missing_text")),
        ({"id": ["jl-list-id"], "text": story()}, P, rejected("bad_record")),
        ({"id": "jl-html", "html": html_page(html_text)}, "jl-html", {KEPT}),
        (b"\n", P, None),  # a blank line: not a document
        (b"[1, 2, 3]\n", P, rejected("parse_error")),
        (b"null\n", P, rejected("parse_error")),
        (b"[" * 100_000 + b"]" * 100_000 + b"\n", P, rejected("parse_error")),  # RecursionError in json
        (b'{"id": "jl-surrogate", "text": "lone \\ud800 half"}\n', "jl-surrogate", rejected("decode_error")),
        ({"id": "jl-huge", "text": "word " * (HUGE_LINE // 5)}, P, rejected("too_large")),
        (b"\xef\xbb\xbf" + jsonl([{"id": "jl-bom-mid", "text": story()}]), "jl-bom-mid", {KEPT}),
        (jsonl([{"id": "jl-crlf", "text": crlf}])[:-1] + b"\r\n", "jl-crlf", {KEPT}),
        (jsonl([{"id": "jl-last", "text": story()}])[:-1], "jl-last", {KEPT}),  # the last line has no newline
    ]
    w.write("feed.jsonl", jsonl([r for r, _, _ in rows]))
    for line, (_, key, expect) in enumerate(rows, 1):
        if expect is not None:
            p.add(key or f"{w.place('feed.jsonl')}:{line}", expect)
    p.contains.update({"jl-good": [first_sentence(good)], "jl-html": [first_sentence(html_text)],
                       "jl-crlf": [first_sentence(crlf)]})
    p.skipped["blank_line"] += 1
    # a file that starts with a UTF-8 BOM
    first = story()
    w.write("bom.jsonl", b"\xef\xbb\xbf" + jsonl([{"id": "jl-bom", "text": first},
                                                 {"id": "jl-bom-2", "text": story()}]))
    p.add("jl-bom", KEPT, contains=[first_sentence(first)])
    p.add("jl-bom-2", KEPT)
    return p


def _members(records: list[dict[str, str]], codec: str) -> list[bytes]:
    """One gzip member / zstd frame per record: a cut inside member k leaves k-1 whole records."""
    if codec == "gz":
        return [gzip.compress(jsonl([r]), mtime=0) for r in records]
    return [zstandard.ZstdCompressor().compress(jsonl([r])) for r in records]


def plant_compressed(base: Path, sub: str = "compressed") -> Planted:
    """Good and truncated .gz/.zst, and bombs: a 2 GB record of zeros (gzip members, zstd
    frames; thousands to one) between good records. The huge record is `too_large`, streamed
    past unheld; the records after it are read (only `read.max_decompressed_bytes`, tested
    lowered in test_limits.py, ends a file)."""
    w, p = Where(base, sub), Planted()
    for codec in ("gz", "zst"):
        texts = [story() for _ in range(3)]
        recs = [{"id": f"cz-{codec}-ok-{i}", "text": t} for i, t in enumerate(texts)]
        w.write(f"ok.jsonl.{codec}", b"".join(_members(recs, codec)))
        for r, t in zip(recs, texts, strict=True):
            p.add(r["id"], KEPT, contains=[first_sentence(t)])
        recs = [{"id": f"cz-{codec}-cut-{i}", "text": story()} for i in range(6)]
        parts = _members(recs, codec)
        cut = b"".join(parts[:4]) + parts[4][: len(parts[4]) // 2]
        w.write(f"truncated.jsonl.{codec}", cut)
        for r in recs[:4]:
            p.add(r["id"], KEPT)
        p.add(f"{w.place(f'truncated.jsonl.{codec}')}:5", rejected("truncated"))
    zeros = 10_000_000
    for codec, pack in (("gz", lambda b: gzip.compress(b, compresslevel=9, mtime=0)),
                        ("zst", zstandard.ZstdCompressor(level=19).compress)):
        first, after = story(), story()
        head = pack(jsonl([{"id": f"cz-bomb-{codec}-first", "text": first}]) + b'{"id": "bomb", "text": "')
        tail = pack(b'"}\n' + jsonl([{"id": f"cz-bomb-{codec}-after", "text": after}]))
        w.write(f"bomb.jsonl.{codec}", head + pack(b"\0" * zeros) * 200 + tail)
        p.add(f"cz-bomb-{codec}-first", KEPT, contains=[first_sentence(first)])
        p.add(f"{w.place(f'bomb.jsonl.{codec}')}:2", rejected("too_large"))
        p.add(f"cz-bomb-{codec}-after", KEPT, contains=[first_sentence(after)])
    return p


# ---------------------------------------------------------------- WARC

def _record(w: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
            extra: list[tuple[str, str]] = ()) -> tuple[object, str]:  # type: ignore[assignment]
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
    rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    return rec, rec.rec_headers.get_header("WARC-Record-ID")


def _bytes_of(records: list[object], gz: bool) -> list[bytes]:
    """Each record serialised alone (a gzip member each when `gz`), to cut and patch by index."""
    out = []
    for rec in records:
        buf = io.BytesIO()
        WARCWriter(buf, gzip=gz).write_record(rec)
        out.append(buf.getvalue())
    return out


def _page(text: str) -> bytes:
    return html_page(text).encode()


def plant_warc(base: Path, sub: str = "warc") -> Planted:
    w, p = Where(base, sub), Planted()
    maker = WARCWriter(io.BytesIO(), gzip=False)

    # crawl.warc.gz: warcinfo, request, metadata, a PDF, a dns: response, a gzip-encoded page
    texts = [story(), story()]
    page, rid = _record(maker, "https://warc.example/plain", _page(texts[0]))
    enc, rid_enc = _record(maker, "https://warc.example/gzipped", gzip.compress(_page(texts[1]), mtime=0),
                           extra=[("Content-Encoding", "gzip")])
    pdf, _ = _record(maker, "https://warc.example/file.pdf", b"%PDF-1.4 not html", ctype="application/pdf")
    info = maker.create_warcinfo_record("crawl.warc.gz", {"software": "presswash-tests"})
    req = maker.create_warc_record("https://warc.example/plain", "request",
                                   http_headers=StatusAndHeaders("GET /plain HTTP/1.1", [("Host", "warc.example")],
                                                                 is_http_request=True))
    meta = maker.create_warc_record("https://warc.example/plain", "metadata", payload=io.BytesIO(b"via: test\n"),
                                    warc_content_type="application/warc-fields")
    res = maker.create_warc_record("https://warc.example/resource.html", "resource", payload=io.BytesIO(_page(story())),
                                   warc_content_type="text/html")
    dns = maker.create_warc_record("dns:warc.example", "response", payload=io.BytesIO(b"warc.example. 60 IN A 1.2.3.4"),
                                   warc_content_type="text/dns")
    w.write("crawl.warc.gz", b"".join(_bytes_of([info, req, page, meta, pdf, enc, res, dns], gz=True)))
    p.add(rid, KEPT, contains=[first_sentence(texts[0])])
    p.add(rid_enc, KEPT, contains=[first_sentence(texts[1])])
    p.skipped.update({"warc_non_response": 4, "warc_non_html": 2})

    # truncated: a plain WARC cut inside its last record's body; a .warc.gz cut inside a member
    for name, gz in (("truncated.warc", False), ("truncated.warc.gz", True)):
        recs = [_record(maker, f"https://warc.example/{name}/{i}", _page(story())) for i in range(3)]
        parts = _bytes_of([r for r, _ in recs], gz)
        w.write(name, b"".join(parts[:2]) + parts[2][: len(parts[2]) * 2 // 3])
        for _, r in recs[:2]:
            p.add(r, KEPT)
        p.add((recs[2][1], f"{w.place(name)}@end"), rejected("truncated", "parse_error"))

    # Content-Length too long (the last record then ends early) and too short (the parser
    # meets the rest of the body where the next record should start)
    recs = [_record(maker, f"https://warc.example/length/{i}", _page(story())) for i in range(5)]
    parts = _bytes_of([r for r, _ in recs], gz=False)

    def patch(data: bytes, delta: int) -> bytes:
        m = re.search(rb"Content-Length: (\d+)", data)
        assert m is not None
        return data[: m.start(1)] + str(int(m.group(1)) + delta).encode() + data[m.end(1):]

    w.write("long_length.warc", parts[0] + patch(parts[1], 5000))
    p.add(recs[0][1], KEPT)
    p.add(recs[1][1], rejected("truncated"))  # the file ends before its declared length
    w.write("short_length.warc", parts[2] + patch(parts[3], -40) + parts[4])
    p.add(recs[2][1], KEPT)
    p.add(recs[3][1], KEPT)  # framed up to the next record, whatever its header said
    p.add(recs[4][1], KEPT)
    return p


