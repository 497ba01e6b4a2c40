"""WARC records: HTML responses become documents under their WARC-Record-ID; requests and
non-HTML responses are skipped and counted; a file cut inside a record rejects that record."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.io.compressed import InputError
from cleaners.readers.plan import Plan
from cleaners.readers.warc import iter_warc

PAGE = b"<html><body><p>The ferry resumed service on Monday.</p></body></html>"


def warc(gz: bool) -> tuple[bytes, list[str]]:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    ids = []
    for i, (ctype, body) in enumerate([("text/html; charset=utf-8", PAGE), ("image/png", b"\x89PNG"),
                                       ("text/html", PAGE.replace(b"Monday", b"Friday"))]):
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(f"https://example.com/{i}", "response", payload=io.BytesIO(body),
                                   http_headers=http)
        if ctype.startswith("text/html"):
            ids.append(rec.rec_headers.get_header("WARC-Record-ID"))
        w.write_record(rec)
    request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
    w.write_record(w.create_warc_record("https://example.com/0", "request", payload=request))
    return buf.getvalue(), ids


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    data, ids = warc(gz)
    path = tmp_path / ("in.warc.gz" if gz else "in.warc")
    path.write_bytes(data)
    plan = Plan()
    got = list(iter_warc(str(path), path.name, 10**6, 10**9, plan))
    assert [g["id"] for g in got] == ids
    assert [base64.b64decode(g["body"]) for g in got] == [PAGE, PAGE.replace(b"Monday", b"Friday")]
    assert got[0]["url"] == "https://example.com/0" and got[0]["place"] == f"{path.name}@0"
    assert plan.skipped == {"warc_non_html": 1, "warc_non_response": 1}


def test_a_cut_record_is_rejected_and_what_came_before_kept(tmp_path: Path) -> None:
    data, ids = warc(False)
    cut = data.index(b"Friday")  # inside the third response's body
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    got = list(iter_warc(str(path), "cut.warc", 10**6, 10**9, Plan()))
    assert [g["id"] for g in got] == ids
    assert "body" in got[0] and got[1]["reject"] == "truncated"


def test_an_oversized_page_is_too_large(tmp_path: Path) -> None:
    data, ids = warc(False)
    path = tmp_path / "in.warc"
    path.write_bytes(data)
    got = list(iter_warc(str(path), "in.warc", 20, 10**9, Plan()))
    assert [g.get("reject") for g in got] == ["too_large", "too_large"]


def test_a_cut_compressed_file_rejects_the_record_it_ends_in(tmp_path: Path) -> None:
    data, ids = warc(True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 30])  # inside the last record's gzip member
    got = list(iter_warc(str(path), "cut.warc.gz", 10**6, 10**9, Plan()))
    assert [g["id"] for g in got[:2]] == ids and "body" in got[1]
    assert got[2]["reject"] == "truncated" and len(got) == 3


def test_garbage_is_no_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b" + b"not really gzip" * 5)
    with pytest.raises(InputError):
        list(iter_warc(str(path), "junk.warc.gz", 10**6, 10**9, Plan()))
