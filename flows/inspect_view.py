"""Rendering of `presswash inspect` with rich (or JSON for scripts)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cleaners.inspect import find_document, rule_summary
from cleaners.outputs import LedgerRecord


def show_document(out: Path, doc_id: str, as_json: bool) -> bool:
    doc = find_document(out, doc_id)
    if doc is None:
        return False
    if as_json:
        print(json.dumps(doc | {"ledger": doc["ledger"].to_json()}, ensure_ascii=False, indent=1))
        return True
    con = Console()
    led: LedgerRecord = doc["ledger"]
    status = led.status + (f" → {led.duplicate_of}" if led.duplicate_of else "")
    status += f" ({led.reason})" if led.reason else ""
    con.print(Text.assemble(("document ", "bold"), (doc_id, "bold cyan"), "  status: ", (status, "bold")))
    if doc["pre_clean_text"] is None:
        con.print("(no text: the document was rejected before or during cleaning)")
        return True
    body = Text()
    pos = 0
    pre = doc["pre_clean_text"]
    for r in doc["removals"]:
        body.append(pre[pos:r["start"]])
        body.append(pre[r["start"]:r["end"]], style="strike red")
        body.append(f"⟨{r['rule']}⟩", style="bold magenta")
        pos = r["end"]
    body.append(pre[pos:])
    con.print(body)
    if doc["removals"]:
        t = Table(title="removed spans (offsets into the pre-clean text)")
        for col in ("rule", "start", "end", "text"):
            t.add_column(col)
        for r in doc["removals"]:
            t.add_row(r["rule"], str(r["start"]), str(r["end"]), repr(r["text"][:80]))
        con.print(t)
    if doc["repairs"]:
        t = Table(title="encoding repairs (not removals)")
        for col in ("kind", "before", "after", "count"):
            t.add_column(col)
        for r in doc["repairs"]:
            t.add_row(r["kind"], repr(r["before"][:60]), repr(r["after"][:60]), str(r["count"]))
        con.print(t)
    return True


def show_rule(out: Path, rule: str, limit: int, as_json: bool) -> None:
    s = rule_summary(out, rule, limit)
    if as_json:
        print(json.dumps(s, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"rule {rule}: {s['removals']} spans removed from {s['documents']} documents")
    t.add_column("count", justify="right")
    t.add_column("removed text")
    for row in s["top"]:
        t.add_row(str(row["count"]), row["text"][:120])
    Console().print(t)
