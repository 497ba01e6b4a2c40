"""The report's texts: only wanted documents, duplicates' texts first, each cut to its
first words, whatever the shard's compression."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cleaners.io.shards import shard_name, shard_writer
from cleaners.report.texts import fetch_texts


@pytest.mark.parametrize("compression", ["zstd", "gzip", "none"])
def test_wanted_texts_are_found_and_cut(tmp_path: Path, compression: str) -> None:
    kept = [{"id": f"k{i}", "text": f"kept text {i} " * 5, "source": "s.com"} for i in range(50)]
    for sub, recs in (("corpus", kept),
                      ("dedup/texts", [{"id": 'q"uoted', "text": "one two three four", "url": "https://s.com/1"}])):
        with shard_writer(tmp_path / sub / shard_name(0, compression), compression) as w:
            for r in recs:
                w.write(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE))
    got = fetch_texts(tmp_path, {"k7", 'q"uoted', "missing"}, 3)
    assert set(got) == {"k7", 'q"uoted'}
    assert got["k7"].words == ["kept", "text", "7"] and got["k7"].source == "s.com" and got["k7"].url is None
    assert got['q"uoted'].words == ["one", "two", "three"] and got['q"uoted'].url == "https://s.com/1"
    assert fetch_texts(tmp_path, set(), 3) == {}
