"""The keeper of a cluster follows the configured policy and not the input order."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cleaners.config import Config, DedupConfig
from tests.inprocess import run
from tests.outputs import ledger

STORY = ("The regional transport authority approved a new tram line on Thursday, linking the harbour district "
         "with the university campus and the main railway station. Officials said construction would begin "
         "next spring and take three years, with trams running every six minutes at peak times. The project "
         "is expected to cost 420 million euros, most of it paid by the national government, and will add "
         "eleven stops along a route of nine kilometres. Residents near the planned depot have raised "
         "concerns about noise, and the authority promised a public consultation before the final design.")
COPIES = [  # (id, source, date, extra text): the same story as five sites published it
    ("d-beta", "beta.example", "2024-03-04", ""),
    ("a-alpha", "alpha.example", "2024-03-05", " Read the full story at Alpha."),
    ("c-gamma", "wire.example", "2024-03-03", " The authority will publish the route map on its website."),
    ("e-delta", "delta.example", None, " A second consultation is planned for the autumn, the mayor said."),
    ("b-eps", "eps.example", "2024-03-06", ""),
]
EXPECTED = {"earliest_date": "c-gamma", "longest": "e-delta", "preferred_source": "b-eps", "smallest_id": "a-alpha"}


def write(path: Path, order: list[int]) -> None:
    rows = []
    for i in order:
        doc_id, source, date, extra = COPIES[i]
        rows.append({"id": doc_id, "source": source, "date": date, "text": STORY + extra})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


@pytest.mark.parametrize("policy", sorted(EXPECTED))
def test_keeper_is_order_independent(tmp_path: Path, policy: str) -> None:
    cfg = Config(dedup=DedupConfig(keeper=policy, preferred_sources=("eps.example",)))
    keepers = set()
    for n, seed in enumerate((1, 2, 3)):
        order = list(range(len(COPIES)))
        random.Random(seed).shuffle(order)
        path = tmp_path / f"in{n}.jsonl"
        write(path, order)
        out = tmp_path / f"out{n}"
        run([path], out, tmp_path / f"state{n}", cfg)
        led = ledger(out)
        kept = [i for i, r in led.items() if r["status"] == "kept"]
        assert len(kept) == 1
        assert all(r["duplicate_of"] == kept[0] for r in led.values() if r["status"] == "duplicate")
        keepers.add(kept[0])
    assert keepers == {EXPECTED[policy]}
