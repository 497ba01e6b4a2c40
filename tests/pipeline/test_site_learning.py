"""Per-site statistics carry across runs through STATE: a daily run that sees a site's
footer in only one of its documents still knows it from earlier days."""

from __future__ import annotations

import json
from pathlib import Path

from tests.inprocess import run
from tests.outputs import corpus

FOOTER = "The Valley Ledger is published by Valley Media Group, a family-owned company since 1951."
TOPICS = ["water rates", "school board", "bridge repair", "hospital wing", "bus routes", "harvest fair",
          "library hours", "flood maps"]


def article(i: int, footer: bool) -> dict[str, str]:
    t = TOPICS[i % len(TOPICS)]
    body = [f"Local officials in district {i} debated the {t} plan on day {i + 3} of the session, "
            f"with {i * 17 + 40} residents attending the meeting at the town hall.",
            f"Council member number {i} said the {t} proposal would be revised before the vote "
            f"scheduled for week {i + 10}, after complaints from {i * 3 + 5} neighbourhood groups.",
            f"The final decision on the {t} question is expected by the end of month {i % 12 + 1}."]
    text = "\n\n".join([f"Council weighs {t} plan {i}"] + body + ([FOOTER] if footer else []))
    return {"id": f"vl-{i}", "url": f"https://valleyledger.example/{i}", "text": text}


def write(path: Path, docs: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    return path


def test_second_run_removes_a_footer_learned_earlier(tmp_path: Path) -> None:
    state = tmp_path / "state"
    day1 = write(tmp_path / "day1.jsonl", [article(i, footer=True) for i in range(6)])
    run([day1], tmp_path / "runs" / "day1", state)
    assert all(FOOTER not in t for t in corpus(tmp_path / "runs" / "day1").values())
    day2 = write(tmp_path / "day2.jsonl", [article(10, footer=True), article(11, footer=False)])
    run([day2], tmp_path / "runs" / "day2", state)
    texts = corpus(tmp_path / "runs" / "day2")
    assert FOOTER not in texts["vl-10"]  # seen once today, six times before
    assert "Council weighs" in texts["vl-10"] and "town hall" in texts["vl-10"]
    # without the earlier days the same run keeps it: one document is no evidence
    run([day2], tmp_path / "alone", tmp_path / "fresh-state")
    assert FOOTER in corpus(tmp_path / "alone")["vl-10"]
