"""Index segments of generated stories, built from the dedup features as a run builds them."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from cleaners.config import DedupConfig
from cleaners.dedup.features import features
from cleaners.dedup.index import write_segment
from cleaners.io.arrays import strings

CFG = DedupConfig()
WORDS = ("council budget vote river bridge school teachers road repairs harbour festival market water "
         "prices hospital nurses union strike weather storm farmers harvest police station library").split()


def story(seed: int, n: int = 12) -> str:
    rnd = random.Random(seed)
    return " ".join(f"On day {seed * 100 + i} the {' '.join(rnd.choice(WORDS) for _ in range(12))} said Mayor "
                    f"Ann{seed} Lee." for i in range(n))


def near_copy(text: str) -> str:
    """The same story with a sentence dropped and a word changed."""
    first, rest = text.split(". ", 1)
    return rest.replace(" the ", " a ", 1)


def segment(folder: Path, texts: list[str], ids: list[str]) -> dict[str, np.ndarray]:
    f = features(texts, CFG)
    cols = {k: v for k, v in f.items() if k not in ("bands",)}
    cols["bands"] = np.ascontiguousarray(f["bands"].T)
    for name, values in (("id", ids), ("url", [f"https://s.com/{i}" for i in ids]), ("source", ["s.com"] * len(ids))):
        cols |= strings(name, values)
    cols["date"] = np.arange(len(texts), dtype=np.int64) + 700_000
    cols["length"] = np.array([len(t) for t in texts], np.int64)
    cols["pref"] = np.zeros(len(texts), np.int8)
    write_segment(folder, cols)
    return f
