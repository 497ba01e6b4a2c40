"""Reading one document back from OUT: its pre-clean text is rebuilt exactly from the
clean text and the removals; a rule's summary counts its removals across shards."""

from __future__ import annotations

from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.inspect import find_document, rebuild, rule_summary
from cleaners.io.shards import shard_name, shard_writer


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=6))
def test_the_pre_clean_text_is_rebuilt_exactly(text: str, cuts: list[tuple[int, int]]) -> None:
    spans, last = [], 0
    for a, n in sorted(cuts):
        a = max(a, last)
        b = min(a + n, len(text))
        if a < b:
            spans.append({"rule": "r", "start": a, "end": b, "text": text[a:b]})
            last = b
    clean, pos = [], 0
    for s in spans:
        clean.append(text[pos:s["start"]])
        pos = s["end"]
    clean.append(text[pos:])
    assert rebuild("".join(clean), list(reversed(spans))) == text


def write(out: Path, sub: str, index: int, recs: list[dict[str, object]]) -> None:
    with shard_writer(out / sub / shard_name(index, "zstd")) as w:
        for r in recs:
            w.write(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE))


def test_a_document_and_a_rule_read_back_from_out(tmp_path: Path) -> None:
    text = "Menu | Home\nThe story.\nShare this"
    write(tmp_path, "ledger", 0, [{"id": "a", "status": "kept"}, {"id": "b", "status": "duplicate"}])
    write(tmp_path, "corpus", 0, [{"id": "a", "text": "The story.\n"}])
    write(tmp_path, "dedup/texts", 0, [{"id": "b", "text": "copy"}])
    write(tmp_path, "removals", 0, [{"id": "a", "rule": "boilerplate", "start": 23, "end": 33, "text": "Share this"}])
    write(tmp_path, "removals", 1, [
        {"id": "a", "rule": "site_repeated", "start": 0, "end": 12, "text": "Menu | Home\n"},
        {"id": "c", "rule": "boilerplate", "start": 0, "end": 10, "text": "Share  this"}])
    doc = find_document(tmp_path, "a")
    assert doc is not None and doc["pre_clean_text"] == text and doc["ledger"].status == "kept"
    assert [r["rule"] for r in doc["removals"]] == ["site_repeated", "boilerplate"]
    dup = find_document(tmp_path, "b")
    assert dup is not None and dup["text"] == "copy" and dup["pre_clean_text"] == "copy"
    assert find_document(tmp_path, "zzz") is None
    s = rule_summary(tmp_path, "boilerplate")
    assert (s["removals"], s["documents"], s["top"]) == (2, 2, [{"text": "Share this", "count": 2}])
