"""Dedup features of clean texts, computed by the compiled core (textcore/src/dedup).

One call per batch of texts returns every feature the dedup stage reads, as numpy
arrays: MinHash signatures, LSH band keys, exact digests, the verification sets and the
normalised text of short documents. Normalisation before hashing (so copies that differ
only in form hash alike): words re-joined across a hyphenated line break, NFKC, case
folding, look-alike Cyrillic/Greek letters folded to Latin. Words: runs of letters,
numbers and combining marks; each Han/Kana character a word of its own.

Signatures are datasketch's: `MinHash(num_perm, seed, scheme="affine32",
hashfunc=shingle_hash32)` fed a text's shingles gives the same values, with the
permutations read from datasketch here and handed to the core. Stored signatures load
as `LeanMinHash` (`as_lean_minhash`), so datasketch's own LSH classes can query them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from cleaners import _textcore
from cleaners.config import DedupConfig

if TYPE_CHECKING:  # datasketch is imported where used: importing it costs ~0.5 s
    from datasketch import LeanMinHash, MinHash

SCHEME = "affine32"


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters (a odd, b), uint32 each."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


@lru_cache(maxsize=8)
def _core(cfg: DedupConfig) -> _textcore.DedupFeatures:
    bands, rows = cfg.bands
    return _textcore.DedupFeatures(cfg.shingle_words, bands, rows, cfg.min_shingles,
                                   *permutations(cfg.num_perm, cfg.seed))


def features(texts: Sequence[str], cfg: DedupConfig) -> dict[str, np.ndarray]:
    """The features of `texts`, keyed as the dedup stage stores them: `sig` (n × num_perm
    uint32), `bands` (n × bands uint64), `exact` (n × 2 uint64: the digest's high and low
    halves), the sorted uint32 sets `sh` (shingles), `ent` (names and numbers), `msh`
    (shingles with names and numbers masked), `ch` (a sample of the character 5-grams of
    the OCR-folded words) and `fct` (the facts in slots by their context, three values
    each: key, value, letters) each with `<name>_off` (n + 1 offsets), and
    `short_bytes`/`short_off`: the UTF-8 normalised text of a document with fewer than
    `min_shingles` shingles, empty for the others."""
    return dict(_core(cfg).features(list(texts)))


def signatures_of_sets(values: np.ndarray, offsets: np.ndarray, cfg: DedupConfig) -> tuple[np.ndarray, np.ndarray]:
    """(signatures, band keys) of stored 32-bit shingle sets (`sh`, `sh_off`): the same
    values `features` gives for the texts they came from."""
    return _core(cfg).signatures_of_sets(np.ascontiguousarray(values, np.uint32),
                                         np.ascontiguousarray(offsets, np.int64))


def normalize(text: str) -> str:
    """The form every dedup feature is computed on."""
    return _textcore.dedup_normalize(text)


def tokens(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(64-bit hash of each word, entity flags: a number or a capitalised word inside a
    sentence, slot flags: a number or any capitalised word)."""
    return _textcore.dedup_tokens(text)


def token_hashes(text: str) -> np.ndarray:
    return tokens(text)[0]


def shingles(token_hashes: np.ndarray, k: int) -> np.ndarray:
    """Sorted unique 64-bit hashes of the k-word shingles (fewer than k words: one)."""
    return _textcore.dedup_shingles(np.ascontiguousarray(token_hashes, dtype=np.uint64), k)


def shingle_hash32(shingle: int) -> int:
    """presswash's 32-bit shingle hash, as datasketch's `hashfunc` over 64-bit shingles."""
    return (shingle ^ (shingle >> 32)) & 0xFFFFFFFF


def minhash(text: str, cfg: DedupConfig) -> MinHash:
    """datasketch's own MinHash of a text's shingles (one Python call per shingle: for
    querying STATE with datasketch, not for the pipeline)."""
    from datasketch import MinHash

    m = MinHash(num_perm=cfg.num_perm, seed=cfg.seed, scheme=SCHEME, hashfunc=shingle_hash32)
    m.update_batch([int(s) for s in shingles(token_hashes(text), cfg.shingle_words)])
    return m


def as_lean_minhash(sig: np.ndarray, seed: int) -> LeanMinHash:
    """A stored signature as a datasketch `LeanMinHash` (for `jaccard` and datasketch's LSH)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=seed, hashvalues=np.asarray(sig, dtype=np.uint32), scheme=SCHEME)


def exact_digest(text: str) -> tuple[int, int]:
    """128-bit digest of the text with case, form and whitespace normalised, (high, low)."""
    return _textcore.dedup_exact_digest(text)
