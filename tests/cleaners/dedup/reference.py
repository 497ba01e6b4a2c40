"""What the compiled core's dedup features are, stated in plain Python, one character at a
time: the definition the parity tests hold the core to on generated texts (too slow for
the pipeline; the DEV sets are pinned by digests instead)."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import xxhash

M64 = (1 << 64) - 1
P = 0x100000001B3
CHAIN = 0x9E3779B97F4A7C15
SLOT = 0x5EED5EED5EED5EED
LOOK_ALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h",
    "α": "a", "ο": "o", "ε": "e", "ρ": "p", "τ": "t", "υ": "u", "ν": "v", "κ": "k", "ι": "i", "χ": "x",
})
HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")
CJK = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def mix64(h: int) -> int:
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & M64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & M64
    return h ^ (h >> 31)


def cased(text: str) -> str:
    """NFKC of the de-hyphenated text, before case folding."""
    return unicodedata.normalize("NFKC", HYPHEN_BREAK.sub(r"\1\2", text))


def normalize(text: str) -> str:
    return cased(text).casefold().translate(LOOK_ALIKES)


def is_cjk(c: str) -> bool:
    return any(a <= ord(c) <= b for a, b in CJK)


def is_word(c: str) -> bool:
    """Letters, numbers, combining marks and CJK, of the BMP only."""
    return ord(c) < 0x10000 and (c.isalnum() or unicodedata.category(c) in ("Mn", "Mc") or is_cjk(c))


def word_hash(word: str) -> int:
    h = sum((ord(c) + 1) * pow(P, i % 256, 1 << 64) for i, c in enumerate(word)) & M64
    return mix64(h ^ len(word))


def words(text: str) -> list[tuple[int, bool, bool]]:
    """(hash, entity, slot) of each word."""
    before, norm = cased(text), normalize(text)
    aligned = len(before) == len(norm)  # else only numbers are entities
    bmp = lambda c: ord(c) < 0x10000  # noqa: E731
    out, i = [], 0
    while i < len(norm):
        if not is_word(norm[i]):
            i += 1
            continue
        end = i + 1
        while not is_cjk(norm[i]) and end < len(norm) and is_word(norm[end]) and not is_cjk(norm[end]):
            end += 1
        at = before[i] if aligned else norm[i]
        digit, upper = bmp(at) and at.isdigit(), aligned and bmp(at) and at.isupper()
        inside = aligned and i >= 2 and before[i - 1] == " " and bmp(before[i - 2]) and (
            before[i - 2].islower() or before[i - 2] in ",;:")
        out.append((word_hash(norm[i:end]), digit or (upper and inside), digit or upper))
        i = end
    return out


def shingle_hashes(hashes: list[int], k: int) -> list[int]:
    """One 64-bit hash per k-word window (fewer than k words: one window), in order."""
    if not hashes:
        return []
    k = min(k, len(hashes))
    out = []
    for i in range(len(hashes) - k + 1):
        acc = hashes[i]
        for h in hashes[i + 1:i + k]:
            acc = (acc * CHAIN + h) & M64
        out.append(mix64(acc))
    return out


def fold32(h: int) -> int:
    return (h ^ (h >> 32)) & 0xFFFFFFFF


def sets(text: str, k: int) -> dict[str, np.ndarray]:
    ws = words(text)
    hashes = [h for h, _, _ in ws]
    masked = [SLOT if slot else h for i, (h, _, slot) in enumerate(ws) if not (slot and i and ws[i - 1][2])]
    return {
        "shingles": np.array(sorted(set(shingle_hashes(hashes, k))), np.uint64),
        "sh": np.array(sorted({fold32(s) for s in shingle_hashes(hashes, k)}), np.uint32),
        "ent": np.array(sorted({h & 0xFFFFFFFF for h, ent, _ in ws if ent}), np.uint32),
        "msh": np.array(sorted({fold32(s) for s in shingle_hashes(masked, k)}), np.uint32),
    }


def band_keys(sig: np.ndarray, bands: int, rows: int) -> list[int]:
    keys = []
    for b in range(bands):
        acc = 0xCBF29CE484222325
        for v in sig[b * rows:(b + 1) * rows]:
            acc = ((acc ^ int(v)) * 0x100000001B3) & M64
        keys.append(mix64((acc + b) & M64))
    return keys


def exact_digest(text: str) -> tuple[int, int]:
    d = xxhash.xxh3_128_intdigest(" ".join(unicodedata.normalize("NFKC", text).casefold().split()).encode())
    return d >> 64, d & M64
