"""Shared pieces of the bad-input suite (issue 8): distinct generated texts, one `presswash
run` with its guards (exit 0, counts in = out, nothing written outside OUT and STATE), and
`Planted`: what a planter put on disk and what the ledger must say about each document.

An expected outcome is `"kept"`, `"duplicate"` or `"rejected:<reason code>"` (README table).
A planted document is keyed by a tuple of ledger ids of which exactly one must appear
(one id in almost every case; two where the README leaves the form open, e.g. a WARC
record cut off at the end of its file may be reported under its own id or `file@end`).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import BIN, ROOT
from tests.outputs import corpus, ledger

KEPT, DUPLICATE = "kept", "duplicate"
EXTRACTION_REJECTS = {"rejected:extraction_empty", "rejected:extraction_failed", "rejected:extraction_timeout"}


def rejected(*reasons: str) -> set[str]:
    return {f"rejected:{r}" for r in reasons}


# ---------------------------------------------------------------- distinct texts

NOUNS = """harbour council school market tram festival orchard clinic museum bakery stadium library ferry
    bridge garden tunnel theatre airport factory village river station hospital chapel quarry vineyard
    brewery lighthouse warehouse bus depot canal courthouse pharmacy cinema aquarium mill granary dairy
    observatory greenhouse foundry workshop laboratory shipyard monastery pier reservoir dam forest meadow
    plaza arcade tower pavilion boulevard avenue cathedral college kindergarten orchestra choir union
    cooperative newspaper bookshop gallery zoo campsite marina runway highway junction viaduct sawmill
    kiln tannery creamery hatchery apiary nursery arena velodrome racecourse barracks fortress castle
    manor cottage farmhouse barn stable kennel silo""".split()
ADJS = """new old northern southern eastern western rebuilt flooded crowded quiet busy historic modern
    small large local regional coastal rural urban popular disputed costly restored temporary permanent
    shared private public volunteer municipal riverside hillside lakeside derelict famous""".split()
VERBS = """reopened closed expanded welcomed reported approved rejected delayed celebrated inspected
    renovated hosted postponed funded surveyed replaced repaired opened questioned praised""".split()
PEOPLE = """Okafor Lindqvist Moreau Tanaka Novak Alvarez Brennan Kowalski Haddad Petrov Osei Dubois
    Ferreira Nakamura Jansen Rossi Schneider Kaur Olsen Mbeki""".split()

_COUNTER = itertools.count(1)


def story(n: int | None = None) -> str:
    """A short article (3 paragraphs, ~110 words) sharing no sentence with any other `story`."""
    n = next(_COUNTER) if n is None else n
    rnd = random.Random(n * 7919 + 17)

    def w(pool: list[str]) -> str:
        return rnd.choice(pool)

    def sentence() -> str:
        forms = [
            f"The {w(ADJS)} {w(NOUNS)} near the {w(NOUNS)} {w(VERBS)} on day {rnd.randint(1, 9000)} "
            f"after {rnd.randint(3, 900)} residents asked about the {w(NOUNS)}.",
            f"Officials from the {w(NOUNS)} said the {w(ADJS)} {w(NOUNS)} would be {w(VERBS)} "
            f"before the {w(NOUNS)} and the {w(NOUNS)} were {w(VERBS)}.",
            f"{w(PEOPLE)}, who runs the {w(NOUNS)}, told reporters that {rnd.randint(2, 500)} "
            f"visitors came to the {w(ADJS)} {w(NOUNS)} last week.",
            f"A survey of {rnd.randint(50, 9999)} people found that most wanted the {w(NOUNS)} "
            f"beside the {w(ADJS)} {w(NOUNS)} to stay open.",
        ]
        return rnd.choice(forms)

    paras = [" ".join(sentence() for _ in range(3)) for _ in range(3)]
    return f"Report {n}: " + "\n\n".join(paras)


def html_page(text: str, title: str | None = None, head: str = '<meta charset="utf-8">') -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    title = title or " ".join(text.split()[2:8]).title()
    return (f"<html><head>{head}<title>{title} | Daily Courier</title></head><body>"
            f'<nav><a href="/">Home</a> <a href="/city">City</a></nav>'
            f"<article><h1>{title}</h1>\n{paras}\n</article><footer>Contact the newsroom</footer></body></html>")


def first_sentence(text: str) -> str:
    return text.split(". ")[0]


def jsonl(rows: list[object]) -> bytes:
    """JSON lines; bytes rows are written as they are (broken lines, BOMs, no newline)."""
    out = []
    for r in rows:
        out.append(r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() + b"\n")
    return b"".join(out)


# ---------------------------------------------------------------- what was planted

@dataclass
class Planted:
    expect: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    contains: dict[str, list[str]] = field(default_factory=dict)
    absent: dict[str, list[str]] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)

    def add(self, ids: str | tuple[str, ...], outcomes: str | set[str], contains: list[str] | tuple[str, ...] = (),
            absent: list[str] | tuple[str, ...] = ()) -> None:
        key = (ids,) if isinstance(ids, str) else ids
        assert key not in self.expect, f"planted twice: {key}"
        self.expect[key] = {outcomes} if isinstance(outcomes, str) else set(outcomes)
        if contains:
            self.contains.setdefault(key[0], []).extend(contains)
        if absent:
            self.absent.setdefault(key[0], []).extend(absent)

    def merge(self, other: Planted) -> Planted:
        for key, outcomes in other.expect.items():
            assert key not in self.expect, f"planted twice: {key}"
            self.expect[key] = outcomes
        for k, v in other.contains.items():
            self.contains.setdefault(k, []).extend(v)
        for k, v in other.absent.items():
            self.absent.setdefault(k, []).extend(v)
        self.skipped.update(other.skipped)
        return self

    @property
    def documents(self) -> int:
        return len(self.expect)


# ---------------------------------------------------------------- one run and its guards

@dataclass
class Run:
    out: Path
    led: dict[str, dict[str, Any]]
    stats: dict[str, Any]
    texts: dict[str, str]
    seconds: float
    stderr: str
    peak_rss: int  # bytes, of the largest process of the run


def outcome(rec: dict[str, Any]) -> str:
    if rec["status"] == "rejected":
        return "rejected:" + (rec["reason"] or "").split(":")[0]
    return str(rec["status"])


def _tree(root: Path, skip: set[Path]) -> set[str]:
    found = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        d = Path(dirpath)
        dirnames[:] = [n for n in dirnames if d / n not in skip]
        found.update(str((d / n).relative_to(root)) for n in dirnames + filenames)
    return found


def _outside(tmp: Path, out: Path, state: Path) -> dict[str, set[str]]:
    """Everything a run could touch besides OUT and STATE."""
    return {"tmp tree": _tree(tmp, {out, state}), "tmp parent": set(os.listdir(tmp.parent)),
            "project top level": set(os.listdir(ROOT)), "project parent": set(os.listdir(ROOT.parent)),
            "/": set(os.listdir("/"))}


MEASURE = ("import resource, subprocess, sys\n"
           "rc = subprocess.call(sys.argv[1:])\n"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
           "sys.exit(rc)\n")


def run(env: dict[str, str], tmp: Path, inputs: list[Path | str], config: str | None = None,
        extra: list[str] | None = None, timeout: float = 240) -> Run:
    """`presswash run INPUTS` into tmp/out with STATE tmp/state from the empty folder tmp/cwd,
    against the session Prefect server (`env`), under a parent that reports the peak RSS of
    the largest process of the run (the flow process or a pool worker)."""
    out, state, cwd = tmp / "out", tmp / "state", tmp / "cwd"
    cwd.mkdir(exist_ok=True)
    args = ["run", *map(str, inputs), "--out", str(out), "--state", str(state), *(extra or [])]
    if config is not None:
        path = tmp / "presswash.toml"
        path.write_text(config)
        args += ["--config", str(path)]
    before = _outside(tmp, out, state)
    t = time.monotonic()
    res = subprocess.run([sys.executable, "-c", MEASURE, str(BIN / "presswash"), *args], env=env, cwd=cwd,
                         capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - t
    assert res.returncode == 0, f"presswash exited {res.returncode}:\n{res.stderr[-3000:]}"
    after = _outside(tmp, out, state)
    for where, names in before.items():
        assert after[where] == names, f"written outside OUT and STATE ({where}): {sorted(after[where] ^ names)}"
    led = ledger(out)
    stats = json.loads((out / "stats.json").read_text())
    d = stats["documents"]
    assert d["in"] == d["kept"] + d["duplicate"] + d["rejected"] == len(led), (d, len(led))
    peak = int(res.stdout.strip().splitlines()[-1]) * 1024
    return Run(out, led, stats, corpus(out), seconds, res.stderr, peak)


def verify(r: Run, p: Planted, complete: bool = True) -> None:
    """Every planted document has exactly one ledger record with an allowed outcome, kept
    texts hold what they must; when `p` is all the run read (`complete`), the ledger holds
    nothing else and the skips are counted."""
    problems, seen = [], set()
    for key, allowed in p.expect.items():
        hits = [k for k in key if k in r.led]
        if len(hits) != 1:
            problems.append(f"{key!r}: {len(hits)} ledger records")
            continue
        rec = r.led[hits[0]]
        seen.add(hits[0])
        if outcome(rec) not in allowed:
            problems.append(f"{hits[0]!r}: {outcome(rec)} ({rec['reason']!r}), expected one of {sorted(allowed)}")
    for extra in sorted(set(r.led) - seen)[:20] if complete else ():
        rec = r.led[extra]
        problems.append(f"unplanted ledger record {extra!r}: {outcome(rec)} ({rec['reason']!r})")
    for doc_id, subs in p.contains.items():
        if r.led.get(doc_id, {}).get("status") != "kept":
            continue  # its outcome is reported above when it was meant to be kept
        text = r.texts.get(doc_id, "")
        problems += [f"{doc_id!r}: corpus text lacks {s!r} (text starts {text[:120]!r})" for s in subs if s not in text]
    for doc_id, subs in p.absent.items():
        text = r.texts.get(doc_id, "")
        problems += [f"{doc_id!r}: corpus text holds {s!r}" for s in subs if s in text]
    read = r.stats["steps"].get("read", {})
    for kind, n in p.skipped.items() if complete else ():
        if read.get(f"skipped:{kind}", 0) != n:
            problems.append(f"stats steps.read skipped:{kind} = {read.get(f'skipped:{kind}', 0)}, expected {n}")
    assert not problems, "\n".join(problems)
