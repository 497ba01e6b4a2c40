"""HTML tags left in text inputs (`<br />`, `<p>`, `</p>`, `<b>` in JSONL or .txt text):
stripped as recorded repairs, each with its offset.

Text inputs are plain text by contract, so a tag in them is residue of the scraper that
produced them. A tag is taken out only when it is one by HTML's own grammar and
vocabulary: an element name HTML defines (lxml's table of them), right after `<` or
`</`, attributes written `name="value"` and nothing else before `>`; a bare opening tag
only with its closing tag in the text or at a line's edge. So "a < b and c > d", "x<y",
"<3", "i<n; n>0" and "x<b>y" are text and stay. A tag that breaks the line in a
browser (`<br>`, `<p>`, `<li>`, `<div>`…) becomes a line break, so the line rules see the
paragraphs the markup meant; an inline one (`<b>`, `<span>`, `<a href=…>`) goes without
trace. HTML comments go too. Entities (`&amp;`, `&nbsp;`, `&#8217;`) are decoded by the
encoding repair, which runs first (cleaners/encoding.py).

No library does this for text: an HTML parser treats every `<` as markup and would eat
"x<y and z>w", and trafilatura expects whole pages.
"""

from __future__ import annotations

import re

from lxml.html import defs

from cleaners.document import Repair

# lxml lists <ins> and <del> as blocks; in running text they mark an edit inside a line
BREAKING = (set(defs.block_tags) - {"ins", "del"}) | {
    "br", "article", "aside", "section", "header", "footer", "nav", "figure", "figcaption", "main", "details",
    "summary", "hgroup", "li", "body", "html", "head", "title",
}
VOID = {"br", "hr", "wbr"}  # stand alone by HTML's rules: no closing tag to look for
NAMES = "|".join(sorted(set(defs.tags) | BREAKING, key=lambda n: (-len(n), n)))
ATTR = r"""\s+[A-Za-z_:][-\w:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+)"""
TAG = re.compile(rf"<(?:/(?P<close>{NAMES})\s*|(?P<open>{NAMES})(?P<attrs>(?:{ATTR})*)\s*/?)>|<!--.*?-->",
                 re.IGNORECASE | re.DOTALL)
GAP = re.compile(r"[ \t]*")


def _is_markup(m: re.Match[str], text: str, closers: set[str]) -> bool:
    """A closing tag, a comment, a tag with attributes or a void one are markup as
    written. A bare opening tag ("<b>", "<p>") could be a comparison ("x<b>y"): it is
    markup when its closing tag is in the text or it stands at a line's edge."""
    name = (m.group("open") or "").lower()
    if not name or m.group("attrs") or name in VOID:
        return True
    a, b = m.span()
    at_edge = a == 0 or text[a - 1] == "\n" or b == len(text) or text[b] == "\n"
    return name in closers or at_edge


def _runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, breaks the line) of each run of tags with only spaces between them,
    the spaces around it included."""
    closers = {m.group("close").lower() for m in TAG.finditer(text) if m.group("close")}
    runs: list[tuple[int, int, bool]] = []
    for m in TAG.finditer(text):
        if not _is_markup(m, text, closers):
            continue
        name = (m.group("open") or m.group("close") or "").lower()
        a, b = m.span()
        a -= len(text[:a]) - len(text[:a].rstrip(" \t"))
        b = GAP.match(text, b).end()  # type: ignore[union-attr]
        if runs and a <= runs[-1][1]:
            runs[-1] = (runs[-1][0], b, runs[-1][2] or name in BREAKING)
        else:
            runs.append((a, b, name in BREAKING))
    return runs


def strip_markup(text: str) -> tuple[str, list[Repair]]:
    """`text` without its HTML tags, and one repair per run of tags (offsets into `text`)."""
    if "<" not in text:
        return text, []
    out: list[str] = []
    repairs: list[Repair] = []
    pos = 0
    for a, b, breaks in _runs(text):
        run = text[a:b]
        at_edge = text[:a].strip() == "" or text[b:].strip() == ""
        line_edge = a == 0 or text[a - 1] == "\n" or b == len(text) or text[b] == "\n"
        if at_edge or line_edge:
            new = ""  # the line already breaks here
        elif breaks:
            new = "\n"
        else:
            new = " " if run[:1].isspace() or run[-1:].isspace() else ""
        out += [text[pos:a], new]
        pos = b
        repairs.append(Repair("markup", run, new, 1, a))
    if not repairs:
        return text, []
    out.append(text[pos:])
    return "".join(out), repairs
