"""Dedup features: what words, digests and signatures mean for copies and non-copies."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from cleaners.config import DedupConfig
from cleaners.dedup.features import as_lean_minhash, exact_digest, features, minhash, shingles, token_hashes
from cleaners.dedup.params import lsh_bands

D = DedupConfig()
A = ("The council approved the budget on Monday after a long debate about schools, roads and the harbour. "
     "Mayor Lee said the plan would be reviewed again in the spring, once the survey results were in. ") * 3


def test_tokens_match_words_and_fold_look_alikes() -> None:
    h = token_hashes("Hello, world! hello-world 日本語")
    assert len(h) == 7 and h[0] == h[2] and h[1] == h[3]  # case-folded; each Han character a word
    assert token_hashes("сat")[0] == token_hashes("cat")[0]  # Cyrillic с folded to Latin c
    assert np.array_equal(token_hashes("inter-\nnational"), token_hashes("international"))


def test_signature_estimates_jaccard() -> None:
    words = A.split()
    b_text = " ".join(words[: len(words) * 2 // 3] + ["new"] * 30)
    a, b = (shingles(token_hashes(t), 5) for t in (A, b_text))
    true = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
    cfg = DedupConfig(num_perm=256, shingle_words=5)
    sig = features([A, b_text], cfg)["sig"]
    est = as_lean_minhash(sig[0], cfg.seed).jaccard(as_lean_minhash(sig[1], cfg.seed))
    assert abs(true - est) < 0.12


def test_signature_is_datasketch_minhash_of_the_text() -> None:
    sig = features([A, ""], D)["sig"]
    assert np.array_equal(sig[0], minhash(A, D).hashvalues)
    assert np.all(sig[1] == np.iinfo(np.uint32).max)  # no shingles: datasketch's empty MinHash
    assert minhash("", D).is_empty()


def test_exact_digest_ignores_case_and_spacing() -> None:
    assert exact_digest("Hello   World\n") == exact_digest("hello world")
    assert exact_digest("hello world") != exact_digest("hello worlds")
    assert tuple(features(["Hello   World\n"], D)["exact"][0]) == exact_digest("hello world")


def test_short_documents_keep_their_normalised_text() -> None:
    long = " ".join(f"word{i}" for i in range(D.min_shingles + D.shingle_words))
    out = features(["Heat ADVISORY until 9 a.m.", long], D)
    assert out["short_bytes"].tobytes().decode() == "heat advisory until 9 a.m."
    assert list(out["short_off"]) == [0, 26, 26]


def test_bands_come_from_datasketch_optimum() -> None:
    b, r = lsh_bands(0.4, 128, 0.3, 0.7)
    assert b * r <= 128 and (b, r) == (32, 4)


HUGE = """
import resource, numpy as np
from cleaners.config import DedupConfig
from cleaners.dedup.features import features
words = np.random.default_rng(1).integers(0, 1 << 40, 800_000)
text = " ".join(f"w{w:x}" for w in words)  # ~8 MB on one line, ~800k distinct shingles
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = features([text], DedupConfig())
grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(len(out["sh"]), grew // 1024)
"""


def test_a_huge_single_line_text_stays_linear_in_memory() -> None:
    """Shingles × permutations (400 MB here) is never held: the peak is a few copies of
    the text (~110 MB for this 8 MB one) and its shingle sets."""
    got = subprocess.run([sys.executable, "-c", HUGE], capture_output=True, text=True, check=True)
    shingle_count, grew_mb = map(int, got.stdout.split())
    assert shingle_count > 790_000
    assert grew_mb < 200, grew_mb
