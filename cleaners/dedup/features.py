"""Dedup features of a clean text, computed with whole-array numpy operations.

Why by hand: datasketch's `update` hashes one shingle per Python call (~240 docs/s) and
even `MinHash.bulk` hashes in Python; word tokenising with a regex alone caps a core near
11k docs/s. Here a text becomes an array of code points; word boundaries come from a
lookup table of word characters (each Han/Kana character is a word of its own, as in the
scorers); each word's hash is a difference of polynomial prefix sums (mod 2^64), so no
Python code runs per word or per shingle. Signatures are standard MinHash with
multiply-shift hashing, held as datasketch `LeanMinHash` where callers want one.

Normalisation before hashing (so copies that differ only in form hash alike): NFKC,
case folding, look-alike Cyrillic/Greek letters folded to Latin, words re-joined across a
hyphenated line break.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import xxhash

from cleaners.encoding import nfkc

P = np.uint64(0x100000001B3)  # odd: invertible mod 2^64
MASK32 = np.uint64(0xFFFFFFFF)
HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h",
    "α": "a", "ο": "o", "ε": "e", "ρ": "p", "τ": "t", "υ": "u", "ν": "v", "κ": "k", "ι": "i", "χ": "x",
}
HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


def _word_table() -> tuple[np.ndarray, np.ndarray]:
    word = np.zeros(0x10000, dtype=bool)
    cjk = np.zeros(0x10000, dtype=bool)
    for cp in range(0x10000):
        ch = chr(cp)
        word[cp] = ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")
    for a, b in ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        cjk[a:b + 1] = True
    word[cjk] = True
    return word, cjk


WORD_TABLE, CJK_TABLE = _word_table()
UPPER_TABLE = np.array([chr(c).isupper() for c in range(0x10000)], dtype=bool)
DIGIT_TABLE = np.array([chr(c).isdigit() for c in range(0x10000)], dtype=bool)
LOWER_OR_PUNCT = np.array([chr(c).islower() or chr(c) in ",;:" for c in range(0x10000)], dtype=bool)
HOMOGLYPH_TR = str.maketrans(HOMOGLYPHS)
FOLD_TABLE = np.arange(0x10000, dtype=np.uint32)
for _k, _v in HOMOGLYPHS.items():
    FOLD_TABLE[ord(_k)] = ord(_v)


POWERS = np.cumprod(np.concatenate(([np.uint64(1)], np.full(255, P, dtype=np.uint64))), dtype=np.uint64)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the polynomial hash over all 64 bits."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def normalize(text: str) -> str:
    """The form every dedup feature is computed on: case folded, NFKC, look-alikes folded."""
    return nfkc(_dehyphenate(text)).casefold().translate(HOMOGLYPH_TR)


def _dehyphenate(text: str) -> str:
    """Re-join words split across a line break ("inter-\nnational")."""
    return HYPHEN_BREAK.sub(r"\1\2", text) if "-\n" in text else text


def batch_tokens(texts: list[str], entities: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(token hashes of all texts concatenated, start offset of each text's tokens, and
    for each token whether it is an entity: a number, or a capitalised word inside a
    sentence — what template-filled stories differ in and copies of one story share).

    All texts go through one code-point array (a NUL between texts keeps words apart);
    word boundaries come from lookup tables, each word's hash from a segment sum.
    """
    joined = "\0".join(nfkc(_dehyphenate(t)) for t in texts)
    norm = joined.casefold()
    cps = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = cps < 0x10000
    idx = np.where(bmp, cps, 0)
    cps = np.where(bmp, FOLD_TABLE[idx], cps)
    is_word = WORD_TABLE[idx] & bmp
    is_word[cps == 0] = False
    is_cjk = CJK_TABLE[idx] & bmp
    prev = np.concatenate(([False], is_word[:-1]))
    prev_cjk = np.concatenate(([False], is_cjk[:-1]))
    starts = np.nonzero(is_word & (~prev | is_cjk | prev_cjk))[0]
    nxt = np.concatenate((is_word[1:], [False]))
    nxt_cjk = np.concatenate((is_cjk[1:], [False]))
    ends = np.nonzero(is_word & (~nxt | is_cjk | nxt_cjk))[0] + 1
    if not len(starts):
        return np.zeros(0, np.uint64), np.zeros(len(texts) + 1, np.int64), np.zeros(0, bool), np.zeros(0, bool)
    wpos = np.nonzero(is_word)[0]
    lens = ends - starts
    first = np.concatenate(([0], np.cumsum(lens)[:-1]))
    pos_in_tok = np.arange(len(wpos)) - np.repeat(first, lens)
    contrib = (cps[wpos].astype(np.uint64) + np.uint64(1)) * POWERS[pos_in_tok & 255]
    h = _mix(np.add.reduceat(contrib, first) ^ lens.astype(np.uint64))
    seps = np.nonzero(cps == 0)[0]
    offsets = np.searchsorted(starts, np.concatenate(([0], seps, [len(cps)])))
    offsets[0] = 0
    if not entities:
        return h, offsets, np.zeros(0, bool), np.zeros(0, bool)
    return h, offsets, *_entities(joined, norm, starts)


def _entities(nfkc: str, norm: str, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(entity flags: numbers and capitalised words inside a sentence; slot flags: numbers
    and every capitalised word, also at a sentence start)."""
    if len(nfkc) != len(norm):  # case folding changed lengths (ß, ligatures): numbers only
        raw = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        digits = DIGIT_TABLE[np.where(raw[starts] < 0x10000, raw[starts], 0)]
        return digits, digits
    raw = np.frombuffer(nfkc.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    safe = np.where(raw < 0x10000, raw, 0)
    at = safe[starts]
    before = safe[np.maximum(starts - 2, 0)]
    spaced = safe[np.maximum(starts - 1, 0)] == 32
    inside = spaced & LOWER_OR_PUNCT[before] & (starts >= 2)
    digits, upper = DIGIT_TABLE[at], UPPER_TABLE[at]
    return digits | (upper & inside), digits | upper


def token_hashes(text: str) -> np.ndarray:
    """64-bit hash of every word of the normalised text, in order."""
    return batch_tokens([text])[0]


def iter_tokens(texts: list[str], sub_batch: int = 8) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(token hashes, entity flags, slot flags) of each text, `sub_batch` texts per numpy
    pass (measured fastest: bigger passes spill out of the CPU caches)."""
    for i in range(0, len(texts), sub_batch):
        h, off, ent, slot = batch_tokens(texts[i:i + sub_batch])
        for j in range(len(off) - 1):
            a, b = off[j], off[j + 1]
            yield h[a:b], ent[a:b], slot[a:b]


ENTITY_SLOT = np.uint64(0x5EED5EED5EED5EED)


def verification_sets(tokens: np.ndarray, is_entity: np.ndarray, is_slot: np.ndarray,
                      k: int) -> tuple[np.ndarray, ...]:
    """(64-bit shingles for the signature; then, as sorted unique uint32 sets: shingles,
    entities, and shingles with every capitalised word and number replaced by one slot).

    The masked set tells a template filled with other values (another story: masked, the
    two are the same text) from a copy with edits (masking changes little)."""
    sh = shingles(tokens, k)
    # each run of slot words becomes one slot ("Ana Ruiz" and "Tom" fill the same slot)
    run_start = is_slot & ~np.concatenate(([False], is_slot[:-1]))
    keep = ~is_slot | run_start
    masked = shingles(np.where(is_slot, ENTITY_SLOT, tokens)[keep], k)
    return sh, to32(sh), np.unique((tokens[is_entity] & MASK32).astype(np.uint32)), to32(masked)


def to32(h: np.ndarray) -> np.ndarray:
    return np.unique((h ^ (h >> np.uint64(32))).astype(np.uint32))


def shingles(tokens: np.ndarray, k: int) -> np.ndarray:
    """Sorted unique hashes of the k-word shingles (a text shorter than k is one shingle)."""
    n = len(tokens)
    if n == 0:
        return np.zeros(0, np.uint64)
    k = min(k, n)
    acc = tokens[: n - k + 1].copy()
    for j in range(1, k):
        acc *= np.uint64(0x9E3779B97F4A7C15)
        acc += tokens[j:n - k + 1 + j]
    return np.unique(_mix(acc))


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(1, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def signature(shingle_hashes: np.ndarray, num_perm: int, seed: int, chunk: int = 4096) -> np.ndarray:
    """MinHash signature: uint32 per permutation, all-max when there are no shingles.

    Permutation j maps a shingle's 32-bit hash x to a_j * x + b_j mod 2^32 with odd a_j —
    a bijection of the 32-bit values — computed as one in-place (perms x shingles) uint32
    product per chunk of shingles: ~50 µs for a 500-word article.
    """
    a, b = permutations32(num_perm, seed)
    sig = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    x = (shingle_hashes ^ (shingle_hashes >> np.uint64(32))).astype(np.uint32)
    for i in range(0, len(x), chunk):
        vals = np.multiply.outer(a, x[i:i + chunk])
        vals += b[:, None]
        np.minimum(sig, vals.min(axis=1), out=sig)
    return sig


@lru_cache(maxsize=8)
def permutations32(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = permutations(num_perm, seed)
    return (a & MASK32).astype(np.uint32) | np.uint32(1), (b & MASK32).astype(np.uint32)


def batch_signatures(texts: list[str], num_perm: int, seed: int, k: int, sub_batch: int = 8) -> np.ndarray:
    """(texts x num_perm) MinHash signatures, equal to `signature(shingles(tokens, k))` per
    text, computed a sub-batch at a time: the shingles of all its texts in one array (the
    windows that straddle two texts dropped; the minimum ignores repeats, so no `unique`),
    one permutation product, and one `minimum.reduceat` per text."""
    a, b = permutations32(num_perm, seed)
    out = np.full((len(texts), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    for i in range(0, len(texts), sub_batch):
        h, off = batch_tokens(texts[i:i + sub_batch], entities=False)[:2]
        counts = np.diff(off)
        for j in np.nonzero((counts > 0) & (counts < k))[0]:  # shorter than k: one shingle
            out[i + j] = signature(shingles(h[off[j]:off[j + 1]], k), num_perm, seed)
        if len(h) < k:
            continue
        n = len(h) - k + 1
        acc = h[:n].copy()
        for r in range(1, k):
            acc *= np.uint64(0x9E3779B97F4A7C15)
            acc += h[r:n + r]
        doc = np.repeat(np.arange(len(counts)), counts)[:n]
        valid = np.arange(n) + k <= off[doc + 1]
        if not valid.any():
            continue
        sh = _mix(acc[valid])
        x = (sh ^ (sh >> np.uint64(32))).astype(np.uint32)
        vals = np.multiply.outer(a, x)
        vals += b[:, None]
        docs = doc[valid]
        firsts = np.nonzero(np.concatenate(([True], docs[1:] != docs[:-1])))[0]
        out[i + docs[firsts]] = np.minimum.reduceat(vals, firsts, axis=1).T
    return out


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(documents x bands) 64-bit keys, one per LSH band of `rows` signature values."""
    sigs = np.atleast_2d(sigs)
    m = sigs[:, : bands * rows].astype(np.uint64).reshape(len(sigs), bands, rows)
    acc = np.full((len(sigs), bands), np.uint64(0xCBF29CE484222325), dtype=np.uint64)
    for r in range(rows):
        acc = (acc ^ m[:, :, r]) * np.uint64(0x100000001B3)
    return _mix(acc + np.arange(bands, dtype=np.uint64))


def as_lean_minhash(sig: np.ndarray, seed: int):  # type: ignore[no-untyped-def]
    """The signature as a datasketch `LeanMinHash` (for `jaccard` and datasketch's LSH)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=seed, hashvalues=sig.astype(np.uint64), scheme="affine32")


def exact_digest(text: str) -> tuple[int, int]:
    """128-bit digest of the text with case, form and whitespace normalised."""
    norm = " ".join(nfkc(text).casefold().split())
    d = xxhash.xxh3_128_intdigest(norm.encode("utf-8", "surrogatepass"))
    return d >> 64, d & ((1 << 64) - 1)
