"""Per-document resource bounds through `presswash run` with a config that names them:
`read.max_doc_bytes` / `read.max_text_chars` (over → `rejected: too_large`, never cut),
`read.max_decompressed_bytes` (→ `decompression_bomb`, the complete records before the cap
read), `extract.timeout_s` (→ `extraction_timeout`); and, with the limits raised, one word
repeated two million times through cleaning and dedup in bounded time and memory."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.badinput import plant_files as pf
from tests.badinput.helpers import KEPT, Planted, first_sentence, html_page, jsonl, rejected, run, story, verify

pytestmark = [pytest.mark.server, pytest.mark.timeout(180)]

LOWERED = """[read]
max_doc_bytes = 20000
max_text_chars = 15000
max_decompressed_bytes = 1000000
[extract]
timeout_s = 0.01
"""


def test_lowered_limits_are_obeyed(tmp_path: Path, prefect_server: dict[str, str]) -> None:
    w, planted = pf.Where(tmp_path / "in", "limit"), Planted()
    small, big = story(), " ".join(story() for _ in range(60))  # ~1 KB and ~50 KB
    planted.add(w.write("small.txt", small), KEPT, contains=[first_sentence(small)])
    planted.add(w.write("big.txt", big), rejected("too_large"))
    planted.add(w.write("big.html", f"<html><body><p>{big}</p></body></html>"), rejected("too_large"))
    planted.add(w.write("long_text.txt", " ".join(story() for _ in range(19))), rejected("too_large"))  # chars
    planted.add(w.write("slow.html", html_page(story())), rejected("extraction_timeout"))
    w.write("feed.jsonl", jsonl([{"id": "line-big", "text": big}, {"id": "line-small", "text": story()}]))
    planted.add(w.place("feed.jsonl") + ":1", rejected("too_large"))
    planted.add("line-small", KEPT)
    rows = [{"id": f"cap-{i}", "text": story()} for i in range(1500)]  # ~1.3 MB inflated
    data = jsonl(rows)
    within = data[:1_000_000].count(b"\n")
    w.write("capped.jsonl.gz", gzip.compress(data, mtime=0))
    for r in rows[:within]:
        planted.add(r["id"], KEPT)
    planted.add(f"{w.place('capped.jsonl.gz')}:{within + 1}", rejected("decompression_bomb"))
    # `presswash run sub/x.txt x.txt` from the folder holding them: both have the id "x.txt",
    # and the second one's place is its id too, so its ledger id gets its input position
    cwd = tmp_path / "cwd"
    (cwd / "sub").mkdir(parents=True)
    first = story()
    (cwd / "sub" / "x.txt").write_text(first)
    (cwd / "x.txt").write_text(story())
    planted.add("x.txt", KEPT, contains=[first_sentence(first)])

    r = run(prefect_server, tmp_path, [tmp_path / "in", "sub/x.txt", "x.txt"], config=LOWERED)
    late = [k for k in r.led if k.startswith("x.txt#")]
    assert len(late) == 1 and r.led[late[0]]["reason"].startswith("duplicate_id"), late
    planted.add(late[0], rejected("duplicate_id"))
    verify(r, planted)
    assert r.stats["config"]["read"]["max_doc_bytes"] == 20000
    assert within > 100


def test_repeated_word_through_cleaning_and_dedup(tmp_path: Path, prefect_server: dict[str, str]) -> None:
    """Limits raised so a million repetitions (5 MB on one line) reach cleaning and dedup: the
    run completes (the module's timeout guards a hang) in bounded memory (no n-shingles ×
    num_perm matrix), and the exact copy is not kept twice. No wall-clock bound: it would
    measure the machine's load, not the code. (Two million, and one word
    per line, take ~90 s in cleaning: the combined run has them, `too_large` by default.)"""
    planted = pf.plant_repeated_word(tmp_path / "in", times=1_000_000, lines=False)
    r = run(prefect_server, tmp_path, [tmp_path / "in"],
            config="[read]\nmax_doc_bytes = 16000000\nmax_text_chars = 16000000\n")
    verify(r, planted)
    statuses = [r.led[f"repeated/{n}"]["status"] for n in ("news.txt", "news_copy.txt")]
    assert statuses.count("kept") <= 1, "an exact copy was kept twice"
    assert "too_large" not in str([rec["reason"] for rec in r.led.values()]), "the raised limits were not applied"
    assert r.peak_rss < 2 * 1024**3, f"peak RSS {r.peak_rss / 1024**2:.0f} MiB"
