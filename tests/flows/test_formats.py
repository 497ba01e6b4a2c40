"""Every input format through `presswash run` against a real Prefect server: the ledger
accounts for every document with the right status and reason."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import Cli
from tests.outputs import corpus, html_page, ledger, records

TOPICS = ["budget", "harbour", "library", "transit", "stadium", "orchard", "hospital", "bridge"]


def story(i: int) -> str:
    """Distinct short articles (no two are near-duplicates of each other)."""
    a, b = TOPICS[i % len(TOPICS)], TOPICS[(i * 3 + 1) % len(TOPICS)]
    return (f"The {a} committee in district {i} met on day {i * 7} to review {i + 3} proposals about the {b}.\n\n"
            f"Officials from ward {i * 11} said the {a} vote would follow a survey of {i * 130 + 17} residents, "
            f"and that the {b} plan for {2000 + i} could change.")


TEXT = story(0)


def jsonl(rows: list[object]) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in rows)


def write_warc(path: Path) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        for i, (ctype, body) in enumerate([("text/html; charset=utf-8", html_page("Harbour fire", seed=1).encode()),
                                           ("application/pdf", b"%PDF-1.4 not html")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://warc.example/{i}", "response",
                                                payload=io.BytesIO(body), http_headers=headers))
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "warc.example")], is_http_request=True)
        w.write_record(w.create_warc_record("https://warc.example/0", "request", http_headers=req))


def build_inputs(root: Path) -> Path:
    """A folder with every format; pages are built so no two documents are duplicates."""
    src = root / "in"
    (src / "pages" / "sub").mkdir(parents=True)
    (src / "pages" / "note.txt").write_text(story(1))
    (src / "pages" / "sub" / "story.html").write_text(html_page("Bridge reopens", seed=2))
    (src / "pages" / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (src / "pages" / "README.md").write_text("not a document kind presswash reads")
    good = {"id": "j1", "text": TEXT, "url": "https://news.example/a"}
    (src / "plain.jsonl").write_bytes(jsonl([good, {"id": "j2", "html": html_page("Market day", seed=3)},
                                             b'{"id": "j3", "text": "broken', {"text": "no id here"},
                                             {"id": "j4", "text": 42}, b"", {"id": "j5", "text": "   "}]))
    (src / "packed.jsonl.gz").write_bytes(gzip.compress(jsonl([{"id": "g1", "text": story(2)}])))
    (src / "packed.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(
        jsonl([{"id": "z1", "text": story(3)}, {"id": "z2", "text": story(4)}])))
    write_warc(src / "crawl.warc.gz")
    return src


def test_every_format_is_accounted_for(tmp_path: Path, cli: Cli) -> None:
    src = build_inputs(tmp_path)
    out, state = tmp_path / "out", tmp_path / "state"
    cli(["run", str(src), "--out", str(out), "--state", str(state)])
    led = ledger(out)
    status = {k: (v["status"], (v["reason"] or "").split(":")[0]) for k, v in led.items()}
    assert status["pages/note.txt"] == ("kept", "")
    assert status["pages/sub/story.html"] == ("kept", "")
    assert status["pages/blob.txt"] == ("rejected", "binary")
    assert status["j1"] == ("kept", "")
    assert status["j2"] == ("kept", "")
    assert status[f"{src}/plain.jsonl:3"] == ("rejected", "parse_error")
    assert status[f"{src}/plain.jsonl:4"] == ("rejected", "missing_id")
    assert status["j4"] == ("rejected", "bad_record")
    assert status["j5"] == ("rejected", "empty")
    assert status["g1"] == ("kept", "")
    assert status["z1"] == ("kept", "") and status["z2"] == ("kept", "")
    warc = [k for k in led if k.startswith("<urn:uuid:")]
    assert len(warc) == 1 and led[warc[0]]["status"] == "kept" and led[warc[0]]["url"] == "https://warc.example/0"
    assert len(led) == 13  # every document once; README.md, the blank line, non-HTML/non-response WARC records skipped
    texts = corpus(out)
    assert "visitors" in texts["pages/sub/story.html"]
    stats = json.loads((out / "stats.json").read_text())
    d = stats["documents"]
    assert d["in"] == d["kept"] + d["duplicate"] + d["rejected"] == 13
    skipped = stats["steps"]["read"]
    assert skipped["skipped:unknown_extension"] == 1 and skipped["skipped:blank_line"] == 1
    assert skipped["skipped:warc_non_html"] == 1 and skipped["skipped:warc_non_response"] == 2
    for r in records(out, "removals"):
        assert r["id"] in led


def test_ids_are_never_paths(tmp_path: Path, cli: Cli) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl([{"id": "../../escape", "text": TEXT}, {"id": "/etc/passwd", "text": story(5)}]))
    out = tmp_path / "out"
    cli(["run", str(src), "--out", str(out), "--state", str(tmp_path / "state")])
    assert set(ledger(out)) == {"../../escape", "/etc/passwd"}
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl", "out", "state"]
