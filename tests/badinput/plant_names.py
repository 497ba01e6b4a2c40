"""Planters for what is about names rather than bytes: odd file names, symlinks (a loop, a
dangling link, a FIFO), ids that look like paths, and ids repeated within one run."""

from __future__ import annotations

import os
from pathlib import Path

from tests.badinput.helpers import DUPLICATE, KEPT, Planted, first_sentence, html_page, jsonl, rejected, story
from tests.badinput.plant_files import Where


def plant_names(base: Path, sub: str = "names") -> Planted:
    """Spaces, non-ASCII, a newline, a tab and shell characters in file names: read like any other file."""
    w, p = Where(base, sub), Planted()
    for name in ("with space.txt", "naïve Ünïcode 東京.txt", "new\nline.txt", "tab\tand 'quote'.html",
                 "-starts-with-dash.txt", "semi;colon $HOME `x` #1 %20.txt", "sub dir/ünïcode dir/page.htm"):
        text = story()
        data = html_page(text) if name.endswith((".html", ".htm")) else text
        p.add(w.write(name, data), KEPT, contains=[first_sentence(text)])
    text = story()
    raw = os.fsencode(base / sub) + b"/latin1-\xe9t\xe9.txt"  # a name that is not UTF-8
    with open(raw, "wb") as fh:
        fh.write(text.encode())
    p.add(f"{sub}/latin1-\\xe9t\\xe9.txt", KEPT, contains=[first_sentence(text)])
    return p


def plant_links(base: Path, sub: str = "links") -> Planted:
    """A folder symlink loop (and one to a folder elsewhere) is skipped, never walked; file
    symlinks that point nowhere and a FIFO are `unreadable`; a link to a file reads it."""
    w, p = Where(base, sub), Planted()
    folder = base / sub
    (folder / "loop").mkdir()
    (folder / "loop" / "self").symlink_to("..", target_is_directory=True)
    (folder / "loop" / "deeper").symlink_to(folder / "loop", target_is_directory=True)
    (folder / "up").symlink_to(base, target_is_directory=True)  # the input folder itself
    p.skipped["symlinked_folder"] += 3
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")  # a file symlink loop
    (folder / "gone.html").symlink_to("nowhere.html")
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block the run
    os.mkfifo(folder / "pipe.jsonl")
    for name in ("a.txt", "b.txt", "gone.html", "pipe.txt", "pipe.jsonl"):
        p.add(w.place(name), rejected("unreadable"))  # never read: the ledger id is the place
    text = story()
    w.write("target.txt", text)
    (folder / "z-alias.txt").symlink_to("target.txt")
    p.add(w.id("target.txt"), KEPT, contains=[first_sentence(text)])
    p.add(w.id("z-alias.txt"), DUPLICATE)  # the same bytes under a second name: an exact copy
    return p


def plant_path_ids(base: Path, sub: str = "pathids") -> Planted:
    """JSONL ids shaped like paths are ids, nothing more: kept as given, nothing is written
    where they point (the run guard checks the filesystem), and a copy points at them."""
    w, p = Where(base, sub), Planted()
    texts = [story() for _ in range(5)]
    ids = ["../../x", "/etc/passwd-presswash-test", "..", "a/../../b\\..\\c", "~/.bashrc"]
    rows: list[object] = [{"id": i, "text": t} for i, t in zip(ids, texts, strict=True)]
    rows.append({"id": "../../x-copy", "text": texts[0]})
    w.write("ids.jsonl", jsonl(rows))
    for i, t in zip(ids, texts, strict=True):
        p.add(i, KEPT, contains=[first_sentence(t)])
    p.add("../../x-copy", DUPLICATE)
    return p


def plant_duplicate_ids(base: Path, sub: str = "dupids") -> Planted:
    """One id several times in a run (in a file, across files, across formats, after a
    reject): the first occurrence keeps it, each later one is `duplicate_id` under its place."""
    w, p = Where(base, sub), Planted()
    first, clash = story(), story()
    p.add(w.write("a-clash.txt", clash), KEPT, contains=[first_sentence(clash)])
    w.write("b.jsonl", jsonl([
        {"id": "dup-1", "text": first},
        {"id": "dup-1", "text": story()},  # same id, other text
        {"id": "dup-1", "text": first},  # same id, same text
        {"id": "dup-2", "text": 42},  # rejected, but the id is taken all the same
        {"id": "dup-2", "text": story()},
        {"id": "dup-3", "text": story()},
        {"id": "dup-3", "text": "   "},  # a later occurrence that is also empty
        {"id": f"{sub}/a-clash.txt", "text": story()},  # the id of a .txt file read earlier
    ]))
    w.write("c.jsonl", jsonl([{"id": "dup-1", "text": story()}, {"id": "dup-4", "text": story()}]))
    b, c = w.place("b.jsonl"), w.place("c.jsonl")
    p.add("dup-1", KEPT, contains=[first_sentence(first)])
    p.add("dup-2", rejected("bad_record"))
    p.add("dup-3", KEPT)
    p.add("dup-4", KEPT)
    for place in (f"{b}:2", f"{b}:3", f"{b}:5", f"{b}:7", f"{b}:8", f"{c}:1"):
        p.add(place, rejected("duplicate_id"))
    return p
