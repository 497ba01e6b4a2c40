"""The seeds through `presswash run`: the backbone's acceptance checks on real text."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, Cli
from tests.outputs import corpus, ledger, records

BANNED = ("ADVERTISEMENT", "Source link", "Leave a Reply", "Your email address will not be published",
          "Spread the love", "You may also like", "메이저놀이터")


def test_seed_run(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "out"
    cli(["run", str(ROOT / "seeds"), "--out", str(out), "--state", str(tmp_path / "state")])
    led = ledger(out)
    assert len(led) == 5 and all(r["status"] == "kept" for r in led.values())
    texts = corpus(out)
    for doc_id, text in texts.items():
        for phrase in BANNED:
            assert phrase not in text, (doc_id, phrase)
    assert "Bakhmut." in texts["004_ea6b2495aef96fa8.txt"]  # the spam glued to it is gone, the word stays
    title = "Russia claims it ‘completely liquidated’ pro-kyiv militias who crossed the border"
    assert texts["002_e0920b09aab96e41.txt"].count(title) == 1
    repairs = records(out, "repairs")
    pre = {}  # the pre-clean text: the seed with its recorded encoding repairs applied
    for path in (ROOT / "seeds").glob("*.txt"):
        text = path.read_text()
        for r in repairs:
            if r["id"] == path.name:
                text = text.replace(r["before"], r["after"])
        pre[path.name] = text
    assert any(r["kind"] == "nbsp" for r in repairs)  # 001 has no-break spaces, repaired not removed
    removals = records(out, "removals")
    assert removals
    for r in removals:  # offsets index the pre-clean text
        assert pre[r["id"]][r["start"]:r["end"]] == r["text"]
    for doc_id, text in texts.items():  # the corpus text is exactly the pre-clean text minus the removals
        spans = sorted((r["start"], r["end"]) for r in removals if r["id"] == doc_id)
        rebuilt, pos = [], 0
        for a, b in spans:
            rebuilt.append(pre[doc_id][pos:a])
            pos = b
        rebuilt.append(pre[doc_id][pos:])
        assert "".join(rebuilt) == text
    for name in ("stats.json", "report/index.html", "dedup"):
        assert (out / name).exists()
