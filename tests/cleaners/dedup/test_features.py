"""Signatures: numpy batch paths agree with datasketch on what MinHash estimates."""

from __future__ import annotations

import numpy as np

from cleaners.dedup.features import (
    as_lean_minhash,
    batch_tokens,
    exact_digest,
    iter_tokens,
    shingles,
    signature,
    token_hashes,
)
from cleaners.dedup.params import lsh_bands

A = ("The council approved the budget on Monday after a long debate about schools, roads and the harbour. "
     "Mayor Lee said the plan would be reviewed again in the spring, once the survey results were in. ") * 3


def test_tokens_match_words_and_fold_look_alikes() -> None:
    h = token_hashes("Hello, world! hello-world 日本語")
    assert len(h) == 7 and h[0] == h[2] and h[1] == h[3]  # case-folded; each Han character a word
    assert token_hashes("сat")[0] == token_hashes("cat")[0]  # Cyrillic с folded to Latin c
    assert np.array_equal(token_hashes("inter-\nnational"), token_hashes("international"))


def test_batches_equal_single_documents() -> None:
    texts = [A, "Short one.", "", A.upper(), "日本語のテキスト"]
    h, off, _, _ = batch_tokens(texts)
    for i, t in enumerate(texts):
        assert np.array_equal(h[off[i]:off[i + 1]], token_hashes(t))
    assert [len(x) for x, _, _ in iter_tokens(texts, sub_batch=2)] == [len(token_hashes(t)) for t in texts]


def test_signature_estimates_jaccard() -> None:
    words = A.split()
    a = shingles(token_hashes(A), 5)
    b = shingles(token_hashes(" ".join(words[: len(words) * 2 // 3] + ["new"] * 30)), 5)
    true = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
    est = as_lean_minhash(signature(a, 256, 1), 1).jaccard(as_lean_minhash(signature(b, 256, 1), 1))
    assert abs(true - est) < 0.12


def test_exact_digest_ignores_case_and_spacing() -> None:
    assert exact_digest("Hello   World\n") == exact_digest("hello world")
    assert exact_digest("hello world") != exact_digest("hello worlds")


def test_bands_come_from_datasketch_optimum() -> None:
    b, r = lsh_bands(0.4, 128, 0.3, 0.7)
    assert b * r <= 128 and (b, r) == (32, 4)


def test_batch_signatures_equal_one_at_a_time() -> None:
    from cleaners.dedup.features import batch_signatures
    texts = [A, "", "one", "two words here", "a b c d e", A.upper(), "日本語のテキストです", A[:200], "x " * 300]
    got = batch_signatures(texts, 128, 7, 5, sub_batch=3)
    want = np.array([signature(shingles(token_hashes(t), 5), 128, 7) for t in texts])
    assert np.array_equal(got, want)


def test_nfkc_per_line_equals_whole_text() -> None:
    import unicodedata

    from cleaners.encoding import nfkc
    for text in ["plain", "ﬁne\nca\u0301fe\u0301\n…\n", "Ａｂｃ\n\n①②\n", "e\u0301\ne\n\u0301x"]:
        assert nfkc(text) == unicodedata.normalize("NFKC", text)
