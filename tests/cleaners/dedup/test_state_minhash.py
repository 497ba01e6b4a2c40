"""STATE's stored signatures are datasketch MinHashes: a user can load them as
`LeanMinHash`, index them with datasketch's own `MinHashLSH` and find a copy; and a
segment written before signatures were stored still finds copies of its documents."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
from datasketch import MinHashLSH

from cleaners.config import DedupConfig
from cleaners.dedup.features import minhash
from cleaners.dedup.index import lean_minhashes
from cleaners.state import StateStore
from tests.inprocess import run
from tests.outputs import ledger

D = DedupConfig()


def article(rng: random.Random, vocab: list[str], words: int = 250) -> str:
    body = [rng.choice(vocab) for _ in range(words)]
    return "\n\n".join(" ".join(body[i:i + 50]).capitalize() + "." for i in range(0, words, 50))


def day_one(tmp_path: Path) -> tuple[dict[str, str], Path, random.Random, list[str]]:
    """20 distinct articles run into a new STATE: (texts by id, STATE, rng, vocabulary)."""
    rng = random.Random(5)
    vocab = [f"{rng.choice('bcdfglmnprst')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{i}" for i in range(3000)]
    texts = {f"d{i:02d}": article(rng, vocab) for i in range(20)}
    inp = tmp_path / "day1.jsonl"
    inp.write_text("".join(json.dumps({"id": k, "text": t}) + "\n" for k, t in texts.items()))
    state = tmp_path / "state"
    run([inp], tmp_path / "day1", state, run_id="day1")
    return texts, state, rng, vocab


def copy_of(text: str, rng: random.Random, vocab: list[str]) -> str:
    """The text with 5% of its words replaced and a dateline added."""
    words = text.split(" ")
    for i in rng.sample(range(len(words)), len(words) // 20):
        words[i] = rng.choice(vocab)
    return "SPRINGFIELD (Wire) — " + " ".join(words)


def test_datasketch_lsh_over_state_finds_a_copy(tmp_path: Path) -> None:
    texts, state, rng, vocab = day_one(tmp_path)
    lsh = MinHashLSH(num_perm=D.num_perm, params=D.bands)
    for _, folder in StateStore(state).snapshot().index_segments(""):
        for doc_id, m in lean_minhashes(folder, D):
            lsh.insert(doc_id, m)
    assert sorted(lsh.keys.keys()) == sorted(texts)
    assert lsh.query(minhash(copy_of(texts["d07"], rng, vocab), D)) == ["d07"]
    assert lsh.query(minhash(article(rng, vocab), D)) == []


def test_a_segment_without_signatures_is_rekeyed(tmp_path: Path) -> None:
    """Day 1's segment made as old code wrote it: no `sig`, band keys of other
    permutations. Day 2's copy of d07 is still found (the keys are re-derived from the
    stored shingle sets), and datasketch still reads the segment."""
    texts, state, rng, vocab = day_one(tmp_path)
    (_, folder), = StateStore(state).snapshot().index_segments("")
    (folder / "sig.npy").unlink()
    for name in ("bands", "bands_sorted"):
        keys = np.load(folder / f"{name}.npy")
        np.save(folder / f"{name}.npy", keys ^ np.uint64(0x0123456789ABCDEF))
    day2 = tmp_path / "day2.jsonl"
    day2.write_text(json.dumps({"id": "copy", "text": copy_of(texts["d07"], rng, vocab)}) + "\n")
    run([day2], tmp_path / "day2", state, run_id="day2")
    got = ledger(tmp_path / "day2")["copy"]
    assert (got["status"], got.get("duplicate_of"), got.get("duplicate_of_run")) == ("duplicate", "d07", "day1")
    lsh = MinHashLSH(num_perm=D.num_perm, params=D.bands)
    for doc_id, m in lean_minhashes(folder, D):
        lsh.insert(doc_id, m)
    assert lsh.query(minhash(texts["d03"], D)) == ["d03"]


def test_letter_features_reach_later_runs_and_older_segments_still_match(tmp_path: Path) -> None:
    """A copy with misread words (a quarter of them: too many for the word checks) is found
    in STATE through the character 5-grams stored with day 1's segment; a segment written
    before those features (no `ch`, `fct`) still finds a copy whose words agree."""
    from tests.evalsets.neardup_alt_noise import ocr_noise

    texts, state, rng, vocab = day_one(tmp_path)
    (_, folder), = StateStore(state).snapshot().index_segments("")
    assert all((folder / f"{name}.npy").exists() for name in ("ch", "ch_off", "fct", "fct_off"))
    day2 = tmp_path / "day2.jsonl"
    day2.write_text(json.dumps({"id": "ocr", "text": ocr_noise(texts["d07"], random.Random(3), 0.25)}) + "\n")
    run([day2], tmp_path / "day2", state, run_id="day2")
    got = ledger(tmp_path / "day2")["ocr"]
    assert (got["status"], got.get("duplicate_of"), got.get("duplicate_of_run")) == ("duplicate", "d07", "day1")
    for name in ("ch", "ch_off", "fct", "fct_off"):
        (folder / f"{name}.npy").unlink()
    day3 = tmp_path / "day3.jsonl"
    day3.write_text(json.dumps({"id": "copy", "text": copy_of(texts["d03"], rng, vocab)}) + "\n")
    run([day3], tmp_path / "day3", state, run_id="day3")
    got = ledger(tmp_path / "day3")["copy"]
    assert (got["status"], got.get("duplicate_of"), got.get("duplicate_of_run")) == ("duplicate", "d03", "day1")
