"""What a run did to one document, or what one rule removed: read back from OUT alone.

The pre-clean text is rebuilt from the clean text and the removals (every removed span
is recorded with its offsets into the pre-clean text, and the clean text is exactly the
pre-clean text without them), so OUT need not store the text twice.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from cleaners.io.shards import read_records
from cleaners.outputs import LedgerRecord


def _shards(out: Path, sub: str) -> list[Path]:
    folder = out / sub
    return sorted(p for p in folder.glob("*.jsonl*") if p.is_file()) if folder.exists() else []


def _find(out: Path, sub: str, doc_id: str) -> list[dict[str, Any]]:
    return [r for p in _shards(out, sub) for r in read_records(p) if r.get("id") == doc_id]


def rebuild(clean: str, removals: list[dict[str, Any]]) -> str:
    """The pre-clean text: the clean text with every removed span put back."""
    parts, cur, kept = [], 0, 0
    for r in sorted(removals, key=lambda r: r["start"]):
        gap = r["start"] - cur  # kept text between the previous removal and this one
        parts.append(clean[kept:kept + gap])
        kept += gap
        parts.append(r["text"])
        cur = r["end"]
    parts.append(clean[kept:])
    return "".join(parts)


def find_document(out: Path, doc_id: str) -> dict[str, Any] | None:
    """Its ledger record (a `LedgerRecord`), clean and pre-clean text, removals and repairs."""
    ledger = _find(out, "ledger", doc_id)
    if not ledger:
        return None
    rec = LedgerRecord.from_json(ledger[0])
    text = None
    for sub in ("corpus", "dedup/texts"):
        hit = _find(out, sub, doc_id)
        if hit:
            text = hit[0]["text"]
            break
    removals = sorted(_find(out, "removals", doc_id), key=lambda r: r["start"])
    repairs = _find(out, "repairs", doc_id)
    return {"ledger": rec, "text": text, "removals": removals, "repairs": repairs,
            "pre_clean_text": rebuild(text, removals) if text is not None else None}


def rule_summary(out: Path, rule: str, limit: int = 25) -> dict[str, Any]:
    """The texts `rule` removed most often across the run, with counts and documents."""
    texts: Counter[str] = Counter()
    docs: set[str] = set()
    total = 0
    for path in _shards(out, "removals"):
        for r in read_records(path):
            if r["rule"] == rule:
                total += 1
                docs.add(r["id"])
                texts[" ".join(r["text"].split())] += 1
    return {"rule": rule, "removals": total, "documents": len(docs),
            "top": [{"text": t, "count": n} for t, n in texts.most_common(limit)]}
