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

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from cleaners.config import DedupConfig


@dataclass(frozen=True)
class Verdict:
    ok: bool
    jaccard: float
    containment: float
    entities: float
    masked: float = 0.0  # Jaccard with names and numbers masked
    template: bool = False  # the pair looks like one template filled twice


@dataclass(frozen=True)
class DocSets:
    """What verification reads of a document (sorted unique uint32 hash sets)."""

    sh: np.ndarray  # word shingles
    ent: np.ndarray  # names and numbers
    msh: np.ndarray  # shingles with names and numbers masked
    short: str = ""  # the normalised text of a short document, else ""


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    if not len(a) or not len(b):
        return 0
    return int(np.intersect1d(a, b, assume_unique=True).size)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = overlap(a, b)
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def verify(a: DocSets, b: DocSets, cfg: DedupConfig) -> Verdict:
    na, nb = len(a.sh), len(b.sh)
    if not na or not nb:
        return Verdict(False, 0.0, 0.0, 0.0)
    inter = overlap(a.sh, b.sh)
    jac = inter / (na + nb - inter)
    small, large = min(na, nb), max(na, nb)
    cont = inter / small
    ent = entity_agreement(a.ent, b.ent)
    if jac >= cfg.exact_like:
        return Verdict(True, jac, cont, ent, jac)
    masked = jaccard(a.msh, b.msh)
    if small < cfg.min_shingles:
        if large >= cfg.teaser_ratio * small:  # a teaser of a longer story
            ok = cont >= cfg.teaser_containment
        else:  # two briefs: one template filled twice looks like this too
            ok = jac >= cfg.short_jaccard and (not a.short or not b.short or only_insertions(a.short, b.short))
    else:
        ok = (jac >= cfg.min_jaccard or cont >= cfg.min_containment) or (
            # heavier edits (OCR noise, rewording) still count when the names and numbers agree
            (jac >= cfg.loose_jaccard or cont >= cfg.loose_containment) and ent >= cfg.loose_entities)
    # one template filled with other names and numbers: masked, the two are nearly one text
    template = masked - jac >= cfg.template_gap and ent < cfg.template_entities
    return Verdict(ok and not template and ent >= cfg.min_entity_agreement, jac, cont, ent, masked, template)


def entity_agreement(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller document's names and numbers found in the other (1.0 when
    either has too few to judge)."""
    small = min(len(a), len(b))
    if small < 3:
        return 1.0
    return overlap(a, b) / small


WORDS = re.compile(r"\w+")


def only_insertions(a: str, b: str) -> bool:
    """Two short texts differ only by added words (a "BRIEF:" label, a site name) or by
    misspellings of the same words — not by replaced ones. A template filled twice
    ("heat advisory ... 9 a.m. Sunday" / "wind advisory ... 6 p.m. Monday") replaces its
    slot values, so the two texts each hold words the other lacks and that no misspelling
    explains; numbers must match exactly."""
    ca, cb = Counter(WORDS.findall(a)), Counter(WORDS.findall(b))
    only_a, only_b = list((ca - cb).elements()), list((cb - ca).elements())
    if not only_a or not only_b:
        return True
    if any(w.isdigit() for w in only_a + only_b):
        return False
    unmatched = list(only_b)
    for w in only_a:
        best = max(unmatched, key=lambda x: SequenceMatcher(None, w, x).ratio(), default=None)
        if best is None or SequenceMatcher(None, w, best).ratio() < 0.7:
            return False
        unmatched.remove(best)
    return True
