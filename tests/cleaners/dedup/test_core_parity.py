"""The compiled core's dedup features equal the numpy implementation's, text for text.

Compared per document (the numpy code read case-folding lengths per batch of 8 texts,
so a text's entity flags could depend on its neighbours; the core reads them per text):
normalised text, word hashes, entity and slot flags, shingles, verification sets, band
keys, exact digests and short texts, on every DEV text and on generated texts; and the
signatures equal datasketch's affine32 MinHash fed the same shingles.

Characters Unicode 14 (CPython 3.11) leaves unassigned follow the Rust crates' newer
tables, and two letters changed case properties since (U+0295, U+02E4 became
lowercase): both are outside the comparison, spelled out in `test_every_bmp_character`.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
from datasketch import MinHash
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaners import _textcore
from cleaners.config import DedupConfig
from cleaners.dedup import features as F

D = DedupConfig()
LOWER_SINCE_14 = "\u0295\u02e4"


@lru_cache(maxsize=1)
def perms() -> tuple[np.ndarray, np.ndarray]:
    a, b = MinHash(num_perm=D.num_perm, seed=D.seed, scheme="affine32").permutations
    return a, b


@lru_cache(maxsize=1)
def core() -> _textcore.DedupFeatures:
    bands, rows = D.bands
    return _textcore.DedupFeatures(D.shingle_words, bands, rows, D.min_shingles, *perms())


def dev_texts(shared: Path) -> list[str]:
    ev = shared / "eval"
    texts = []
    for path in (ev / "cleaning/input.jsonl", ev / "neardup/input.jsonl", ev / "extraction/gold.jsonl"):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f]
    return texts


def ragged(out: dict[str, np.ndarray], name: str, i: int, values: str | None = None) -> np.ndarray:
    off = out[f"{name}_off"]
    return out[values or name][off[i]:off[i + 1]]


def check_text(text: str, out: dict[str, np.ndarray], i: int) -> None:
    """Text `i` of a core batch `out` against the numpy features of `text` alone."""
    assert _textcore.dedup_normalize(text) == F.normalize(text)
    h, ent, slot = _textcore.dedup_tokens(text)
    want_h, _, want_ent, want_slot = F.batch_tokens([text])
    assert np.array_equal(h, want_h)
    assert np.array_equal(ent, want_ent) and np.array_equal(slot, want_slot)
    sh, sh32, ents, masked = F.verification_sets(want_h, want_ent, want_slot, D.shingle_words)
    assert np.array_equal(_textcore.dedup_shingles(h, D.shingle_words), sh)
    assert np.array_equal(ragged(out, "sh", i), sh32)
    assert np.array_equal(ragged(out, "ent", i), ents)
    assert np.array_equal(ragged(out, "msh", i), masked)
    assert tuple(out["exact"][i]) == F.exact_digest(text) == _textcore.dedup_exact_digest(text)
    short = bytes(ragged(out, "short", i, "short_bytes")).decode()
    assert short == (F.normalize(text) if len(sh) < D.min_shingles else "")
    bands, rows = D.bands
    assert np.array_equal(out["bands"][i], F.band_keys(out["sig"][i], bands, rows)[0])


def datasketch_signature(shingles: np.ndarray) -> np.ndarray:
    m = MinHash(num_perm=D.num_perm, seed=D.seed, scheme="affine32",
                hashfunc=lambda h: (h ^ (h >> 32)) & 0xFFFFFFFF)
    m.update_batch([int(s) for s in shingles])
    return m.hashvalues


def test_dev_texts_match_numpy(shared: Path) -> None:
    texts = dev_texts(shared)
    out = core().features(texts)
    for i, text in enumerate(texts):
        check_text(text, out, i)


def test_signatures_equal_datasketch_affine32(shared: Path) -> None:
    texts = dev_texts(shared)
    out = core().features(texts)
    assert out["sig"].shape == (len(texts), D.num_perm) and out["sig"].dtype == np.uint32
    for i, text in enumerate(texts):
        shingles = _textcore.dedup_shingles(_textcore.dedup_tokens(text)[0], D.shingle_words)
        assert np.array_equal(out["sig"][i], datasketch_signature(shingles)), i


PIECES = [
    "The", "Ana", "Ruiz", "42", "1,050", "Straße", "İstanbul", "ﬁnance", "Ｈｅｌｌｏ", "２０２４", "x²", "①", "ǅ",
    "inter-\nnational", "a-\nb-\nc", "_-\n_", "сat", "Αθήνα", "ΣΑΣ", "Москва", "рау", "日本語のテキスト", "東京都",
    "한국어", "हिन्दी", "العربية", "naïve", "e\u0301", "…", "—", ",", ";", ":", ".", " ", "  ", "\n", "\n\n", "\t",
    "\u00a0", "-", "_", "’", "\u200b", "\U0001F600", "\U00020000", "\x00",
]
ASSIGNED = st.characters(exclude_categories=("Cs", "Cn"), exclude_characters=LOWER_SINCE_14)
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(ASSIGNED, max_size=4)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
@example(["", "word", "Word", "a b c d e f g"])
def test_generated_texts_match_numpy(texts: list[str]) -> None:
    out = core().features(texts)
    for i, text in enumerate(texts):
        check_text(text, out, i)
        shingles = _textcore.dedup_shingles(_textcore.dedup_tokens(text)[0], D.shingle_words)
        assert np.array_equal(out["sig"][i], datasketch_signature(shingles))


def test_every_bmp_character() -> None:
    """Each BMP character as a word between "a " (so a capital sits inside a sentence)
    and " A" (so a lower-case letter puts the next capital inside one), and after a
    hyphenated line break."""
    differ = set()
    for c in (chr(c) for c in range(1, 0x10000) if not 0xD800 <= c < 0xE000):
        text = f"a {c} A"
        h, ent, slot = _textcore.dedup_tokens(text)
        want_h, _, want_ent, want_slot = F.batch_tokens([text])
        if not (np.array_equal(h, want_h) and np.array_equal(ent, want_ent) and np.array_equal(slot, want_slot)
                and _textcore.dedup_exact_digest(text) == F.exact_digest(text)
                and _textcore.dedup_normalize(f"x-\n{c}") == F.normalize(f"x-\n{c}")):
            differ.add(c)
    assert {c for c in differ if unicodedata.category(c) != "Cn"} == set(LOWER_SINCE_14)
