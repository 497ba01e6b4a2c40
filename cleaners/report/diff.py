"""Side-by-side word diffs and links, as escaped HTML: the only places the report turns
scraped text into markup, so every piece of text passes through `escape` here."""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.I)


def side_by_side(a: list[str], b: list[str]) -> tuple[Markup, Markup]:
    """Word diff of keeper words `a` and member words `b`, as two escaped HTML fragments."""
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(x)
            right.append(y)
        else:
            if i2 > i1:
                left.append(Markup("<del>") + x + Markup("</del>"))
            if j2 > j1:
                right.append(Markup("<ins>") + y + Markup("</ins>"))
    return Markup(" ").join(left), Markup(" ").join(right)


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    return url if url and SAFE_URL.match(url) else None
