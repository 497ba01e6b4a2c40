"""Every verdict names the check that decided it and its margin (score minus that check's
threshold), and the guard nearest to firing with its margin: the review queue ranks doubt
by these alone. Sets are built so each score is known exactly."""

from __future__ import annotations

import numpy as np
import pytest

from cleaners.config import DedupConfig
from cleaners.dedup.verify import DocSets, Verdict, chain_margin, verify

CFG = DedupConfig()


def docs(n_a: int, n_b: int, shared: int, ents: tuple[int, int, int] = (0, 0, 0),
         masked: tuple[int, int, int] | None = None) -> tuple[DocSets, DocSets]:
    """Two documents with n_a and n_b shingles, `shared` of them common; entities and
    masked shingles likewise (n_a, n_b, shared)."""
    def pair(na: int, nb: int, sh: int, base: int) -> tuple[np.ndarray, np.ndarray]:
        a = np.arange(base, base + na, dtype=np.uint32)
        b = np.concatenate([a[:sh], np.arange(base + 10_000, base + 10_000 + nb - sh)]).astype(np.uint32)
        return np.sort(a), np.sort(b)
    sa, sb = pair(n_a, n_b, shared, 0)
    ea, eb = pair(*ents, 100_000)
    ma, mb = pair(*(masked or (n_a, n_b, shared)), 200_000)
    return DocSets(sa, ea, ma), DocSets(sb, eb, mb)


def test_jaccard_decides_with_its_margin() -> None:
    v = verify(*docs(100, 100, 80), CFG)  # Jaccard 80/120
    assert v.ok and v.check == "jaccard"
    assert v.margin == pytest.approx(80 / 120 - CFG.min_jaccard)
    assert v.guard in ("entities", "template") and v.guard_margin > 0


def test_containment_decides_a_cut_copy() -> None:
    v = verify(*docs(100, 300, 90), CFG)  # Jaccard 90/310, containment 0.9
    assert v.ok and v.check == "containment"
    assert v.margin == pytest.approx(0.9 - CFG.min_containment)


def test_loose_needs_agreeing_names_and_reports_the_nearer_limit() -> None:
    a, b = docs(100, 100, 60, ents=(20, 20, 19))  # Jaccard 0.4286, entities 0.95
    v = verify(a, b, CFG)
    assert v.ok and v.check == "loose"
    assert v.margin == pytest.approx(min(60 / 140 - CFG.loose_jaccard, 0.95 - CFG.loose_entities))
    a, b = docs(100, 100, 60, ents=(20, 20, 15))  # names disagree: the loose rule fails
    v = verify(a, b, CFG)
    assert not v.ok and v.margin < 0


def test_teaser_and_short_briefs() -> None:
    v = verify(*docs(20, 200, 18), CFG)  # a 20-shingle teaser inside a long story
    assert v.ok and v.check == "teaser" and v.margin == pytest.approx(0.9 - CFG.teaser_containment)
    v = verify(*docs(30, 30, 28), CFG)  # two briefs of similar size
    assert v.ok and v.check == "short" and v.margin == pytest.approx(28 / 32 - CFG.short_jaccard)


def test_template_guard_near_its_limit_is_the_doubt() -> None:
    # Jaccard 2/3 and 8 of 10 names shared; masking the names raises the Jaccard ...
    a, b = docs(100, 100, 80, ents=(10, 10, 8), masked=(100, 100, 89))  # ... by 0.135: just under the gap
    v = verify(a, b, CFG)
    assert v.ok and v.check == "jaccard" and v.guard == "template"
    assert v.guard_margin == pytest.approx(CFG.template_gap - (89 / 111 - 80 / 120))
    assert v.doubt == v.guard_margin < v.margin
    a, b = docs(100, 100, 80, ents=(10, 10, 8), masked=(100, 100, 100))  # ... by 1/3: one template filled twice
    v = verify(a, b, CFG)
    assert not v.ok and v.template and v.guard == "template" and v.guard_margin < 0


def test_a_near_exact_copy_is_sure_whatever_its_names() -> None:
    v = verify(*docs(100, 100, 97, ents=(10, 10, 2)), CFG)  # Jaccard 0.94, names disagree
    assert v.ok and v.check == "near_exact" and v.margin == pytest.approx(97 / 103 - CFG.exact_like)
    assert not v.guard


@pytest.mark.parametrize("shared", [0, 10, 30, 50, 55, 60, 66, 70, 80, 95, 100])
@pytest.mark.parametrize("ent_shared", [0, 7, 9, 10])
def test_the_margin_has_the_verdicts_sign(shared: int, ent_shared: int) -> None:
    v = verify(*docs(100, 100, shared, ents=(10, 10, ent_shared)), CFG)
    assert (v.doubt >= 0) == v.ok, v


def test_chain_margin() -> None:
    v = Verdict(False, 0.45, 0.6, 0.9)
    assert chain_margin(v, 0.5, 0.8) == pytest.approx(0.1)
    assert chain_margin(Verdict(False, 0.45, 0.6, 0.7), 0.5, 0.8) == pytest.approx(-0.1)
    assert chain_margin(Verdict(False, 0.9, 0.9, 1.0, template=True), 0.5, 0.8) < 0
