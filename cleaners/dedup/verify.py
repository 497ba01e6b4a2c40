"""Candidate pairs from LSH are checked on the true sets before they may merge.

Signatures only estimate similarity and LSH at a low threshold proposes many pairs, so
every pair is judged on its shingle sets: true Jaccard, or containment (overlap
coefficient) so a teaser or cut-down copy joins its full story. Guards keep apart what
only looks alike: very short documents need a high Jaccard (a template-filled brief
shares most shingles with its siblings); and documents whose names and numbers differ
(a template filled with other values: another story) are not copies however much
wording they share.

Two checks read letters, for copies whose words are damaged: the character 5-grams of
the OCR-folded words (`chars`: a copy with misread or mistyped words keeps most of
them), and the facts in the slots (`facts`: a number or a capitalised word after the
same two words holding another value; two or more such and the pair is one template
filled twice, whatever else agrees; so is one such fact when, names and numbers masked,
the two are one frame). Documents of an earlier run stored without these
features are judged on words alone.

Each verdict also names the check that decided it and its margin: how far the deciding
score is past that check's threshold (negative: short of it), and the guard nearest to
firing with its own margin. The review queue ranks doubt by these alone, whatever the
check is called, so a new check only has to report a name and a margin.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
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
    check: str = ""  # the check that decided (or came nearest to deciding) the merge
    margin: float = -1.0  # its score minus its threshold
    guard: str = ""  # the guard nearest to keeping the pair apart ("" when none applied)
    guard_margin: float = 1.0  # how far that guard is from firing
    chars: float = 0.0  # the larger of Jaccard and containment of the character 5-grams
    facts: int = 0  # facts that differ (slots with the same context and another value)

    @property
    def doubt(self) -> float:
        """The smaller of the two margins: how little would have to change to flip it."""
        return min(self.margin, self.guard_margin) if self.guard else self.margin


NONE = np.zeros(0, np.uint32)
NUMBER = np.uint32(1 << 31)  # the letters bit of a fact that is a number


@dataclass(frozen=True)
class DocSets:
    """What verification reads of a document (sorted unique uint32 hash sets)."""

    sh: np.ndarray  # word shingles
    ent: np.ndarray  # names and numbers
    msh: np.ndarray  # shingles with names and numbers masked
    short: str = ""  # the normalised text of a short document, else ""
    ch: np.ndarray = field(default_factory=lambda: NONE)  # sampled character 5-grams of the OCR-folded words
    fct: np.ndarray = field(default_factory=lambda: NONE)  # facts by context: (key, value, letters) flattened


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
    near_exact = jac >= cfg.exact_like
    masked = jaccard(a.msh, b.msh)
    if small < cfg.min_shingles:
        if large >= cfg.teaser_ratio * small:  # a teaser of a longer story
            ok = cont >= cfg.teaser_containment
            rules = [("teaser", cont - cfg.teaser_containment)]
        else:  # two briefs: one template filled twice looks like this too
            same_words = near_exact or not a.short or not b.short or only_insertions(a.short, b.short)
            ok = jac >= cfg.short_jaccard and same_words
            rules = [("short", jac - cfg.short_jaccard if same_words else -1.0)]
    else:
        ok = (jac >= cfg.min_jaccard or cont >= cfg.min_containment) or (
            # heavier edits (OCR noise, rewording) still count when the names and numbers agree
            (jac >= cfg.loose_jaccard or cont >= cfg.loose_containment) and ent >= cfg.loose_entities)
        rules = [("jaccard", jac - cfg.min_jaccard), ("containment", cont - cfg.min_containment),
                 ("loose", min(max(jac - cfg.loose_jaccard, cont - cfg.loose_containment), ent - cfg.loose_entities))]
    # one template filled with other names and numbers: masked, the two are nearly one text
    template = masked - jac >= cfg.template_gap and ent < cfg.template_entities
    check, margin = max(rules, key=lambda r: r[1])
    guards = [("entities", ent - cfg.min_entity_agreement),
              ("template", max(cfg.template_gap - (masked - jac), ent - cfg.template_entities))]
    subs = substitutions(a.fct, b.fct)
    facts = fact_margin(subs, cfg)
    if len(a.fct) and len(b.fct):  # or one fact differs in a frame that masks to the same text
        facts = min(facts, max(cfg.frame_masked - masked, cfg.frame_gap - (masked - jac), 0.5 - subs))
    ok = ok and not template and ent >= cfg.min_entity_agreement and facts > 0
    chars = 0.0
    if small >= cfg.min_shingles and len(a.ch) and len(b.ch):
        # damaged words (OCR, typing): the letters still agree where the words do not; the
        # facts in the slots say whether it is the same story, as names may be misread too
        cinter = overlap(a.ch, b.ch)
        cj, cc = cinter / (len(a.ch) + len(b.ch) - cinter), cinter / min(len(a.ch), len(b.ch))
        chars = max(cj, cc)
        crule = max(cj - cfg.char_jaccard, cc - cfg.char_containment)
        if not ok and crule >= 0 and facts > 0:
            return Verdict(True, jac, cont, ent, masked, template, "chars", crule, "facts", facts, chars, subs)
        if crule > margin and not ok:
            check, margin = "chars", crule
    if len(a.fct) and len(b.fct):  # (a document of an earlier run may have none stored)
        guards.append(("facts", facts))
    guard, guard_margin = min(guards, key=lambda g: g[1])
    sure = ("facts", facts) if len(a.fct) and len(b.fct) else ("", 1.0)
    # a near-exact copy is one whatever its names say (unless its facts differ): the other
    # guards do not apply to it, and it is as sure as the surer of that check and the
    # ordinary ones with their guards
    if near_exact and facts > 0 and jac - cfg.exact_like > min(margin, guard_margin):
        return Verdict(True, jac, cont, ent, masked, template, "near_exact", jac - cfg.exact_like, *sure, chars, subs)
    return Verdict(ok or (near_exact and facts > 0), jac, cont, ent, masked, template, check, margin, guard,
                   guard_margin, chars, subs)


def substitutions(a: np.ndarray, b: np.ndarray) -> int:
    """Facts that differ between two texts: slots (a number or a capitalised word) with
    the same two words before them holding another value. Two numbers differ when their
    values do; two words when they differ by 3 letters or more (a misread or mistyped
    name differs by one or two); a number written out in words is no other fact."""
    if not len(a) or not len(b):
        return 0
    fa, fb = a.reshape(-1, 3), b.reshape(-1, 3)
    _, ia, ib = np.intersect1d(fa[:, 0], fb[:, 0], assume_unique=True, return_indices=True)
    va, vb, la, lb = fa[ia, 1], fb[ib, 1], fa[ia, 2], fb[ib, 2]
    num_a, num_b = (la & NUMBER) != 0, (lb & NUMBER) != 0
    letters = np.bitwise_count(la ^ lb)
    differ = (va != vb) & ((num_a & num_b) | (~num_a & ~num_b & (letters >= 3)))
    return int(differ.sum())


def fact_margin(subs: int, cfg: DedupConfig) -> float:
    """How far the facts guard is from firing (it fires at `fact_substitutions` facts
    that differ): positive, apart by that share of the limit."""
    return (cfg.fact_substitutions - 0.5 - subs) / cfg.fact_substitutions


def chain_margin(v: Verdict, floor: float, chain_entities: float) -> float:
    """How far a document joining a cluster through one of its copies (not verified
    against the keeper itself) is past the chain rule: it keeps `floor` of the keeper
    and `chain_entities` of its names and numbers, and is no filled-in template."""
    template = -1.0 if v.template else 1.0
    return min(max(v.jaccard, v.containment) - floor, v.entities - chain_entities, template)


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
