"""A small hostile corpus for the report's XSS test: near-duplicate stories (so they
cluster and reach report.html with diffs) whose text, title line, id, source and url
carry script, attribute-breakout, template and `javascript:` probes.

Every probe that would run sets `window.__xss` (or opens a dialog); the test checks that
none did and that the probes show as literal text. Each member of a story carries
different probes than its keeper, so they land inside the diff's <ins>/<del> marks too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.outputs import WORDS

TEXT_PROBES = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload=window.__xss=1>',
    "</script><script>window.__xss=1</script>",
    "<img src=x onerror=alert(1)>",
    "{{7*7}} ${window.__xss=1} {% print(7*7) %}",
    "</textarea><textarea>",
    '</details></div><iframe src="javascript:window.__xss=1"></iframe>',
    '<a href="javascript:window.__xss=1">click here</a>',
    "<!-- --><style>body{display:none}</style>",
]
TITLE_PROBES = ['Council <b onmouseover="window.__xss=1">votes</b> {{7*7}}',
                "Harbour </title><script>window.__xss=1</script>", "Festival ${7*7} <svg/onload=window.__xss=1>"]
ID_PROBES = ["<img src=x onerror=window.__xss=1>", '"><svg onload=window.__xss=1>', "{{7*7}}",
             "</textarea><script>window.__xss=1</script>", "${window.__xss=1}", "javascript:window.__xss=1",
             "' onmouseover='window.__xss=1"]
SOURCE_PROBES = ["<script>window.__xss=1</script>", 'x" onmouseover="window.__xss=1',
                 "news.example'><img src=x onerror=window.__xss=1>", "{{7*7}}.example"]
URL_PROBES = ["javascript:window.__xss=1", " JaVaScRiPt:window.__xss=1",
              "data:text/html,<script>window.__xss=1</script>", 'https://ok.example/"><script>window.__xss=1</script>',
              "vbscript:msgbox(1)",
              "https://ok.example/a?b=<img src=x onerror=window.__xss=1>"]
GOOD_URL = "https://ok.example/story/{n}"
STORIES, COPIES = 4, 3  # 4 clusters of 3 documents


def sentence(story: int, i: int) -> str:
    w = [WORDS[(story * 5 + i * 3 + k) % len(WORDS)] for k in range(6)]
    return (f"On day {story * 41 + i} the {w[0]} near the {w[1]} drew {story * 97 + i * 13} visitors from "
            f"{story * 7 + i} towns, while the {w[2]} and the {w[3]} stayed closed until the {w[4]} "
            f"reopened beside the {w[5]} at {i + 6} o'clock.")


def text_of(story: int, copy: int) -> str:
    """Title line, then 12 sentences; copy c > 0 edits one sentence and carries other probes."""
    title = TITLE_PROBES[(story + copy) % len(TITLE_PROBES)] + f" story {story}"
    lines = [sentence(story, i) for i in range(12)]
    for k in range(3):
        p = TEXT_PROBES[(story * 3 + copy * 2 + k) % len(TEXT_PROBES)]
        at = 2 + 3 * k + copy
        lines[at] = lines[at][:-1] + f", the clerk wrote {p} in the minutes."
    if copy:
        lines[10] = lines[10].replace("visitors", "guests")
    return "\n\n".join([title, *lines])


def documents() -> list[dict[str, Any]]:
    docs = []
    n = 0
    for story in range(STORIES):
        for copy in range(COPIES):
            ids = ID_PROBES + [f"plain-{i}" for i in range(STORIES * COPIES)]
            urls = URL_PROBES + [GOOD_URL.format(n=i) for i in range(STORIES * COPIES)]
            docs.append({"id": ids[n], "source": (SOURCE_PROBES + [f"plain{i}.example" for i in range(20)])[n],
                         "url": urls[n], "date": "2024-05-0" + str(1 + copy), "text": text_of(story, copy)})
            n += 1
    return docs


def write(path: Path) -> list[dict[str, Any]]:
    docs = documents()
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs
