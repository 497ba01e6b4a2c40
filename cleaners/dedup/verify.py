"""Candidate pairs from LSH are checked on the true sets before they may merge.

Signatures only estimate similarity and LSH at a low threshold proposes many pairs, so
every pair is judged on its shingle sets: true Jaccard, or containment (overlap
coefficient) so a teaser or cut-down copy joins its full story. Guards keep apart what
only looks alike: very short documents need a high Jaccard (a template-filled brief
shares most shingles with its siblings); and documents whose names and numbers differ
(a template filled with other values: another story) are not copies however much
wording they share.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cleaners.config import DedupConfig


@dataclass(frozen=True)
class Verdict:
    ok: bool
    jaccard: float
    containment: float
    entities: float


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    if not len(a) or not len(b):
        return 0
    return int(np.intersect1d(a, b, assume_unique=True).size)


def verify(sh_a: np.ndarray, sh_b: np.ndarray, ent_a: np.ndarray, ent_b: np.ndarray,
           cfg: DedupConfig) -> Verdict:
    na, nb = len(sh_a), len(sh_b)
    if not na or not nb:
        return Verdict(False, 0.0, 0.0, 0.0)
    inter = overlap(sh_a, sh_b)
    jac = inter / (na + nb - inter)
    cont = inter / min(na, nb)
    ent = entity_agreement(ent_a, ent_b)
    if min(na, nb) < cfg.min_shingles:
        ok = jac >= cfg.short_jaccard
    else:
        ok = jac >= cfg.min_jaccard or cont >= cfg.min_containment
    if ok and jac < cfg.exact_like and ent < cfg.min_entity_agreement:
        ok = False
    return Verdict(ok, jac, cont, ent)


def entity_agreement(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller document's names and numbers found in the other (1.0 when
    either has too few to judge)."""
    small = min(len(a), len(b))
    if small < 3:
        return 1.0
    return overlap(a, b) / small
