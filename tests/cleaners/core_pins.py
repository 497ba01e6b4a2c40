"""Digests of what the compiled core computes on every text of the DEV sets: the line
features, the spam lines and each first-stage rule's spans.

When the core replaced the Python rules' scanning, every one of these values was checked
equal to the Python implementation's on the DEV sets, generated news, the real pages and
our held-out-style sets (115k lines, 5.6k documents); the digests in `core_pins.json`
were written then, so a change in the core's outputs is a test failure until someone
decides it is right and writes them anew:

    python -m tests.cleaners.core_pins --write
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from cleaners import _textcore as core

HERE = Path(__file__).resolve().parent
PINS = HERE / "core_pins.json"
SHARED = HERE.parents[2] / "shared" / "eval"
FILES = {"cleaning": "cleaning/input.jsonl", "neardup": "neardup/input.jsonl", "extraction": "extraction/gold.jsonl"}
RULES = ("spam_glued", "spam_inserted", "spam_phrase", "spam_url", "script_text", "inline_cta")


def texts(name: str, shared: Path = SHARED) -> Iterator[tuple[str, str]]:
    """(source, text) of each document of a DEV file (the extraction set's gold texts)."""
    path = shared / FILES[name]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            yield d.get("source") or "", d.get("text") or ""


def describe(source: str, text: str) -> list[object]:
    """Everything the core says about one document, as JSON-able values."""
    label = core.site_label(source) if source else ""
    cols = core.line_features(text, source, label, 14)
    script = core.main_script(text)
    language = core.latin_language(text) if script == "Latin" else script
    sentence = [bool(f & dict(core.FLAGS)["SENTENCE"]) for f in cols[core.COLUMNS.index("flags")]]
    return [script, language, [list(c) for c in cols], core.spam_lines(text, script, sentence),
            [core.rule_spans(r, text, script, language, 2) for r in RULES]]


def digest(name: str, shared: Path = SHARED) -> str:
    h = hashlib.sha256()
    for source, text in texts(name, shared):
        h.update(json.dumps(describe(source, text), ensure_ascii=False).encode())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write core_pins.json from the core as it is")
    args = ap.parse_args()
    pins = {name: digest(name) for name in FILES}
    if args.write:
        PINS.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n")
    print(json.dumps(pins, indent=1))


if __name__ == "__main__":
    main()
