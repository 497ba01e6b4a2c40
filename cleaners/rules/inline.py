"""Furniture glued into a paragraph by the scraper: ad-script text and a trailing call to
action after the paragraph's last sentence ("… said. Read More »").

Both are found by shape: script text is a run of code tokens (identifiers with dots,
`=`, `||`, brackets, `;`) that prose never produces; a glued call to action is a short
fragment without sentence punctuation after a finished sentence, ending in an arrow or
made of furniture words. Text inside a sentence is never touched.
"""

from __future__ import annotations

import regex as re

from cleaners.document import Removal
from cleaners.rules.base import DocContext, SpanRule
from cleaners.rules.lexicon import FURNITURE
from cleaners.rules.spam import lines_of

CODE_MARKS = re.compile(r"[(){}\[\];=|]")
CODE_WORDS = {"function", "var", "let", "const", "window", "document", "return", "new", "=", "||", "&&", "=>"}
DOTTED = re.compile(r"^[\w$]+(?:\.[\w$]+)+[;,]?$")
ARROWS = "»›→▶►…>"
TAIL = re.compile(r"(?<=[.!?]['\"”’)]?)(\s+)([^\s.!?][^.!?\n]{0,40}?)\s*$")


def code_runs(line: str) -> list[tuple[int, int]]:
    """(start, end) of runs of code-like tokens holding a statement end (";"): tokens
    with brackets, "=", "||" or ";", dotted identifiers, or JavaScript keywords."""
    runs: list[tuple[int, int]] = []
    cur: list[re.Match[str]] = []

    def close() -> None:
        if len(cur) >= 2:
            frag = line[cur[0].start():cur[-1].end()]
            marks = len(CODE_MARKS.findall(frag))
            if ";" in frag and marks >= 4 and ("(" in frag or "=" in frag):
                runs.append((cur[0].start(), cur[-1].end()))
        cur.clear()

    for m in re.finditer(r"\S+", line):
        tok = m.group()
        code = bool(CODE_MARKS.search(tok)) or tok in CODE_WORDS or bool(DOTTED.match(tok))
        if code:
            cur.append(m)
        else:
            close()
    close()
    return runs


class ScriptText(SpanRule):
    """Ad/analytics JavaScript left in the text (`(adsbygoogle = window.adsbygoogle ||
    []).push({});`), as a line of its own or glued to a paragraph."""

    name = "script_text"

    def spans(self, text: str, ctx: DocContext) -> list[Removal]:
        if not (";" in text and ("(" in text or "=" in text)):
            return []
        out = []
        for offset, line in lines_of(text):
            if ";" not in line:
                continue
            for a, b in code_runs(line):
                if a > 0 and line[a - 1] == " ":
                    a -= 1
                out.append(Removal(self.name, offset + a, offset + b, text[offset + a:offset + b]))
        return out


class InlineCallToAction(SpanRule):
    """A short call to action glued after a paragraph's last sentence."""

    name = "inline_cta"

    def spans(self, text: str, ctx: DocContext) -> list[Removal]:
        out = []
        for offset, line in lines_of(text):
            m = TAIL.search(line)
            if not m:
                continue
            tail = m.group(2)
            n_words = len(tail.split())
            if n_words > 5 or not re.search(r"\p{L}", tail):
                continue
            arrow = tail.rstrip()[-1:] in ARROWS
            furniture = bool(FURNITURE.search(tail)) and not re.search(r"\p{Ll}{3,} \p{Ll}{3,} \p{Ll}{3,}", tail)
            if arrow or furniture:
                a, b = offset + m.start(1), offset + m.end(2)
                out.append(Removal(self.name, a, b, text[a:b]))
        return out
