"""Planters for the edges a held-out bad-input suite found losing records or keeping junk:
byte-order marks on line-based inputs, WARC records whose Content-Length is wrong among
good ones, and documents made of nothing but boilerplate lines."""

from __future__ import annotations

import codecs
import gzip
import io
import re
from pathlib import Path

import zstandard
from warcio.warcwriter import WARCWriter

from tests.badinput.helpers import KEPT, Planted, first_sentence, jsonl, rejected, story
from tests.badinput.plant_files import Where
from tests.badinput.plant_records import _bytes_of, _page, _record

# furniture every site emits, by kind: comment forms, share bars, consent, copyright, CTA
BOILERPLATE_ONLY = {
    "comment_form.txt": "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
    "share.txt": "Spread the love",
    "notice.txt": "Your email address will not be published.",
    "share_bar.txt": "Share on Facebook\nShare on Twitter\nShare via Email",
    "footer.txt": "© 2024 Harbour Times Media. All rights reserved.",
    "signup.txt": "Sign up for our newsletter",
}


def plant_boilerplate_only(base: Path, sub: str = "boilerplate") -> Planted:
    """Each file is nothing but furniture: rejected as empty after cleaning. The same lines
    under a real article go, and the article stays."""
    w, p = Where(base, sub), Planted()
    for name, text in BOILERPLATE_ONLY.items():
        p.add(w.write(name, text), rejected("empty_after_cleaning"))
    article = story()
    p.add(w.write("article.txt", article + "\n\n" + BOILERPLATE_ONLY["comment_form.txt"]), KEPT,
          contains=[first_sentence(article)], absent=["Leave a Reply", "will not be published"])
    w.write("feed.jsonl", jsonl([{"id": "bp-only", "text": BOILERPLATE_ONLY["share_bar.txt"]}]))
    p.add("bp-only", rejected("empty_after_cleaning"))
    return p


def plant_boms(base: Path, sub: str = "bom") -> Planted:
    """A byte-order mark is an encoding mark, never data: JSONL in UTF-16/32 with their BOM,
    compressed JSONL and text files starting with a UTF-8 BOM, a BOM before a later line."""
    w, p = Where(base, sub), Planted()
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                       ("utf-32-le", codecs.BOM_UTF32_LE)):
        texts = [story(), story()]
        rows = [{"id": f"bom-{codec}-{i}", "text": t} for i, t in enumerate(texts)]
        w.write(f"{codec}.jsonl", bom + jsonl(rows).decode().encode(codec))
        for r, t in zip(rows, texts, strict=True):
            p.add(r["id"], KEPT, contains=[first_sentence(t)], absent=["\ufeff"])
    for suffix, pack in ((".jsonl.gz", lambda b: gzip.compress(b, mtime=0)), (".jsonl.zst", zstandard.compress)):
        texts = [story(), story()]
        rows = [{"id": f"bom{suffix}-{i}", "text": t} for i, t in enumerate(texts)]
        w.write(f"feed{suffix}", pack(codecs.BOM_UTF8 + jsonl(rows)))
        for r, t in zip(rows, texts, strict=True):
            p.add(r["id"], KEPT, contains=[first_sentence(t)], absent=["\ufeff"])
    text = story()
    p.add(w.write("note.txt", codecs.BOM_UTF8 + text.encode()), KEPT, contains=[first_sentence(text)],
          absent=["\ufeff"])
    text = story()
    p.add(w.write("note16.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")), KEPT,
          contains=[first_sentence(text)], absent=["\ufeff"])
    return p


def _patch_length(data: bytes, new: str) -> bytes:
    m = re.search(rb"Content-Length: (\d+)", data)
    assert m is not None
    return data[: m.start(1)] + new.encode() + data[m.end(1):]


def plant_wrong_lengths(base: Path, sub: str = "warclength") -> Planted:
    """Five records, the middle one with a wrong Content-Length (short, long, huge, not a
    number), plain and gzipped: every record reaches the ledger, the good ones are kept."""
    w, p = Where(base, sub), Planted()
    maker = WARCWriter(io.BytesIO(), gzip=False)
    for label, length in (("short", lambda n: str(n - 37)), ("long", lambda n: str(n + 211)),
                          ("huge", lambda n: "99999999999"), ("word", lambda n: "unknown")):
        for gz in (False, True):
            name = f"{label}.warc" + (".gz" if gz else "")
            texts = [story() for _ in range(5)]
            recs = [_record(maker, f"https://length.example/{label}/{gz}/{i}", _page(t)) for i, t in enumerate(texts)]
            parts = _bytes_of([r for r, _ in recs], gz=False)
            n = int(re.search(rb"Content-Length: (\d+)", parts[2]).group(1))  # type: ignore[union-attr]
            parts[2] = _patch_length(parts[2], length(n))
            data = [gzip.compress(x, mtime=0) for x in parts] if gz else parts
            w.write(name, b"".join(data))
            for i, ((_, rid), t) in enumerate(zip(recs, texts, strict=True)):
                p.add(rid, KEPT, contains=[first_sentence(t)] if i != 2 else [])
    return p
