"""The prepare stage's per-document work: encoding repairs recorded (a stripped BOM too),
over-long and empty texts rejected with their reason, the first-stage removals kept for
the clean stage; a document's identity is its URL (fragment, trailing slash and case
aside), else its text."""

from __future__ import annotations

from cleaners.config import Config, ReadConfig
from cleaners.pipeline.prepare import doc_ident, prepare_doc, site_hash
from cleaners.pipeline.records import Prepared, Rejected
from cleaners.readers.records import RawDoc
from cleaners.rules.cleaner import Cleaner
from cleaners.stats import Stats

CFG = Config()
CLEANER = Cleaner(CFG.clean)
BODY = "The harbour board voted on Tuesday to extend the quay by forty metres after two years of talks."


def test_repairs_and_first_stage_removals_are_kept() -> None:
    stats = Stats()
    raw = RawDoc(0, "a", "f:1", text=f"{BODY} https://casino-vip7.xyz\nIt\u2019s caf&eacute; time.", bom=True,
                 url="https://x.com/a", source="x.com")
    got, keys = prepare_doc(raw, CFG, CLEANER, stats)
    assert isinstance(got, Prepared)
    kinds = [r[0] for r in got.repairs]
    assert kinds[0] == "bom" and len(kinds) >= 2 and "café" in got.text
    assert [rule for rule, _, _ in got.first] == ["spam_url"]
    (rule, a, b), = got.first
    assert got.text[a:b].strip() == "https://casino-vip7.xyz"
    assert keys and stats.get("encoding", "docs_repaired") == 1


def test_too_large_and_empty_texts_are_rejected() -> None:
    small = Config(read=ReadConfig(max_text_chars=10))
    got, keys = prepare_doc(RawDoc(1, "b", "f:2", text="x" * 11), small, CLEANER, Stats())
    assert isinstance(got, Rejected) and got.reason == "too_large" and keys == []
    got, _ = prepare_doc(RawDoc(2, "c", "f:3", text=" \n\u200b\t"), CFG, CLEANER, Stats())
    assert isinstance(got, Rejected) and got.reason == "empty"


def test_a_documents_identity() -> None:
    assert doc_ident("https://x.com/A/#top", "one") == doc_ident("https://x.com/a", "two")
    assert doc_ident("https://x.com/a", "t") != doc_ident("https://x.com/b", "t")
    assert doc_ident(None, "same text") == doc_ident("", "same text") != doc_ident(None, "other text")
    assert site_hash("x.com") != site_hash("y.com") and site_hash(None) == site_hash("")
