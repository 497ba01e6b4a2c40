"""The clean stage: every removal is explained (its rule, its text, offsets into the
pre-clean text), so each document's input text is rebuilt exactly from its clean text and
its removals; the counts per rule match the removals; dates become day numbers."""

from __future__ import annotations

from collections import Counter

import pytest

from cleaners.inspect import rebuild
from cleaners.pipeline.clean import date_ordinal
from cleaners.rules.cleaner import RULES
from tests.cleaners.conftest import GenRun, by_id


def test_the_input_text_is_the_clean_text_plus_its_removals(gen_run: GenRun) -> None:
    texts = {i: r[0]["text"] for sub in ("corpus", "dedup/texts") for i, r in by_id(gen_run.out, sub).items()}
    removals = by_id(gen_run.out, "removals")
    repaired = set(by_id(gen_run.out, "repairs"))
    checked = 0
    for i, src in gen_run.inputs.items():
        if i in repaired:  # its pre-clean text is the repaired one, not the input's
            continue
        assert rebuild(texts[i], removals.get(i, [])) == src["text"], i
        checked += 1
    assert checked >= len(gen_run.inputs) // 2 and len(removals) >= len(gen_run.inputs) // 2


def test_removal_counts_per_rule_match_the_removals(gen_run: GenRun) -> None:
    names = {r.name for r in RULES}
    got = Counter(r["rule"] for rs in by_id(gen_run.out, "removals").values() for r in rs)
    assert set(got) <= names and len(got) >= 4
    steps = gen_run.summary["steps"]
    counted = Counter({k.split(":", 1)[1]: v for step in ("prepare", "clean") for k, v in steps.get(step, {}).items()
                       if k.startswith("removed:")})
    assert counted == got


@pytest.mark.parametrize(("value", "day"), [("2024-03-05", 738950), ("2024-03-05T10:00:00Z", 738950),
                                            (" 2024-03-05 ", 738950), ("March 5", -1), (None, -1), ("", -1)])
def test_dates_become_day_numbers(value: str | None, day: int) -> None:
    assert date_ordinal(value) == day
