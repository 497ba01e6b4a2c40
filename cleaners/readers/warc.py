"""WARC files into planner-made record shards (warcio for each record, our own framing).

warcio hides failures: a `.warc.gz` whose last gzip member is cut loses that record
silently, a record cut inside its headers raises `AttributeError`, and one wrong
Content-Length ends the file (every later record vanished). So a `.warc.gz` is inflated by
`cleaners.io.compressed` (which reports truncation and caps inflation), records are framed
by `cleaners.io.warcframes` (which recovers from wrong lengths), and warcio parses each
framed record (HTTP headers, chunked and compressed bodies). A record that cannot be
parsed is `parse_error` under its id; one the file ends inside is `truncated`. Offsets in
places (`file@offset`) are positions in the uncompressed WARC stream. Only HTTP responses
with an HTML body are documents; other records (requests, metadata, images) are skipped and counted.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from warcio.archiveiterator import ArchiveIterator

from cleaners.io.compressed import InputError, iter_input
from cleaners.io.rawshard import Converted, RawShard
from cleaners.io.warcframes import Frame, Stream, frames

if TYPE_CHECKING:
    from cleaners.readers.spec import Plan

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: str, place: str, max_doc_bytes: int, max_total: int, plan: Plan) -> Iterator[dict[str, Any]]:
    """Our record dicts: a document, or a reject; raises InputError at a cut-off end.

    When a `.warc.gz` ends early or inflates past `max_total` inside a record, that record
    itself is rejected with that reason (one ledger record, under its id) instead of a
    second reject at `file@end`."""
    stream = Stream(iter_input(path, max_total))
    for frame in frames(stream, max_doc_bytes):
        where = f"{place}@{frame.offset}"
        if not frame.complete:
            error = stream.error
            reason, detail = (error.reason, error.detail) if error else ("truncated", "the file ends inside it")
            yield {"id": frame.headers.get("warc-record-id", ""), "place": where, "reject": reason,
                   "detail": f"{detail}; body {max((frame.declared or 0) - frame.size, 0)} bytes short of its length"}
            return
        if frame.garbage:
            yield {"id": "", "place": where, "reject": "parse_error", "detail": frame.garbage}
            continue
        rec = _record(frame, where, max_doc_bytes, plan)
        if rec is not None:
            yield rec
    if stream.error is not None:
        raise stream.error


def _record(frame: Frame, where: str, max_doc_bytes: int, plan: Plan) -> dict[str, Any] | None:
    rid = frame.headers.get("warc-record-id", "")
    kind = frame.headers.get("warc-type", "")
    if kind != "response":
        plan.skip("warc_non_response", f"{where} ({kind or 'no WARC-Type'})")
        return None
    base = {"id": rid, "url": frame.headers.get("warc-target-uri"), "place": where}
    try:
        rec = next(iter(ArchiveIterator(io.BytesIO(frame.record_bytes()), no_record_parse=False)))
        ctype = rec.http_headers.get_header("Content-Type", "") if rec.http_headers else ""
        if not any(t in (ctype or "").lower() for t in HTML_TYPES):
            plan.skip("warc_non_html", f"{where} ({ctype or 'no content type'})")
            return None
        if frame.oversized:
            return base | {"reject": "too_large", "detail": f"{frame.size} bytes"}
        body = rec.content_stream().read(max_doc_bytes + 1)
    except Exception as exc:  # noqa: BLE001 - warcio raises several kinds on a broken record
        return base | {"reject": "parse_error", "detail": f"unreadable WARC record: {type(exc).__name__}: {exc}"[:240]}
    if len(body) > max_doc_bytes:
        return base | {"reject": "too_large", "detail": f"over {max_doc_bytes} bytes decoded"}
    return base | {"ctype": ctype, "body": base64.b64encode(body).decode("ascii")}


def convert_warc(path: str, place: str, raw: Path, max_doc_bytes: int, max_total: int, plan: Plan) -> Converted:
    """The WARC file's documents and rejects as one JSON record per line in the planner's
    file `raw` (cut into shards like any JSONL); a cut-off or unreadable end is one reject
    (`tail`) after its complete records."""
    raw.parent.mkdir(parents=True, exist_ok=True)
    shard = RawShard(raw)
    tail: tuple[tuple[str, str, str], ...] = ()
    try:
        for rec in iter_warc(path, place, max_doc_bytes, max_total, plan):
            shard.write(orjson.dumps(rec) + b"\n")
            shard.lines += 1
    except InputError as exc:
        tail = ((f"{place}@end", exc.reason, exc.detail),)
    except BaseException:
        shard.discard()
        raise
    shard.close()
    return Converted(shard.lines, shard.size, (), tail)
