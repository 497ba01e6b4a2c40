"""Reading records: problems become rejects with their reason, sites come from URLs, and
no line of bytes makes the reader raise."""

from __future__ import annotations

from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.document import Reject
from cleaners.readers.records import RawDoc, parse_jsonl_line, source_of
from cleaners.stats import Stats
from tests.cleaners.readers.test_plan import read_all


def test_record_problems_become_rejects(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = ['{"id": 7, "text": "numeric id"}', '{"text": "no id"}', '{"id": "x"}', '{"id": "y", "text": ["list"]}',
             "[1, 2]", "", '\ufeff{"id": "bom", "text": "after a BOM"}', '{"id": "s", "text": "\\ud800"}']
    path.write_text("\n".join(lines) + "\n")
    got, counts = read_all([str(path)], tmp_path / "work")
    kinds = [(g.id, g.reason if isinstance(g, Reject) else "ok") for g in got]
    assert kinds == [("7", "ok"), (f"{path}:2", "missing_id"), ("x", "missing_text"), ("y", "bad_record"),
                     (f"{path}:5", "parse_error"), ("bom", "ok"), ("s", "decode_error")]
    assert counts["skipped:blank_line"] == 1


def test_source_comes_from_the_url() -> None:
    assert source_of("https://www.Example.co.uk:8080/a/b") == "example.co.uk"
    assert source_of("not a url") is None


@settings(max_examples=120, derandomize=True, deadline=None)
@given(st.one_of(st.binary(max_size=80),
                 st.dictionaries(st.sampled_from(["id", "text", "html", "url", "source", "date"]),
                                 st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), st.text(max_size=20),
                                           st.booleans()))
                 .map(orjson.dumps)))
def test_any_line_is_a_document_a_reject_or_blank(line: bytes) -> None:
    got = parse_jsonl_line(line, 3, "f:4", Stats())
    if got is None:
        assert not line.lstrip(b"\xef\xbb\xbf").strip()
    elif isinstance(got, Reject):
        assert got.reason in ("parse_error", "missing_id", "bad_record", "missing_text", "decode_error")
        assert got.seq == 3 and got.place == "f:4"
    else:
        assert isinstance(got, RawDoc) and got.id and (got.text is None) != (got.html is None)


def test_an_html_record_takes_its_site_from_the_url() -> None:
    stats = Stats()
    got = parse_jsonl_line(b'{"id": "p", "html": "<p>x</p>", "url": "https://www.bbc.co.uk/news/1", "date": 5}',
                           0, "f:1", stats)
    assert isinstance(got, RawDoc)
    assert (got.html, got.text, got.source, got.date) == ("<p>x</p>", None, "bbc.co.uk", None)
    assert stats.get("read", "ignored_field:date") == 1
