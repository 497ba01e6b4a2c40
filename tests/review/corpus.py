"""A small corpus of near-duplicate stories for the review tests: `STORIES` stories of
`COPIES` copies each (every copy edits one sentence of the original, so all of a story's
copies cluster by Jaccard) and two unrelated articles. Ids say what a document is:
`s1-c0` is the original of story 1 (earliest date: the keeper by default), `s1-c2` its
second copy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.outputs import WORDS

STORIES, COPIES = 3, 3


def sentence(story: int, i: int) -> str:
    w = [WORDS[(story * 5 + i * 3 + k) % len(WORDS)] for k in range(6)]
    return (f"On day {story * 41 + i} the {w[0]} near the {w[1]} drew {story * 97 + i * 13} visitors from "
            f"{story * 7 + i} towns, while the {w[2]} and the {w[3]} stayed closed until the {w[4]} "
            f"reopened beside the {w[5]} at {i + 6} o'clock.")


def text_of(story: int, copy: int) -> str:
    lines = [sentence(story, i) for i in range(12)]
    if copy:
        lines[copy] = lines[copy].replace("visitors", "guests").replace("towns", "villages")
    return "\n\n".join(lines)


def documents() -> list[dict[str, Any]]:
    docs = [{"id": f"s{s}-c{c}", "source": f"site{c}.example", "url": f"https://site{c}.example/{s}",
             "date": f"2024-05-0{c + 1}", "text": text_of(s, c)} for s in range(STORIES) for c in range(COPIES)]
    for u in range(2):  # unrelated articles: kept, in no cluster
        docs.append({"id": f"u{u}", "source": "other.example", "url": f"https://other.example/{u}",
                     "date": "2024-05-01", "text": "\n\n".join(sentence(10 + u * 3, i) for i in range(12))})
    return docs


def write(path: Path) -> list[dict[str, Any]]:
    docs = documents()
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs
