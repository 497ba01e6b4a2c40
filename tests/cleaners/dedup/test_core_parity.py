"""The compiled core's dedup features are what they were, and its signatures are datasketch's.

- DEV texts: every field (normalised text, words, entity and slot flags, shingles, the
  three verification sets, signatures, band keys, exact digests, short texts) digested
  over each DEV set equals the digest of what the numpy implementation computed before
  the core replaced it (FROZEN; computed one text at a time, with signatures from
  datasketch's affine32 MinHash).
- Generated texts and every BMP character: equal to `reference.py`, the same
  definition in plain Python.
- Signatures: equal to datasketch's `MinHash(scheme="affine32")` fed the same shingles.

Characters Unicode 14 (CPython 3.11) leaves unassigned follow the Rust crates' newer
tables, and two letters became lower case since (U+0295, U+02E4): both are outside the
comparison, spelled out in `test_every_bmp_character`.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import numpy as np
from datasketch import MinHash
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaners.config import DedupConfig
from cleaners.dedup import features as F
from tests.cleaners.dedup import reference as R

D = DedupConfig()
LOWER_SINCE_14 = "\u0295\u02e4"
DEV = {"cleaning": "cleaning/input.jsonl", "neardup": "neardup/input.jsonl", "extraction": "extraction/gold.jsonl"}
FROZEN = {
    "cleaning": {
        "norm": "7e0647dfd8062e16", "tokens": "0b0071dca721411c", "entity": "966716b3c8157e40",
        "slot": "bf8c620d850fd9e3", "shingles": "808675d20c6e6fe4", "sh": "2c5fff985fcc0cf1",
        "ent": "34866126ac446bff", "msh": "37de066f80ed5b42", "sig": "3714778cf5ca72d0",
        "bands": "ebd1c3f4e8ae342a", "exact": "ed36f18e797e284e", "short": "1a0295f4bf5986c5",
    },
    "neardup": {
        "norm": "da70a18778828512", "tokens": "97186fed22e33e36", "entity": "8f49d0cca32ada6e",
        "slot": "dade2efe58a103a4", "shingles": "90e4174a59ad4faa", "sh": "08c44dc2cb5b91bf",
        "ent": "95ac03bd5ffd99b8", "msh": "5a698bf866f8150b", "sig": "ddcf021db7487b38",
        "bands": "1eb47dcd78fb16b5", "exact": "20d3af0c8344cd6e", "short": "53e58d49e3c4d3a1",
    },
    "extraction": {
        "norm": "9b2c1a05cfd234c3", "tokens": "e997ff711092ea97", "entity": "0b071052d518fb1d",
        "slot": "18adbf49d183a645", "shingles": "299684f4b84bcafa", "sh": "a65375b5307b6058",
        "ent": "9f8b65457e216410", "msh": "679489faa72f1eff", "sig": "de30e6c8b015ae08",
        "bands": "9c1182e79165d493", "exact": "23a1e47a22abc03e", "short": "95438055654ed142",
    },
}


def dev_texts(shared: Path, name: str) -> list[str]:
    with open(shared / "eval" / DEV[name], encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def doc(out: dict[str, np.ndarray], i: int) -> dict[str, np.ndarray]:
    """Text i's part of every array of a batch's features."""
    got = {name: out[name][i] for name in ("sig", "bands", "exact")}
    for name, values in (("sh", "sh"), ("ent", "ent"), ("msh", "msh"), ("short", "short_bytes")):
        off = out[f"{name}_off"]
        got[name] = out[values][off[i]:off[i + 1]]
    return got


def digests(texts: list[str]) -> dict[str, str]:
    """Each field of the core's features over `texts`, digested (length-prefixed per text)."""
    out = F.features(texts, D)
    hs = {field: hashlib.sha256() for field in FROZEN["cleaning"]}

    def put(field: str, data: bytes) -> None:
        hs[field].update(len(data).to_bytes(8, "little") + data)

    for i, text in enumerate(texts):
        h, ent, slot = F.tokens(text)
        f = doc(out, i)
        put("norm", F.normalize(text).encode())
        put("tokens", h.astype("<u8").tobytes())
        put("entity", ent.astype(np.bool_).tobytes())
        put("slot", slot.astype(np.bool_).tobytes())
        put("shingles", F.shingles(h, D.shingle_words).astype("<u8").tobytes())
        for name in ("sh", "ent", "msh", "sig"):
            put(name, f[name].astype("<u4").tobytes())
        put("bands", f["bands"].astype("<u8").tobytes())
        put("exact", f["exact"].astype("<u8").tobytes())
        put("short", f["short"].tobytes())
    return {field: h.hexdigest()[:16] for field, h in hs.items()}


def test_dev_texts_pinned(shared: Path) -> None:
    for name in DEV:
        assert digests(dev_texts(shared, name)) == FROZEN[name], name


def datasketch_signature(shingles: list[int]) -> np.ndarray:
    m = MinHash(num_perm=D.num_perm, seed=D.seed, scheme="affine32", hashfunc=F.shingle_hash32)
    m.update_batch(shingles)
    return m.hashvalues


def test_signatures_equal_datasketch_affine32(shared: Path) -> None:
    for name in DEV:
        texts = dev_texts(shared, name)
        sigs = F.features(texts, D)["sig"]
        assert sigs.shape == (len(texts), D.num_perm) and sigs.dtype == np.uint32
        for text, sig in zip(texts, sigs, strict=True):
            shingles = [int(s) for s in F.shingles(F.token_hashes(text), D.shingle_words)]
            assert np.array_equal(sig, datasketch_signature(shingles)), text[:80]


def check_text(text: str, got: dict[str, np.ndarray]) -> None:
    """A text's features from the core against the reference's."""
    assert F.normalize(text) == R.normalize(text)
    h, ent, slot = F.tokens(text)
    assert [(int(a), bool(b), bool(c)) for a, b, c in zip(h, ent, slot, strict=True)] == R.words(text)
    want = R.sets(text, D.shingle_words)
    assert np.array_equal(F.shingles(h, D.shingle_words), want["shingles"])
    for name in ("sh", "ent", "msh"):
        assert np.array_equal(got[name], want[name]), name
    shingles = R.shingle_hashes([w[0] for w in R.words(text)], D.shingle_words)
    assert np.array_equal(got["sig"], datasketch_signature(shingles))
    assert [int(k) for k in got["bands"]] == R.band_keys(got["sig"], *D.bands)
    assert tuple(int(x) for x in got["exact"]) == R.exact_digest(text) == F.exact_digest(text)
    assert got["short"].tobytes().decode() == (R.normalize(text) if len(want["shingles"]) < D.min_shingles else "")


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
@example(["Tom met Ana Ruiz, 42, in Straße 7. " * 20])
def test_generated_texts_match_reference(texts: list[str]) -> None:
    out = F.features(texts, D)
    for i, text in enumerate(texts):
        check_text(text, doc(out, i))


def test_every_bmp_character() -> None:
    """Each BMP character as a word between "a " (so a capital sits inside a sentence)
    and " A" (so a lower-case letter puts the next capital inside one), and after a
    hyphenated line break."""
    differ = set()
    for c in (chr(c) for c in range(1, 0x10000) if not 0xD800 <= c < 0xE000):
        text = f"a {c} A"
        h, ent, slot = F.tokens(text)
        got = [(int(a), bool(b), bool(c)) for a, b, c in zip(h, ent, slot, strict=True)]
        if got != R.words(text) or F.exact_digest(text) != R.exact_digest(text) or \
                F.normalize(f"x-\n{c}") != R.normalize(f"x-\n{c}"):
            differ.add(c)
    assert {c for c in differ if unicodedata.category(c) != "Cn"} == set(LOWER_SINCE_14)


def test_a_batch_is_its_texts_one_by_one() -> None:
    """No feature of a text depends on the texts beside it (case folding that changes a
    length, as ß does, used to switch the entity rule for a whole batch)."""
    texts = ["Tom met Ana in Berlin.", "Die Straße in Berlin.", "", "Tom met Ana in Berlin."]
    together = F.features(texts, D)
    for i, text in enumerate(texts):
        alone = doc(F.features([text], D), 0)
        assert all(np.array_equal(col, alone[name]) for name, col in doc(together, i).items())
