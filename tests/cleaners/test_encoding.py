"""Encoding repair: the guard in front of ftfy gives exactly what repairing everything gives,
on every DEV set, the seeds, a generated corpus with injected mojibake and generated strings."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import ftfy
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.config import EncodingConfig
from cleaners.encoding import GUARD, _ftfy_config, needs_ftfy, repair
from tests.conftest import ROOT


def _jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


@pytest.fixture(scope="module")
def texts(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("cleaning", "neardup"):
        for p in sorted((shared / "eval" / name).glob("input.jsonl*")):
            out += [r["text"] for r in _jsonl(p) if isinstance(r.get("text"), str)]
    out += [r["text"] for r in _jsonl(shared / "eval" / "extraction" / "gold.jsonl")]
    gen = tmp_path_factory.mktemp("gen") / "moji.jsonl.zst"
    subprocess.run([sys.executable, str(shared / "tools" / "gen_corpus.py"), "--docs", "600", "--mojibake-rate", "0.5",
                    "--spam-rate", "0.3", "--seed", "3", "--out", str(gen)], check=True, capture_output=True)
    with zstandard.open(gen, "rt", encoding="utf-8") as f:
        out += [json.loads(line)["text"] for line in f]
    return out


@pytest.mark.timeout(240)
def test_cheap_check_equals_repairing_everything(texts: list[str]) -> None:
    cheap, full = EncodingConfig(), EncodingConfig(only_when_suspicious=False)
    conf = _ftfy_config(full)
    assert len(texts) > 1000
    damaged = 0
    for text in texts:
        fixed = ftfy.fix_text(text, conf)
        damaged += fixed != text
        if not needs_ftfy(text):
            assert fixed == text  # the check never skips a text ftfy would change
        assert repair(text, cheap) == repair(text, full)
    assert damaged > 100  # the corpus really holds damage to repair


def test_mojibake_check_matches_ftfy_badness(texts: list[str]) -> None:
    from ftfy.badness import is_bad
    for text in texts[:3000]:
        assert GUARD.is_bad(text) == is_bad(text)


@pytest.mark.parametrize(("damaged", "fixed"), [
    ("The cafÃ© opened", "The café opened"),
    ("â€œQuotedâ€\x9d", "“Quoted”"),
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
])
def test_repairs_are_counted(damaged: str, fixed: str) -> None:
    text, repairs = repair(damaged, EncodingConfig())
    assert text == fixed
    assert repairs and all(r.before and r.count >= 1 for r in repairs)


# what the guard's decision turns on: ASCII, entities and things that look like them, the
# characters of ftfy's mojibake pattern, controls, ligatures, wide forms, combining marks
_PIECES = st.sampled_from(
    list("aeTx &;#<>\n\r\t.") + ["&amp;", "&#8217;", "&ATILDE;", "AT&T", "Q&A", "&x", "Ã©", "â€œ", "Ã", "Â", "œ",
                                  "√±", "вЂ", "\x81", "\x9d", "\u2028", "ﬁ", "Ａ", "e\u0301", "é", "’", "½", "°",
                                  "Ø", "Ù", "…", "Î", "×²", "₧", "│", "\u00ad", "\u200b", "한", "日本"])


@given(st.lists(_PIECES, max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_the_guard_never_skips_a_change(text: str) -> None:
    """Where the guard says ftfy has nothing to do, ftfy changes nothing; and the mojibake
    search it runs is ftfy's own `is_bad`."""
    from ftfy.badness import is_bad

    conf = _ftfy_config(EncodingConfig(only_when_suspicious=False))
    assert GUARD.is_bad(text) == is_bad(text)
    if not needs_ftfy(text):
        assert ftfy.fix_text(text, conf) == text
    assert repair(text, EncodingConfig()) == repair(text, EncodingConfig(only_when_suspicious=False))


@pytest.mark.parametrize("text", [
    "一个约定，信守十五年；一段真情（话剧《约定无期限》），催人泪下！　记者：王明",
    "東京都は三日、新しい計画を発表した；計画は（来年度から）実施される！",
    "서울시는 십오일 새 계획을 발표했다；（사진）　시민들이 모였다！",
])
def test_fullwidth_typography_of_the_documents_own_script_stays(text: str) -> None:
    """Fullwidth commas, stops, brackets and spaces are how Chinese, Japanese and Korean are
    written: folding them into ASCII would rewrite every sentence of the article."""
    assert repair(text, EncodingConfig())[0] == text
    assert repair(text, EncodingConfig(only_when_suspicious=False))[0] == text


@pytest.mark.parametrize(("damaged", "fixed"), [
    ("The ＡＢＣ network said so.", "The ABC network said so."),
    ("La cadena ＲＴＶＥ informó el lunes.", "La cadena RTVE informó el lunes."),
    ("Die Firma ＸＹＺ meldete Gewinne.", "Die Firma XYZ meldete Gewinne."),
])
def test_fullwidth_forms_in_a_latin_text_are_still_folded(damaged: str, fixed: str) -> None:
    assert repair(damaged, EncodingConfig())[0] == fixed
