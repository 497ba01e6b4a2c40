"""The inputs of a run in contract order: folders walked recursively in sorted order
without following directory symlinks (a symlink loop cannot trap the walk), the run's own
OUT and STATE skipped where an INPUT folder holds them, an input given twice read once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from cleaners.readers.spec import Plan, shown

TEXT_EXT = (".txt",)
HTML_EXT = (".html", ".htm")
JSONL_EXT = (".jsonl", ".jsonl.gz", ".jsonl.zst")
WARC_EXT = (".warc", ".warc.gz")


def kind_of(name: str) -> str | None:
    lower = name.lower()
    for ext, kind in ((JSONL_EXT, "jsonl"), (WARC_EXT, "warc"), (HTML_EXT, "html"), (TEXT_EXT, "txt")):
        if lower.endswith(ext):
            return kind
    return None


def own_folders(out: str, state: str) -> tuple[str, ...]:
    """Real paths a run writes: OUT, STATE and OUT's staging and swap siblings (their
    names start with `.<OUT name>.`), none of which is ever input."""
    out_path = Path(os.path.realpath(out))
    return str(out_path), os.path.realpath(state), str(out_path.parent / f".{out_path.name}.")


def is_own(path: str, own: tuple[str, ...]) -> bool:
    """True for a folder that is OUT, STATE, or one of OUT's staging siblings."""
    real = os.path.realpath(path)
    out, state, sibling_prefix = own
    return real in (out, state) or real.startswith(sibling_prefix)


def walk(inputs: list[str], plan: Plan, own: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    """(path, id-if-single-document, place name) of every input file, in contract order.
    `own`: the run's OUT and STATE (`own_folders`), skipped where an INPUT holds
    them, so a re-run never reads its own outputs as input."""
    seen: set[str] = set()
    for arg in inputs:
        real = os.path.realpath(arg)
        if real in seen:
            plan.skip("repeated_input", arg)
            continue
        seen.add(real)
        if os.path.isdir(arg):
            yield from _walk_dir(arg, plan, own)
        elif os.path.exists(arg):
            yield arg, shown(os.path.basename(arg)), shown(arg)
        else:
            raise FileNotFoundError(f"input not found: {arg}")


def _walk_dir(root: str, plan: Plan, own: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    entries: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for d in list(dirnames):
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                plan.skip("symlinked_folder", full)
            elif own and is_own(full, own):
                plan.skip("own_output", full)
                dirnames.remove(d)
        for f in filenames:
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, root)
            entries.append((tuple(Path(rel).parts), full))
    for parts, full in sorted(entries):
        rel = "/".join(parts)
        yield full, shown(rel), shown(os.path.join(root, rel))
