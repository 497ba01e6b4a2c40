"""Every kind of bad input in ONE folder through ONE `presswash run` (issue 8): the run exits
0, writes only OUT and STATE, and its ledger holds exactly one record per readable
document, with the status and reason planted. Each category's test reads its part of that
run, so a category whose input crashed the run, vanished or got the wrong outcome fails
by name; the run itself costs ~20 s instead of one run per case.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.badinput import plant_edges as pe
from tests.badinput import plant_files as pf
from tests.badinput import plant_names as pn
from tests.badinput import plant_records as pr
from tests.badinput.helpers import Planted, Run, outcome, run, verify

PLANTERS: dict[str, Callable[[Path], Planted]] = {
    "empty": pf.plant_empty, "binary": pf.plant_binary, "nul": pf.plant_nul, "badutf8": pf.plant_bad_utf8,
    "utf16": pf.plant_utf16, "legacy": pf.plant_legacy, "large": pf.plant_large,
    "repeated": pf.plant_repeated_word, "html": pf.plant_html, "jsonl": pr.plant_jsonl,
    "compressed": pr.plant_compressed, "warc": pr.plant_warc, "names": pn.plant_names, "links": pn.plant_links,
    "pathids": pn.plant_path_ids, "dupids": pn.plant_duplicate_ids,
    "boilerplate_only": pe.plant_boilerplate_only, "boms": pe.plant_boms, "warc_lengths": pe.plant_wrong_lengths,
}
BOMB_INFLATED = 2 * 200 * 10_000_000  # the two bombs' declared content, bytes
pytestmark = [pytest.mark.server, pytest.mark.timeout(240)]


class Combined:
    def __init__(self, run: Run, parts: dict[str, Planted], everything: Planted) -> None:
        self.run, self.parts, self.everything = run, parts, everything


@pytest.fixture(scope="module")
def combined(tmp_path_factory: pytest.TempPathFactory, prefect_server: dict[str, str]) -> Combined:
    tmp = tmp_path_factory.mktemp("badinput")
    parts = {name: plant(tmp / "in") for name, plant in PLANTERS.items()}
    everything = Planted()
    for part in parts.values():
        everything.merge(part)
    return Combined(run(prefect_server, tmp, [tmp / "in"]), parts, everything)


@pytest.mark.parametrize("category", list(PLANTERS))
def test_category(combined: Combined, category: str) -> None:
    """Each planted document of the category: one ledger record, the planted outcome."""
    verify(combined.run, combined.parts[category], complete=False)


def test_one_folder_of_everything_accounts_for_every_readable_document(combined: Combined) -> None:
    r, p = combined.run, combined.everything
    assert len(r.led) == p.documents, f"{len(r.led)} ledger records for {p.documents} readable documents"
    verify(r, p)  # and nothing unplanted, skips counted


def test_duplicate_ids_never_share_a_ledger_record(combined: Combined) -> None:
    """The ledger reader refuses two records with one id; here the positions are checked too:
    the first occurrence keeps the id, later ones are listed under their `file:line`."""
    dups = [(rid, rec) for rid, rec in combined.run.led.items() if outcome(rec) == "rejected:duplicate_id"]
    assert len(dups) == 6, dups
    for rid, rec in dups:
        assert rid == rec["place"] and "seen earlier" in rec["reason"], rec


def test_peak_memory_does_not_follow_the_largest_input(combined: Combined) -> None:
    """4 GB of bombs and 10-12 MB single-line documents: no process of the run holds more than
    a few hundred MB (chunked inflation, over-long lines skipped unheld, oversized files
    rejected by their size)."""
    peak = combined.run.peak_rss
    assert peak < 700 * 1024**2, f"peak RSS {peak / 1024**2:.0f} MiB"
    assert peak < BOMB_INFLATED / 5


def test_edges_record_their_removals_and_repairs(combined: Combined) -> None:
    """A document of nothing but boilerplate is rejected with every removed line recorded
    (offsets into its text); a stripped byte-order mark is an encoding repair."""
    from tests.outputs import records

    out = combined.run.out
    removed: dict[str, list[str]] = {}
    for r in records(out, "removals"):
        removed.setdefault(r["id"], []).append(r["text"])
    for name, text in pe.BOILERPLATE_ONLY.items():
        got = "".join(removed.get(f"boilerplate/{name}", []))
        assert got.split() == text.split(), (name, removed.get(f"boilerplate/{name}"))
    planted = {i for key in combined.parts["boms"].expect for i in key}
    boms = {r["id"] for r in records(out, "repairs") if r["kind"] == "bom"} & planted
    firsts = {i for i in planted if not i.endswith("-1")}  # a file's first record carries its mark
    assert boms == firsts, (sorted(firsts - boms), sorted(boms - firsts))
